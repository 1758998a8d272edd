// child_process's 'advanced' IPC serialization (child_process_ipc.h). The
// format is Node's: a host object starts with a tag, 0 for an ArrayBufferView
// (then its type index, byte length and bytes, as Node's v8.DefaultSerializer
// writes them) and 1 for any other native object (then a plain copy of its own
// enumerable properties, as Node's ChildProcessSerializer writes it).
#include "runtime/node/child_process_ipc.h"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>

#include "runtime/native_util.h"
#include "v8-array-buffer.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-primitive.h"
#include "v8-typed-array.h"
#include "v8-value-serializer.h"

namespace toysnap::node {
namespace {

constexpr uint32_t kViewTag = 0;
constexpr uint32_t kOtherHostObjectTag = 1;
// Node's order of view types (lib/v8.js); a Buffer is 10.
enum ViewType : uint32_t {
  kInt8 = 0, kUint8, kUint8Clamped, kInt16, kUint16, kInt32, kUint32, kFloat32, kFloat64,
  kDataView, kBuffer, kBigInt64, kBigUint64, kViewTypeCount,
};
constexpr uint32_t kElementSize[kViewTypeCount] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 1, 1, 8, 8};

void ThrowBadMessage(v8::Isolate* isolate, const char* why) {
  ThrowError(isolate, ErrorKind::kError, why, "ERR_IPC_BAD_MESSAGE");
}

ViewType TypeOf(v8::Local<v8::Context> context, v8::Local<v8::ArrayBufferView> view,
                v8::Local<v8::Value> buffer_prototype) {
  if (view->IsUint8Array() && buffer_prototype->IsObject() &&
      view->GetPrototype()->StrictEquals(buffer_prototype)) {
    return kBuffer;
  }
  if (view->IsInt8Array()) return kInt8;
  if (view->IsUint8Array()) return kUint8;
  if (view->IsUint8ClampedArray()) return kUint8Clamped;
  if (view->IsInt16Array()) return kInt16;
  if (view->IsUint16Array()) return kUint16;
  if (view->IsInt32Array()) return kInt32;
  if (view->IsUint32Array()) return kUint32;
  if (view->IsFloat32Array()) return kFloat32;
  if (view->IsFloat64Array()) return kFloat64;
  if (view->IsBigInt64Array()) return kBigInt64;
  if (view->IsBigUint64Array()) return kBigUint64;
  return kDataView;
}

class Writer final : public v8::ValueSerializer::Delegate {
 public:
  Writer(v8::Local<v8::Context> context, v8::Local<v8::Value> buffer_prototype)
      : context_(context), buffer_prototype_(buffer_prototype),
        serializer_(context->GetIsolate(), this) {
    serializer_.SetTreatArrayBufferViewsAsHostObjects(true);
  }

  // The message with its length prefix, or empty with an exception pending.
  v8::MaybeLocal<v8::Uint8Array> Serialize(v8::Local<v8::Value> value) {
    v8::Isolate* isolate = context_->GetIsolate();
    const uint8_t room[4] = {0, 0, 0, 0};
    serializer_.WriteRawBytes(room, sizeof(room));
    serializer_.WriteHeader();
    bool ok = false;
    if (!serializer_.WriteValue(context_, value).To(&ok) || !ok) return {};
    std::pair<uint8_t*, size_t> data = serializer_.Release();
    std::unique_ptr<uint8_t, decltype(&std::free)> owned(data.first, &std::free);
    size_t body = data.second - sizeof(room);
    if (body > UINT32_MAX) {
      ThrowError(isolate, ErrorKind::kRangeError, "the message is larger than 4 GiB",
                 "ERR_OUT_OF_RANGE");
      return {};
    }
    data.first[0] = static_cast<uint8_t>(body >> 24);
    data.first[1] = static_cast<uint8_t>(body >> 16);
    data.first[2] = static_cast<uint8_t>(body >> 8);
    data.first[3] = static_cast<uint8_t>(body);
    std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        owned.release(), data.second,
        [](void* bytes, size_t, void*) { std::free(bytes); }, nullptr);
    v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(store));
    return v8::Uint8Array::New(buffer, 0, data.second);
  }

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    context_->GetIsolate()->ThrowException(v8::Exception::Error(message));
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, v8::Local<v8::Object> object) override {
    if (object->IsArrayBufferView()) {
      v8::Local<v8::ArrayBufferView> view = object.As<v8::ArrayBufferView>();
      size_t size = view->ByteLength();
      if (size > UINT32_MAX) {
        ThrowError(isolate, ErrorKind::kRangeError, "a view is larger than 4 GiB",
                   "ERR_OUT_OF_RANGE");
        return v8::Nothing<bool>();
      }
      serializer_.WriteUint32(kViewTag);
      serializer_.WriteUint32(TypeOf(context_, view, buffer_prototype_));
      serializer_.WriteUint32(static_cast<uint32_t>(size));
      std::unique_ptr<uint8_t[]> bytes(new uint8_t[size > 0 ? size : 1]);
      view->CopyContents(bytes.get(), size);
      serializer_.WriteRawBytes(bytes.get(), size);
      return v8::Just(true);
    }
    // Another native object: as a plain object of its own enumerable
    // properties, as JSON would see it.
    serializer_.WriteUint32(kOtherHostObjectTag);
    v8::Local<v8::Object> copy = v8::Object::New(isolate);
    v8::Local<v8::Array> keys;
    if (!object->GetOwnPropertyNames(context_).ToLocal(&keys)) return v8::Nothing<bool>();
    for (uint32_t i = 0; i < keys->Length(); ++i) {
      v8::Local<v8::Value> key;
      v8::Local<v8::Value> value;
      if (!keys->Get(context_, i).ToLocal(&key) || !object->Get(context_, key).ToLocal(&value) ||
          copy->CreateDataProperty(context_, key.As<v8::Name>(), value).IsNothing()) {
        return v8::Nothing<bool>();
      }
    }
    return serializer_.WriteValue(context_, copy);
  }

 private:
  v8::Local<v8::Context> context_;
  v8::Local<v8::Value> buffer_prototype_;
  v8::ValueSerializer serializer_;
};

class Reader final : public v8::ValueDeserializer::Delegate {
 public:
  Reader(v8::Local<v8::Context> context, const uint8_t* data, size_t size,
         v8::Local<v8::Value> buffer_prototype)
      : context_(context), buffer_prototype_(buffer_prototype),
        deserializer_(context->GetIsolate(), data, size, this) {}

  v8::MaybeLocal<v8::Value> Deserialize() {
    v8::Isolate* isolate = context_->GetIsolate();
    {
      v8::TryCatch try_catch(isolate);
      bool ok = false;
      v8::Local<v8::Value> value;
      if (deserializer_.ReadHeader(context_).To(&ok) && ok &&
          deserializer_.ReadValue(context_).ToLocal(&value)) {
        return value;
      }
      if (try_catch.HasTerminated()) {
        try_catch.ReThrow();
        return {};
      }
    }
    // V8's own reason says little to a program; one code for every bad
    // message (thrown past the TryCatch, which would swallow it).
    ThrowBadMessage(isolate, "a message on the IPC channel could not be deserialized");
    return {};
  }

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    uint32_t tag = 0;
    if (!deserializer_.ReadUint32(&tag)) return Fail(isolate);
    if (tag == kOtherHostObjectTag) {
      v8::Local<v8::Value> value;
      if (!deserializer_.ReadValue(context_).ToLocal(&value)) return {};
      if (!value->IsObject()) return Fail(isolate);
      return value.As<v8::Object>();
    }
    uint32_t type = 0;
    uint32_t size = 0;
    const void* bytes = nullptr;
    if (tag != kViewTag || !deserializer_.ReadUint32(&type) || type >= kViewTypeCount ||
        !deserializer_.ReadUint32(&size) || size % kElementSize[type] != 0 ||
        !deserializer_.ReadRawBytes(size, &bytes)) {
      return Fail(isolate);
    }
    std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, size);
    if (size > 0) std::memcpy(store->Data(), bytes, size);
    v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(store));
    size_t length = size / kElementSize[type];
    switch (type) {
      case kInt8: return v8::Int8Array::New(buffer, 0, length);
      case kUint8: return v8::Uint8Array::New(buffer, 0, length);
      case kUint8Clamped: return v8::Uint8ClampedArray::New(buffer, 0, length);
      case kInt16: return v8::Int16Array::New(buffer, 0, length);
      case kUint16: return v8::Uint16Array::New(buffer, 0, length);
      case kInt32: return v8::Int32Array::New(buffer, 0, length);
      case kUint32: return v8::Uint32Array::New(buffer, 0, length);
      case kFloat32: return v8::Float32Array::New(buffer, 0, length);
      case kFloat64: return v8::Float64Array::New(buffer, 0, length);
      case kDataView: return v8::DataView::New(buffer, 0, length);
      case kBigInt64: return v8::BigInt64Array::New(buffer, 0, length);
      case kBigUint64: return v8::BigUint64Array::New(buffer, 0, length);
      default: break;
    }
    v8::Local<v8::Uint8Array> view = v8::Uint8Array::New(buffer, 0, length);
    if (buffer_prototype_->IsObject() &&
        view->SetPrototype(context_, buffer_prototype_).IsNothing()) {
      return {};
    }
    return view;
  }

 private:
  v8::MaybeLocal<v8::Object> Fail(v8::Isolate* isolate) {
    ThrowBadMessage(isolate, "a message on the IPC channel holds a malformed host object");
    return {};
  }

  v8::Local<v8::Context> context_;
  v8::Local<v8::Value> buffer_prototype_;
  v8::ValueDeserializer deserializer_;
};

}  // namespace

void IpcSerialize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  Writer writer(context, info[1]);
  v8::Local<v8::Uint8Array> bytes;
  if (writer.Serialize(info[0]).ToLocal(&bytes)) info.GetReturnValue().Set(bytes);
}

void IpcDeserialize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  absl::Span<uint8_t> bytes;
  if (!GetBytes(info[0], &bytes)) {
    return ThrowInvalidArgType(isolate, "bytes", "an instance of Uint8Array", info[0]);
  }
  // V8 may read the bytes while it allocates: work on a copy of them.
  std::unique_ptr<uint8_t[]> copy(new uint8_t[bytes.size() > 0 ? bytes.size() : 1]);
  if (!bytes.empty()) std::memcpy(copy.get(), bytes.data(), bytes.size());
  Reader reader(context, copy.get(), bytes.size(), info[1]);
  v8::Local<v8::Value> value;
  if (reader.Deserialize().ToLocal(&value)) info.GetReturnValue().Set(value);
}

}  // namespace toysnap::node
