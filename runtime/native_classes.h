// Native classes: JS constructors made from v8::FunctionTemplate whose instances
// own a C++ state that survives snapshots. Included by runtime.cc (install and the
// snapshot callbacks), natives.cc (external references) and class files.
//
// Each instance has one internal field: a pointer to its NativeState, which the
// isolate's NativeStateRegistry (in its IsolateData) owns. A state is freed when its JS object is collected, or
// by DisposeNativeClasses() when the isolate's owner is about to dispose it.
// A snapshot builder calls PrepareNativeClassesForSnapshot() before CreateBlob.
// Templates are not kept after a snapshot: the functions made from them live in
// the context, and V8 finds their callbacks through the ExtensionRegistry's table.
#ifndef TOYSNAP_RUNTIME_NATIVE_CLASSES_H_
#define TOYSNAP_RUNTIME_NATIVE_CLASSES_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "v8-context.h"
#include "v8-function-callback.h"
#include "v8-isolate.h"
#include "v8-object.h"
#include "v8-persistent-handle.h"
#include "v8-snapshot.h"

namespace toysnap {

// The C++ side of one instance.
class NativeState {
 public:
  virtual ~NativeState() = default;
  // Bytes from which the class's `restore` rebuilds an equal state.
  virtual std::string Serialize() const = 0;
};

struct NativeMethod {
  const char* name;
  v8::FunctionCallback callback;
  int length;  // the function's `length`
  const void* data = nullptr;  // info.Data() as a v8::External, as NativeFunction::data
};

// A class as JS sees it. Methods and getters get a v8::Signature, so V8 itself
// throws "Illegal invocation" for receivers that are not real instances.
struct NativeClass {
  const char* name;                  // global name, function name and @@toStringTag
  v8::FunctionCallback constructor;  // calls WrapNativeState() on info.This()
  int length;
  absl::Span<const NativeMethod> methods;
  absl::Span<const NativeMethod> getters;  // accessors on the prototype
  // Rebuilds a state from NativeState::Serialize() output when a snapshot is restored.
  absl::StatusOr<std::unique_ptr<NativeState>> (*restore)(absl::string_view bytes);
  // Bump when Serialize()'s format changes; it is part of the snapshot fingerprint.
  int state_version;
  // Setters pair with the getter of the same name (one without a getter is
  // write-only).
  absl::Span<const NativeMethod> setters = {};
  absl::Span<const NativeMethod> statics = {};  // on the constructor
  // The class this one extends (registered before it), or null. Its methods
  // accept instances of this class; UnwrapNativeState(info, parent) too.
  const NativeClass* parent = nullptr;
  // Optional, for classes made at run time (an embedder's): the constructor's
  // info.Data() as NativeFunction::data, and a restore that gets its class
  // (used instead of `restore` when set).
  const void* constructor_data = nullptr;
  absl::StatusOr<std::unique_ptr<NativeState>> (*restore_class)(const NativeClass& cls,
                                                                absl::string_view bytes) = nullptr;
  const void* owner = nullptr;  // what restore_class needs; not owned
};

// Owns the states of one isolate (in its IsolateData). Each state's JS object is
// held weakly; its collection frees the state.
class NativeStateRegistry {
 public:
  struct Entry {
    NativeStateRegistry* registry;
    const NativeClass* cls;
    std::unique_ptr<NativeState> state;
    v8::Global<v8::Object> object;  // weak
  };
  NativeStateRegistry() = default;
  // Each Entry's Global resets on destruction, so no weak callback fires later.
  ~NativeStateRegistry();
  NativeStateRegistry(const NativeStateRegistry&) = delete;
  NativeStateRegistry& operator=(const NativeStateRegistry&) = delete;

  void Wrap(v8::Local<v8::Object> object, const NativeClass& cls,
            std::unique_ptr<NativeState> state);
  // The entry of the state at `pointer`, or null if this isolate does not own it.
  const Entry* Find(const void* pointer) const;
  size_t size() const { return entries_.size(); }
  // States stay; only collection stops freeing them.
  void ReleaseHandles();
  // Frees every state, first emptying the field of each instance still
  // reachable, so no object keeps a pointer a later state could reuse.
  void Clear(v8::Isolate* isolate);

 private:
  void ClearFields(v8::Isolate* isolate);
  static void OnCollected(const v8::WeakCallbackInfo<Entry>& info);
  absl::flat_hash_map<const void*, std::unique_ptr<Entry>> entries_;
};

// Creates each class's constructor in `context` and sets it on `target` (the
// bootstrap `natives` object) under the class name. A parent comes before its
// subclasses. The isolate needs an IsolateData.
absl::Status InstallNativeClasses(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
                                  absl::Span<const NativeClass* const> classes);

// Gives `object`, a new instance of `cls`, its state. Constructors call this.
void WrapNativeState(v8::Local<v8::Object> object, const NativeClass& cls,
                     std::unique_ptr<NativeState> state);

// The state of `info.This()` if it is an instance of `cls`; otherwise throws
// TypeError("Illegal invocation") and returns null.
NativeState* UnwrapNativeState(const v8::FunctionCallbackInfo<v8::Value>& info,
                               const NativeClass& cls);
template <typename T>
T* UnwrapNativeState(const v8::FunctionCallbackInfo<v8::Value>& info, const NativeClass& cls) {
  return static_cast<T*>(UnwrapNativeState(info, cls));
}

// The state of `value` if it is an instance of `cls` (or a subclass), else
// null; throws nothing. For natives that take an instance as an argument.
NativeState* NativeStateOf(v8::Local<v8::Value> value, const NativeClass& cls);
template <typename T>
T* NativeStateOf(v8::Local<v8::Value> value, const NativeClass& cls) {
  return static_cast<T*>(NativeStateOf(value, cls));
}

// For SnapshotCreator::SetDefaultContext and Context::New respectively. The first
// writes "<class name>\0<state bytes>" for field 0 of each live instance and
// repairs empty ArrayBuffers (snapshot_array_buffers.h; `data` is null or the
// ArrayBufferRepairs that counts them); the second recreates the state of a class the isolate's ExtensionRegistry knows (an
// unknown or undecodable one leaves the instance unusable: its methods throw
// "Illegal invocation").
v8::StartupData SerializeInternalField(v8::Local<v8::Object> holder, int index, void* data);
void DeserializeInternalField(v8::Local<v8::Object> holder, int index, v8::StartupData payload,
                              void* data);

// Builder side, right before SnapshotCreator::CreateBlob: drops the weak handles,
// because V8 refuses to write a blob while any global handle points into the
// heap, and keeps every state alive for SerializeInternalField. No JS may run
// on the isolate afterwards.
void PrepareNativeClassesForSnapshot(v8::Isolate* isolate);

// Frees every state still alive in `isolate`. Call it while the isolate is alive
// and no JS will run on it again: before Isolate::Dispose, and for a snapshot
// creator after CreateBlob (the blob's serializer reads the states).
void DisposeNativeClasses(v8::Isolate* isolate);

// How many states `isolate` owns right now (for tests).
size_t LiveNativeStateCount(v8::Isolate* isolate);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_NATIVE_CLASSES_H_
