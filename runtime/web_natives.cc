// Clocks, base64, structuredClone and randomness for runtime/js/web.js.
#include "runtime/web_natives.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "runtime/clock.h"
#include "runtime/isolate_data.h"
#include "runtime/native_util.h"
#include "runtime/text_codec.h"
#include "runtime/web_encoding.h"
#include "v8-array-buffer.h"
#include "v8-container.h"
#include "v8-context.h"
#include "v8-primitive.h"
#include "v8-value-serializer.h"

namespace toysnap {
namespace {

constexpr size_t kRandomQuota = 65536;  // bytes per getRandomValues call (Web Crypto)

absl::Status FillRandom(absl::Span<uint8_t> bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = getrandom(bytes.data() + done, bytes.size() - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return absl::InternalError(absl::StrCat("getrandom: ", strerror(errno)));
    }
    done += static_cast<size_t>(n);
  }
  return absl::OkStatus();
}

// Reads a string's Latin-1 bytes; false if it has a character above U+00FF.
bool Latin1Bytes(v8::Isolate* isolate, v8::Local<v8::String> string, std::string* bytes) {
  if (!string->ContainsOnlyOneByte()) return false;
  bytes->assign(static_cast<size_t>(string->Length()), '\0');
  string->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(bytes->data()), 0, -1,
                       v8::String::NO_NULL_TERMINATION);
  return true;
}

void ReturnLatin1(const v8::FunctionCallbackInfo<v8::Value>& info, const std::string& bytes) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::String> result;
  if (bytes.size() > static_cast<size_t>(v8::String::kMaxLength) ||
      !v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(bytes.data()),
                                  v8::NewStringType::kNormal, static_cast<int>(bytes.size()))
           .ToLocal(&result)) {
    return ThrowError(isolate, ErrorKind::kRangeError, "Invalid string length");
  }
  info.GetReturnValue().Set(result);
}

// Serializer and deserializer delegate for one structuredClone() call.
class CloneDelegate final : public v8::ValueSerializer::Delegate,
                            public v8::ValueDeserializer::Delegate {
 public:
  CloneDelegate(v8::Isolate* isolate, v8::Local<v8::Value> make_error)
      : isolate_(isolate), make_error_(make_error) {}

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    ThrowDOMException(isolate_, make_error_, message, "DataCloneError");
  }

  // Native class instances clone to plain objects, as Node's JS classes do.
  v8::Maybe<bool> WriteHostObject(v8::Isolate*, v8::Local<v8::Object>) override {
    return v8::Just(true);
  }
  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    return v8::Object::New(isolate);
  }

  // Shared memory stays shared: the clone views the same bytes.
  v8::Maybe<uint32_t> GetSharedArrayBufferId(v8::Isolate*,
                                             v8::Local<v8::SharedArrayBuffer> buffer) override {
    shared_.push_back(buffer);
    return v8::Just(static_cast<uint32_t>(shared_.size() - 1));
  }
  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(v8::Isolate*,
                                                                   uint32_t id) override {
    if (id < shared_.size()) return shared_[id];
    ThrowDOMException(isolate_, make_error_, "Unknown SharedArrayBuffer", "DataCloneError");
    return {};
  }

 private:
  v8::Isolate* isolate_;
  v8::Local<v8::Value> make_error_;
  std::vector<v8::Local<v8::SharedArrayBuffer>> shared_;  // the callback's handle scope owns them
};

// The transfer list as ArrayBuffers, or false after throwing like Node.
bool TransferList(const v8::FunctionCallbackInfo<v8::Value>& info,
                  std::vector<v8::Local<v8::ArrayBuffer>>* buffers) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[1]->IsArray()) return true;
  v8::Local<v8::Array> list = info[1].As<v8::Array>();
  for (uint32_t i = 0; i < list->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!list->Get(context, i).ToLocal(&item)) return false;
    if (!item->IsArrayBuffer()) {
      ThrowError(isolate, ErrorKind::kTypeError, "Found invalid object in transferList",
                 "ERR_INVALID_TRANSFER_OBJECT");
      return false;
    }
    for (v8::Local<v8::ArrayBuffer> earlier : *buffers) {
      if (earlier->StrictEquals(item)) {
        ThrowDOMException(isolate, info[2], "Transfer list contains duplicate ArrayBuffer",
                          "DataCloneError");
        return false;
      }
    }
    if (!item.As<v8::ArrayBuffer>()->IsDetachable()) {
      ThrowDOMException(isolate, info[2],
                        "An ArrayBuffer is not detachable and could not be cloned.",
                        "DataCloneError");
      return false;
    }
    buffers->push_back(item.As<v8::ArrayBuffer>());
  }
  return true;
}

}  // namespace

void WallClockNow(const v8::FunctionCallbackInfo<v8::Value>& info) {
  IsolateData* data = IsolateData::From(info.GetIsolate());
  info.GetReturnValue().Set(data != nullptr && data->clock != nullptr ? data->clock->WallMs()
                                                                      : SystemWallMs());
}

void Atob(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsString()) return ThrowError(isolate, ErrorKind::kTypeError, "atob: not a string");
  std::string input;
  if (!Latin1Bytes(isolate, info[0].As<v8::String>(), &input)) {
    return ThrowDOMException(isolate, info[1], "Invalid character", "InvalidCharacterError");
  }
  absl::StatusOr<std::string> bytes = ForgivingBase64Decode(input);
  if (!bytes.ok()) {
    return ThrowDOMException(isolate, info[1], bytes.status().message(), "InvalidCharacterError");
  }
  ReturnLatin1(info, *bytes);
}

void Btoa(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsString()) return ThrowError(isolate, ErrorKind::kTypeError, "btoa: not a string");
  std::string input;
  if (!Latin1Bytes(isolate, info[0].As<v8::String>(), &input)) {
    return ThrowDOMException(isolate, info[1], "Invalid character", "InvalidCharacterError");
  }
  std::string encoded;
  absl::Base64Escape(input, &encoded);
  ReturnLatin1(info, encoded);
}

void StructuredClone(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::vector<v8::Local<v8::ArrayBuffer>> transfers;
  if (!TransferList(info, &transfers)) return;
  CloneDelegate delegate(isolate, info[2]);
  v8::ValueSerializer serializer(isolate, &delegate);
  for (size_t i = 0; i < transfers.size(); ++i) {
    serializer.TransferArrayBuffer(static_cast<uint32_t>(i), transfers[i]);
  }
  serializer.WriteHeader();
  bool ok = false;
  if (!serializer.WriteValue(context, info[0]).To(&ok)) return;  // DataCloneError or a getter threw
  std::pair<uint8_t*, size_t> data = serializer.Release();
  std::unique_ptr<uint8_t, void (*)(void*)> owner(data.first, std::free);  // realloc'ed by V8
  v8::ValueDeserializer deserializer(isolate, data.first, data.second, &delegate);
  for (size_t i = 0; i < transfers.size(); ++i) {
    // The clone takes the memory; the original is left detached, as after postMessage.
    v8::Local<v8::ArrayBuffer> moved =
        v8::ArrayBuffer::New(isolate, transfers[i]->GetBackingStore());
    transfers[i]->Detach();
    deserializer.TransferArrayBuffer(static_cast<uint32_t>(i), moved);
  }
  v8::Local<v8::Value> clone;
  if (!deserializer.ReadHeader(context).To(&ok) ||
      !deserializer.ReadValue(context).ToLocal(&clone)) {
    return;
  }
  info.GetReturnValue().Set(clone);
}

void GetRandomValues(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Value> array = info[0];
  if (!array->IsTypedArray() || array->IsFloat32Array() || array->IsFloat64Array()) {
    return ThrowDOMException(isolate, info[1],
                             "The data argument must be an integer-type TypedArray",
                             "TypeMismatchError");
  }
  absl::Span<uint8_t> bytes;
  GetBytes(array, &bytes);
  if (bytes.size() > kRandomQuota) {
    return ThrowDOMException(isolate, info[1], "The requested length exceeds 65,536 bytes",
                             "QuotaExceededError");
  }
  absl::Status filled = FillRandom(bytes);
  if (!filled.ok()) return ThrowError(isolate, ErrorKind::kError, filled.message());
  info.GetReturnValue().Set(array);
}

void RandomUuid(const v8::FunctionCallbackInfo<v8::Value>& info) {
  uint8_t bytes[16];
  absl::Status filled = FillRandom(absl::MakeSpan(bytes));
  if (!filled.ok()) return ThrowError(info.GetIsolate(), ErrorKind::kError, filled.message());
  bytes[6] = (bytes[6] & 0x0F) | 0x40;  // version 4
  bytes[8] = (bytes[8] & 0x3F) | 0x80;  // RFC 4122 variant
  std::string hex = absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes), sizeof(bytes)));
  std::string uuid = absl::StrCat(hex.substr(0, 8), "-", hex.substr(8, 4), "-", hex.substr(12, 4),
                                  "-", hex.substr(16, 4), "-", hex.substr(20));
  ReturnLatin1(info, uuid);
}

namespace {

const NativeClass* const kWebClasses[] = {&kTextEncoderClass, &kTextDecoderClass};

// webCoderClasses() -> {TextEncoder, TextDecoder}: the classes are lazy
// (Extension::lazy_classes), made at the first use of either global, so
// hello's heap does not carry their templates.
void WebCoderClasses(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> classes = v8::Object::New(isolate);
  absl::Status installed = InstallNativeClasses(context, classes, kWebClasses);
  if (!installed.ok()) return ThrowError(isolate, ErrorKind::kError, installed.message());
  info.GetReturnValue().Set(classes);
}

constexpr NativeFunction kWebFunctions[] = {
    {"webCoderClasses", WebCoderClasses, 0},
    {"wallClockNow", WallClockNow, 0},
    {"atob", Atob, 2},
    {"btoa", Btoa, 2},
    {"structuredClone", StructuredClone, 3},
    {"getRandomValues", GetRandomValues, 2},
    {"randomUUID", RandomUuid, 0},
};
// event_target.js: EventTarget, Event, AbortController and AbortSignal.
// build_guards.js: WebAssembly, SharedArrayBuffer and Atomics at build time.
constexpr absl::string_view kWebJs[] = {"web.js", "event_target.js", "build_guards.js"};
// AbortController and AbortSignal, compiled at the first read of either.
constexpr absl::string_view kWebLazyJs[] = {"abort_controller.js"};

}  // namespace

const Extension& WebExtension() {
  static const Extension kExtension{"web", 1, kWebFunctions, {}, {}, {}, kWebJs, nullptr,
                                    kWebLazyJs, kWebClasses};
  return kExtension;
}

}  // namespace toysnap
