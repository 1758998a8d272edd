// HostExtension's declarations, and the one callback every host function goes
// through (where C++ exceptions stop).
#include "runtime/embedder_extension.h"

#include <exception>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/native_util.h"
#include "v8-external.h"

namespace toysnap {
namespace {

bool ValidName(absl::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace

HostCall::HostCall(const v8::FunctionCallbackInfo<v8::Value>& info, const HostCallable& callee)
    : info_(info),
      callee_(callee),
      scope_{info.GetIsolate(), info.GetIsolate()->GetCurrentContext()} {}

const void* HostCall::StateOfType(const void* type) const {
  IsolateData* data = IsolateData::From(isolate());
  if (data == nullptr || callee_.extension == nullptr) return nullptr;
  auto* box = static_cast<host_internal::StateBox*>(data->StateOf(*callee_.extension));
  return box != nullptr && box->type == type ? box->value.get() : nullptr;
}

uv_loop_s* HostCall::uv_loop() const {
  IsolateData* data = IsolateData::From(isolate());
  return data == nullptr || data->loop == nullptr ? nullptr : data->loop->uv_loop();
}

void HostTrampoline(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.Data()->IsExternal()) {
    // A class declared without a Constructor().
    return ThrowError(isolate, ErrorKind::kTypeError, "Illegal constructor");
  }
  const auto* callee = static_cast<const HostCallable*>(info.Data().As<v8::External>()->Value());
  v8::HandleScope scope(isolate);
  HostCall call(info, *callee);
  // An exception thrown by the C++ side unwinds to here and no further: V8's
  // frames are not built for it. JS sees an Error naming the function.
  const char* what = nullptr;
  std::string message;
  try {
    callee->Call(call);
    return;
  } catch (const std::exception& error) {
    message = absl::StrCat(callee->qualified_name, " threw a C++ exception: ", error.what());
  } catch (...) {
    what = "an unknown C++ exception";
    message = absl::StrCat(callee->qualified_name, " threw ", what);
  }
  if (isolate->IsExecutionTerminating()) return;
  ThrowError(isolate, ErrorKind::kError, message, "ERR_HOST_EXCEPTION");
}

namespace host_internal {

void ThrowNotConstructCall(HostCall& call, const char* class_name) {
  ThrowError(call.isolate(), ErrorKind::kTypeError,
             absl::StrCat("Class constructor ", class_name, " cannot be invoked without 'new'"));
}

}  // namespace host_internal

HostExtension::HostExtension(std::string name, int version) : name_(std::move(name)) {
  if (!ValidName(name_)) {
    Fail(absl::StrCat("'", name_, "' is not a valid extension name (letters, digits, _ and -)"));
  }
  binding_.namespace_module = absl::StrCat(kHostScheme, name_);
  extension_.name = name_.c_str();
  extension_.version = version;
  extension_.host = &binding_;
}

HostExtension::~HostExtension() = default;

void HostExtension::Fail(std::string message) {
  if (binding_.status.ok()) binding_.status = absl::InvalidArgumentError(std::move(message));
}

void HostExtension::CheckNames(const std::string& name, size_t given, size_t arity) {
  if (given != arity) {
    Fail(absl::StrCat("function ", name, " takes ", arity, " argument", arity == 1 ? "" : "s",
                      " but ", given, " name", given == 1 ? " is" : "s are", " given"));
  }
}

HostCallable* HostExtension::Adopt(std::unique_ptr<HostCallable> callable,
                                   const std::string& qualified, const NativeClass* cls) {
  callable->qualified_name = qualified;
  callable->extension = &extension_;
  callable->cls = cls;
  callables_.push_back(std::move(callable));
  return callables_.back().get();
}

HostExtension& HostExtension::AddFunction(std::string name, int length,
                                          std::unique_ptr<HostCallable> callable) {
  if (!ValidName(name)) Fail(absl::StrCat("'", name, "' is not a valid function name"));
  HostCallable* adopted = Adopt(std::move(callable), absl::StrCat(name_, ".", name), nullptr);
  function_names_.push_back(std::make_unique<std::string>(std::move(name)));
  functions_.push_back(NativeFunction{function_names_.back()->c_str(), HostTrampoline, length,
                                      adopted});
  Refresh();
  return *this;
}

HostExtension& HostExtension::Module(std::string specifier, std::string source) {
  std::string prefix = absl::StrCat(binding_.namespace_module, "/");
  if (specifier.rfind(prefix, 0) != 0 || specifier.size() == prefix.size()) {
    Fail(absl::StrCat("module specifier '", specifier, "' must start with '", prefix, "'"));
  }
  for (const auto& [existing, ignored] : binding_.modules) {
    if (existing == specifier) Fail(absl::StrCat("module ", specifier, " is declared twice"));
  }
  binding_.modules.emplace_back(std::move(specifier), std::move(source));
  return *this;
}

HostExtension& HostExtension::Global(std::string name) {
  binding_.global_name = std::move(name);
  CheckSurface();
  return *this;
}

void HostExtension::CheckSurface() {
  if (!binding_.global_name.empty() && !(scripts_.empty() && lazy_scripts_.empty())) {
    Fail(absl::StrCat("extension ", name_,
                      " has scripts, so no namespace for Global() to put on globalThis"));
  }
}

HostExtension& HostExtension::Script(std::string embedded_file) {
  scripts_.push_back(std::move(embedded_file));
  Refresh();
  CheckSurface();
  return *this;
}

HostExtension& HostExtension::LazyScript(std::string embedded_file) {
  lazy_scripts_.push_back(std::move(embedded_file));
  Refresh();
  CheckSurface();
  return *this;
}

void HostExtension::AddClassDef(std::unique_ptr<ClassDef> def) {
  if (!ValidName(def->name)) Fail(absl::StrCat("'", def->name, "' is not a valid class name"));
  NativeClass& cls = def->cls;
  cls.name = def->name.c_str();
  cls.constructor = HostTrampoline;
  cls.methods = def->methods;
  cls.getters = def->getters;
  cls.setters = def->setters;
  cls.statics = def->statics;
  cls.restore = nullptr;
  cls.restore_class = RestoreClass;
  cls.owner = def.get();
  classes_.push_back(std::move(def));
  class_list_.push_back(&classes_.back()->cls);
  Refresh();
}

absl::StatusOr<std::unique_ptr<NativeState>> HostExtension::RestoreClass(const NativeClass& cls,
                                                                         absl::string_view bytes) {
  // Runs inside V8's Context::New: a C++ exception must stop here too.
  try {
    return static_cast<const ClassDef*>(cls.owner)->restore(bytes);
  } catch (const std::exception& error) {
    return absl::InternalError(error.what());
  } catch (...) {
    return absl::InternalError("unknown C++ exception");
  }
}

void HostExtension::Refresh() {
  extension_.functions = functions_;
  extension_.classes = class_list_;
  script_views_.assign(scripts_.begin(), scripts_.end());
  lazy_script_views_.assign(lazy_scripts_.begin(), lazy_scripts_.end());
  extension_.js = script_views_;
  extension_.lazy_js = lazy_script_views_;
  binding_.serves_namespace = scripts_.empty() && lazy_scripts_.empty();
}

bool Completion<void>::Resolve() const {
  return core_->Settle(std::make_unique<host_internal::ValueSettlement<Undefined>>(Undefined{}),
                       /*reject=*/false);
}

bool Completion<void>::Reject(absl::Status error) const {
  return core_->Settle(std::make_unique<host_internal::StatusSettlement>(std::move(error)),
                       /*reject=*/true);
}

}  // namespace toysnap
