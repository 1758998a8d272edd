// HostClass<T>: a native class whose instances hold a T, declared with typed
// methods, accessors and statics, and kept in snapshots through Snapshot().
// Part of the embedder API; include embedder_extension.h, which includes this.
#ifndef TOYSNAP_RUNTIME_HOST_CLASS_H_
#define TOYSNAP_RUNTIME_HOST_CLASS_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "runtime/host_function.h"
#include "runtime/native_classes.h"

namespace toysnap {

class HostExtension;

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

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_HOST_CLASS_H_
