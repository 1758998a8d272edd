// TextEncoder and TextDecoder (UTF-8 ours, other encodings ICU's). Argument checks and messages follow Node 20.
#include "runtime/text_codec.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "runtime/encoding_labels.h"
#include "runtime/icu_decoder.h"
#include "runtime/native_util.h"
#include "runtime/web_encoding.h"
#include "v8-array-buffer.h"
#include "v8-context.h"
#include "v8-primitive.h"
#include "v8-typed-array.h"

namespace toysnap {
namespace {

// TextEncoder keeps nothing, but a state still marks real instances and makes
// the restore path the same for every class.
class EncoderState final : public NativeState {
 public:
  std::string Serialize() const override { return ""; }
};

// UTF-8 decodes with our own decoder, every other encoding with ICU's.
class DecoderState final : public NativeState {
 public:
  explicit DecoderState(Utf8StreamDecoder decoder) : utf8(std::move(decoder)) {}
  explicit DecoderState(IcuStreamDecoder decoder) : icu(std::move(decoder)) {}
  std::string Serialize() const override {
    return utf8.has_value() ? utf8->Serialize() : icu->Serialize();
  }
  bool Decode(absl::string_view bytes, bool stream, std::u16string* out) {
    return utf8.has_value() ? utf8->Decode(bytes, stream, out) : icu->Decode(bytes, stream, out);
  }
  absl::string_view encoding() const {
    return utf8.has_value() ? absl::string_view("utf-8") : absl::string_view(icu->encoding());
  }
  bool fatal() const { return utf8.has_value() ? utf8->fatal() : icu->fatal(); }
  bool ignore_bom() const { return utf8.has_value() ? utf8->ignore_bom() : icu->ignore_bom(); }

  std::optional<Utf8StreamDecoder> utf8;
  std::optional<IcuStreamDecoder> icu;
};

absl::StatusOr<std::unique_ptr<NativeState>> RestoreEncoder(absl::string_view bytes) {
  if (!bytes.empty()) return absl::DataLossError("TextEncoder state is not empty");
  return std::make_unique<EncoderState>();
}

absl::StatusOr<std::unique_ptr<NativeState>> RestoreDecoder(absl::string_view bytes) {
  if (!bytes.empty() && bytes[0] != 1) {  // not Utf8StreamDecoder's version
    absl::StatusOr<IcuStreamDecoder> icu = IcuStreamDecoder::Restore(bytes);
    if (!icu.ok()) return icu.status();
    return std::make_unique<DecoderState>(*std::move(icu));
  }
  absl::StatusOr<Utf8StreamDecoder> decoder = Utf8StreamDecoder::Restore(bytes);
  if (!decoder.ok()) return decoder.status();
  return std::make_unique<DecoderState>(*std::move(decoder));
}

bool RequireConstruct(const v8::FunctionCallbackInfo<v8::Value>& info, const char* name) {
  if (info.IsConstructCall()) return true;
  ThrowError(info.GetIsolate(), ErrorKind::kTypeError,
             absl::StrCat("Class constructor ", name, " cannot be invoked without 'new'"));
  return false;
}

v8::Local<v8::String> Utf8Literal(v8::Isolate* isolate) {
  return v8::String::NewFromUtf8Literal(isolate, "utf-8");
}

// Reads options[key] as a boolean, like `Boolean(options.key)`; false if a getter threw.
bool ReadFlag(v8::Local<v8::Context> context, v8::Local<v8::Object> options, const char* key,
              bool* flag) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Value> value;
  v8::Local<v8::String> name;
  if (!v8::String::NewFromUtf8(isolate, key).ToLocal(&name) ||
      !options->Get(context, name).ToLocal(&value)) {
    return false;
  }
  *flag = value->BooleanValue(isolate);
  return true;
}

// ---- TextEncoder

void EncoderConstruct(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!RequireConstruct(info, "TextEncoder")) return;
  WrapNativeState(info.This(), kTextEncoderClass, std::make_unique<EncoderState>());
}

// encode(input = ''): a Uint8Array of UTF-8; lone surrogates become U+FFFD.
void Encode(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (UnwrapNativeState(info, kTextEncoderClass) == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::String> input = v8::String::Empty(isolate);
  if (!info[0]->IsUndefined() && !info[0]->ToString(isolate->GetCurrentContext()).ToLocal(&input)) {
    return;
  }
  size_t length = static_cast<size_t>(input->Utf8Length(isolate));
  v8::Local<v8::ArrayBuffer> buffer;
  if (length == 0) {
    buffer = v8::ArrayBuffer::New(isolate, 0);
  } else {
    // malloc rather than ArrayBuffer::New, which aborts the process when out of memory.
    void* data = std::malloc(length);
    if (data == nullptr) {
      return ThrowError(isolate, ErrorKind::kRangeError, "Array buffer allocation failed");
    }
    input->WriteUtf8(isolate, static_cast<char*>(data), static_cast<int>(length), nullptr,
                     v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        data, length, [](void* bytes, size_t, void*) { std::free(bytes); }, nullptr);
    buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  }
  info.GetReturnValue().Set(v8::Uint8Array::New(buffer, 0, length));
}

// encodeInto(src, dest): {read, written}, never splitting a character.
void EncodeInto(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (UnwrapNativeState(info, kTextEncoderClass) == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[0]->IsString()) return ThrowInvalidArgType(isolate, "src", "of type string", info[0]);
  if (!info[1]->IsUint8Array()) {
    return ThrowInvalidArgType(isolate, "dest", "an instance of Uint8Array", info[1]);
  }
  absl::Span<uint8_t> dest;
  GetBytes(info[1], &dest);
  char empty = 0;
  int read = 0;
  int capacity = static_cast<int>(std::min<size_t>(dest.size(), INT_MAX));
  int written = info[0].As<v8::String>()->WriteUtf8(
      isolate, dest.empty() ? &empty : reinterpret_cast<char*>(dest.data()), capacity, &read,
      v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  if (result
          ->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "read"),
                               v8::Integer::New(isolate, read))
          .IsNothing() ||
      result
          ->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "written"),
                               v8::Integer::New(isolate, written))
          .IsNothing()) {
    return;
  }
  info.GetReturnValue().Set(result);
}

void EncoderEncoding(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (UnwrapNativeState(info, kTextEncoderClass) == nullptr) return;
  info.GetReturnValue().Set(Utf8Literal(info.GetIsolate()));
}

// ---- TextDecoder

// constructor(label = 'utf-8', {fatal, ignoreBOM} = {}), checked in Node's order.
void DecoderConstruct(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!RequireConstruct(info, "TextDecoder")) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::String> label = Utf8Literal(isolate);
  if (!info[0]->IsUndefined() && !info[0]->ToString(context).ToLocal(&label)) return;
  v8::Local<v8::Value> options = info[1];
  if (!options->IsNullOrUndefined() && !options->IsObject()) {
    return ThrowInvalidArgType(isolate, "options", "of type object", options);
  }
  v8::String::Utf8Value label_text(isolate, label);
  absl::string_view label_view(*label_text, label_text.length());
  auto unsupported = [&] {
    ThrowError(isolate, ErrorKind::kRangeError,
               absl::StrCat("The \"", label_view, "\" encoding is not supported"),
               "ERR_ENCODING_NOT_SUPPORTED");
  };
  std::optional<absl::string_view> encoding = EncodingForLabel(label_view);
  if (!encoding.has_value()) return unsupported();
  bool fatal = false;
  bool ignore_bom = false;
  if (options->IsObject() &&
      (!ReadFlag(context, options.As<v8::Object>(), "fatal", &fatal) ||
       !ReadFlag(context, options.As<v8::Object>(), "ignoreBOM", &ignore_bom))) {
    return;
  }
  if (*encoding == "utf-8") {
    WrapNativeState(info.This(), kTextDecoderClass,
                    std::make_unique<DecoderState>(Utf8StreamDecoder(fatal, ignore_bom)));
    return;
  }
  absl::StatusOr<IcuStreamDecoder> icu = IcuStreamDecoder::Create(*encoding, fatal, ignore_bom);
  if (!icu.ok()) return unsupported();
  WrapNativeState(info.This(), kTextDecoderClass, std::make_unique<DecoderState>(*std::move(icu)));
}

// decode(input = empty, {stream} = {}).
void Decode(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* state = UnwrapNativeState<DecoderState>(info, kTextDecoderClass);
  if (state == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  bool stream = false;
  // Options first: a getter may run JS, which could detach the input's buffer.
  if (info[1]->IsObject() && !ReadFlag(context, info[1].As<v8::Object>(), "stream", &stream)) {
    return;
  }
  absl::Span<uint8_t> input;
  if (!info[0]->IsUndefined() && !GetBytes(info[0], &input)) {
    // Node 20.20's three decoding paths word this error each their own way.
    absl::string_view encoding = state->encoding();
    return ThrowError(isolate, ErrorKind::kTypeError,
                      encoding == "utf-8"
                          ? "The \"list\" argument must be an instance of SharedArrayBuffer, "
                            "ArrayBuffer or ArrayBufferView."
                      : encoding == "windows-1252"
                          ? "The \"input\" argument must be an instance of ArrayBuffer, "
                            "SharedArrayBuffer, or ArrayBufferView."
                          : "The \"input\" argument must be an instance of SharedArrayBuffer, "
                            "ArrayBuffer or ArrayBufferView.",
                      "ERR_INVALID_ARG_TYPE");
  }
  std::u16string text;
  if (!state->Decode(absl::string_view(reinterpret_cast<const char*>(input.data()), input.size()),
                     stream, &text)) {
    return ThrowError(isolate, ErrorKind::kTypeError,
                      absl::StrCat("The encoded data was not valid for encoding ",
                                   state->encoding()),
                      "ERR_ENCODING_INVALID_ENCODED_DATA");
  }
  v8::Local<v8::String> result;
  if (text.size() > static_cast<size_t>(v8::String::kMaxLength) ||
      !v8::String::NewFromTwoByte(isolate, reinterpret_cast<const uint16_t*>(text.data()),
                                  v8::NewStringType::kNormal, static_cast<int>(text.size()))
           .ToLocal(&result)) {
    return ThrowError(isolate, ErrorKind::kError,
                      "Cannot create a string longer than 0x1fffffe8 characters",
                      "ERR_STRING_TOO_LONG");
  }
  info.GetReturnValue().Set(result);
}

void DecoderEncoding(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* state = UnwrapNativeState<DecoderState>(info, kTextDecoderClass);
  if (state == nullptr) return;
  absl::string_view name = state->encoding();
  v8::Local<v8::String> result;
  if (v8::String::NewFromOneByte(info.GetIsolate(), reinterpret_cast<const uint8_t*>(name.data()),
                                 v8::NewStringType::kNormal, static_cast<int>(name.size()))
          .ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

void DecoderFatal(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* state = UnwrapNativeState<DecoderState>(info, kTextDecoderClass);
  if (state != nullptr) info.GetReturnValue().Set(state->fatal());
}

void DecoderIgnoreBom(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* state = UnwrapNativeState<DecoderState>(info, kTextDecoderClass);
  if (state != nullptr) info.GetReturnValue().Set(state->ignore_bom());
}

constexpr NativeMethod kEncoderMethods[] = {{"encode", Encode, 0}, {"encodeInto", EncodeInto, 2}};
constexpr NativeMethod kEncoderGetters[] = {{"encoding", EncoderEncoding, 0}};
constexpr NativeMethod kDecoderMethods[] = {{"decode", Decode, 0}};
constexpr NativeMethod kDecoderGetters[] = {{"encoding", DecoderEncoding, 0},
                                            {"fatal", DecoderFatal, 0},
                                            {"ignoreBOM", DecoderIgnoreBom, 0}};

}  // namespace

const NativeClass kTextEncoderClass = {
    "TextEncoder", EncoderConstruct, 0, kEncoderMethods, kEncoderGetters, RestoreEncoder, 1,
};

const NativeClass kTextDecoderClass = {
    "TextDecoder", DecoderConstruct, 0, kDecoderMethods, kDecoderGetters, RestoreDecoder, 1,
};

}  // namespace toysnap
