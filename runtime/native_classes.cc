// The per-isolate registry of native class states, class installation, and the
// snapshot (de)serializers for internal fields.
#include "runtime/native_classes.h"

#include <algorithm>
#include <cstring>
#include <vector>
#include <utility>

#include "absl/strings/str_cat.h"
#include "runtime/native_util.h"
#include "runtime/extension_registry.h"
#include "runtime/isolate_data.h"
#include "runtime/snapshot_array_buffers.h"
#include "v8-external.h"
#include "v8-function.h"
#include "v8-persistent-handle.h"
#include "v8-primitive.h"
#include "v8-template.h"

namespace toysnap {
namespace {

constexpr int kStateField = 0;
constexpr int kFieldCount = 1;

NativeStateRegistry* RegistryOf(v8::Isolate* isolate) {
  IsolateData* data = IsolateData::From(isolate);
  return data == nullptr ? nullptr : &data->native_states();
}

const NativeStateRegistry::Entry* EntryOf(v8::Local<v8::Object> object) {
  if (object->InternalFieldCount() != kFieldCount) return nullptr;
  NativeStateRegistry* registry = RegistryOf(object->GetIsolate());
  if (registry == nullptr) return nullptr;
  return registry->Find(object->GetAlignedPointerFromInternalField(kStateField));
}

v8::Local<v8::String> Name(v8::Isolate* isolate, absl::string_view name) {
  return v8::String::NewFromUtf8(isolate, name.data(), v8::NewStringType::kInternalized,
                                 static_cast<int>(name.size()))
      .ToLocalChecked();  // class and method names are short literals
}

// info.Data() of a callback: an External of `data` when set.
v8::Local<v8::Value> DataOf(v8::Isolate* isolate, const void* data) {
  if (data == nullptr) return v8::Local<v8::Value>();
  return v8::External::New(isolate, const_cast<void*>(data));
}

v8::Local<v8::FunctionTemplate> NewMethod(v8::Isolate* isolate, v8::FunctionCallback callback,
                                          v8::Local<v8::Signature> signature, int length,
                                          absl::string_view name, const void* data = nullptr) {
  v8::Local<v8::FunctionTemplate> method =
      v8::FunctionTemplate::New(isolate, callback, DataOf(isolate, data), signature, length,
                                v8::ConstructorBehavior::kThrow);
  method->SetClassName(Name(isolate, name));
  return method;
}

// The classes made so far in one installation, so a subclass can inherit.
struct MadeClass {
  const NativeClass* cls;
  v8::Local<v8::FunctionTemplate> tmpl;
  v8::Local<v8::Function> constructor;
};
using Templates = std::vector<MadeClass>;

const MadeClass* Made(const Templates& templates, const NativeClass* cls) {
  for (const MadeClass& made : templates) {
    if (made.cls == cls) return &made;
  }
  return nullptr;
}

absl::Status AddAccessors(v8::Local<v8::Context> context, v8::Local<v8::Object> proto,
                          v8::Local<v8::Signature> signature, const NativeClass& cls) {
  v8::Isolate* isolate = context->GetIsolate();
  auto make = [&](const NativeMethod* method, const char* prefix,
                  v8::Local<v8::Function>* out) -> bool {
    if (method == nullptr) return true;
    return NewMethod(isolate, method->callback, signature, method->length,
                     absl::StrCat(prefix, method->name), method->data)
        ->GetFunction(context)
        .ToLocal(out);
  };
  std::vector<absl::string_view> names;
  for (const NativeMethod& getter : cls.getters) names.push_back(getter.name);
  for (const NativeMethod& setter : cls.setters) {
    if (std::find(names.begin(), names.end(), setter.name) == names.end()) {
      names.push_back(setter.name);
    }
  }
  for (absl::string_view name : names) {
    const NativeMethod* getter = nullptr;
    const NativeMethod* setter = nullptr;
    for (const NativeMethod& method : cls.getters) if (name == method.name) getter = &method;
    for (const NativeMethod& method : cls.setters) if (name == method.name) setter = &method;
    v8::Local<v8::Function> get, set;
    if (!make(getter, "get ", &get) || !make(setter, "set ", &set)) {
      return absl::InternalError(absl::StrCat("cannot create ", cls.name, ".", name));
    }
    proto->SetAccessorProperty(Name(isolate, name), get, set);
  }
  return absl::OkStatus();
}

v8::MaybeLocal<v8::Function> NewConstructor(v8::Local<v8::Context> context,
                                            const NativeClass& cls, Templates& templates) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(
      isolate, cls.constructor, DataOf(isolate, cls.constructor_data), v8::Local<v8::Signature>(),
      cls.length, v8::ConstructorBehavior::kAllow);
  v8::Local<v8::String> class_name = Name(isolate, cls.name);
  tmpl->SetClassName(class_name);
  tmpl->ReadOnlyPrototype();
  tmpl->InstanceTemplate()->SetInternalFieldCount(kFieldCount);
  const MadeClass* parent = nullptr;
  if (cls.parent != nullptr) {
    parent = Made(templates, cls.parent);
    if (parent == nullptr) return {};  // the registry checks parents come first
    tmpl->Inherit(parent->tmpl);
  }
  v8::Local<v8::Signature> signature = v8::Signature::New(isolate, tmpl);
  v8::Local<v8::Function> constructor;
  v8::Local<v8::Value> prototype;
  if (!tmpl->GetFunction(context).ToLocal(&constructor) ||
      !constructor->Get(context, Name(isolate, "prototype")).ToLocal(&prototype) ||
      !prototype->IsObject()) {
    return {};
  }
  // As `class Child extends Parent`: statics are inherited too.
  if (parent != nullptr && constructor->SetPrototype(context, parent->constructor).IsNothing()) {
    return {};
  }
  templates.push_back({&cls, tmpl, constructor});
  // Defined on the prototype object rather than its template so that, as with a
  // JS class, `constructor` comes first in property order.
  v8::Local<v8::Object> proto = prototype.As<v8::Object>();
  for (const NativeMethod& method : cls.methods) {
    v8::Local<v8::Function> function;
    if (!NewMethod(isolate, method.callback, signature, method.length, method.name, method.data)
             ->GetFunction(context)
             .ToLocal(&function) ||
        proto->DefineOwnProperty(context, Name(isolate, method.name), function).IsNothing()) {
      return {};  // WebIDL operations are enumerable, as defined here
    }
  }
  if (!AddAccessors(context, proto, signature, cls).ok()) return {};
  for (const NativeMethod& method : cls.statics) {
    v8::Local<v8::Function> function;
    if (!NewMethod(isolate, method.callback, v8::Local<v8::Signature>(), method.length,
                   method.name, method.data)
             ->GetFunction(context)
             .ToLocal(&function) ||
        constructor->DefineOwnProperty(context, Name(isolate, method.name), function).IsNothing()) {
      return {};
    }
  }
  if (proto
          ->DefineOwnProperty(context, v8::Symbol::GetToStringTag(isolate), class_name,
                              static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontEnum))
          .IsNothing()) {
    return {};
  }
  return constructor;
}

bool IsA(const NativeClass* cls, const NativeClass& wanted) {
  for (; cls != nullptr; cls = cls->parent) {
    if (cls == &wanted) return true;
  }
  return false;
}

}  // namespace

NativeStateRegistry::~NativeStateRegistry() = default;

void NativeStateRegistry::ClearFields(v8::Isolate* isolate) {
  v8::HandleScope scope(isolate);
  for (auto& [key, entry] : entries_) {
    if (entry->object.IsEmpty()) continue;
    entry->object.Get(isolate)->SetAlignedPointerInInternalField(kStateField, nullptr);
  }
}

void NativeStateRegistry::Wrap(v8::Local<v8::Object> object, const NativeClass& cls,
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

const NativeStateRegistry::Entry* NativeStateRegistry::Find(const void* pointer) const {
  if (pointer == nullptr) return nullptr;
  auto it = entries_.find(pointer);
  return it == entries_.end() ? nullptr : it->second.get();
}

void NativeStateRegistry::ReleaseHandles() {
  for (auto& [key, entry] : entries_) entry->object.Reset();
}

void NativeStateRegistry::Clear(v8::Isolate* isolate) {
  ClearFields(isolate);
  entries_.clear();
}

// First-pass weak callback: only Reset() and plain C++ are allowed here.
void NativeStateRegistry::OnCollected(const v8::WeakCallbackInfo<Entry>& info) {
  Entry* entry = info.GetParameter();
  entry->object.Reset();
  const void* key = entry->state.get();
  entry->registry->entries_.erase(key);  // frees entry and state
}

absl::Status InstallNativeClasses(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
                                  absl::Span<const NativeClass* const> classes) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::HandleScope scope(isolate);
  if (RegistryOf(isolate) == nullptr) {
    return absl::FailedPreconditionError("the isolate has no IsolateData for native states");
  }
  Templates templates;
  for (const NativeClass* cls : classes) {
    v8::Local<v8::Function> constructor;
    if (!NewConstructor(context, *cls, templates).ToLocal(&constructor) ||
        target->Set(context, Name(isolate, cls->name), constructor).IsNothing()) {
      return absl::InternalError(absl::StrCat("cannot create the native class ", cls->name));
    }
  }
  return absl::OkStatus();
}

void WrapNativeState(v8::Local<v8::Object> object, const NativeClass& cls,
                     std::unique_ptr<NativeState> state) {
  if (NativeStateRegistry* registry = RegistryOf(object->GetIsolate())) {
    registry->Wrap(object, cls, std::move(state));
  }
}

NativeState* UnwrapNativeState(const v8::FunctionCallbackInfo<v8::Value>& info,
                               const NativeClass& cls) {
  // The Signature already rejected foreign receivers; this also covers instances
  // whose state was never set or could not be restored.
  const NativeStateRegistry::Entry* entry = EntryOf(info.This());
  if (entry != nullptr && IsA(entry->cls, cls)) return entry->state.get();
  ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "Illegal invocation");
  return nullptr;
}

NativeState* NativeStateOf(v8::Local<v8::Value> value, const NativeClass& cls) {
  if (value.IsEmpty() || !value->IsObject()) return nullptr;
  const NativeStateRegistry::Entry* entry = EntryOf(value.As<v8::Object>());
  return entry != nullptr && IsA(entry->cls, cls) ? entry->state.get() : nullptr;
}

// Runs inside SnapshotCreator::CreateBlob with GC and JS disallowed: it must only
// read, but for the one repair of empty ArrayBuffers. V8 calls it for every
// embedder field holding no heap object, so also for ArrayBuffers and typed
// arrays (two fields each), which carry no state.
v8::StartupData SerializeInternalField(v8::Local<v8::Object> holder, int index, void* repairs) {
  if (holder->IsArrayBuffer() || holder->IsSharedArrayBuffer()) {
    RepairArrayBufferForSnapshot(holder, static_cast<ArrayBufferRepairs*>(repairs));
    return {nullptr, 0};
  }
  if (index != kStateField) return {nullptr, 0};
  const NativeStateRegistry::Entry* entry = EntryOf(holder);
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
  IsolateData* data = IsolateData::From(holder->GetIsolate());
  const NativeClass* cls = data == nullptr ? nullptr : data->extensions().FindClass(bytes.substr(0, nul));
  if (cls == nullptr) return;
  absl::StatusOr<std::unique_ptr<NativeState>> state =
      cls->restore_class != nullptr ? cls->restore_class(*cls, bytes.substr(nul + 1))
      : cls->restore != nullptr     ? cls->restore(bytes.substr(nul + 1))
                                    : absl::UnimplementedError("no restore");
  if (state.ok()) WrapNativeState(holder, *cls, *std::move(state));
}

void PrepareNativeClassesForSnapshot(v8::Isolate* isolate) {
  if (NativeStateRegistry* registry = RegistryOf(isolate)) registry->ReleaseHandles();
}

void DisposeNativeClasses(v8::Isolate* isolate) {
  if (NativeStateRegistry* registry = RegistryOf(isolate)) registry->Clear(isolate);
}

size_t LiveNativeStateCount(v8::Isolate* isolate) {
  NativeStateRegistry* registry = RegistryOf(isolate);
  return registry == nullptr ? 0 : registry->size();
}

}  // namespace toysnap
