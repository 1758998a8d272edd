// The embedder's extension API: host functions (sync and async), native
// classes, ES modules and per-runtime state, declared in C++ with typed
// signatures. Embedders include this header (and runtime.h); toysnap's own
// modules may use it too.
//
//   toysnap::HostExtension kv("kv", /*version=*/1);
//   kv.State<Store>([] { return std::make_unique<Store>(); })
//     .Function("get", {"key"}, [](toysnap::HostCall& call, std::string key)
//                                   -> std::optional<std::string> { ... })
//     .AsyncFunction("fetch", {"url"}, [](toysnap::HostCall&, std::string url,
//                                         toysnap::Completion<std::string> done) {
//        std::thread([url, done] { done.Resolve(Download(url)); }).detach();
//      })
//     .Module("host:kv/store", "import { get } from 'host:kv'; export ...");
//   options.extensions.push_back(kv.extension());
//
// JS imports the functions and classes from "host:<name>" (or reads
// globalThis[name] after Global(name)). Values convert as host_values.h says;
// a wrong argument throws a TypeError naming it. A C++ exception never
// reaches V8: the call throws a JS Error with its what() instead.
//
// The extension is referenced, not copied: keep it alive (and unchanged)
// while any runtime made with it lives. It may be shared by runtimes on any
// threads; its functions then run concurrently, so shared captured data
// needs its own locking (per-runtime data belongs in State()).
//
// A snapshot records each extension's name, version and the names of its
// functions and classes; restoring needs the same set, or it is refused with
// the extension named. Bump `version` when what a snapshot holds of the
// extension changes meaning.
#ifndef TOYSNAP_RUNTIME_EMBEDDER_EXTENSION_H_
#define TOYSNAP_RUNTIME_EMBEDDER_EXTENSION_H_

#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "runtime/extension.h"
#include "runtime/host_binding.h"
#include "runtime/host_values.h"
#include "runtime/native_classes.h"
#include "v8-function-callback.h"
#include "v8-promise.h"

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

// A class whose instances hold a T. Methods take the instance as `T&` after
// the optional HostCall&. Instances are branded: a method called on anything
// else throws TypeError "Illegal invocation". An instance kept in a snapshot
// is saved with `save` and rebuilt with `load` at restore (Snapshot()).
template <typename T>
class HostClass {
 public:
  explicit HostClass(std::string name) : name_(std::move(name)) {}

  // F: T / absl::StatusOr<T> (HostCall&?, args...). Without one, `new`
  // throws "Illegal constructor".
  template <typename F>
  HostClass& Constructor(std::vector<std::string> names, F fn);
  // F: R (HostCall&?, T&, args...)
  template <typename F>
  HostClass& Method(std::string name, std::vector<std::string> names, F fn);
  // F: R (HostCall&?, T&)
  template <typename F>
  HostClass& Getter(std::string name, F fn);
  // F: void (HostCall&?, T&, V)
  template <typename F>
  HostClass& Setter(std::string name, F fn);
  // F: R (HostCall&?, args...), on the constructor.
  template <typename F>
  HostClass& Static(std::string name, std::vector<std::string> names, F fn);
  // How an instance's T is kept in a snapshot; bump `version` when the bytes
  // change format.
  HostClass& Snapshot(int version, std::function<std::string(const T&)> save,
                      std::function<absl::StatusOr<T>(absl::string_view)> load);

 private:
  friend class HostExtension;
  struct Member {
    std::string name;
    std::unique_ptr<HostCallable> callable;
    int length;    // argument names given
    size_t arity;  // arguments the C++ function takes; checked against `length`
  };
  struct Persist {
    int version = 0;
    std::function<std::string(const T&)> save;
    std::function<absl::StatusOr<T>(absl::string_view)> load;
  };
  std::string name_;
  std::unique_ptr<HostCallable> constructor_;
  int constructor_length_ = 0;
  size_t constructor_arity_ = 0;
  std::vector<Member> methods_, getters_, setters_, statics_;
  // Shared with every instance, which saves itself with it.
  std::shared_ptr<Persist> persist_ = std::make_shared<Persist>();
};

// The C++ side of a HostClass<T> instance.
template <typename T>
class HostInstance : public NativeState {
 public:
  using Save = std::function<std::string(const T&)>;
  HostInstance(T value, std::shared_ptr<const void> persist, const Save* save)
      : value(std::move(value)), persist_(std::move(persist)), save_(save) {}
  // Runs inside V8's snapshot serializer, so a C++ exception must stop here.
  std::string Serialize() const override {
    try {
      return *save_ ? (*save_)(value) : std::string();
    } catch (...) {
      return std::string();
    }
  }
  T value;

 private:
  std::shared_ptr<const void> persist_;  // keeps *save_ alive
  const Save* save_;
};

class HostExtension {
 public:
  // `name` names the namespace module "host:<name>"; letters, digits, '_', '-'.
  HostExtension(std::string name, int version);
  ~HostExtension();
  HostExtension(const HostExtension&) = delete;
  HostExtension& operator=(const HostExtension&) = delete;

  // F: R (HostCall&?, args...). R: a host_values.h type, void, absl::Status
  // or absl::StatusOr<T> (an error status throws, see JsErrorStatus).
  template <typename F>
  HostExtension& Function(std::string name, std::vector<std::string> arg_names, F fn) {
    using Invoker = host_internal::Invoker<F>;
    CheckNames(name, arg_names.size(), Invoker::kArity);
    return AddFunction(std::move(name), static_cast<int>(Invoker::kArity),
                       std::make_unique<host_internal::SyncFunction<F>>(std::move(fn),
                                                                        std::move(arg_names)));
  }
  // F: void (HostCall&?, args..., Completion<R>); JS gets a promise that the
  // completion settles, from any thread.
  template <typename F>
  HostExtension& AsyncFunction(std::string name, std::vector<std::string> arg_names, F fn) {
    using Args = typename host_internal::Traits<F>::Args;
    constexpr size_t kArity = std::tuple_size_v<Args> - 1 - host_internal::LeadingHostCall<Args>();
    CheckNames(name, arg_names.size(), kArity);
    return AddFunction(std::move(name), static_cast<int>(kArity),
                       std::make_unique<host_internal::AsyncFunction<F>>(std::move(fn),
                                                                         std::move(arg_names)));
  }
  template <typename T>
  HostExtension& Class(HostClass<T> cls);
  // An ES module served from memory under `specifier` ("host:<name>/..."); it
  // may import "host:<name>" and other host: modules.
  HostExtension& Module(std::string specifier, std::string source);
  // Each runtime gets its own T from `make`, reached with call.state<T>().
  template <typename T>
  HostExtension& State(std::function<std::unique_ptr<T>()> make) {
    binding_.create_state = [make = std::move(make)]() -> std::unique_ptr<ExtensionState> {
      std::shared_ptr<void> value(make().release(), [](void* p) { delete static_cast<T*>(p); });
      return std::make_unique<host_internal::StateBox>(&host_internal::TypeTag<T>::id,
                                                       std::move(value));
    };
    return *this;
  }
  // Also sets the namespace on globalThis[name] (for classic scripts).
  HostExtension& Global(std::string name);

  // For RuntimeOptions::extensions. A declaration error (a name given twice,
  // argument names that do not match) makes Runtime creation fail with it.
  const Extension* extension() const { return &extension_; }
  const absl::Status& status() const { return binding_.status; }
  const std::string& name() const { return name_; }

 private:
  struct ClassDef {
    NativeClass cls{};
    std::string name;
    std::vector<std::unique_ptr<HostCallable>> callables;
    std::vector<std::unique_ptr<std::string>> member_names;  // stable c_str()s
    std::vector<NativeMethod> methods, getters, setters, statics;
    std::function<absl::StatusOr<std::unique_ptr<NativeState>>(absl::string_view)> restore;
  };
  template <typename Member>
  void AdoptMembers(ClassDef& def, std::vector<Member>& members, std::vector<NativeMethod>* out,
                    absl::string_view kind);
  void CheckNames(const std::string& name, size_t given, size_t arity);
  void Fail(std::string message);
  HostExtension& AddFunction(std::string name, int length, std::unique_ptr<HostCallable> callable);
  HostCallable* Adopt(std::unique_ptr<HostCallable> callable, const std::string& qualified,
                      const NativeClass* cls);
  void AddClassDef(std::unique_ptr<ClassDef> def);
  void Refresh();
  static absl::StatusOr<std::unique_ptr<NativeState>> RestoreClass(const NativeClass& cls,
                                                                   absl::string_view bytes);

  std::string name_;
  std::vector<std::unique_ptr<HostCallable>> callables_;
  std::vector<std::unique_ptr<std::string>> function_names_;  // stable c_str()s
  std::vector<NativeFunction> functions_;
  std::vector<std::unique_ptr<ClassDef>> classes_;
  std::vector<const NativeClass*> class_list_;
  HostBinding binding_;
  Extension extension_{};
};

// ---- HostClass<T> ----------------------------------------------------------

namespace host_internal {

template <typename T>
T* InstanceOf(HostCall& call, const NativeClass& cls) {
  auto* instance = UnwrapNativeState<HostInstance<T>>(call.info(), cls);
  return instance == nullptr ? nullptr : &instance->value;
}

template <typename T, typename F>
class Method : public HostCallable {
 public:
  Method(F fn, std::vector<std::string> names) : fn_(std::move(fn)), names_(std::move(names)) {}
  void Call(HostCall& call) const override {
    T* self = InstanceOf<T>(call, *cls);
    if (self == nullptr) return;
    Invoker<F, T&>::Invoke(
        fn_, names_, call,
        [&](auto&& run) {
          using R = decltype(run());
          if constexpr (std::is_void_v<R>) {
            run();
            return true;
          } else {
            return SetResult(call, run());
          }
        },
        *self);
  }

 private:
  F fn_;
  std::vector<std::string> names_;
};

void ThrowNotConstructCall(HostCall& call, const char* class_name);

template <typename T, typename F>
class Constructor : public HostCallable {
 public:
  using Save = std::function<std::string(const T&)>;
  Constructor(F fn, std::vector<std::string> names, std::shared_ptr<const void> persist,
              const Save* save)
      : fn_(std::move(fn)), names_(std::move(names)), persist_(std::move(persist)), save_(save) {}
  void Call(HostCall& call) const override {
    if (!call.info().IsConstructCall()) return ThrowNotConstructCall(call, cls->name);
    Invoker<F>::Invoke(fn_, names_, call, [&](auto&& run) {
      auto made = run();
      if constexpr (IsStatusOr<decltype(made)>::value) {
        if (!made.ok()) return ThrowStatus(call.scope(), made.status()), false;
        Wrap(call, std::move(*made));
      } else {
        Wrap(call, std::move(made));
      }
      return true;
    });
  }

 private:
  void Wrap(HostCall& call, T value) const {
    WrapNativeState(call.info().This(), *cls,
                    std::make_unique<HostInstance<T>>(std::move(value), persist_, save_));
  }
  F fn_;
  std::vector<std::string> names_;
  std::shared_ptr<const void> persist_;
  const Save* save_;
};

}  // namespace host_internal

template <typename T>
template <typename F>
HostClass<T>& HostClass<T>::Constructor(std::vector<std::string> names, F fn) {
  constructor_length_ = static_cast<int>(names.size());
  constructor_arity_ = host_internal::Invoker<F>::kArity;
  constructor_ = std::make_unique<host_internal::Constructor<T, F>>(
      std::move(fn), std::move(names), persist_, &persist_->save);
  return *this;
}

template <typename T>
template <typename F>
HostClass<T>& HostClass<T>::Method(std::string name, std::vector<std::string> names, F fn) {
  int length = static_cast<int>(names.size());
  methods_.push_back({std::move(name),
                      std::make_unique<host_internal::Method<T, F>>(std::move(fn), std::move(names)),
                      length, host_internal::Invoker<F, T&>::kArity});
  return *this;
}

template <typename T>
template <typename F>
HostClass<T>& HostClass<T>::Getter(std::string name, F fn) {
  getters_.push_back({std::move(name),
                      std::make_unique<host_internal::Method<T, F>>(std::move(fn),
                                                                    std::vector<std::string>{}),
                      0, host_internal::Invoker<F, T&>::kArity});
  return *this;
}

template <typename T>
template <typename F>
HostClass<T>& HostClass<T>::Setter(std::string name, F fn) {
  setters_.push_back({name,
                      std::make_unique<host_internal::Method<T, F>>(std::move(fn),
                                                                    std::vector<std::string>{name}),
                      1, host_internal::Invoker<F, T&>::kArity});
  return *this;
}

template <typename T>
template <typename F>
HostClass<T>& HostClass<T>::Static(std::string name, std::vector<std::string> names, F fn) {
  int length = static_cast<int>(names.size());
  statics_.push_back({std::move(name),
                      std::make_unique<host_internal::SyncFunction<F>>(std::move(fn), std::move(names)),
                      length, host_internal::Invoker<F>::kArity});
  return *this;
}

template <typename T>
HostClass<T>& HostClass<T>::Snapshot(int version, std::function<std::string(const T&)> save,
                                     std::function<absl::StatusOr<T>(absl::string_view)> load) {
  persist_->version = version;
  persist_->save = std::move(save);
  persist_->load = std::move(load);
  return *this;
}

template <typename Member>
void HostExtension::AdoptMembers(ClassDef& def, std::vector<Member>& members,
                                 std::vector<NativeMethod>* out, absl::string_view kind) {
  for (Member& member : members) {
    CheckNames(def.name + std::string(kind) + member.name, static_cast<size_t>(member.length),
               member.arity);
    def.member_names.push_back(std::make_unique<std::string>(member.name));
    member.callable->qualified_name = def.name + std::string(kind) + member.name;
    member.callable->extension = &extension_;
    member.callable->cls = &def.cls;
    out->push_back(NativeMethod{def.member_names.back()->c_str(), HostTrampoline, member.length,
                                member.callable.get()});
    def.callables.push_back(std::move(member.callable));
  }
}

template <typename T>
HostExtension& HostExtension::Class(HostClass<T> cls) {
  auto def = std::make_unique<ClassDef>();
  def->name = cls.name_;
  std::shared_ptr<typename HostClass<T>::Persist> persist = cls.persist_;
  def->restore = [persist](absl::string_view bytes)
      -> absl::StatusOr<std::unique_ptr<NativeState>> {
    if (!persist->load) {
      return absl::FailedPreconditionError("the class keeps no state in snapshots (Snapshot())");
    }
    absl::StatusOr<T> value = persist->load(bytes);
    if (!value.ok()) return value.status();
    return std::unique_ptr<NativeState>(
        std::make_unique<HostInstance<T>>(std::move(*value), persist, &persist->save));
  };
  def->cls.state_version = persist->version;
  def->cls.length = cls.constructor_length_;
  AdoptMembers(*def, cls.methods_, &def->methods, ".");
  AdoptMembers(*def, cls.getters_, &def->getters, ".get ");
  AdoptMembers(*def, cls.setters_, &def->setters, ".set ");
  AdoptMembers(*def, cls.statics_, &def->statics, ".");
  if (cls.constructor_ != nullptr) {
    CheckNames(def->name, static_cast<size_t>(cls.constructor_length_), cls.constructor_arity_);
    cls.constructor_->qualified_name = def->name;
    cls.constructor_->extension = &extension_;
    cls.constructor_->cls = &def->cls;
    def->cls.constructor_data = cls.constructor_.get();
    def->callables.push_back(std::move(cls.constructor_));
  }
  AddClassDef(std::move(def));
  return *this;
}

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_EMBEDDER_EXTENSION_H_
