// Host functions as V8 calls them: HostCall (what a call gets), Completion
// (settles an async call's promise from any thread) and the templates that
// convert arguments and results. Part of the embedder API; include
// embedder_extension.h, which includes this.
#ifndef TOYSNAP_RUNTIME_HOST_FUNCTION_H_
#define TOYSNAP_RUNTIME_HOST_FUNCTION_H_

#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "runtime/extension.h"
#include "runtime/host_values.h"
#include "v8-function-callback.h"
#include "v8-promise.h"

struct uv_loop_s;  // uv.h's uv_loop_t

namespace toysnap {

class HostCallable;

// What a host function gets besides its arguments.
class HostCall {
 public:
  HostCall(const v8::FunctionCallbackInfo<v8::Value>& info, const HostCallable& callee);
  v8::Isolate* isolate() const { return scope_.isolate; }
  v8::Local<v8::Context> context() const { return scope_.context; }
  const JsScope& scope() const { return scope_; }
  const v8::FunctionCallbackInfo<v8::Value>& info() const { return info_; }
  const HostCallable& callee() const { return callee_; }
  // The extension's state in this runtime (State()), or null if it has none
  // of type T.
  template <typename T>
  T* state() const;
  // The runtime's libuv loop, for requests an async host function starts on
  // it (their callbacks run on the runtime's thread, where a Completion may
  // be settled at once); null in a runtime without one.
  uv_loop_s* uv_loop() const;

 private:
  const void* StateOfType(const void* type) const;
  const v8::FunctionCallbackInfo<v8::Value>& info_;
  const HostCallable& callee_;
  JsScope scope_;
};

namespace host_internal {

// One address per type, in place of RTTI (libnode is built without it).
template <typename T>
struct TypeTag {
  static constexpr char id = 0;
};

class StateBox : public ExtensionState {
 public:
  StateBox(const void* type, std::shared_ptr<void> value) : type(type), value(std::move(value)) {}
  const void* type;
  std::shared_ptr<void> value;
};

}  // namespace host_internal

template <typename T>
T* HostCall::state() const {
  return static_cast<T*>(const_cast<void*>(StateOfType(&host_internal::TypeTag<T>::id)));
}

// A function, method or accessor as V8 calls it: info.Data() points here.
class HostCallable {
 public:
  virtual ~HostCallable() = default;
  // Converts the arguments, calls the C++ function, sets the result; throws
  // into JS on failure. C++ exceptions are caught by the caller (the trampoline).
  virtual void Call(HostCall& call) const = 0;
  std::string qualified_name;        // "kv.get", for error messages
  const Extension* extension = nullptr;
  const NativeClass* cls = nullptr;  // for methods, accessors and constructors
};

// The one v8::FunctionCallback of every host callable.
void HostTrampoline(const v8::FunctionCallbackInfo<v8::Value>& info);

class CompletionCore;

// Settles the promise of one async host call, from any thread, once: the
// value is converted on the runtime's thread. Copyable; when the last copy
// goes without settling, the promise is rejected ("dropped without settling").
// Settling after the runtime is gone does nothing and returns false.
template <typename R>
class Completion {
 public:
  explicit Completion(std::shared_ptr<CompletionCore> core) : core_(std::move(core)) {}
  bool Resolve(R value) const;
  bool Reject(absl::Status error) const;

 private:
  std::shared_ptr<CompletionCore> core_;
};

template <>
class Completion<void> {
 public:
  explicit Completion(std::shared_ptr<CompletionCore> core) : core_(std::move(core)) {}
  bool Resolve() const;
  bool Reject(absl::Status error) const;

 private:
  std::shared_ptr<CompletionCore> core_;
};

// A value a settled promise takes, made on the runtime's thread.
class Settlement {
 public:
  virtual ~Settlement() = default;
  virtual v8::MaybeLocal<v8::Value> Make(const JsScope& scope) = 0;
};

class CompletionCore {
 public:
  virtual ~CompletionCore() = default;
  // False if already settled or the runtime is gone.
  virtual bool Settle(std::unique_ptr<Settlement> value, bool reject) = 0;
  // The call failed before the host took the completion: settles nothing.
  virtual void Abandon() = 0;
  // For AsyncFunction: a pending promise on this runtime's loop; null with a
  // JS exception thrown.
  static std::shared_ptr<CompletionCore> New(HostCall& call, v8::Local<v8::Promise>* promise);
};

namespace host_internal {

template <typename R>
class ValueSettlement : public Settlement {
 public:
  explicit ValueSettlement(R value) : value_(std::move(value)) {}
  v8::MaybeLocal<v8::Value> Make(const JsScope& scope) override {
    return JsConvert<R>::ToJs(scope, value_);
  }

 private:
  R value_;
};

class StatusSettlement : public Settlement {
 public:
  explicit StatusSettlement(absl::Status status) : status_(std::move(status)) {}
  v8::MaybeLocal<v8::Value> Make(const JsScope& scope) override {
    return ErrorFromStatus(scope, status_);
  }

 private:
  absl::Status status_;
};

// Signatures: the parameter list of a function pointer or lambda.
template <typename F>
struct Traits : Traits<decltype(&F::operator())> {};
template <typename R, typename... A>
struct Traits<R (*)(A...)> {
  using Result = R;
  using Args = std::tuple<A...>;
};
template <typename C, typename R, typename... A>
struct Traits<R (C::*)(A...) const> : Traits<R (*)(A...)> {};
template <typename C, typename R, typename... A>
struct Traits<R (C::*)(A...)> : Traits<R (*)(A...)> {};

template <typename T>
struct IsStatusOr : std::false_type {};
template <typename T>
struct IsStatusOr<absl::StatusOr<T>> : std::true_type {};
template <typename T>
struct IsCompletion : std::false_type {};
template <typename T>
struct IsCompletion<Completion<T>> : std::true_type {};

// Sets `value` as the call's result; false with an exception thrown.
template <typename R>
bool SetResult(HostCall& call, R&& value) {
  using T = std::decay_t<R>;
  if constexpr (std::is_same_v<T, absl::Status>) {
    if (!value.ok()) return ThrowStatus(call.scope(), value), false;
    return true;
  } else if constexpr (IsStatusOr<T>::value) {
    if (!value.ok()) return ThrowStatus(call.scope(), value.status()), false;
    return SetResult(call, *std::forward<R>(value));
  } else {
    v8::Local<v8::Value> result;
    if (!JsConvert<T>::ToJs(call.scope(), value).ToLocal(&result)) return false;
    call.info().GetReturnValue().Set(result);
    return true;
  }
}

// The JS arguments, from info[first], as `Args` (a tuple of decayed types).
template <typename Args, size_t... I>
bool ConvertArgs(HostCall& call, const std::vector<std::string>& names, int first, Args& args,
                 std::index_sequence<I...>) {
  return (JsConvert<std::tuple_element_t<I, Args>>::FromJs(
              call.scope(), call.info()[first + static_cast<int>(I)],
              ValuePath{nullptr, names[I]}, &std::get<I>(args)) &&
          ...);
}

template <typename Tuple, size_t Skip, typename Seq>
struct DropFront;
template <typename Tuple, size_t Skip, size_t... I>
struct DropFront<Tuple, Skip, std::index_sequence<I...>> {
  using type = std::tuple<std::decay_t<std::tuple_element_t<Skip + I, Tuple>>...>;
};

// How many leading parameters are not JS arguments: HostCall& first, then
// (for methods) the instance.
template <typename Args>
constexpr size_t LeadingHostCall() {
  if constexpr (std::tuple_size_v<Args> == 0) {
    return 0;
  } else {
    return std::is_same_v<std::tuple_element_t<0, Args>, HostCall&> ? 1 : 0;
  }
}

// Calls `fn` with (HostCall& if it takes one, extra..., converted JS args...).
template <typename F, typename... Extra>
class Invoker {
 public:
  using Args = typename Traits<F>::Args;
  static constexpr size_t kSkip = LeadingHostCall<Args>() + sizeof...(Extra);
  static constexpr size_t kArity = std::tuple_size_v<Args> - kSkip;
  using JsArgs = typename DropFront<Args, kSkip, std::make_index_sequence<kArity>>::type;

  // False when an argument did not convert (the exception is thrown).
  template <typename Done>
  static bool Invoke(const F& fn, const std::vector<std::string>& names, HostCall& call,
                     Done&& done, Extra... extra) {
    JsArgs args;
    if (!ConvertArgs(call, names, 0, args, std::make_index_sequence<kArity>())) return false;
    auto with_call = [&](auto&&... js) -> decltype(auto) {
      if constexpr (LeadingHostCall<Args>() == 1) {
        return fn(call, extra..., std::forward<decltype(js)>(js)...);
      } else {
        return fn(extra..., std::forward<decltype(js)>(js)...);
      }
    };
    return done([&] { return std::apply(with_call, std::move(args)); });
  }
};

template <typename F>
class SyncFunction : public HostCallable {
 public:
  SyncFunction(F fn, std::vector<std::string> names) : fn_(std::move(fn)), names_(std::move(names)) {}
  void Call(HostCall& call) const override {
    Invoker<F>::Invoke(fn_, names_, call, [&](auto&& run) {
      using R = decltype(run());
      if constexpr (std::is_void_v<R>) {
        run();
        return true;
      } else {
        return SetResult(call, run());
      }
    });
  }

 private:
  F fn_;
  std::vector<std::string> names_;
};

// F: void(HostCall&?, args..., Completion<R>)
template <typename F>
class AsyncFunction : public HostCallable {
 public:
  using Args = typename Traits<F>::Args;
  static constexpr size_t kLead = LeadingHostCall<Args>();
  static constexpr size_t kArity = std::tuple_size_v<Args> - 1 - kLead;
  using Last = std::decay_t<std::tuple_element_t<std::tuple_size_v<Args> - 1, Args>>;
  static_assert(IsCompletion<Last>::value, "an async host function takes a Completion<R> last");
  using JsArgs = typename DropFront<Args, kLead, std::make_index_sequence<kArity>>::type;

  AsyncFunction(F fn, std::vector<std::string> names)
      : fn_(std::move(fn)), names_(std::move(names)) {}
  void Call(HostCall& call) const override {
    JsArgs args;
    if (!ConvertArgs(call, names_, 0, args, std::make_index_sequence<kArity>())) return;
    v8::Local<v8::Promise> promise;
    std::shared_ptr<CompletionCore> core = CompletionCore::New(call, &promise);
    if (core == nullptr) return;
    try {
      std::apply(
          [&](auto&&... js) {
            if constexpr (kLead == 1) {
              fn_(call, std::forward<decltype(js)>(js)..., Last(core));
            } else {
              fn_(std::forward<decltype(js)>(js)..., Last(core));
            }
          },
          std::move(args));
    } catch (...) {
      core->Abandon();
      throw;
    }
    call.info().GetReturnValue().Set(promise);
  }

 private:
  F fn_;
  std::vector<std::string> names_;
};

}  // namespace host_internal

template <typename R>
bool Completion<R>::Resolve(R value) const {
  return core_->Settle(std::make_unique<host_internal::ValueSettlement<R>>(std::move(value)),
                       /*reject=*/false);
}
template <typename R>
bool Completion<R>::Reject(absl::Status error) const {
  return core_->Settle(std::make_unique<host_internal::StatusSettlement>(std::move(error)),
                       /*reject=*/true);
}

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_HOST_FUNCTION_H_
