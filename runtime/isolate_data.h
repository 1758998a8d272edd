// Everything native callbacks need from their isolate, in V8's data slot 0, the
// only slot toysnap uses (V8 10.2 has four). Whoever creates an isolate creates
// its IsolateData and keeps it until the isolate is disposed: Runtime for its
// own isolates, SnapshottingRuntime for a SnapshotCreator's. Included by the
// runtime and by native callbacks.
#ifndef TOYSNAP_RUNTIME_ISOLATE_DATA_H_
#define TOYSNAP_RUNTIME_ISOLATE_DATA_H_

#include <functional>
#include <map>
#include <memory>

#include "runtime/extension.h"
#include "v8-isolate.h"

namespace toysnap {

class EventLoop;
class Clock;
class HostCompletions;
class ExtensionRegistry;
class ExternalSources;
class ModuleLoader;
class NativeHost;
class NativeStateRegistry;
class Permissions;

class IsolateData {
 public:
  // `extensions` (not owned) outlives this; each extension's state is made now.
  explicit IsolateData(const ExtensionRegistry* extensions);
  ~IsolateData();
  IsolateData(const IsolateData&) = delete;
  IsolateData& operator=(const IsolateData&) = delete;

  // The data attached to `isolate`, or null.
  static IsolateData* From(v8::Isolate* isolate);
  void AttachTo(v8::Isolate* isolate);
  static void DetachFrom(v8::Isolate* isolate);

  const ExtensionRegistry& extensions() const { return *extensions_; }
  // States of native class instances (native_classes.h); owned.
  NativeStateRegistry& native_states() { return *native_states_; }
  // The per-runtime state of `extension`, or null if it declares none.
  ExtensionState* StateOf(const Extension& extension) const;

  // Set by the Runtime while it lives; null otherwise. Not owned.
  NativeHost* host = nullptr;
  ModuleLoader* loader = nullptr;
  EventLoop* loop = nullptr;
  // What the runtime may touch (permission_check.h); null allows nothing.
  const Permissions* permissions = nullptr;
  // The clock JS reads (clock.h); V8Process's platform reads it for Date too.
  Clock* clock = nullptr;
  // Where big module sources go while a snapshot is built (external_sources.h);
  // null in fresh and restored runtimes.
  ExternalSources* external_sources = nullptr;
  // Called with each exception that becomes a Status (js_error.h), while it
  // is still a JS value: a worker keeps the last one, so that its parent's
  // 'error' event gets the error itself. Unset: nothing is called.
  std::function<void(v8::Local<v8::Value>)> on_js_error;
  // Promises of embedders' async host functions (host_async.h), made at the
  // first call; shared with their completion handles on other threads.
  std::shared_ptr<HostCompletions> host_completions;

 private:
  const ExtensionRegistry* extensions_;
  std::unique_ptr<NativeStateRegistry> native_states_;
  std::map<const Extension*, std::unique_ptr<ExtensionState>> states_;
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_ISOLATE_DATA_H_
