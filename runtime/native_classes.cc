// The per-isolate registry of native class states, class installation, and the
// snapshot (de)serializers for internal fields.
#include "runtime/native_classes.h"

#include <cstring>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "runtime/native_util.h"
#include "runtime/text_codec.h"
#include "v8-function.h"
#include "v8-persistent-handle.h"
#include "v8-primitive.h"
#include "v8-template.h"

namespace toysnap {
namespace {

constexpr int kStateField = 0;
constexpr int kFieldCount = 1;
// Isolate data slots: 0 is NativeHost (natives.cc), 1 the ModuleLoader.
constexpr uint32_t kRegistrySlot = 2;

// The one list of native classes.
const NativeClass* const kNativeClasses[] = {&kTextEncoderClass, &kTextDecoderClass};

// Owns the states of one isolate. Each state's JS object is held weakly; its
// collection frees the state. Lives in the isolate's data slot.
class Registry {
 public:
  struct Entry {
    Registry* registry;
    const NativeClass* cls;
    std::unique_ptr<NativeState> state;
    v8::Global<v8::Object> object;  // weak
  };

  static Registry* From(v8::Isolate* isolate) {
    return static_cast<Registry*>(isolate->GetData(kRegistrySlot));
  }

  static Registry* GetOrCreate(v8::Isolate* isolate) {
    Registry* registry = From(isolate);
    if (registry == nullptr) {
      registry = new Registry();  // owned by the slot until DisposeNativeClasses
      isolate->SetData(kRegistrySlot, registry);
    }
    return registry;
  }

  // Each Entry's Global resets on destruction, so no weak callback fires later.
  ~Registry() = default;

  // Empties field 0 of every instance still reachable, so that no object keeps a
  // pointer that a later state could be allocated at.
  void ClearFields(v8::Isolate* isolate) {
    v8::HandleScope scope(isolate);
    for (auto& [key, entry] : entries_) {
      if (entry->object.IsEmpty()) continue;
      entry->object.Get(isolate)->SetAlignedPointerInInternalField(kStateField, nullptr);
    }
  }

  void Wrap(v8::Local<v8::Object> object, const NativeClass& cls,
            std::unique_ptr<NativeState> state) {
    // A second wrap of the same object replaces the first state.
    entries_.erase(object->GetAlignedPointerFromInternalField(kStateField));
    auto entry = std::make_unique<Entry>();
    entry->registry = this;
    entry->cls = &cls;
    entry->state = std::move(state);
    entry->object.Reset(object->GetIsolate(), object);
    entry->object.SetWeak(entry.get(), OnCollected, v8::WeakCallbackType::kParameter);
    object->SetAlignedPointerInInternalField(kStateField, entry->state.get());
    const void* key = entry->state.get();
    entries_[key] = std::move(entry);
  }

  // The entry of the state at `pointer`, or null if this isolate does not own it.
  const Entry* Find(const void* pointer) const {
    if (pointer == nullptr) return nullptr;
    auto it = entries_.find(pointer);
    return it == entries_.end() ? nullptr : it->second.get();
  }

  size_t size() const { return entries_.size(); }

  // States stay; only collection stops freeing them.
  void ReleaseHandles() {
    for (auto& [key, entry] : entries_) entry->object.Reset();
  }

 private:
  Registry() = default;

  // First-pass weak callback: only Reset() and plain C++ are allowed here.
  static void OnCollected(const v8::WeakCallbackInfo<Entry>& info) {
    Entry* entry = info.GetParameter();
    entry->object.Reset();
    const void* key = entry->state.get();
    entry->registry->entries_.erase(key);  // frees entry and state
  }

  absl::flat_hash_map<const void*, std::unique_ptr<Entry>> entries_;
};

const Registry::Entry* EntryOf(v8::Local<v8::Object> object) {
  if (object->InternalFieldCount() != kFieldCount) return nullptr;
  Registry* registry = Registry::From(object->GetIsolate());
  if (registry == nullptr) return nullptr;
  return registry->Find(object->GetAlignedPointerFromInternalField(kStateField));
}

v8::Local<v8::String> Name(v8::Isolate* isolate, absl::string_view name) {
  return v8::String::NewFromUtf8(isolate, name.data(), v8::NewStringType::kInternalized,
                                 static_cast<int>(name.size()))
      .ToLocalChecked();  // class and method names are short literals
}

v8::Local<v8::FunctionTemplate> NewMethod(v8::Isolate* isolate, v8::FunctionCallback callback,
                                          v8::Local<v8::Signature> signature, int length,
                                          absl::string_view name) {
  v8::Local<v8::FunctionTemplate> method =
      v8::FunctionTemplate::New(isolate, callback, v8::Local<v8::Value>(), signature, length,
                                v8::ConstructorBehavior::kThrow);
  method->SetClassName(Name(isolate, name));
  return method;
}

v8::MaybeLocal<v8::Function> NewConstructor(v8::Local<v8::Context> context,
                                            const NativeClass& cls) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(
      isolate, cls.constructor, v8::Local<v8::Value>(), v8::Local<v8::Signature>(), cls.length,
      v8::ConstructorBehavior::kAllow);
  v8::Local<v8::String> class_name = Name(isolate, cls.name);
  tmpl->SetClassName(class_name);
  tmpl->ReadOnlyPrototype();
  tmpl->InstanceTemplate()->SetInternalFieldCount(kFieldCount);
  v8::Local<v8::Signature> signature = v8::Signature::New(isolate, tmpl);
  v8::Local<v8::Function> constructor;
  v8::Local<v8::Value> prototype;
  if (!tmpl->GetFunction(context).ToLocal(&constructor) ||
      !constructor->Get(context, Name(isolate, "prototype")).ToLocal(&prototype) ||
      !prototype->IsObject()) {
    return {};
  }
  // Defined on the prototype object rather than its template so that, as with a
  // JS class, `constructor` comes first in property order.
  v8::Local<v8::Object> proto = prototype.As<v8::Object>();
  for (const NativeMethod& method : cls.methods) {
    v8::Local<v8::Function> function;
    if (!NewMethod(isolate, method.callback, signature, method.length, method.name)
             ->GetFunction(context)
             .ToLocal(&function) ||
        proto->DefineOwnProperty(context, Name(isolate, method.name), function).IsNothing()) {
      return {};  // WebIDL operations are enumerable, as defined here
    }
  }
  for (const NativeMethod& getter : cls.getters) {
    v8::Local<v8::Function> function;
    if (!NewMethod(isolate, getter.callback, signature, 0, absl::StrCat("get ", getter.name))
             ->GetFunction(context)
             .ToLocal(&function)) {
      return {};
    }
    proto->SetAccessorProperty(Name(isolate, getter.name), function);
  }
  if (proto
          ->DefineOwnProperty(context, v8::Symbol::GetToStringTag(isolate), class_name,
                              static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontEnum))
          .IsNothing()) {
    return {};
  }
  return constructor;
}

}  // namespace

absl::Span<const NativeClass* const> NativeClasses() { return kNativeClasses; }

absl::Status InstallNativeClasses(v8::Local<v8::Context> context, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::HandleScope scope(isolate);
  Registry::GetOrCreate(isolate);
  for (const NativeClass* cls : kNativeClasses) {
    v8::Local<v8::Function> constructor;
    if (!NewConstructor(context, *cls).ToLocal(&constructor) ||
        target->Set(context, Name(isolate, cls->name), constructor).IsNothing()) {
      return absl::InternalError(absl::StrCat("cannot create the native class ", cls->name));
    }
  }
  return absl::OkStatus();
}

void WrapNativeState(v8::Local<v8::Object> object, const NativeClass& cls,
                     std::unique_ptr<NativeState> state) {
  Registry::GetOrCreate(object->GetIsolate())->Wrap(object, cls, std::move(state));
}

NativeState* UnwrapNativeState(const v8::FunctionCallbackInfo<v8::Value>& info,
                               const NativeClass& cls) {
  // The Signature already rejected foreign receivers; this also covers instances
  // whose state was never set or could not be restored.
  const Registry::Entry* entry = EntryOf(info.This());
  if (entry != nullptr && entry->cls == &cls) return entry->state.get();
  ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "Illegal invocation");
  return nullptr;
}

// Runs inside SnapshotCreator::CreateBlob with GC and JS disallowed: it must only
// read. V8 calls it for every embedder field holding no heap object, so also for
// ArrayBuffers and typed arrays (two fields each), which are skipped.
v8::StartupData SerializeInternalField(v8::Local<v8::Object> holder, int index, void*) {
  if (index != kStateField) return {nullptr, 0};
  const Registry::Entry* entry = EntryOf(holder);
  if (entry == nullptr) return {nullptr, 0};
  std::string bytes =
      absl::StrCat(entry->cls->name, absl::string_view("\0", 1), entry->state->Serialize());
  char* data = new char[bytes.size()];  // V8 frees it with delete[]
  std::memcpy(data, bytes.data(), bytes.size());
  return {data, static_cast<int>(bytes.size())};
}

// Runs inside Context::New with GC and JS disallowed; creating a weak Global does
// neither.
void DeserializeInternalField(v8::Local<v8::Object> holder, int index, v8::StartupData payload,
                              void*) {
  if (index != kStateField || payload.data == nullptr || payload.raw_size <= 0) return;
  if (holder->InternalFieldCount() != kFieldCount) return;
  absl::string_view bytes(payload.data, static_cast<size_t>(payload.raw_size));
  size_t nul = bytes.find('\0');
  if (nul == absl::string_view::npos) return;
  absl::string_view name = bytes.substr(0, nul);
  for (const NativeClass* cls : kNativeClasses) {
    if (name != cls->name) continue;
    absl::StatusOr<std::unique_ptr<NativeState>> state = cls->restore(bytes.substr(nul + 1));
    if (state.ok()) WrapNativeState(holder, *cls, *std::move(state));
    return;
  }
}

void PrepareNativeClassesForSnapshot(v8::Isolate* isolate) {
  if (Registry* registry = Registry::From(isolate)) registry->ReleaseHandles();
}

void DisposeNativeClasses(v8::Isolate* isolate) {
  Registry* registry = Registry::From(isolate);
  if (registry == nullptr) return;
  registry->ClearFields(isolate);
  delete registry;
  isolate->SetData(kRegistrySlot, nullptr);
}

size_t LiveNativeStateCount(v8::Isolate* isolate) {
  Registry* registry = Registry::From(isolate);
  return registry == nullptr ? 0 : registry->size();
}

}  // namespace toysnap
