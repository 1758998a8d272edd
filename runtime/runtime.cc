// Runtime: isolate and context lifetime, bootstrap, scripts, modules, main(),
// and the hand-over to and from snapshots.
#include "runtime/runtime.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "runtime/builtin_extensions.h"
#include "runtime/js_error.h"
#include "runtime/module_resolver.h"
#include "runtime/native_classes.h"
#include "runtime/node/vm.h"
#include "runtime/v8_process.h"
#include "runtime/v8_strings.h"
#include "snapshot/base/checksum.h"
#include "snapshot/base/file_io.h"
#include "snapshot/base/status_macros.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-microtask-queue.h"
#include "v8-primitive.h"
#include "v8-promise.h"
#include "v8-script.h"

namespace toysnap {
namespace {

// Isolate::Scope + HandleScope + Context::Scope, in V8's required order.
class ContextScope {
 public:
  explicit ContextScope(const Runtime& runtime)
      : isolate_scope_(runtime.isolate()),
        handle_scope_(runtime.isolate()),
        context_(runtime.context()),
        context_scope_(context_) {}
  v8::Local<v8::Context> context() const { return context_; }

 private:
  v8::Isolate::Scope isolate_scope_;
  v8::HandleScope handle_scope_;
  v8::Local<v8::Context> context_;
  v8::Context::Scope context_scope_;
};

void OnPromiseReject(v8::PromiseRejectMessage message) {
  v8::Isolate* isolate = message.GetPromise()->GetIsolate();
  if (Runtime* runtime = Runtime::From(isolate)) runtime->loop()->TrackRejection(message);
}

void OnMessage(v8::Local<v8::Message> message, v8::Local<v8::Value> error) {
  v8::Isolate* isolate = message->GetIsolate();
  if (Runtime* runtime = Runtime::From(isolate)) runtime->loop()->ReportUncaught(message, error);
}

absl::StatusOr<v8::Local<v8::Object>> EnvObject(v8::Isolate* isolate,
                                                const std::map<std::string, std::string>& env) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> object = v8::Object::New(isolate);
  for (const auto& [name, value] : env) {
    v8::Local<v8::String> key, text;
    if (!NewString(isolate, name).ToLocal(&key)) {
      return StringTooLongError("name of an environment variable", name.size());
    }
    if (!NewString(isolate, value).ToLocal(&text)) {
      return StringTooLongError(absl::StrCat("environment variable ", name), value.size());
    }
    if (object->CreateDataProperty(context, key, text).IsNothing()) {
      return absl::InternalError(absl::StrCat("cannot set environment variable ", name));
    }
  }
  return object;
}

// V8's own limit sits above the user's, so the ExecutionGuard sees the user's
// limit crossed and terminates before V8 would abort.
void ApplyHeapLimit(const RuntimeOptions& options, v8::Isolate::CreateParams& params) {
  if (options.max_heap_mb == 0) return;
  params.constraints.ConfigureDefaultsFromHeapSize(0, (options.max_heap_mb << 20) * 2);
}

absl::Status TerminatedByHost() {
  return absl::AbortedError("terminated by the host (Runtime::Terminate)");
}

// What restoring needs of a container's metadata: all but the file inputs,
// which only incremental builds read.
std::shared_ptr<const SnapshotMetadata> RestoreRecipe(const SnapshotMetadata& metadata) {
  auto recipe = std::make_shared<SnapshotMetadata>();
  recipe->entry_module = metadata.entry_module;
  recipe->modules = metadata.modules;
  recipe->has_main = metadata.has_main;
  recipe->v8_flags = metadata.v8_flags;
  recipe->context_data_index = metadata.context_data_index;
  recipe->commonjs_modules = metadata.commonjs_modules;
  recipe->options_hash = metadata.options_hash;
  recipe->extensions = metadata.extensions;
  return recipe;
}

}  // namespace

Runtime::Runtime(const V8Process& process, const RuntimeOptions& options, v8::Isolate* isolate)
    : process_(process),
      options_(options),
      clock_(options.fixed_clock_ms ? Clock::FixedAt(*options.fixed_clock_ms) : Clock()),
      isolate_(isolate) {}

bool TerminationHandle::Terminate() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (isolate_ == nullptr) return false;
  terminated_ = true;
  isolate_->TerminateExecution();
  return true;
}

void TerminationHandle::Attach(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(mutex_);
  isolate_ = isolate;
}

void TerminationHandle::Detach() {
  std::lock_guard<std::mutex> lock(mutex_);
  isolate_ = nullptr;
}

Runtime::~Runtime() {
  termination_->Detach();
  if (isolate_ == nullptr) return;
  {
    v8::Isolate::Scope isolate_scope(isolate_);
    isolate_data_->loop = nullptr;
    modules_.reset();
    loop_.reset();
    guard_.reset();
    internals_.Reset();
    context_.Reset();
    // A SnapshotCreator's isolate is freed by the builder after CreateBlob.
    if (owned_isolate_) DisposeNativeClasses(isolate_);
  }
  isolate_data_->host = nullptr;
  isolate_data_->loader = nullptr;
  isolate_data_->loop = nullptr;
  isolate_data_->permissions = nullptr;
  isolate_data_->clock = nullptr;
  if (owned_isolate_) process_.NotifyIsolateShutdown(isolate_);
  owned_isolate_.reset();
}

std::unique_ptr<ExtensionRegistry> Runtime::NewRegistry(const RuntimeOptions& options) {
  std::vector<const Extension*> extensions = BuiltinExtensions();
  extensions.insert(extensions.end(), options.extensions.begin(), options.extensions.end());
  return std::make_unique<ExtensionRegistry>(std::move(extensions));
}

Runtime* Runtime::From(v8::Isolate* isolate) {
  return static_cast<Runtime*>(NativeHost::From(isolate));
}

v8::Local<v8::Context> Runtime::context() const { return context_.Get(isolate_); }

void Runtime::InstallIsolateHooks() {
  isolate_data_->AttachTo(isolate_);
  isolate_data_->host = this;
  isolate_data_->permissions = &options_.permissions;
  isolate_data_->clock = &clock_;
  modules_ = std::make_unique<ModuleLoader>(isolate_, &options_.path_map,
                                            options_.module_loader.get());
  isolate_data_->loader = modules_.get();
  ModuleLoader::InstallHostCallbacks(isolate_);
  guard_ = std::make_unique<ExecutionGuard>(isolate_, options_.max_heap_mb << 20,
                                            options_.timeout_ms, options_.on_near_heap_limit);
  termination_->Attach(isolate_);
  loop_ = std::make_unique<EventLoop>(isolate_, process_.loop_platform(), guard_->deadline_ms(),
                                      &clock_);
  isolate_data_->loop = loop_.get();
  isolate_->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate_->SetPromiseRejectCallback(OnPromiseReject);
  isolate_->AddMessageListenerWithErrorLevel(OnMessage, v8::Isolate::kMessageError);
}

absl::StatusOr<std::unique_ptr<Runtime>> Runtime::Create(const V8Process& process,
                                                         const RuntimeOptions& options) {
  std::unique_ptr<Runtime> runtime(new Runtime(process, options, nullptr));
  RETURN_IF_ERROR(runtime->OwnExtensions());
  std::shared_ptr<v8::ArrayBuffer::Allocator> allocator(
      v8::ArrayBuffer::Allocator::NewDefaultAllocator());
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator_shared = allocator;
  params.external_references = runtime->registry_->external_references();
  ApplyHeapLimit(options, params);
  runtime->allocator_ = std::move(allocator);
  runtime->isolate_ = v8::Isolate::New(params);
  runtime->owned_isolate_.reset(runtime->isolate_);
  runtime->InstallIsolateHooks();
  RETURN_IF_ERROR(runtime->Bootstrap(/*snapshotting=*/false));
  return runtime;
}

absl::Status Runtime::OwnExtensions() {
  owned_registry_ = NewRegistry(options_);
  RETURN_IF_ERROR(owned_registry_->status());
  registry_ = owned_registry_.get();
  owned_isolate_data_ = std::make_unique<IsolateData>(registry_);
  isolate_data_ = owned_isolate_data_.get();
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Runtime>> Runtime::CreateOnCreatorIsolate(
    const V8Process& process, v8::SnapshotCreator* creator, const RuntimeOptions& options,
    const ExtensionRegistry* registry, IsolateData* isolate_data) {
  std::unique_ptr<Runtime> runtime(new Runtime(process, options, creator->GetIsolate()));
  runtime->registry_ = registry;
  runtime->isolate_data_ = isolate_data;
  runtime->InstallIsolateHooks();
  RETURN_IF_ERROR(runtime->Bootstrap(/*snapshotting=*/true));
  return runtime;
}

absl::StatusOr<std::unique_ptr<Runtime>> Runtime::CreateFromSnapshot(
    const V8Process& process, std::string blob, const SnapshotMetadata& metadata,
    const RuntimeOptions& options) {
  return CreateFromSnapshot(process, SharedBytes(std::move(blob)), metadata, options);
}

absl::StatusOr<std::unique_ptr<Runtime>> Runtime::CreateFromSnapshot(
    const V8Process& process, SharedBytes blob, const SnapshotMetadata& metadata,
    const RuntimeOptions& options) {
  std::unique_ptr<Runtime> runtime(new Runtime(process, options, nullptr));
  RETURN_IF_ERROR(runtime->OwnExtensions());
  // Before V8 reads the blob: a table that differs would misread it.
  RETURN_IF_ERROR(runtime->registry_->CheckCompatible(metadata.extensions));
  std::shared_ptr<v8::ArrayBuffer::Allocator> allocator(
      v8::ArrayBuffer::Allocator::NewDefaultAllocator());
  runtime->blob_ = std::move(blob);
  runtime->startup_data_ = {runtime->blob_.data(), static_cast<int>(runtime->blob_.size())};
  runtime->metadata_ = RestoreRecipe(metadata);
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator_shared = allocator;
  params.external_references = runtime->registry_->external_references();
  params.snapshot_blob = &runtime->startup_data_;
  ApplyHeapLimit(options, params);
  runtime->allocator_ = std::move(allocator);
  V8Process::RestoreScope restoring = process.Restoring();
  runtime->isolate_ = v8::Isolate::New(params);
  runtime->owned_isolate_.reset(runtime->isolate_);
  runtime->InstallIsolateHooks();
  RETURN_IF_ERROR(runtime->RestoreFromSnapshot(metadata));
  return runtime;
}

absl::Status Runtime::StatusFromTryCatch(const v8::TryCatch& try_catch) {
  return Explain(TryCatchToStatus(isolate_, context(), try_catch));
}

absl::Status Runtime::Explain(absl::Status status) const {
  if (status.ok()) return status;
  if (guard_ != nullptr) {
    absl::Status violation = guard_->Violation();
    if (!violation.ok()) return violation;
  }
  if (termination_->terminated()) return TerminatedByHost();
  if (exit_code_) return absl::CancelledError(kExitRequested);
  return status;
}

absl::Status Runtime::CheckUsable() const {
  if (guard_ != nullptr && !guard_->Violation().ok()) return guard_->Violation();
  if (termination_->terminated()) return TerminatedByHost();
  if (exit_code_) return absl::CancelledError(kExitRequested);
  return absl::OkStatus();
}

absl::Status Runtime::Bootstrap(bool snapshotting) {
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope handle_scope(isolate_);
  v8::Local<v8::Context> context = v8::Context::New(isolate_);
  context_.Reset(isolate_, context);
  v8::Context::Scope context_scope(context);
  v8::Local<v8::Object> natives;
  if (!NewNativesObject(context, *registry_).ToLocal(&natives)) {
    return absl::InternalError("cannot create the natives object");
  }
  RETURN_IF_ERROR(InstallNativeClasses(context, natives, registry_->classes()));
  v8::Local<v8::Object> internals = v8::Object::New(isolate_);
  // Embedders' extensions: what their host: modules export (nothing in the
  // heap of a runtime that has none, as the CLI's).
  bool has_host_extensions = false;
  for (const Extension* extension : registry_->extensions()) {
    has_host_extensions = has_host_extensions || extension->host != nullptr;
  }
  if (has_host_extensions) {
    ASSIGN_OR_RETURN(v8::Local<v8::Object> host_namespaces,
                     NewHostNamespaces(context, *registry_));
    if (internals
            ->Set(context, v8::String::NewFromUtf8Literal(isolate_, "hostExtensions"),
                  host_namespaces)
            .IsNothing()) {
      return absl::InternalError("cannot keep the extensions' namespaces");
    }
  }
  for (const EmbeddedSource& file : registry_->scripts()) {
    std::string name = absl::StrCat("toysnap:internal/", file.name);
    ASSIGN_OR_RETURN(v8::Local<v8::String> url, NewStringOr(isolate_, name, name));
    ASSIGN_OR_RETURN(v8::Local<v8::String> source,
                     NewStringOr(isolate_, file.source, absl::StrCat("source of ", name)));
    v8::TryCatch try_catch(isolate_);
    v8::ScriptOrigin origin(isolate_, url);
    v8::Local<v8::Script> script;
    v8::Local<v8::Value> init;
    v8::Local<v8::Value> args[] = {natives, internals};
    if (!v8::Script::Compile(context, source, &origin).ToLocal(&script) ||
        !script->Run(context).ToLocal(&init) || !init->IsFunction() ||
        init.As<v8::Function>()->Call(context, v8::Undefined(isolate_), 2, args).IsEmpty()) {
      if (!try_catch.HasCaught()) {
        return absl::InternalError(absl::StrCat(file.name, " is not a function(natives, internals)"));
      }
      return StatusFromTryCatch(try_catch);
    }
  }
  RETURN_IF_ERROR(AttachInternals(internals));
  // Leaves the built-ins the bootstrap took from primordials.js, frozen, with
  // those the lazy scripts will take made now (no user code has run yet).
  std::string lazy_primordials;
  for (const EmbeddedSource& file : registry_->lazy_scripts()) {
    if (file.primordials.empty()) continue;
    absl::StrAppend(&lazy_primordials, lazy_primordials.empty() ? "" : ",", file.primordials);
  }
  ASSIGN_OR_RETURN(v8::Local<v8::String> lazy_names,
                   NewStringOr(isolate_, lazy_primordials, "primordial names"));
  RETURN_IF_ERROR(CallInternal("sealPrimordials", {lazy_names}));
  // V8 gives a snapshotting context no WebAssembly, SharedArrayBuffer or
  // Atomics; reading one must fail with a reason (build_guards.js).
  if (snapshotting) {
    // core-js's built-ins, before any program code, into the snapshot's heap
    // (a runtime from source loads them on first use: language.js).
    RETURN_IF_ERROR(CallInternal("loadLanguageFeatures", {}));
    RETURN_IF_ERROR(CallInternal("installBuildGuards", {}));
    RETURN_IF_ERROR(CallInternal("warmUpConsole", {}));
  }
  if (options_.bootstrap_code.empty()) return absl::OkStatus();
  ASSIGN_OR_RETURN(v8::Local<v8::String> source,
                   NewStringOr(isolate_, options_.bootstrap_code, "embedder bootstrap code"));
  v8::TryCatch try_catch(isolate_);
  v8::ScriptOrigin origin(isolate_, v8::String::NewFromUtf8Literal(
                                        isolate_, "toysnap:embedder-bootstrap"));
  v8::Local<v8::Script> script;
  if (!v8::Script::Compile(context, source, &origin).ToLocal(&script) ||
      script->Run(context).IsEmpty()) {
    return StatusFromTryCatch(try_catch);
  }
  return absl::OkStatus();
}

absl::Status Runtime::AttachInternals(v8::Local<v8::Object> internals) {
  internals_.Reset(isolate_, internals);
  RETURN_IF_ERROR(loop_->Attach(context(), internals));
  modules_->AttachInternals(internals);
  // The environment is a capability too: without it the program sees none.
  static const std::map<std::string, std::string> kNoEnvironment;
  ASSIGN_OR_RETURN(v8::Local<v8::Object> env,
                   EnvObject(isolate_, options_.permissions.Allows(Capability::kEnv)
                                           ? options_.env
                                           : kNoEnvironment));
  return CallInternal("setEnv", {env});
}

absl::Status Runtime::CallInternal(absl::string_view name, std::vector<v8::Local<v8::Value>> args,
                                   v8::Local<v8::Value>* result) {
  v8::Local<v8::Context> context = this->context();
  ASSIGN_OR_RETURN(v8::Local<v8::String> key,
                   NewStringOr(isolate_, name, "internal function name"));
  v8::Local<v8::Value> function;
  if (!internals_.Get(isolate_)->Get(context, key).ToLocal(&function) ||
      !function->IsFunction()) {
    return absl::InternalError(absl::StrCat("bootstrap JS did not define internals.", name));
  }
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> value;
  if (!function.As<v8::Function>()
           ->Call(context, v8::Undefined(isolate_), static_cast<int>(args.size()), args.data())
           .ToLocal(&value)) {
    return StatusFromTryCatch(try_catch);
  }
  if (result != nullptr) *result = value;
  return absl::OkStatus();
}

absl::StatusOr<v8::Global<v8::Value>> Runtime::ExecuteScript(absl::string_view name,
                                                             absl::string_view source) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  ASSIGN_OR_RETURN(v8::Local<v8::String> script_name, NewStringOr(isolate_, name, "script name"));
  v8::Local<v8::String> script_source;
  if (!NewString(isolate_, source).ToLocal(&script_source)) {
    return StringTooLongError(absl::StrCat("source of ", name), source.size());
  }
  v8::TryCatch try_catch(isolate_);
  v8::ScriptOrigin origin(isolate_, script_name);
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (!v8::Script::Compile(scope.context(), script_source, &origin).ToLocal(&script) ||
      !script->Run(scope.context()).ToLocal(&result)) {
    return StatusFromTryCatch(try_catch);
  }
  if (result->IsPromise()) loop_->MarkHandled(result.As<v8::Promise>());
  RETURN_IF_ERROR(Explain(loop_->RunMicrotasks(scope.context())));
  return v8::Global<v8::Value>(isolate_, result);
}

absl::StatusOr<std::string> Runtime::LoadModule(absl::string_view path,
                                                std::optional<std::string> source) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  // The embedder's loader may claim the path ("mem:/app/main.js").
  std::optional<ResolvedModule> custom;
  if (options_.module_loader != nullptr && !source) {
    ASSIGN_OR_RETURN(std::string cwd, AbsolutePath("[main]"));
    ASSIGN_OR_RETURN(custom, modules_->ResolveCustom(std::string(path), PathToFileUrl(cwd)));
  }
  std::string url(path);
  if (custom) {
    url = custom->url;
  } else if (FileUrlToPath(path).status().ok() == false) {
    ASSIGN_OR_RETURN(std::string absolute, AbsolutePath(path));
    url = PathToFileUrl(options_.path_map.ToRecorded(absolute));
  }
  ResolvedModule root = custom ? *custom : ResolvedModule{url, ModuleFormat::kModule};
  ASSIGN_OR_RETURN(v8::Local<v8::Module> module, modules_->LoadGraph(scope.context(), root, source));
  (void)module;
  return url;
}

absl::StatusOr<std::string> Runtime::LoadMainModule(absl::string_view path,
                                                    std::optional<std::string> source) {
  if (!main_url_.empty()) return absl::FailedPreconditionError("a main module is already loaded");
  ASSIGN_OR_RETURN(main_url_, LoadModule(path, std::move(source)));
  return main_url_;
}

absl::StatusOr<std::string> Runtime::LoadSideModule(absl::string_view path,
                                                    std::optional<std::string> source) {
  return LoadModule(path, std::move(source));
}

absl::Status Runtime::EvaluateModule(absl::string_view url) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::Module> module;
  if (!modules_->Find(std::string(url)).ToLocal(&module)) {
    return absl::NotFoundError(absl::StrCat("module not loaded: ", url));
  }
  // V8 aborts the process on Evaluate() of a module it has not instantiated or
  // whose body is already running.
  v8::Module::Status status = module->GetStatus();
  if (status != v8::Module::kInstantiated && status != v8::Module::kEvaluated &&
      status != v8::Module::kErrored) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot evaluate ", DisplayPath(std::string(url)),
        status == v8::Module::kEvaluating ? ": it is being evaluated" : ": it is not instantiated"));
  }
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  if (!module->Evaluate(scope.context()).ToLocal(&result)) return StatusFromTryCatch(try_catch);
  RETURN_IF_ERROR(Explain(loop_->RunMicrotasks(scope.context(), /*promises_first=*/true)));
  if (result->IsPromise()) {
    v8::Local<v8::Promise> promise = result.As<v8::Promise>();
    absl::Status settled = Explain(loop_->RunUntilSettled(scope.context(), promise));
    if (absl::IsFailedPrecondition(settled)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "top-level await in ", DisplayPath(std::string(url)),
          " never finished: it awaits a promise that nothing is left to settle"));
    }
    RETURN_IF_ERROR(settled);
    if (promise->State() == v8::Promise::kRejected) {
      return JsErrorToStatus(isolate_, scope.context(), promise->Result(), {});
    }
  }
  return Explain(loop_->RunMicrotasks(scope.context()));
}

v8::MaybeLocal<v8::Function> Runtime::MainExportedFunction(const char* name) {
  v8::Local<v8::Module> module;
  if (main_url_.empty() || !modules_->Find(main_url_).ToLocal(&module) ||
      module->GetStatus() != v8::Module::kEvaluated) {
    return {};
  }
  v8::Local<v8::Value> value;
  v8::Local<v8::String> key;
  if (!v8::String::NewFromUtf8(isolate_, name).ToLocal(&key) ||
      !module->GetModuleNamespace().As<v8::Object>()->Get(context(), key).ToLocal(&value) ||
      !value->IsFunction()) {
    return {};
  }
  return value.As<v8::Function>();
}

bool Runtime::MainHasMainExport() {
  ContextScope scope(*this);
  return !MainExportedFunction("main").IsEmpty();
}

absl::StatusOr<bool> Runtime::CallWarmUp() {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::Function> warmup;
  if (!MainExportedFunction("warmup").ToLocal(&warmup)) return false;
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  if (!warmup->Call(scope.context(), v8::Undefined(isolate_), 0, nullptr).ToLocal(&result)) {
    return StatusFromTryCatch(try_catch);
  }
  RETURN_IF_ERROR(AwaitLocal(result).status());
  return true;
}

absl::StatusOr<v8::Local<v8::Value>> Runtime::AwaitLocal(v8::Local<v8::Value> value) {
  if (!value->IsPromise()) return value;
  v8::Local<v8::Promise> promise = value.As<v8::Promise>();
  RETURN_IF_ERROR(Explain(loop_->RunUntilSettled(context(), promise)));
  if (promise->State() == v8::Promise::kRejected) {
    // Handled here, so the loop must not also report it as unhandled.
    promise->MarkAsHandled();
    return JsErrorToStatus(isolate_, context(), promise->Result(), {});
  }
  return promise->Result();
}

absl::Status Runtime::SetArgs(const std::vector<std::string>& args,
                              absl::string_view entry_path_text) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::Array> js_args;
  return PassArgs(scope.context(), args, entry_path_text, &js_args);
}

absl::Status Runtime::PassArgs(v8::Local<v8::Context> context, const std::vector<std::string>& args,
                               absl::string_view entry_path_text, v8::Local<v8::Array>* out) {
  v8::Local<v8::Array> js_args = v8::Array::New(isolate_, static_cast<int>(args.size()));
  for (size_t i = 0; i < args.size(); ++i) {
    v8::Local<v8::String> arg;
    if (!NewString(isolate_, args[i]).ToLocal(&arg)) {
      return StringTooLongError(absl::StrCat("argument ", i + 1, " of main"), args[i].size());
    }
    v8::TryCatch try_catch(isolate_);
    if (js_args->Set(context, static_cast<uint32_t>(i), arg).IsNothing()) {
      return StatusFromTryCatch(try_catch);
    }
  }
  ASSIGN_OR_RETURN(v8::Local<v8::String> exec_path,
                   NewStringOr(isolate_, options_.exec_path, "exec path (process.argv[0])"));
  ASSIGN_OR_RETURN(v8::Local<v8::String> entry_path,
                   NewStringOr(isolate_, std::string(entry_path_text), "main module path"));
  v8::Local<v8::Array> exec_argv =
      v8::Array::New(isolate_, static_cast<int>(options_.exec_argv.size()));
  for (size_t i = 0; i < options_.exec_argv.size(); ++i) {
    ASSIGN_OR_RETURN(v8::Local<v8::String> arg,
                     NewStringOr(isolate_, options_.exec_argv[i], "process.execArgv entry"));
    v8::TryCatch try_catch(isolate_);
    if (exec_argv->Set(context, static_cast<uint32_t>(i), arg).IsNothing()) {
      return StatusFromTryCatch(try_catch);
    }
  }
  *out = js_args;
  return CallInternal("setArgs", {js_args, exec_path, entry_path, exec_argv});
}

absl::Status Runtime::CallMain(const std::vector<std::string>& args) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::Context> context = scope.context();
  v8::Local<v8::Array> js_args;
  RETURN_IF_ERROR(
      PassArgs(context, args, main_url_.empty() ? "" : DisplayPath(main_url_), &js_args));
  if (main_url_.empty() || modules_->Find(main_url_).IsEmpty()) {
    return absl::FailedPreconditionError("no main module is loaded");
  }

  v8::Local<v8::Function> main;
  if (!MainExportedFunction("main").ToLocal(&main)) {
    return absl::NotFoundError(
        absl::StrCat(DisplayPath(main_url_), " does not export a function named main"));
  }
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  v8::Local<v8::Value> argv[] = {js_args};
  if (!main->Call(context, v8::Undefined(isolate_), 1, argv).ToLocal(&result)) {
    return StatusFromTryCatch(try_catch);
  }
  ASSIGN_OR_RETURN(v8::Local<v8::Value> settled, AwaitLocal(result));
  (void)settled;
  return absl::OkStatus();
}

absl::StatusOr<bool> Runtime::PollEventLoop() {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  absl::StatusOr<bool> pending = loop_->Poll(scope.context());
  if (!pending.ok()) return Explain(pending.status());
  return pending;
}

absl::Status Runtime::RunEventLoop(LoopMode mode) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  return Explain(loop_->Run(scope.context(), mode));
}

absl::Status Runtime::RunUntilExit() {
  RETURN_IF_ERROR(RunEventLoop());
  while (true) {
    bool alive = false;
    {
      ContextScope scope(*this);
      v8::Local<v8::Value> emitted;
      RETURN_IF_ERROR(CallInternal("emitBeforeExit", {}, &emitted));
      if (!emitted->IsTrue()) break;
      // Whether the listeners added work; nothing of it runs yet, so the
      // loop's end emits 'beforeExit' again, as Node's does.
      absl::StatusOr<bool> still = loop_->Alive(scope.context());
      if (!still.ok()) return Explain(still.status());
      alive = *still;
    }
    if (!alive) break;
    RETURN_IF_ERROR(RunEventLoop());
  }
  ContextScope scope(*this);
  return CallInternal("emitProcessExit", {v8::Integer::New(isolate_, RequestedExitCode())});
}

std::vector<std::string> Runtime::DescribePendingWork() {
  if (!CheckUsable().ok()) return {};
  ContextScope scope(*this);
  return loop_->DescribePending(scope.context());
}

absl::StatusOr<v8::Global<v8::Value>> Runtime::ResolveValue(const v8::Global<v8::Value>& value) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  ASSIGN_OR_RETURN(v8::Local<v8::Value> settled, AwaitLocal(value.Get(isolate_)));
  return v8::Global<v8::Value>(isolate_, settled);
}

absl::StatusOr<v8::Global<v8::Value>> Runtime::CallFunction(
    const v8::Global<v8::Function>& function, const std::vector<v8::Global<v8::Value>>& args) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  std::vector<v8::Local<v8::Value>> locals;
  for (const v8::Global<v8::Value>& arg : args) locals.push_back(arg.Get(isolate_));
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  if (!function.Get(isolate_)
           ->Call(scope.context(), v8::Undefined(isolate_), static_cast<int>(locals.size()),
                  locals.data())
           .ToLocal(&result)) {
    return StatusFromTryCatch(try_catch);
  }
  if (result->IsPromise()) loop_->MarkHandled(result.As<v8::Promise>());
  RETURN_IF_ERROR(Explain(loop_->RunMicrotasks(scope.context())));
  return v8::Global<v8::Value>(isolate_, result);
}

absl::Status Runtime::CallStartHook(absl::string_view name) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::Value> result;
  RETURN_IF_ERROR(CallInternal(name, {}, &result));
  if (result->IsPromise()) loop_->MarkHandled(result.As<v8::Promise>());
  return AwaitLocal(result).status();
}

void Runtime::InContext(const std::function<void(v8::Local<v8::Context>)>& work) {
  ContextScope scope(*this);
  work(scope.context());
}

int Runtime::RequestedExitCode() {
  if (exit_code_) return *exit_code_;
  ContextScope scope(*this);
  v8::Local<v8::Value> code;
  if (!CallInternal("getExitCode", {}, &code).ok() || !code->IsInt32()) return 0;
  return code.As<v8::Int32>()->Value();
}

void Runtime::Print(int fd, absl::string_view text) {
  if (!options_.console) return;
  while (!text.empty()) {
    ssize_t written = write(fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    // A non-blocking descriptor (libuv makes the stdio pipes it opens so, and
    // a parent may hand one over) that is full: wait until it takes more.
    if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd wait = {fd, POLLOUT, 0};
      if (poll(&wait, 1, -1) < 0 && errno != EINTR) return;
      continue;
    }
    if (written <= 0) return;  // a closed pipe is not the program's error
    text.remove_prefix(static_cast<size_t>(written));
  }
}

// Only a snapshot records its inputs (for incremental rebuilds): a fresh or
// restored runtime would only pay a checksum per read and grow the map.
void Runtime::RecordFileRead(absl::string_view path, absl::string_view content) {
  if (owned_isolate_ != nullptr) return;  // not a SnapshotCreator's isolate
  FileInput& input = file_inputs_[std::string(path)];
  input.path = std::string(path);
  input.kind = 1;
  input.content_hash = Checksum64(content);
}

void Runtime::RecordFileProbe(absl::string_view path, int kind) {
  if (owned_isolate_ != nullptr) return;  // as RecordFileRead
  auto [it, added] = file_inputs_.try_emplace(std::string(path));
  if (!added) return;  // a read already says more
  it->second.path = std::string(path);
  it->second.kind = kind;
  // A rebuild compares a file's contents, so a file only looked at (an
  // existsSync) is recorded with them too, or it would never seem unchanged.
  if (kind == 1) {
    absl::StatusOr<std::string> content = ReadFile(options_.path_map.ToDisk(path));
    if (content.ok()) it->second.content_hash = Checksum64(*content);
  }
}

std::vector<FileInput> Runtime::FileInputs() const {
  std::vector<FileInput> inputs;
  for (const auto& [path, input] : file_inputs_) inputs.push_back(input);
  return inputs;
}

void Runtime::RequestExit(int code) {
  if (!exit_code_) exit_code_ = code;
  isolate_->TerminateExecution();
}

// The snapshot holds, in context data, one array [internals] followed by every
// module in load order; metadata records the array's index and the module URLs.
absl::StatusOr<SnapshotMetadata> Runtime::HandToCreator(v8::SnapshotCreator* creator,
                                                        ArrayBufferRepairs* repairs) {
  RETURN_IF_ERROR(CheckUsable());
  // An open handle holds its object with a global handle, which V8's
  // CreateBlob would abort on; and a snapshot cannot hold it anyway.
  std::vector<std::string> open = loop_->OpenResources();
  if (!open.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "still open, and a snapshot cannot hold it: ", absl::StrJoin(open, "; ")));
  }
  SnapshotMetadata metadata;
  {
    ContextScope scope(*this);
    RETURN_IF_ERROR(CallInternal("beforeSnapshot", {}));
    v8::Local<v8::Context> context = scope.context();
    v8::Local<v8::Value> items[] = {internals_.Get(isolate_)};
    v8::Local<v8::Array> host_data = v8::Array::New(isolate_, items, 1);
    metadata.context_data_index = static_cast<uint32_t>(creator->AddData(context, host_data));
    std::vector<v8::Local<v8::Module>> modules = modules_->modules();
    for (size_t i = 0; i < modules.size(); ++i) {
      size_t index = creator->AddData(context, modules[i]);
      if (index != metadata.context_data_index + 1 + i) {
        return absl::InternalError("snapshot data indices are not consecutive");
      }
    }
    metadata.modules = modules_->urls();
    metadata.commonjs_modules = CommonJsModules();
    metadata.file_inputs = FileInputs();
    metadata.entry_module = main_url_;
    metadata.v8_flags = std::string(V8Flags());
    metadata.extensions = registry_->stamps();
    creator->SetDefaultContext(
        context, v8::SerializeInternalFieldsCallback(SerializeInternalField, repairs));
    // vm's contexts in a restored isolate start from this pristine one
    // (Context::New there would copy the program's own context).
    v8::Local<v8::Context> vm_context;
    if (!node::NewVmContext(isolate_).ToLocal(&vm_context) ||
        creator->AddContext(vm_context, v8::SerializeInternalFieldsCallback(
                                            SerializeInternalField, repairs)) !=
            node::kVmContextSnapshotIndex) {
      return absl::InternalError("cannot add vm's pristine context to the snapshot");
    }
  }
  // CreateBlob refuses any live global handle, weak ones included.
  PrepareNativeClassesForSnapshot(isolate_);
  // Message listeners live in the heap; the restored isolate installs its own.
  isolate_->RemoveMessageListeners(OnMessage);
  guard_->Stop();
  metadata.has_main = false;
  modules_->Clear();
  loop_->Detach();
  internals_.Reset();
  context_.Reset();
  return metadata;
}

std::vector<std::string> Runtime::CommonJsModules() {
  std::vector<std::string> files;
  v8::Local<v8::Value> list;
  if (!CallInternal("cjsModuleList", {}, &list).ok() || !list->IsArray()) return files;
  v8::Local<v8::Array> array = list.As<v8::Array>();
  for (uint32_t i = 0; i < array->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!array->Get(context(), i).ToLocal(&item)) continue;
    v8::String::Utf8Value text(isolate_, item);
    if (*text) files.emplace_back(*text, text.length());
  }
  return files;
}

absl::Status Runtime::RestoreFromSnapshot(const SnapshotMetadata& metadata) {
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope handle_scope(isolate_);
  v8::Local<v8::Context> context = v8::Context::New(
      isolate_, nullptr, {}, {}, v8::DeserializeInternalFieldsCallback(DeserializeInternalField));
  context_.Reset(isolate_, context);
  v8::Context::Scope context_scope(context);
  v8::Local<v8::Array> host_data;
  v8::Local<v8::Value> internals;
  if (!context->GetDataFromSnapshotOnce<v8::Array>(metadata.context_data_index)
           .ToLocal(&host_data) ||
      !host_data->Get(context, 0).ToLocal(&internals) || !internals->IsObject()) {
    return absl::DataLossError("snapshot lacks the runtime's state; rebuild it");
  }
  for (size_t i = 0; i < metadata.modules.size(); ++i) {
    v8::Local<v8::Module> module;
    if (!context->GetDataFromSnapshotOnce<v8::Module>(metadata.context_data_index + 1 + i)
             .ToLocal(&module)) {
      return absl::DataLossError(
          absl::StrCat("snapshot lacks module ", metadata.modules[i], "; rebuild it"));
    }
    modules_->Register(metadata.modules[i], module);
  }
  main_url_ = metadata.entry_module;
  RETURN_IF_ERROR(AttachInternals(internals.As<v8::Object>()));
  return CallInternal("onRestore", {});
}

}  // namespace toysnap
