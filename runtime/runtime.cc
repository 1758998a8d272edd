// Runtime: isolate and context lifetime, creation (fresh, for snapshotting,
// from a snapshot) and the bootstrap of the runtime's JavaScript. Running code
// is in runtime_execution.cc, the hand-over to snapshots in runtime_snapshot.cc.
#include "runtime/runtime.h"

#include "absl/strings/str_cat.h"
#include "runtime/builtin_extensions.h"
#include "runtime/external_sources.h"
#include "runtime/host_binding.h"
#include "runtime/js_error.h"
#include "runtime/native_classes.h"
#include "runtime/runtime_internal.h"
#include "runtime/v8_process.h"
#include "runtime/v8_strings.h"
#include "snapshot/base/status_macros.h"
#include "v8-function.h"
#include "v8-microtask-queue.h"
#include "v8-primitive.h"
#include "v8-promise.h"
#include "v8-script.h"

namespace toysnap {
namespace {

using runtime_internal::OnMessage;

void OnPromiseReject(v8::PromiseRejectMessage message) {
  v8::Isolate* isolate = message.GetPromise()->GetIsolate();
  if (Runtime* runtime = Runtime::From(isolate)) runtime->loop()->TrackRejection(message);
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
  recipe->sources = metadata.sources;  // shared bytes: a worker reads them too
  return recipe;
}

}  // namespace

namespace runtime_internal {

void OnMessage(v8::Local<v8::Message> message, v8::Local<v8::Value> error) {
  v8::Isolate* isolate = message->GetIsolate();
  if (Runtime* runtime = Runtime::From(isolate)) runtime->loop()->ReportUncaught(message, error);
}

}  // namespace runtime_internal

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
  if (options_.extensions.empty()) {
    registry_ = &BuiltinRegistry();  // composed once per process
  } else {
    owned_registry_ = NewRegistry(options_);
    registry_ = owned_registry_.get();
  }
  RETURN_IF_ERROR(registry_->status());
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
  ASSIGN_OR_RETURN(runtime->sources_, ExternalSources::ForRestore(metadata.sources));
  runtime->references_ = runtime->registry_->ExternalReferencesWith(runtime->sources_->addresses());
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator_shared = allocator;
  params.external_references = runtime->references_.data();
  params.snapshot_blob = &runtime->startup_data_;
  ApplyHeapLimit(options, params);
  runtime->allocator_ = std::move(allocator);
  // Measured (CPU time, alternating runs): hello's 1 MiB loses 0.5 ms to
  // populating, TypeScript's 15 MiB gains 4 ms; lodash's 3.5 MiB is even.
  constexpr size_t kPopulateFromBytes = 4 << 20;
  V8Process::RestoreScope restoring =
      process.Restoring(runtime->blob_.size() >= kPopulateFromBytes);
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
    has_host_extensions = has_host_extensions ||
                          (extension->host != nullptr && extension->host->serves_namespace);
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
  // Extensions built with HostExtension::Script() get their own natives.
  const Extension* natives_owner = nullptr;
  v8::Local<v8::Object> own_natives;
  for (size_t i = 0; i < registry_->scripts().size(); ++i) {
    const EmbeddedSource& file = registry_->scripts()[i];
    const Extension* owner = registry_->script_extensions()[i];
    if (owner->host != nullptr && owner != natives_owner) {
      ASSIGN_OR_RETURN(own_natives, NewExtensionNatives(context, *owner, natives));
      natives_owner = owner;
    }
    std::string name = absl::StrCat("toysnap:internal/", file.name);
    ASSIGN_OR_RETURN(v8::Local<v8::String> url, NewStringOr(isolate_, name, name));
    ASSIGN_OR_RETURN(v8::Local<v8::String> source,
                     NewStringOr(isolate_, file.source, absl::StrCat("source of ", name)));
    v8::TryCatch try_catch(isolate_);
    v8::ScriptOrigin origin(isolate_, url);
    v8::Local<v8::Script> script;
    v8::Local<v8::Value> init;
    v8::Local<v8::Value> args[] = {owner->host != nullptr ? own_natives : natives, internals};
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
    RETURN_IF_ERROR(CallInternal("installBuildGuards", {}));
    RETURN_IF_ERROR(CallInternal("warmUpConsole", {}));
    RETURN_IF_ERROR(CallInternal("warmUpExit", {}));
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

}  // namespace toysnap
