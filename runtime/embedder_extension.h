// The embedder's extension API: host functions (sync and async), native
// classes, ES modules and per-runtime state, declared in C++ with typed
// signatures. Embedders include this header (and runtime.h); it brings
// host_function.h (HostCall, Completion) and host_class.h (HostClass<T>).
// toysnap's own os and dns modules are built on it (runtime/node/os.cc, dns.cc).
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
// globalThis[name] after Global(name)); toysnap's own Node modules hand them
// to embedded bootstrap scripts instead (Script()). Values convert as
// host_values.h says; a wrong argument throws a TypeError naming it. A C++ exception never
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
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "runtime/extension.h"
#include "runtime/host_binding.h"
#include "runtime/host_class.h"
#include "runtime/host_function.h"
#include "runtime/host_values.h"
#include "runtime/native_classes.h"

namespace toysnap {

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

  // Bootstrap JavaScript embedded in the toysnap binary (runtime/js), by file
  // name: how toysnap's own Node modules are built on this API. Each script
  // evaluates to a function(natives, internals), run at bootstrap (so what it
  // makes is in every snapshot), where `natives` holds this extension's
  // functions and classes (its prototype: toysnap's own natives) and the
  // script registers Node builtins (require('os'), import 'node:os') with
  // internals.defineBuiltin(name, factory). An extension with scripts serves
  // no host:<name> module. The scripts' text is part of the snapshot's
  // record: a binary with other scripts refuses the snapshot.
  HostExtension& Script(std::string embedded_file);
  // Like Script(), but compiled on the first natives.loadScript(file), so
  // big modules few programs use cost no start-up and no heap.
  HostExtension& LazyScript(std::string embedded_file);

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
  void CheckSurface();  // Global() and Script() exclude each other
  static absl::StatusOr<std::unique_ptr<NativeState>> RestoreClass(const NativeClass& cls,
                                                                   absl::string_view bytes);

  std::string name_;
  std::vector<std::unique_ptr<HostCallable>> callables_;
  std::vector<std::unique_ptr<std::string>> function_names_;  // stable c_str()s
  std::vector<NativeFunction> functions_;
  std::vector<std::unique_ptr<ClassDef>> classes_;
  std::vector<const NativeClass*> class_list_;
  std::vector<std::string> scripts_, lazy_scripts_;
  std::vector<absl::string_view> script_views_, lazy_script_views_;  // into the two above
  HostBinding binding_;
  Extension extension_{};
};

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
