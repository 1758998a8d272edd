// The scalar conversions of host_values.h and the errors they throw.
#include "runtime/host_values.h"

#include <cmath>
#include <cstring>
#include <memory>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "runtime/native_util.h"
#include "runtime/v8_strings.h"
#include "v8-array-buffer.h"
#include "v8-exception.h"
#include "v8-primitive.h"
#include "v8-typed-array.h"

namespace toysnap {
namespace {

// The payload that makes a status throw a given JsError.
constexpr char kJsErrorPayload[] = "toysnap.dev/JsError";

constexpr double kMaxSafeInteger = 9007199254740991.0;

std::string Utf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value text(isolate, value);
  return *text == nullptr ? std::string() : std::string(*text, text.length());
}

std::string Property(const JsScope& scope, v8::Local<v8::Object> object, const char* name) {
  v8::Local<v8::String> key;
  v8::Local<v8::Value> value;
  if (!v8::String::NewFromUtf8(scope.isolate, name).ToLocal(&key) ||
      !object->Get(scope.context, key).ToLocal(&value) || value->IsUndefined()) {
    return "";
  }
  return Utf8(scope.isolate, value);
}

void ThrowRange(const JsScope& scope, const ValuePath& path, absl::string_view range,
                v8::Local<v8::Value> actual) {
  ThrowError(scope.isolate, ErrorKind::kRangeError,
             absl::StrCat("The value of \"", path.ToString(), "\" is out of range. It must be ",
                          range, ". Received ", Utf8(scope.isolate, actual)),
             "ERR_OUT_OF_RANGE");
}

// An integer number within [min, max], or a RangeError / TypeError.
bool IntegerNumber(const JsScope& scope, v8::Local<v8::Value> value, const ValuePath& path,
                   double min, double max, absl::string_view range, double* out) {
  if (!value->IsNumber()) return ThrowTypeMismatch(scope, path, "of type number", value), false;
  double number = value.As<v8::Number>()->Value();
  if (!(std::trunc(number) == number && number >= min && number <= max)) {
    return ThrowRange(scope, path, range, value), false;
  }
  *out = number;
  return true;
}

}  // namespace

std::string ValuePath::ToString() const {
  std::string prefix = parent == nullptr ? "" : parent->ToString();
  if (index >= 0) return absl::StrCat(prefix, "[", index, "]");
  if (prefix.empty()) return std::string(key);
  return absl::StrCat(prefix, ".", key);
}

absl::Status JsErrorStatus(const JsError& error) {
  absl::StatusCode code = error.kind == JsError::Kind::kTypeError    ? absl::StatusCode::kInvalidArgument
                          : error.kind == JsError::Kind::kRangeError ? absl::StatusCode::kOutOfRange
                                                                     : absl::StatusCode::kUnknown;
  absl::Status status(code, error.message);
  status.SetPayload(kJsErrorPayload, absl::Cord(error.code));
  return status;
}

void ThrowTypeMismatch(const JsScope& scope, const ValuePath& path, absl::string_view expected,
                       v8::Local<v8::Value> actual) {
  ThrowInvalidArgType(scope.isolate, path.ToString(), expected, actual);
}

v8::Local<v8::Value> ErrorFromStatus(const JsScope& scope, const absl::Status& status) {
  JsError error;
  error.kind = status.code() == absl::StatusCode::kInvalidArgument ? JsError::Kind::kTypeError
               : status.code() == absl::StatusCode::kOutOfRange    ? JsError::Kind::kRangeError
                                                                   : JsError::Kind::kError;
  error.message = std::string(status.message());
  if (absl::optional<absl::Cord> code = status.GetPayload(kJsErrorPayload)) {
    error.code = std::string(*code);
  }
  v8::Local<v8::Value> value;
  if (!JsConvert<JsError>::ToJs(scope, error).ToLocal(&value)) {
    return v8::Exception::Error(v8::String::NewFromUtf8Literal(scope.isolate, "host error"));
  }
  return value;
}

void ThrowStatus(const JsScope& scope, const absl::Status& status) {
  scope.isolate->ThrowException(ErrorFromStatus(scope, status));
}

#define TOYSNAP_FROM_JS(T) \
  bool JsConvert<T>::FromJs(const JsScope& scope, v8::Local<v8::Value> value, \
                            const ValuePath& path, T* out)
#define TOYSNAP_TO_JS(T) \
  v8::MaybeLocal<v8::Value> JsConvert<T>::ToJs(const JsScope& scope, const T& value)

TOYSNAP_FROM_JS(bool) {
  if (!value->IsBoolean()) return ThrowTypeMismatch(scope, path, "of type boolean", value), false;
  *out = value->IsTrue();
  return true;
}
TOYSNAP_TO_JS(bool) { return v8::Boolean::New(scope.isolate, value); }

TOYSNAP_FROM_JS(double) {
  if (!value->IsNumber()) return ThrowTypeMismatch(scope, path, "of type number", value), false;
  *out = value.As<v8::Number>()->Value();
  return true;
}
TOYSNAP_TO_JS(double) { return v8::Number::New(scope.isolate, value); }

TOYSNAP_FROM_JS(int32_t) {
  double number;
  if (!IntegerNumber(scope, value, path, INT32_MIN, INT32_MAX,
                     "an integer >= -2147483648 && <= 2147483647", &number)) {
    return false;
  }
  *out = static_cast<int32_t>(number);
  return true;
}
TOYSNAP_TO_JS(int32_t) { return v8::Integer::New(scope.isolate, value); }

TOYSNAP_FROM_JS(uint32_t) {
  double number;
  if (!IntegerNumber(scope, value, path, 0, UINT32_MAX, "an integer >= 0 && <= 4294967295",
                     &number)) {
    return false;
  }
  *out = static_cast<uint32_t>(number);
  return true;
}
TOYSNAP_TO_JS(uint32_t) { return v8::Integer::NewFromUnsigned(scope.isolate, value); }

TOYSNAP_FROM_JS(int64_t) {
  if (value->IsBigInt()) {
    bool lossless = false;
    int64_t result = value.As<v8::BigInt>()->Int64Value(&lossless);
    if (!lossless) return ThrowRange(scope, path, "a 64-bit signed integer", value), false;
    *out = result;
    return true;
  }
  if (!value->IsNumber()) {
    return ThrowTypeMismatch(scope, path, "of type bigint or number", value), false;
  }
  double number;
  if (!IntegerNumber(scope, value, path, -kMaxSafeInteger, kMaxSafeInteger,
                     "a safe integer", &number)) {
    return false;
  }
  *out = static_cast<int64_t>(number);
  return true;
}
TOYSNAP_TO_JS(int64_t) { return v8::BigInt::New(scope.isolate, value); }

TOYSNAP_FROM_JS(uint64_t) {
  if (value->IsBigInt()) {
    bool lossless = false;
    uint64_t result = value.As<v8::BigInt>()->Uint64Value(&lossless);
    if (!lossless) return ThrowRange(scope, path, "a 64-bit unsigned integer", value), false;
    *out = result;
    return true;
  }
  if (!value->IsNumber()) {
    return ThrowTypeMismatch(scope, path, "of type bigint or number", value), false;
  }
  double number;
  if (!IntegerNumber(scope, value, path, 0, kMaxSafeInteger, "a safe integer >= 0", &number)) {
    return false;
  }
  *out = static_cast<uint64_t>(number);
  return true;
}
TOYSNAP_TO_JS(uint64_t) { return v8::BigInt::NewFromUnsigned(scope.isolate, value); }

TOYSNAP_FROM_JS(std::string) {
  if (!value->IsString()) return ThrowTypeMismatch(scope, path, "of type string", value), false;
  *out = Utf8(scope.isolate, value);
  return true;
}
TOYSNAP_TO_JS(std::string) {
  v8::Local<v8::String> text;
  if (!NewStringOrThrow(scope.isolate, value, "result").ToLocal(&text)) return {};
  return text;
}

TOYSNAP_FROM_JS(std::nullptr_t) {
  if (!value->IsNull()) return ThrowTypeMismatch(scope, path, "null", value), false;
  *out = nullptr;
  return true;
}
TOYSNAP_TO_JS(std::nullptr_t) { return v8::Null(scope.isolate); }

TOYSNAP_FROM_JS(Undefined) {
  if (!value->IsUndefined()) return ThrowTypeMismatch(scope, path, "undefined", value), false;
  *out = Undefined{};
  return true;
}
TOYSNAP_TO_JS(Undefined) { return v8::Undefined(scope.isolate); }

TOYSNAP_FROM_JS(ByteView) {
  absl::Span<uint8_t> bytes;
  if (!GetBytes(value, &bytes)) {
    return ThrowTypeMismatch(scope, path, "an instance of ArrayBuffer, TypedArray, or DataView",
                             value),
           false;
  }
  *out = ByteView{bytes.data(), bytes.size()};
  return true;
}
TOYSNAP_TO_JS(ByteView) {
  ByteBuffer copy;
  copy.bytes.assign(value.data, value.data + value.size);
  return JsConvert<ByteBuffer>::ToJs(scope, copy);
}

TOYSNAP_FROM_JS(ByteBuffer) {
  ByteView view;
  if (!JsConvert<ByteView>::FromJs(scope, value, path, &view)) return false;
  out->bytes.assign(view.data, view.data + view.size);
  return true;
}
TOYSNAP_TO_JS(ByteBuffer) {
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(scope.isolate, value.bytes.size());
  if (!value.bytes.empty()) std::memcpy(store->Data(), value.bytes.data(), value.bytes.size());
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(scope.isolate, std::move(store));
  return v8::Uint8Array::New(buffer, 0, value.bytes.size());
}

TOYSNAP_FROM_JS(JsError) {
  if (!value->IsNativeError()) {
    return ThrowTypeMismatch(scope, path, "an instance of Error", value), false;
  }
  v8::Local<v8::Object> error = value.As<v8::Object>();
  out->name = Property(scope, error, "name");
  out->message = Property(scope, error, "message");
  out->code = Property(scope, error, "code");
  out->stack = Property(scope, error, "stack");
  out->kind = out->name == "TypeError"    ? JsError::Kind::kTypeError
              : out->name == "RangeError" ? JsError::Kind::kRangeError
                                          : JsError::Kind::kError;
  return true;
}
TOYSNAP_TO_JS(JsError) {
  v8::Local<v8::String> message;
  if (!NewStringOrThrow(scope.isolate, value.message, "error message").ToLocal(&message)) {
    return {};
  }
  v8::Local<v8::Value> error = value.kind == JsError::Kind::kTypeError
                                   ? v8::Exception::TypeError(message)
                               : value.kind == JsError::Kind::kRangeError
                                   ? v8::Exception::RangeError(message)
                                   : v8::Exception::Error(message);
  if (!value.code.empty() && error->IsObject()) {
    SetNodeErrorCode(scope.isolate, error.As<v8::Object>(), value.code);
  }
  return error;
}

#undef TOYSNAP_FROM_JS
#undef TOYSNAP_TO_JS

namespace host_internal {

bool Entries(const JsScope& scope, v8::Local<v8::Value> value, const ValuePath& path,
             std::vector<std::pair<std::string, v8::Local<v8::Value>>>* out) {
  out->clear();
  if (value->IsMap()) {
    v8::Local<v8::Array> flat = value.As<v8::Map>()->AsArray();  // [k0, v0, k1, v1, ...]
    for (uint32_t i = 0; i + 1 < flat->Length(); i += 2) {
      v8::Local<v8::Value> key, item;
      if (!flat->Get(scope.context, i).ToLocal(&key) ||
          !flat->Get(scope.context, i + 1).ToLocal(&item)) {
        return false;
      }
      if (!key->IsString()) {
        ValuePath at{&path, "<key>"};
        return ThrowTypeMismatch(scope, at, "of type string", key), false;
      }
      out->emplace_back(Utf8(scope.isolate, key), item);
    }
    return true;
  }
  if (!value->IsObject() || value->IsArray() || value->IsFunction()) {
    return ThrowTypeMismatch(scope, path, "of type object", value), false;
  }
  v8::Local<v8::Object> object = value.As<v8::Object>();
  v8::Local<v8::Array> keys;
  if (!object
           ->GetOwnPropertyNames(scope.context, v8::ONLY_ENUMERABLE,
                                 v8::KeyConversionMode::kConvertToString)
           .ToLocal(&keys)) {
    return false;
  }
  for (uint32_t i = 0; i < keys->Length(); ++i) {
    v8::Local<v8::Value> key, item;
    if (!keys->Get(scope.context, i).ToLocal(&key) ||
        !object->Get(scope.context, key).ToLocal(&item)) {
      return false;
    }
    out->emplace_back(Utf8(scope.isolate, key), item);
  }
  return true;
}

v8::MaybeLocal<v8::String> Key(const JsScope& scope, const std::string& key) {
  return NewStringOrThrow(scope.isolate, key, "property name");
}

}  // namespace host_internal
}  // namespace toysnap
