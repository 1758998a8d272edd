// C++ <-> JavaScript values for embedders' host functions (embedder_extension.h
// includes this; include it directly only to add a JsConvert of your own).
//
//   C++ type                      JS value
//   bool                          boolean
//   double, int32_t, uint32_t     number (the integers must be integers in range)
//   int64_t, uint64_t             bigint (a safe-integer number is accepted too)
//   std::string                   string (UTF-8)
//   std::nullptr_t / Undefined    null / undefined
//   std::optional<T>              T, or undefined/null (nullopt returns undefined)
//   std::vector<T>                Array
//   std::map<std::string, T>      plain object (own enumerable string keys) or Map
//   ByteBuffer                    ArrayBuffer or view, copied; returned as Uint8Array
//   ByteView                      ArrayBuffer or view, not copied (valid during the call)
//   JsError                       an Error object (a value, not thrown)
//   v8::Local<v8::Value|Object|Function>   passed through
//
// A mismatch throws Node's TypeError (code ERR_INVALID_ARG_TYPE) naming the
// argument, with the path inside it: `The "points[2].x" argument must be of
// type number. Received type string ('a')`.
#ifndef TOYSNAP_RUNTIME_HOST_VALUES_H_
#define TOYSNAP_RUNTIME_HOST_VALUES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "v8-container.h"
#include "v8-context.h"
#include "v8-function.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-object.h"
#include "v8-value.h"

namespace toysnap {

struct Undefined {};

struct ByteBuffer {
  std::vector<uint8_t> bytes;
};

struct ByteView {
  const uint8_t* data = nullptr;
  size_t size = 0;
};

struct JsError {
  enum class Kind { kError, kTypeError, kRangeError };
  Kind kind = Kind::kError;
  std::string message;
  std::string code;  // error.code, when not empty
  // Read from an argument: error.name and error.stack as JS had them.
  std::string name;
  std::string stack;
};

// A status that a host function returns (or rejects with) to throw exactly
// `error`. Other statuses throw by their code: kInvalidArgument a TypeError,
// kOutOfRange a RangeError, anything else an Error; the message is the
// status's message.
absl::Status JsErrorStatus(const JsError& error);

// Where a value sits inside an argument, for error messages; made only when
// an error is thrown.
struct ValuePath {
  const ValuePath* parent = nullptr;
  absl::string_view key;  // an argument name or property name
  int64_t index = -1;     // an array index, when >= 0
  std::string ToString() const;
};

struct JsScope {
  v8::Isolate* isolate;
  v8::Local<v8::Context> context;
};

// Throws the TypeError for a value that is not `expected` ("of type number").
void ThrowTypeMismatch(const JsScope& scope, const ValuePath& path, absl::string_view expected,
                       v8::Local<v8::Value> actual);
// Throws the error a status stands for (see JsErrorStatus).
void ThrowStatus(const JsScope& scope, const absl::Status& status);
v8::Local<v8::Value> ErrorFromStatus(const JsScope& scope, const absl::Status& status);

// Specialize to convert a type of your own: `static bool FromJs(const JsScope&,
// v8::Local<v8::Value>, const ValuePath&, T*)` (false with an exception
// thrown) and `static v8::MaybeLocal<v8::Value> ToJs(const JsScope&, const T&)`.
template <typename T, typename Enable = void>
struct JsConvert;

#define TOYSNAP_HOST_SCALAR(T)                                                            \
  template <>                                                                              \
  struct JsConvert<T> {                                                                    \
    static bool FromJs(const JsScope& scope, v8::Local<v8::Value> value,                   \
                       const ValuePath& path, T* out);                                     \
    static v8::MaybeLocal<v8::Value> ToJs(const JsScope& scope, const T& value);           \
  };
TOYSNAP_HOST_SCALAR(bool)
TOYSNAP_HOST_SCALAR(double)
TOYSNAP_HOST_SCALAR(int32_t)
TOYSNAP_HOST_SCALAR(uint32_t)
TOYSNAP_HOST_SCALAR(int64_t)
TOYSNAP_HOST_SCALAR(uint64_t)
TOYSNAP_HOST_SCALAR(std::string)
TOYSNAP_HOST_SCALAR(std::nullptr_t)
TOYSNAP_HOST_SCALAR(Undefined)
TOYSNAP_HOST_SCALAR(ByteBuffer)
TOYSNAP_HOST_SCALAR(ByteView)
TOYSNAP_HOST_SCALAR(JsError)
#undef TOYSNAP_HOST_SCALAR

template <typename T>
struct JsConvert<v8::Local<T>> {
  static bool FromJs(const JsScope& scope, v8::Local<v8::Value> value, const ValuePath& path,
                     v8::Local<T>* out) {
    if constexpr (std::is_same_v<T, v8::Value>) {
      *out = value;
    } else if constexpr (std::is_same_v<T, v8::Function>) {
      if (!value->IsFunction()) return ThrowTypeMismatch(scope, path, "of type function", value), false;
      *out = value.As<v8::Function>();
    } else {
      static_assert(std::is_same_v<T, v8::Object>, "Local<Value>, Local<Object> or Local<Function>");
      if (!value->IsObject()) return ThrowTypeMismatch(scope, path, "of type object", value), false;
      *out = value.As<v8::Object>();
    }
    return true;
  }
  static v8::MaybeLocal<v8::Value> ToJs(const JsScope&, const v8::Local<T>& value) {
    return value;
  }
};

template <typename T>
struct JsConvert<std::optional<T>> {
  static bool FromJs(const JsScope& scope, v8::Local<v8::Value> value, const ValuePath& path,
                     std::optional<T>* out) {
    if (value->IsNullOrUndefined()) {
      out->reset();
      return true;
    }
    T converted;
    if (!JsConvert<T>::FromJs(scope, value, path, &converted)) return false;
    *out = std::move(converted);
    return true;
  }
  static v8::MaybeLocal<v8::Value> ToJs(const JsScope& scope, const std::optional<T>& value) {
    if (!value) return v8::Undefined(scope.isolate);
    return JsConvert<T>::ToJs(scope, *value);
  }
};

template <typename T>
struct JsConvert<std::vector<T>> {
  static bool FromJs(const JsScope& scope, v8::Local<v8::Value> value, const ValuePath& path,
                     std::vector<T>* out) {
    if (!value->IsArray()) return ThrowTypeMismatch(scope, path, "an instance of Array", value), false;
    v8::Local<v8::Array> array = value.As<v8::Array>();
    out->clear();
    // A sparse `new Array(1e9)` must not reserve gigabytes up front.
    out->reserve(std::min<uint32_t>(array->Length(), 4096));
    for (uint32_t i = 0; i < array->Length(); ++i) {
      // Long conversions still yield to Runtime::Terminate and the limits.
      if (i % 4096 == 4095 && scope.isolate->IsExecutionTerminating()) return false;
      v8::Local<v8::Value> item;
      if (!array->Get(scope.context, i).ToLocal(&item)) return false;
      T converted;
      ValuePath at{&path, {}, static_cast<int64_t>(i)};
      if (!JsConvert<T>::FromJs(scope, item, at, &converted)) return false;
      out->push_back(std::move(converted));
    }
    return true;
  }
  static v8::MaybeLocal<v8::Value> ToJs(const JsScope& scope, const std::vector<T>& value) {
    v8::Local<v8::Array> array = v8::Array::New(scope.isolate, static_cast<int>(value.size()));
    for (size_t i = 0; i < value.size(); ++i) {
      v8::Local<v8::Value> item;
      if (!JsConvert<T>::ToJs(scope, value[i]).ToLocal(&item) ||
          array->Set(scope.context, static_cast<uint32_t>(i), item).IsNothing()) {
        return {};
      }
    }
    return array;
  }
};

namespace host_internal {
// The own enumerable string keys and values of a plain object, or the entries
// of a Map whose keys are strings; false with an exception thrown otherwise.
bool Entries(const JsScope& scope, v8::Local<v8::Value> value, const ValuePath& path,
             std::vector<std::pair<std::string, v8::Local<v8::Value>>>* out);
v8::MaybeLocal<v8::String> Key(const JsScope& scope, const std::string& key);
}  // namespace host_internal

template <typename T>
struct JsConvert<std::map<std::string, T>> {
  static bool FromJs(const JsScope& scope, v8::Local<v8::Value> value, const ValuePath& path,
                     std::map<std::string, T>* out) {
    std::vector<std::pair<std::string, v8::Local<v8::Value>>> entries;
    if (!host_internal::Entries(scope, value, path, &entries)) return false;
    out->clear();
    for (auto& [key, item] : entries) {
      T converted;
      ValuePath at{&path, key};
      if (!JsConvert<T>::FromJs(scope, item, at, &converted)) return false;
      (*out)[key] = std::move(converted);
    }
    return true;
  }
  static v8::MaybeLocal<v8::Value> ToJs(const JsScope& scope,
                                        const std::map<std::string, T>& value) {
    v8::Local<v8::Object> object = v8::Object::New(scope.isolate);
    for (const auto& [key, item] : value) {
      v8::Local<v8::String> name;
      v8::Local<v8::Value> converted;
      if (!host_internal::Key(scope, key).ToLocal(&name) ||
          !JsConvert<T>::ToJs(scope, item).ToLocal(&converted) ||
          object->CreateDataProperty(scope.context, name, converted).IsNothing()) {
        return {};
      }
    }
    return object;
  }
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_HOST_VALUES_H_
