// Typed native callbacks: a C++ function taking C++ values becomes a
// v8::FunctionCallback, with argument conversion and Node's ERR_INVALID_ARG_TYPE
// errors in one place, so callbacks stop checking info[i] by hand. Include from
// the files that declare an extension's functions.
//
//   std::string Cwd(NativeCall& call);
//   absl::StatusOr<std::string> ReadText(NativeCall& call, std::string path);
//   constexpr const char* kReadTextArgs[] = {"path"};
//   NativeFunction{"readText", Bind<ReadText, kReadTextArgs>, 1}
//
// Arguments: std::string (a JS string, as UTF-8), double, int32_t (an integer
// number), bool, Bytes (an ArrayBuffer or view), v8::Local<v8::Value> (anything),
// v8::Local<v8::Object> / <v8::Function> / <v8::Promise>, and std::optional<T>
// of each (undefined -> nullopt). Results: void, those types, std::optional<T>
// (nullopt -> undefined) and absl::StatusOr<T> (an error is thrown as an Error
// with its message).
#ifndef TOYSNAP_RUNTIME_BINDING_H_
#define TOYSNAP_RUNTIME_BINDING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "v8-context.h"
#include "v8-function-callback.h"
#include "v8-function.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-object.h"
#include "v8-promise.h"
#include "v8-value.h"

namespace toysnap {

// What a typed callback gets besides its arguments.
struct NativeCall {
  const v8::FunctionCallbackInfo<v8::Value>& info;
  v8::Isolate* isolate;
  v8::Local<v8::Context> context;
};

// The bytes of an ArrayBuffer, SharedArrayBuffer or view; valid until JS runs.
struct Bytes {
  absl::Span<uint8_t> bytes;
};

namespace binding {

// Each converter reads `value` into `out`, or throws Node's error naming the
// argument and returns false.
bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, std::string* out);
bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, double* out);
bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, int32_t* out);
bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, bool* out);
bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, Bytes* out);
bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             v8::Local<v8::Value>* out);
bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             v8::Local<v8::Object>* out);
bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             v8::Local<v8::Function>* out);
bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             v8::Local<v8::Promise>* out);
template <typename T>
bool Convert(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             std::optional<T>* out) {
  if (value->IsUndefined()) {
    out->reset();
    return true;
  }
  T converted;
  if (!Convert(isolate, value, name, &converted)) return false;
  *out = std::move(converted);
  return true;
}

// Results; false when a JS value could not be made (an exception is pending).
bool Return(NativeCall& call, const std::string& value);
bool Return(NativeCall& call, double value);
bool Return(NativeCall& call, int32_t value);
bool Return(NativeCall& call, bool value);
template <typename T>
bool Return(NativeCall& call, v8::Local<T> value) {
  call.info.GetReturnValue().Set(value);
  return true;
}
// An empty MaybeLocal: an exception is pending.
template <typename T>
bool Return(NativeCall& call, v8::MaybeLocal<T> value) {
  v8::Local<T> local;
  if (!value.ToLocal(&local)) return false;
  call.info.GetReturnValue().Set(local);
  return true;
}
template <typename T>
bool Return(NativeCall& call, const std::optional<T>& value) {
  return value ? Return(call, *value) : true;
}
void ThrowStatus(v8::Isolate* isolate, const absl::Status& status);
template <typename T>
bool Return(NativeCall& call, const absl::StatusOr<T>& value) {
  if (!value.ok()) {
    ThrowStatus(call.isolate, value.status());
    return false;
  }
  return Return(call, *value);
}

template <typename F>
struct Signature;

template <typename R, typename... A>
struct Signature<R (*)(NativeCall&, A...)> {
  static constexpr size_t kArity = sizeof...(A);
  template <auto Fn, const char* const* Names, size_t... I>
  static void Invoke(const v8::FunctionCallbackInfo<v8::Value>& info, std::index_sequence<I...>) {
    v8::Isolate* isolate = info.GetIsolate();
    std::tuple<std::decay_t<A>...> args;
    if (!(Convert(isolate, info[static_cast<int>(I)], Names[I], &std::get<I>(args)) && ...)) {
      return;
    }
    NativeCall call{info, isolate, isolate->GetCurrentContext()};
    if constexpr (std::is_void_v<R>) {
      Fn(call, std::move(std::get<I>(args))...);
    } else {
      Return(call, Fn(call, std::move(std::get<I>(args))...));
    }
  }
};

}  // namespace binding

// The v8::FunctionCallback for `Fn`, a function `R Fn(NativeCall&, A...)` whose
// arguments are named by `Names` (static storage; may be null for none).
template <auto Fn, const char* const* Names = nullptr>
void Bind(const v8::FunctionCallbackInfo<v8::Value>& info) {
  using Sig = binding::Signature<decltype(Fn)>;
  static_assert(Sig::kArity == 0 || Names != nullptr, "name every argument");
  Sig::template Invoke<Fn, Names>(info, std::make_index_sequence<Sig::kArity>());
}

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_BINDING_H_
