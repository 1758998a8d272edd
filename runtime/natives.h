// The `natives` object given to the runtime's bootstrap JavaScript, the core
// extension, and NativeHost: what native callbacks need from the runtime.
#ifndef TOYSNAP_RUNTIME_NATIVES_H_
#define TOYSNAP_RUNTIME_NATIVES_H_

#include <cstdint>
#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "runtime/extension.h"
#include "runtime/path_map.h"
#include "runtime/sibling_runtime.h"
#include "v8-context.h"
#include "v8-function-callback.h"
#include "v8-isolate.h"
#include "v8-object.h"
#include "v8-promise.h"

namespace toysnap {

class ExtensionRegistry;

// What native functions need from the runtime that owns their isolate.
class NativeHost {
 public:
  virtual ~NativeHost() = default;
  virtual void Print(int fd, absl::string_view text) = 0;
  virtual void RequestExit(int code) = 0;
  // How file paths seen by JS map to the disk (identity unless building with
  // --path-prefix-map), and whether module paths keep their symlinks.
  virtual const PathMap& path_map() const = 0;
  virtual bool preserve_symlinks() const = 0;
  // Whether the program's output may reach the process's stdout/stderr (and
  // it may read stdin): RuntimeOptions::console.
  virtual bool console_enabled() const = 0;
  // Every file the program read (`content`) or probed (`kind`: 0 missing,
  // 1 file, 2 directory), by recorded path: a build's inputs, for incremental
  // rebuilds.
  virtual void RecordFileRead(absl::string_view path, absl::string_view content) = 0;
  virtual void RecordFileProbe(absl::string_view path, int kind) = 0;
  // A runtime made like this one for another thread (a Worker): restored from
  // the same snapshot when this one was, else bootstrapped fresh.
  virtual absl::StatusOr<std::unique_ptr<SiblingRuntime>> NewSibling(SiblingOptions options) = 0;

  // The host of the isolate's IsolateData, or null.
  static NativeHost* From(v8::Isolate* isolate);
};

// engine.js, natives.loadScript (an extension's lazy scripts), the settle
// callbacks below, and V8's own accessors.
const Extension& CoreExtension();

// A function that settles `resolver` when called: with `bound` (kResolveWithBound)
// or by rejecting with its first argument (kRejectWithArgument). Used as a
// promise reaction by dynamic import().
enum class SettleAs { kResolveWithBound, kRejectWithArgument };
v8::MaybeLocal<v8::Function> NewSettleFunction(v8::Local<v8::Context> context,
                                               v8::Local<v8::Promise::Resolver> resolver,
                                               v8::Local<v8::Value> bound, SettleAs how);

// A fresh object holding one function per native function of every extension.
v8::MaybeLocal<v8::Object> NewNativesObject(v8::Local<v8::Context> context,
                                            const ExtensionRegistry& registry);

// The namespaces of embedders' extensions (Extension::host): an object with
// one object per extension, by name, holding its functions and classes (and
// each set on globalThis when the extension asks). Needs a HandleScope.
absl::StatusOr<v8::Local<v8::Object>> NewHostNamespaces(v8::Local<v8::Context> context,
                                                        const ExtensionRegistry& registry);

// What the bootstrap scripts of an extension built with HostExtension::Script()
// get as `natives`: its own functions and classes on an object whose
// prototype is `shared` (the natives object). Needs a HandleScope.
absl::StatusOr<v8::Local<v8::Object>> NewExtensionNatives(v8::Local<v8::Context> context,
                                                          const Extension& extension,
                                                          v8::Local<v8::Object> shared);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_NATIVES_H_
