// Natives of the v8 extension: V8's ValueSerializer and ValueDeserializer for
// v8.serialize/deserialize and the Serializer/Deserializer classes
// (runtime/js/v8.js). Each writeValue/readValue is one native call with its
// own V8 (de)serializer; the JS object's _writeHostObject/_readHostObject run
// inside it, and their writeUint32/readUint32/... reach that (de)serializer
// through the innermost entry of the extension state's stacks.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <type_traits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "runtime/isolate_data.h"
#include "runtime/native_util.h"
#include "runtime/node/v8_module.h"
#include "v8-array-buffer.h"
#include "v8-typed-array.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-primitive.h"
#include "v8-value-serializer.h"

namespace toysnap::node {
namespace {

v8::Local<v8::String> Name(v8::Isolate* isolate, const char* name) {
  return v8::String::NewFromUtf8(isolate, name, v8::NewStringType::kInternalized)
      .FromMaybe(v8::Local<v8::String>());
}

// host[name] if it is a function; empty (with an exception pending only if
// the lookup threw) otherwise.
v8::MaybeLocal<v8::Function> Method(v8::Local<v8::Context> context, v8::Local<v8::Object> host,
                                    const char* name) {
  v8::Local<v8::Value> value;
  if (!host->Get(context, Name(context->GetIsolate(), name)).ToLocal(&value) ||
      !value->IsFunction()) {
    return {};
  }
  return value.As<v8::Function>();
}

class WriteDelegate final : public v8::ValueSerializer::Delegate {
 public:
  WriteDelegate(v8::Local<v8::Context> context, v8::Local<v8::Object> host)
      : context_(context), host_(host) {}
  v8::ValueSerializer* serializer = nullptr;

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    v8::Isolate* isolate = context_->GetIsolate();
    v8::Local<v8::Function> make;
    v8::Local<v8::Value> args[] = {message};
    v8::Local<v8::Object> error;
    if (Method(context_, host_, "_getDataCloneError").ToLocal(&make) &&
        make->NewInstance(context_, 1, args).ToLocal(&error)) {
      isolate->ThrowException(error);
    } else if (!isolate->IsExecutionTerminating()) {
      isolate->ThrowException(v8::Exception::Error(message));
    }
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, v8::Local<v8::Object> object) override {
    v8::Local<v8::Function> write;
    if (!Method(context_, host_, "_writeHostObject").ToLocal(&write)) {
      return v8::ValueSerializer::Delegate::WriteHostObject(isolate, object);
    }
    V8State* state = V8StateOf(isolate);
    if (state == nullptr) return v8::Nothing<bool>();
    state->serializers.push_back(serializer);
    v8::Local<v8::Value> args[] = {object};
    v8::MaybeLocal<v8::Value> result = write->Call(context_, host_, 1, args);
    state->serializers.pop_back();
    return result.IsEmpty() ? v8::Nothing<bool>() : v8::Just(true);
  }

  v8::Maybe<uint32_t> GetSharedArrayBufferId(
      v8::Isolate* isolate, v8::Local<v8::SharedArrayBuffer> buffer) override {
    v8::Local<v8::Function> get;
    if (!Method(context_, host_, "_getSharedArrayBufferId").ToLocal(&get)) {
      return v8::ValueSerializer::Delegate::GetSharedArrayBufferId(isolate, buffer);
    }
    v8::Local<v8::Value> args[] = {buffer};
    v8::Local<v8::Value> id;
    if (!get->Call(context_, host_, 1, args).ToLocal(&id)) return v8::Nothing<uint32_t>();
    return id->Uint32Value(context_);
  }

 private:
  v8::Local<v8::Context> context_;
  v8::Local<v8::Object> host_;
};

class ReadDelegate final : public v8::ValueDeserializer::Delegate {
 public:
  ReadDelegate(v8::Local<v8::Context> context, v8::Local<v8::Object> host,
               V8State::Reading* reading)
      : context_(context), host_(host), reading_(reading) {}

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    v8::Local<v8::Function> read;
    if (!Method(context_, host_, "_readHostObject").ToLocal(&read)) {
      return v8::ValueDeserializer::Delegate::ReadHostObject(isolate);
    }
    V8State* state = V8StateOf(isolate);
    if (state == nullptr) return {};
    state->readers.push_back(reading_);
    // V8 forbids JavaScript while it deserializes, unless the delegate allows it.
    v8::Isolate::AllowJavascriptExecutionScope allow_js(isolate);
    v8::MaybeLocal<v8::Value> result = read->Call(context_, host_, 0, nullptr);
    state->readers.pop_back();
    v8::Local<v8::Value> value;
    if (!result.ToLocal(&value)) return {};
    if (!value->IsObject()) {
      ThrowError(isolate, ErrorKind::kError, "_readHostObject must return an object");
      return {};
    }
    return value.As<v8::Object>();
  }

 private:
  v8::Local<v8::Context> context_;
  v8::Local<v8::Object> host_;
  V8State::Reading* reading_;
};

// The bytes of an ArrayBufferView.
bool ViewBytes(v8::Local<v8::Value> value, const uint8_t** data, size_t* size) {
  if (!value->IsArrayBufferView()) return false;
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  *data = static_cast<const uint8_t*>(view->Buffer()->Data()) + view->ByteOffset();
  *size = view->ByteLength();
  return true;
}

v8::Local<v8::Value> ToUint8Array(v8::Isolate* isolate, const uint8_t* data, size_t size) {
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, size);
  if (size > 0) std::memcpy(store->Data(), data, size);
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  return v8::Uint8Array::New(buffer, 0, size);
}

// Applies [id, arrayBuffer, id, arrayBuffer, ...] pairs; false on a bad entry.
template <typename T>
bool Transfer(v8::Local<v8::Context> context, v8::Local<v8::Value> list, T* target) {
  if (!list->IsArray()) return true;
  v8::Local<v8::Array> pairs = list.As<v8::Array>();
  for (uint32_t i = 0; i + 1 < pairs->Length(); i += 2) {
    v8::Local<v8::Value> id, buffer;
    if (!pairs->Get(context, i).ToLocal(&id) || !pairs->Get(context, i + 1).ToLocal(&buffer)) {
      return false;
    }
    uint32_t number = id->Uint32Value(context).FromMaybe(0);
    if (buffer->IsArrayBuffer()) {
      target->TransferArrayBuffer(number, buffer.As<v8::ArrayBuffer>());
    } else if (buffer->IsSharedArrayBuffer()) {
      if constexpr (std::is_same_v<T, v8::ValueDeserializer>) {
        target->TransferSharedArrayBuffer(number, buffer.As<v8::SharedArrayBuffer>());
      }
    }
  }
  return true;
}

// v8Serialize(value, host, treatViewsAsHostObjects, transfers) -> Uint8Array
// of the value's bytes (no header).
void Serialize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[1]->IsObject()) return;
  WriteDelegate delegate(context, info[1].As<v8::Object>());
  v8::ValueSerializer serializer(isolate, &delegate);
  delegate.serializer = &serializer;
  serializer.SetTreatArrayBufferViewsAsHostObjects(info[2]->IsTrue());
  if (!Transfer(context, info[3], &serializer)) return;
  if (serializer.WriteValue(context, info[0]).IsNothing()) return;
  std::pair<uint8_t*, size_t> bytes = serializer.Release();
  info.GetReturnValue().Set(ToUint8Array(isolate, bytes.first, bytes.second));
  free(bytes.first);
}

// v8ReadHeader(view, offset) -> [wire format version, bytes read]; V8's
// error for a bad header.
void ReadHeader(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  const uint8_t* data;
  size_t size;
  if (!ViewBytes(info[0], &data, &size)) return;
  size_t offset = static_cast<size_t>(info[1]->IntegerValue(context).FromMaybe(0));
  if (offset > size) offset = size;
  v8::ValueDeserializer deserializer(isolate, data + offset, size - offset);
  if (deserializer.ReadHeader(context).IsNothing()) return;
  const void* at = nullptr;
  // Where the deserializer stands: zero bytes can always be read.
  if (!deserializer.ReadRawBytes(0, &at)) return;
  v8::Local<v8::Value> result[] = {
      v8::Integer::NewFromUnsigned(isolate, deserializer.GetWireFormatVersion()),
      v8::Number::New(isolate, static_cast<const uint8_t*>(at) - (data + offset))};
  info.GetReturnValue().Set(v8::Array::New(isolate, result, 2));
}

// v8Deserialize(view, offset, version, host, transfers) -> [value, bytes read].
// V8 reads a value only after a header, so the header of `version` goes in
// front of the bytes from `offset`.
void Deserialize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  const uint8_t* data;
  size_t size;
  if (!ViewBytes(info[0], &data, &size) || !info[3]->IsObject()) return;
  size_t offset = static_cast<size_t>(info[1]->IntegerValue(context).FromMaybe(0));
  if (offset > size) offset = size;
  uint32_t version = info[2]->Uint32Value(context).FromMaybe(0);
  std::vector<uint8_t> bytes = {0xFF};
  for (uint32_t v = version; ; v >>= 7) {  // the version as a base-128 varint
    bytes.push_back(static_cast<uint8_t>((v & 0x7F) | (v >= 0x80 ? 0x80 : 0)));
    if (v < 0x80) break;
  }
  const size_t prefix = bytes.size();
  bytes.insert(bytes.end(), data + offset, data + size);
  V8State::Reading reading{nullptr, bytes.data() + prefix, offset};
  ReadDelegate delegate(context, info[3].As<v8::Object>(), &reading);
  v8::ValueDeserializer deserializer(isolate, bytes.data(), bytes.size(), &delegate);
  reading.deserializer = &deserializer;
  if (!Transfer(context, info[4], &deserializer)) return;
  v8::Local<v8::Value> value;
  if (deserializer.ReadHeader(context).IsNothing() ||
      !deserializer.ReadValue(context).ToLocal(&value)) {
    return;
  }
  const void* at = nullptr;
  // Where the deserializer stands: zero bytes can always be read.
  if (!deserializer.ReadRawBytes(0, &at)) return;
  v8::Local<v8::Value> result[] = {
      value, v8::Number::New(isolate, static_cast<const uint8_t*>(at) - reading.start)};
  info.GetReturnValue().Set(v8::Array::New(isolate, result, 2));
}

// The writes and reads of a _writeHostObject/_readHostObject under way.
v8::ValueSerializer* ActiveSerializer(v8::Isolate* isolate) {
  V8State* state = V8StateOf(isolate);
  return state == nullptr || state->serializers.empty() ? nullptr : state->serializers.back();
}
V8State::Reading* ActiveReading(v8::Isolate* isolate) {
  V8State* state = V8StateOf(isolate);
  return state == nullptr || state->readers.empty() ? nullptr : state->readers.back();
}

// Each write returns whether a host-object callback's serializer took it
// (false: the JS Serializer appends the bytes to its own buffer). Arguments
// are numbers and views already (v8.js converts them).
void WriteUint32(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::ValueSerializer* s = ActiveSerializer(info.GetIsolate());
  if (s != nullptr) s->WriteUint32(static_cast<uint32_t>(info[0].As<v8::Number>()->Value()));
  info.GetReturnValue().Set(s != nullptr);
}
void WriteUint64(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::ValueSerializer* s = ActiveSerializer(info.GetIsolate());
  uint64_t hi = static_cast<uint32_t>(info[0].As<v8::Number>()->Value());
  uint64_t lo = static_cast<uint32_t>(info[1].As<v8::Number>()->Value());
  if (s != nullptr) s->WriteUint64((hi << 32) | lo);
  info.GetReturnValue().Set(s != nullptr);
}
void WriteDouble(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::ValueSerializer* s = ActiveSerializer(info.GetIsolate());
  if (s != nullptr) s->WriteDouble(info[0].As<v8::Number>()->Value());
  info.GetReturnValue().Set(s != nullptr);
}
void WriteRawBytes(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::ValueSerializer* s = ActiveSerializer(info.GetIsolate());
  const uint8_t* data;
  size_t size;
  if (s != nullptr && ViewBytes(info[0], &data, &size)) s->WriteRawBytes(data, size);
  info.GetReturnValue().Set(s != nullptr);
}

// Whether a host-object callback's deserializer is reading (the JS
// Deserializer reads its own buffer otherwise).
void Reading(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(ActiveReading(info.GetIsolate()) != nullptr);
}

// The header ValueSerializer::WriteHeader writes (0xFF, the wire format version).
void HeaderBytes(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::ValueSerializer serializer(info.GetIsolate());
  serializer.WriteHeader();
  std::pair<uint8_t*, size_t> bytes = serializer.Release();
  info.GetReturnValue().Set(ToUint8Array(info.GetIsolate(), bytes.first, bytes.second));
  free(bytes.first);
}

void ReadFailed(v8::Isolate* isolate, const char* what) {
  ThrowError(isolate, ErrorKind::kError, absl::StrCat("ReadUint", what, "() failed"));
}
void ReadUint32(const v8::FunctionCallbackInfo<v8::Value>& info) {
  V8State::Reading* r = ActiveReading(info.GetIsolate());
  uint32_t value;
  if (r == nullptr || !r->deserializer->ReadUint32(&value)) return ReadFailed(info.GetIsolate(), "32");
  info.GetReturnValue().Set(value);
}
void ReadUint64(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  V8State::Reading* r = ActiveReading(isolate);
  uint64_t value;
  if (r == nullptr || !r->deserializer->ReadUint64(&value)) return ReadFailed(isolate, "64");
  v8::Local<v8::Value> parts[] = {v8::Integer::NewFromUnsigned(isolate, value >> 32),
                                  v8::Integer::NewFromUnsigned(isolate, value & 0xFFFFFFFF)};
  info.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}
void ReadDouble(const v8::FunctionCallbackInfo<v8::Value>& info) {
  V8State::Reading* r = ActiveReading(info.GetIsolate());
  double value;
  if (r == nullptr || !r->deserializer->ReadDouble(&value)) {
    ThrowError(info.GetIsolate(), ErrorKind::kError, "ReadDouble() failed");
    return;
  }
  info.GetReturnValue().Set(value);
}
// v8ReadRawBytes(length) -> the offset of those bytes in the JS buffer.
void ReadRawBytes(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  V8State::Reading* r = ActiveReading(isolate);
  int64_t length = info[0]->IntegerValue(isolate->GetCurrentContext()).FromMaybe(-1);
  const void* at = nullptr;
  if (r == nullptr || length < 0 ||
      !r->deserializer->ReadRawBytes(static_cast<size_t>(length), &at)) {
    ThrowError(isolate, ErrorKind::kError, "ReadRawBytes() failed");
    return;
  }
  info.GetReturnValue().Set(v8::Number::New(
      isolate, static_cast<double>(r->offset + (static_cast<const uint8_t*>(at) - r->start))));
}

}  // namespace

const NativeFunction kV8SerdesFunctions[] = {
    {"v8Serialize", Serialize, 4},       {"v8ReadHeader", ReadHeader, 2},
    {"v8Deserialize", Deserialize, 5},   {"v8WriteUint32", WriteUint32, 1},
    {"v8WriteUint64", WriteUint64, 2},   {"v8WriteDouble", WriteDouble, 1},
    {"v8WriteRawBytes", WriteRawBytes, 1}, {"v8ReadUint32", ReadUint32, 0},
    {"v8ReadUint64", ReadUint64, 0},     {"v8ReadDouble", ReadDouble, 0},
    {"v8ReadRawBytes", ReadRawBytes, 1}, {"v8Reading", Reading, 0},
    {"v8HeaderBytes", HeaderBytes, 0},
};
const size_t kV8SerdesFunctionCount = sizeof(kV8SerdesFunctions) / sizeof(kV8SerdesFunctions[0]);

}  // namespace toysnap::node
