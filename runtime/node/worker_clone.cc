// postMessage's structured clone (worker_clone.h).
#include "runtime/node/worker_clone.h"

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "runtime/native_util.h"
#include "v8-array-buffer.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-primitive.h"
#include "v8-value-serializer.h"

namespace toysnap::node {
namespace {

class WriteDelegate final : public v8::ValueSerializer::Delegate {
 public:
  WriteDelegate(v8::Isolate* isolate, v8::Local<v8::Value> make_error, Message* message,
                const std::vector<v8::Local<v8::Object>>* ports)
      : isolate_(isolate), make_error_(make_error), message_(message), ports_(ports) {}
  void set_serializer(v8::ValueSerializer* serializer) { serializer_ = serializer; }

  void ThrowDataCloneError(v8::Local<v8::String> text) override {
    ThrowDOMException(isolate_, make_error_, text, "DataCloneError");
  }

  // A MessagePort is written as its index in the transfer list; other host
  // objects cannot be cloned (V8's own error).
  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, v8::Local<v8::Object> object) override {
    if (NativeStateOf(object, MessagePortClass()) == nullptr) {
      return v8::ValueSerializer::Delegate::WriteHostObject(isolate, object);
    }
    for (size_t i = 0; i < ports_->size(); ++i) {
      if ((*ports_)[i]->StrictEquals(object)) {
        serializer_->WriteUint32(static_cast<uint32_t>(i));
        return v8::Just(true);
      }
    }
    ThrowError(isolate, ErrorKind::kTypeError,
               "Object that needs transfer was found in message but not listed in transferList",
               "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST");
    return v8::Nothing<bool>();
  }

  v8::Maybe<uint32_t> GetSharedArrayBufferId(v8::Isolate*,
                                             v8::Local<v8::SharedArrayBuffer> buffer) override {
    message_->shared_buffers.push_back(buffer->GetBackingStore());
    return v8::Just(static_cast<uint32_t>(message_->shared_buffers.size() - 1));
  }

 private:
  v8::Isolate* isolate_;
  v8::Local<v8::Value> make_error_;
  Message* message_;
  const std::vector<v8::Local<v8::Object>>* ports_;
  v8::ValueSerializer* serializer_ = nullptr;
};

class ReadDelegate final : public v8::ValueDeserializer::Delegate {
 public:
  ReadDelegate(Message* message, const std::vector<v8::Local<v8::Object>>* ports)
      : message_(message), ports_(ports) {}
  void set_deserializer(v8::ValueDeserializer* deserializer) { deserializer_ = deserializer; }

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    uint32_t index = 0;
    if (!deserializer_->ReadUint32(&index) || index >= ports_->size()) {
      ThrowError(isolate, ErrorKind::kError, "a message refers to a port it did not carry");
      return {};
    }
    return (*ports_)[index];
  }

  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(v8::Isolate* isolate,
                                                                   uint32_t id) override {
    if (id >= message_->shared_buffers.size()) {
      ThrowError(isolate, ErrorKind::kError, "a message refers to memory it did not carry");
      return {};
    }
    return v8::SharedArrayBuffer::New(isolate, message_->shared_buffers[id]);
  }

 private:
  Message* message_;
  const std::vector<v8::Local<v8::Object>>* ports_;
  v8::ValueDeserializer* deserializer_ = nullptr;
};

// Reads the transfer list (an array; Node's own checks, in its order).
bool ReadTransferList(v8::Local<v8::Context> context, v8::Local<v8::Value> transfer,
                      v8::Local<v8::Object> source, v8::Local<v8::Value> make_error,
                      std::vector<v8::Local<v8::ArrayBuffer>>* buffers,
                      std::vector<v8::Local<v8::Object>>* ports) {
  v8::Isolate* isolate = context->GetIsolate();
  if (transfer.IsEmpty() || !transfer->IsArray()) return true;
  v8::Local<v8::Array> list = transfer.As<v8::Array>();
  for (uint32_t i = 0; i < list->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!list->Get(context, i).ToLocal(&item)) return false;
    if (item->IsArrayBuffer()) {
      for (v8::Local<v8::ArrayBuffer> earlier : *buffers) {
        if (earlier->StrictEquals(item)) {
          ThrowDOMException(isolate, make_error, "Transfer list contains duplicate ArrayBuffer",
                            "DataCloneError");
          return false;
        }
      }
      if (!item.As<v8::ArrayBuffer>()->IsDetachable()) {
        ThrowDOMException(isolate, make_error,
                          "An ArrayBuffer is not detachable and could not be cloned.",
                          "DataCloneError");
        return false;
      }
      buffers->push_back(item.As<v8::ArrayBuffer>());
      continue;
    }
    PortState* port = NativeStateOf<PortState>(item, MessagePortClass());
    if (port == nullptr) {
      ThrowError(isolate, ErrorKind::kTypeError, "Found invalid object in transferList",
                 "ERR_INVALID_TRANSFER_OBJECT");
      return false;
    }
    if (!source.IsEmpty() && source->StrictEquals(item)) {
      ThrowDOMException(isolate, make_error, "Transfer list contains source port",
                        "DataCloneError");
      return false;
    }
    if (!port->open() || port->worker != nullptr) {
      ThrowDOMException(isolate, make_error, "MessagePort in transfer list is already detached",
                        "DataCloneError");
      return false;
    }
    for (v8::Local<v8::Object> earlier : *ports) {
      if (earlier->StrictEquals(item)) {
        ThrowDOMException(isolate, make_error, "Transfer list contains duplicate MessagePort",
                          "DataCloneError");
        return false;
      }
    }
    ports->push_back(item.As<v8::Object>());
  }
  return true;
}

}  // namespace

bool SerializeMessage(v8::Local<v8::Context> context, v8::Local<v8::Value> value,
                      v8::Local<v8::Value> transfer, v8::Local<v8::Object> source,
                      v8::Local<v8::Value> make_error, Message* message) {
  v8::Isolate* isolate = context->GetIsolate();
  std::vector<v8::Local<v8::ArrayBuffer>> buffers;
  std::vector<v8::Local<v8::Object>> ports;
  if (!ReadTransferList(context, transfer, source, make_error, &buffers, &ports)) return false;
  WriteDelegate delegate(isolate, make_error, message, &ports);
  v8::ValueSerializer serializer(isolate, &delegate);
  delegate.set_serializer(&serializer);
  for (size_t i = 0; i < buffers.size(); ++i) {
    serializer.TransferArrayBuffer(static_cast<uint32_t>(i), buffers[i]);
  }
  serializer.WriteHeader();
  bool ok = false;
  if (!serializer.WriteValue(context, value).To(&ok) || !ok) {
    message->shared_buffers.clear();
    return false;
  }
  std::pair<uint8_t*, size_t> data = serializer.Release();
  message->data.assign(data.first, data.first + data.second);
  free(data.first);  // the default delegate's ReallocateBufferMemory is realloc
  for (v8::Local<v8::ArrayBuffer> buffer : buffers) {
    message->array_buffers.push_back(buffer->GetBackingStore());
    buffer->Detach();
  }
  for (v8::Local<v8::Object> port : ports) {
    PortState* state = NativeStateOf<PortState>(port, MessagePortClass());
    message->ports.push_back(state->Detach());
  }
  return true;
}

v8::MaybeLocal<v8::Value> DeserializeMessage(v8::Local<v8::Context> context, Message& message,
                                             const PortMaker& make_port) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  std::vector<v8::Local<v8::Object>> ports;
  for (std::shared_ptr<PortCore>& core : message.ports) {
    v8::Local<v8::Object> port;
    if (!make_port(std::move(core)).ToLocal(&port)) return {};
    ports.push_back(port);
  }
  message.ports.clear();
  ReadDelegate delegate(&message, &ports);
  v8::ValueDeserializer deserializer(isolate, message.data.data(), message.data.size(), &delegate);
  delegate.set_deserializer(&deserializer);
  for (size_t i = 0; i < message.array_buffers.size(); ++i) {
    deserializer.TransferArrayBuffer(
        static_cast<uint32_t>(i), v8::ArrayBuffer::New(isolate, std::move(message.array_buffers[i])));
  }
  message.array_buffers.clear();
  bool ok = false;
  v8::Local<v8::Value> value;
  if (!deserializer.ReadHeader(context).To(&ok) || !ok ||
      !deserializer.ReadValue(context).ToLocal(&value)) {
    return {};
  }
  return scope.Escape(value);
}

}  // namespace toysnap::node
