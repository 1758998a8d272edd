// What one native module contributes to a runtime: native functions, native
// classes, other addresses V8 must know, its bootstrap JavaScript and per-runtime
// state. Each module declares one `Extension` in its own file; the list of them
// (builtin_extensions.cc, one line each) is composed by ExtensionRegistry.
// Include this to declare an extension.
#ifndef TOYSNAP_RUNTIME_EXTENSION_H_
#define TOYSNAP_RUNTIME_EXTENSION_H_

#include <cstdint>
#include <memory>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "runtime/native_classes.h"
#include "v8-function-callback.h"

namespace toysnap {

struct NativeFunction {
  const char* name;  // property name on the `natives` object given to bootstrap JS
  v8::FunctionCallback callback;
  int length;
  // Optional: what the callback receives as info.Data(), as a v8::External.
  // The registry lists the address as an external reference, so a restored
  // heap gets the restoring process's pointer at the same place in the table
  // (an embedder's host function: embedder_extension.h).
  const void* data = nullptr;
};

// An address V8 keeps in the heap other than a function or class callback
// (a synthetic module's evaluation steps, a V8 accessor).
struct ExternalReference {
  const char* name;
  intptr_t address;
};

// A runtime's private state for one extension, created with the runtime and
// reachable from callbacks through IsolateData::StateOf().
class ExtensionState {
 public:
  virtual ~ExtensionState() = default;
};

// What an embedder's extension adds (host_binding.h); null for built-ins.
struct HostBinding;

struct Extension {
  const char* name;  // unique; names the extension in errors and `toysnap info`
  // Bump when what a snapshot holds of this extension changes meaning; part of
  // the snapshot's record of the extension set.
  int version;
  absl::Span<const NativeFunction> functions;    // on `natives`, by name
  absl::Span<const NativeFunction> callbacks;    // for functions the C++ side makes
  absl::Span<const NativeClass* const> classes;  // on `natives`, by class name
  absl::Span<const ExternalReference> references;
  // Bootstrap scripts by embedded file name ("timers.js"), run in this order
  // after those of earlier extensions. Each evaluates to function(natives, internals).
  absl::Span<const absl::string_view> js;
  // Optional: makes the extension's per-runtime state.
  std::unique_ptr<ExtensionState> (*create_state)() = nullptr;
  // Embedded scripts that are not run at bootstrap, but the first time the
  // extension's JS calls natives.loadScript(name), which returns the script's
  // completion value (a function(natives, internals), as bootstrap scripts
  // are): big modules few programs use stay out of every heap and start-up.
  absl::Span<const absl::string_view> lazy_js = {};
  // Classes registered as `classes` are (external references, restoring
  // their instances from a snapshot), but not installed at bootstrap: the
  // extension installs them itself (InstallNativeClasses) when its JS first
  // needs them, so their templates stay out of every heap that does not.
  absl::Span<const NativeClass* const> lazy_classes = {};
  // An embedder's extension (embedder_extension.h): its functions and classes
  // go to its own namespace (a `host:` module) instead of `natives`, its ES
  // modules are served from memory, and its state comes from a factory.
  const HostBinding* host = nullptr;
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_EXTENSION_H_
