// Argument and result conversions of binding.h.
#include "runtime/binding.h"

#include <cmath>

#include "absl/strings/str_cat.h"

#include "runtime/native_util.h"
#include "runtime/v8_strings.h"
#include "v8-exception.h"
#include "v8-primitive.h"

namespace toysnap::binding {

bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             std::string* out) {
  if (!value->IsString()) {
    ThrowInvalidArgType(isolate, name, "of type string", value);
    return false;
  }
  AssignUtf8(isolate, value.As<v8::String>(), out);
  return true;
}

bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, double* out) {
  if (!value->IsNumber()) {
    ThrowInvalidArgType(isolate, name, "of type number", value);
    return false;
  }
  *out = value.As<v8::Number>()->Value();
  return true;
}

bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, int32_t* out) {
  if (!value->IsNumber()) {
    ThrowInvalidArgType(isolate, name, "of type number", value);
    return false;
  }
  double number = value.As<v8::Number>()->Value();
  if (!(std::trunc(number) == number && number >= INT32_MIN && number <= INT32_MAX)) {
    v8::String::Utf8Value text(isolate, value);
    ThrowError(isolate, ErrorKind::kRangeError,
               absl::StrCat("The value of \"", name, "\" is out of range. It must be an integer",
                            std::isfinite(number) ? " >= -2147483648 && <= 2147483647" : "",
                            ". Received ", absl::string_view(*text, text.length())),
               "ERR_OUT_OF_RANGE");
    return false;
  }
  *out = static_cast<int32_t>(number);
  return true;
}

bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, bool* out) {
  if (!value->IsBoolean()) {
    ThrowInvalidArgType(isolate, name, "of type boolean", value);
    return false;
  }
  *out = value->IsTrue();
  return true;
}

bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, Bytes* out) {
  if (!GetBytes(value, &out->bytes)) {
    ThrowInvalidArgType(isolate, name,
                        "an instance of ArrayBuffer, Buffer, TypedArray, or DataView", value);
    return false;
  }
  return true;
}

bool Convert(v8::Isolate*, v8::Local<v8::Value> value, const char*, v8::Local<v8::Value>* out) {
  *out = value;
  return true;
}

bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             v8::Local<v8::Object>* out) {
  if (!value->IsObject()) {
    ThrowInvalidArgType(isolate, name, "of type object", value);
    return false;
  }
  *out = value.As<v8::Object>();
  return true;
}

bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             v8::Local<v8::Function>* out) {
  if (!value->IsFunction()) {
    ThrowInvalidArgType(isolate, name, "of type function", value);
    return false;
  }
  *out = value.As<v8::Function>();
  return true;
}

bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             v8::Local<v8::Promise>* out) {
  if (!value->IsPromise()) {
    ThrowInvalidArgType(isolate, name, "an instance of Promise", value);
    return false;
  }
  *out = value.As<v8::Promise>();
  return true;
}

bool Return(NativeCall& call, const std::string& value) {
  v8::Local<v8::String> text;
  if (!NewStringOrThrow(call.isolate, value, "result").ToLocal(&text)) return false;
  call.info.GetReturnValue().Set(text);
  return true;
}

bool Return(NativeCall& call, double value) {
  call.info.GetReturnValue().Set(value);
  return true;
}

bool Return(NativeCall& call, int32_t value) {
  call.info.GetReturnValue().Set(value);
  return true;
}

bool Return(NativeCall& call, bool value) {
  call.info.GetReturnValue().Set(value);
  return true;
}

void ThrowStatus(v8::Isolate* isolate, const absl::Status& status) {
  ThrowError(isolate, ErrorKind::kError, status.message());
}

}  // namespace toysnap::binding
