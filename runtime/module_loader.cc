// ES module graphs from disk: compile, resolve, instantiate; import.meta and
// dynamic import().
#include "runtime/module_loader.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "runtime/extension_registry.h"
#include "runtime/fs_natives.h"
#include "runtime/host_binding.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/permission_check.h"
#include "runtime/import_attributes.h"
#include "runtime/import_type_check.h"
#include "runtime/module_resolver.h"
#include "runtime/natives.h"
#include "runtime/v8_strings.h"
#include "snapshot/base/file_io.h"
#include "snapshot/base/status_macros.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-json.h"
#include "v8-primitive.h"
#include "v8-promise.h"

namespace toysnap {
namespace {

// Module files are read under the fs-read permission too, as Node's are.
absl::Status ReadableByPermission(v8::Isolate* isolate, const std::string& disk_path) {
  absl::Status access = AccessStatus(isolate, Capability::kFsRead, disk_path);
  if (access.ok()) return access;
  return absl::PermissionDeniedError(
      absl::StrCat("Access to this API has been restricted (ERR_ACCESS_DENIED): cannot read ",
                   disk_path, "; grant it with --allow-fs-read"));
}

std::string ResolutionKey(const std::string& referrer_url, const std::string& specifier) {
  return absl::StrCat(referrer_url, std::string(1, '\0'), specifier);
}

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 ? std::string(*utf8, utf8.length()) : "";
}

// A resolver exception as a Status naming the specifier and the paths tried.
absl::Status ResolutionFailure(v8::Local<v8::Context> context, const std::string& specifier,
                               v8::Local<v8::Value> exception) {
  v8::Isolate* isolate = context->GetIsolate();
  std::string message = absl::StrCat("cannot resolve '", specifier, "'");
  if (exception->IsObject()) {
    v8::Local<v8::Object> error = exception.As<v8::Object>();
    v8::Local<v8::Value> text, tried;
    if (error->Get(context, v8::String::NewFromUtf8Literal(isolate, "message")).ToLocal(&text) &&
        text->IsString()) {
      absl::StrAppend(&message, ": ", ToUtf8(isolate, text));
    }
    if (error->Get(context, v8::String::NewFromUtf8Literal(isolate, "tried")).ToLocal(&tried) &&
        tried->IsArray() &&
        tried.As<v8::Array>()->Length() > 0) {
      absl::StrAppend(&message, "\n  tried:");
      v8::Local<v8::Array> paths = tried.As<v8::Array>();
      for (uint32_t i = 0; i < paths->Length(); ++i) {
        v8::Local<v8::Value> path;
        if (paths->Get(context, i).ToLocal(&path)) {
          absl::StrAppend(&message, "\n    ", ToUtf8(isolate, path));
        }
      }
    }
  } else {
    absl::StrAppend(&message, ": ", ToUtf8(isolate, exception));
  }
  return absl::NotFoundError(message);
}

// Throws an Error; a RangeError instead if `message` is too long for V8.
void ThrowError(v8::Isolate* isolate, absl::string_view message) {
  v8::Local<v8::String> text;
  if (NewStringOrThrow(isolate, message, "error message").ToLocal(&text)) {
    isolate->ThrowException(v8::Exception::Error(text));
  }
}

// A TypeError with Node's `code`, as Node's loader throws for import
// attribute mismatches; empty if V8 cannot hold the message.
v8::Local<v8::Value> NewCodedError(v8::Isolate* isolate, absl::string_view message,
                                   const char* code) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::String> text, js_code;
  if (!NewString(isolate, message).ToLocal(&text) ||
      !v8::String::NewFromUtf8(isolate, code).ToLocal(&js_code)) {
    return {};
  }
  v8::Local<v8::Value> error = v8::Exception::TypeError(text);
  if (error.As<v8::Object>()
          ->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "code"), js_code)
          .IsNothing()) {
    return {};
  }
  return error;
}

// Settling a promise fails only with an exception pending (termination); the
// status makes the caller return empty so that it propagates.
absl::Status Settled(v8::Maybe<bool> done) {
  return done.IsNothing() ? absl::CancelledError(kTerminated) : absl::OkStatus();
}

v8::MaybeLocal<v8::Module> ResolveCallback(v8::Local<v8::Context> context,
                                           v8::Local<v8::String> specifier,
                                           v8::Local<v8::FixedArray> import_assertions,
                                           v8::Local<v8::Module> referrer) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleLoader* loader = ModuleLoader::From(isolate);
  const std::string* referrer_url = loader ? loader->UrlOf(referrer) : nullptr;
  v8::Local<v8::Module> module;
  if (referrer_url == nullptr ||
      !loader->FindResolution(*referrer_url, ToUtf8(isolate, specifier)).ToLocal(&module)) {
    ThrowError(isolate, absl::StrCat("module '", ToUtf8(isolate, specifier),
                                     "' was not loaded before instantiation"));
    return {};
  }
  return module;
}

void InitializeImportMeta(v8::Local<v8::Context> context, v8::Local<v8::Module> module,
                          v8::Local<v8::Object> meta) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleLoader* loader = ModuleLoader::From(isolate);
  const std::string* url = loader ? loader->UrlOf(module) : nullptr;
  v8::Local<v8::String> js_url;
  // Compile() made a V8 string of the same URL, so this fails only in theory.
  if (url == nullptr || !NewString(isolate, *url).ToLocal(&js_url)) return;
  // Node 20.11's dirname and filename come first, for file: modules only.
  // Nothing only with an exception pending, which V8 then propagates.
  if (absl::StatusOr<std::string> path = FileUrlToPath(*url); path.ok()) {
    size_t slash = path->find_last_of('/');
    std::string dirname = slash == 0 || slash == std::string::npos ? "/" : path->substr(0, slash);
    v8::Local<v8::String> js_dirname, js_filename;
    if (!NewString(isolate, dirname).ToLocal(&js_dirname) ||
        !NewString(isolate, *path).ToLocal(&js_filename) ||
        meta->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "dirname"),
                                 js_dirname)
            .IsNothing() ||
        meta->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "filename"),
                                 js_filename)
            .IsNothing()) {
      return;
    }
  }
  meta->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "url"), js_url)
      .FromMaybe(false);
}

// Rejects `resolver` with what JS threw when the failure came from JS, so
// import() callers see the real error (its class, `code`, message); else with
// an Error holding the status's message.
absl::Status RejectImport(v8::Local<v8::Context> context, v8::Local<v8::Promise::Resolver> resolver,
                          const absl::Status& status, v8::Local<v8::Value> thrown) {
  if (absl::IsCancelled(status)) return status;  // terminating: let it unwind
  v8::Isolate* isolate = context->GetIsolate();
  if (thrown.IsEmpty()) {
    std::string message(status.message());
    if (std::optional<JsErrorInfo> info = GetJsErrorInfo(status)) message = info->stack;
    v8::Local<v8::String> text;
    if (!NewString(isolate, message).ToLocal(&text)) {
      text = v8::String::NewFromUtf8Literal(
          isolate, "import() failed with an error message too long for V8");
    }
    thrown = v8::Exception::Error(text);
  }
  return Settled(resolver->Reject(context, thrown));
}

// Queues ModuleLoader::ContinueImport with [module URL, resolver] as data.
absl::Status DeferImport(v8::Local<v8::Context> context, v8::Local<v8::Module> module,
                         v8::Local<v8::Promise::Resolver> resolver) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleLoader* loader = ModuleLoader::From(isolate);
  const std::string* url = loader ? loader->UrlOf(module) : nullptr;
  if (url == nullptr) return absl::InternalError("import() of a module missing from the map");
  ASSIGN_OR_RETURN(v8::Local<v8::String> js_url, NewStringOr(isolate, *url, "module URL"));
  v8::Local<v8::Value> items[] = {js_url, resolver};
  v8::Local<v8::Function> retry;
  if (!v8::Function::New(context, ModuleLoader::ContinueImport,
                         v8::Array::New(isolate, items, 2), 0, v8::ConstructorBehavior::kThrow)
           .ToLocal(&retry)) {
    return absl::CancelledError(kTerminated);  // only fails with an exception pending
  }
  isolate->EnqueueMicrotask(retry);
  return absl::OkStatus();
}

// Evaluates `module`, which LoadGraph instantiated, for import() and settles
// `resolver` with its namespace once its evaluation (maybe async) finishes.
// Only states V8's Evaluate accepts reach it: anything else is rejected.
absl::Status EvaluateForImport(v8::Local<v8::Context> context, v8::Local<v8::Module> module,
                               v8::Local<v8::Promise::Resolver> resolver) {
  v8::Isolate* isolate = context->GetIsolate();
  switch (module->GetStatus()) {
    case v8::Module::kErrored:
      return Settled(resolver->Reject(context, module->GetException()));
    case v8::Module::kEvaluating:
      // Its body is running (import() of itself or of a module importing it);
      // V8 can evaluate it only once that body has returned.
      return DeferImport(context, module, resolver);
    case v8::Module::kInstantiated:
    case v8::Module::kEvaluated:
      break;
    default:
      return RejectImport(
          context, resolver,
          absl::FailedPreconditionError("import() of a module that is not instantiated"), {});
  }
  // For an evaluated module V8 returns the promise of its evaluation, which is
  // still pending while its top-level await is.
  v8::Local<v8::Value> evaluation;
  {
    v8::TryCatch try_catch(isolate);
    if (!module->Evaluate(context).ToLocal(&evaluation)) {
      if (try_catch.HasTerminated() || !try_catch.HasCaught()) {
        return absl::CancelledError(kTerminated);
      }
      return Settled(resolver->Reject(context, try_catch.Exception()));
    }
  }
  v8::Local<v8::Value> ns = module->GetModuleNamespace();
  if (!evaluation->IsPromise()) {
    return Settled(resolver->Resolve(context, ns));
  }
  v8::Local<v8::Function> on_fulfilled, on_rejected;
  if (!NewSettleFunction(context, resolver, ns, SettleAs::kResolveWithBound)
           .ToLocal(&on_fulfilled) ||
      !NewSettleFunction(context, resolver, ns, SettleAs::kRejectWithArgument)
           .ToLocal(&on_rejected) ||
      evaluation.As<v8::Promise>()->Then(context, on_fulfilled, on_rejected).IsEmpty()) {
    return absl::InternalError("cannot chain the module's evaluation");
  }
  return absl::OkStatus();
}

// Settles `resolver` for `import(specifier)` from the script named `referrer`.
absl::Status ImportDynamically(v8::Local<v8::Context> context, const std::string& referrer,
                               const std::string& specifier, const ImportCallType& call,
                               v8::Local<v8::Promise::Resolver> resolver) {
  ModuleLoader* loader = ModuleLoader::From(context->GetIsolate());
  if (loader == nullptr) return absl::FailedPreconditionError("no module loader");
  // Scripts that are not files (embedder code, eval) import relative to the cwd.
  std::string base = referrer;
  // Modules of the embedder's loader or extensions import relative to themselves.
  if (!referrer.empty() && referrer[0] == '/') {
    base = PathToFileUrl(referrer);  // a CommonJS file, named by its path
  } else if (!FileUrlToPath(referrer).ok() && loader->Find(referrer).IsEmpty()) {
    ASSIGN_OR_RETURN(std::string cwd, AbsolutePath("[eval]"));
    base = PathToFileUrl(cwd);
  }
  v8::Local<v8::Value> thrown;
  absl::StatusOr<ResolvedModule> resolved = loader->Resolve(context, specifier, base, &thrown);
  if (!resolved.ok()) return RejectImport(context, resolver, resolved.status(), thrown);
  if (call.known) {
    bool is_json = resolved->format == ModuleFormat::kJson;
    bool loaded = !loader->Find(resolved->url).IsEmpty();
    if (std::optional<TypeMismatch> mismatch =
            CheckImport(resolved->url, is_json, loaded, call.request)) {
      return RejectImport(context, resolver, absl::InvalidArgumentError(mismatch->message),
                          NewCodedError(context->GetIsolate(), mismatch->message, mismatch->code));
    }
  }
  absl::StatusOr<v8::Local<v8::Module>> module =
      loader->LoadGraph(context, *resolved, std::nullopt, &thrown);
  if (!module.ok()) return RejectImport(context, resolver, module.status(), thrown);
  return EvaluateForImport(context, *module, resolver);
}

v8::MaybeLocal<v8::Promise> ImportModuleDynamically(v8::Local<v8::Context> context,
                                                    v8::Local<v8::Data> host_defined_options,
                                                    v8::Local<v8::Value> resource_name,
                                                    v8::Local<v8::String> specifier,
                                                    v8::Local<v8::FixedArray> import_assertions) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return {};
  // V8 10.2 reads only `assert` from import()'s options; `with` is read from
  // the call's text (import_type_check.h).
  ModuleLoader* loader = ModuleLoader::From(isolate);
  ImportCallType call;
  if (loader != nullptr) {
    call = TypeOfImportCall(context, ToUtf8(isolate, specifier), import_assertions,
                            &loader->import_call_sites());
  }
  absl::Status status;
  v8::Local<v8::String> type_error;
  if (call.type_error != nullptr) {
    if (!v8::String::NewFromUtf8(isolate, call.type_error).ToLocal(&type_error)) return {};
    status = RejectImport(context, resolver, absl::InvalidArgumentError(call.type_error),
                          v8::Exception::TypeError(type_error));
  } else {
    status = ImportDynamically(context, ToUtf8(isolate, resource_name), ToUtf8(isolate, specifier),
                               call, resolver);
  }
  if (absl::IsCancelled(status)) return {};  // terminating: let it unwind
  if (!status.ok() && !RejectImport(context, resolver, status, {}).ok()) return {};
  return scope.Escape(resolver->GetPromise());
}

}  // namespace

ModuleLoader::ModuleLoader(v8::Isolate* isolate, const PathMap* path_map,
                           ModuleSourceLoader* custom)
    : isolate_(isolate),
      path_map_(path_map),
      custom_(custom),
      import_call_sites_(std::make_unique<ImportCallSites>()) {}

ModuleLoader::~ModuleLoader() = default;

absl::StatusOr<std::optional<ResolvedModule>> ModuleLoader::ResolveCustom(
    const std::string& specifier, const std::string& referrer_url) {
  if (custom_ == nullptr) return std::nullopt;
  // The embedder's code: its exceptions stop here.
  absl::StatusOr<std::optional<std::string>> url = absl::InternalError("");
  try {
    url = custom_->Resolve(specifier, referrer_url);
  } catch (const std::exception& error) {
    url = absl::InternalError(absl::StrCat("the module loader threw: ", error.what()));
  } catch (...) {
    url = absl::InternalError("the module loader threw");
  }
  if (!url.ok()) {
    return absl::NotFoundError(
        absl::StrCat("cannot resolve '", specifier, "': ", url.status().message()));
  }
  if (!url->has_value()) return std::nullopt;
  auto it = custom_sources_.find(**url);
  if (it == custom_sources_.end() && Find(**url).IsEmpty()) {
    absl::StatusOr<LoadedModule> loaded = absl::InternalError("");
    try {
      loaded = custom_->Load(**url);
    } catch (const std::exception& error) {
      loaded = absl::InternalError(absl::StrCat("the module loader threw: ", error.what()));
    } catch (...) {
      loaded = absl::InternalError("the module loader threw");
    }
    if (!loaded.ok()) {
      return absl::NotFoundError(
          absl::StrCat("cannot load '", **url, "': ", loaded.status().message()));
    }
    it = custom_sources_.emplace(**url, *std::move(loaded)).first;
  }
  bool json = it != custom_sources_.end() && it->second.kind == LoadedModule::Kind::kJson;
  return ResolvedModule{**url, json ? ModuleFormat::kJson : ModuleFormat::kModule};
}

ModuleLoader* ModuleLoader::From(v8::Isolate* isolate) {
  IsolateData* data = IsolateData::From(isolate);
  return data == nullptr ? nullptr : data->loader;
}

absl::Status ModuleLoader::SyncBuiltinExports(v8::Local<v8::Context> context) {
  for (size_t i = 0; i < urls_.size(); ++i) {
    if (urls_[i].rfind("node:", 0) != 0) continue;
    v8::Local<v8::Module> module = modules_[i].Get(isolate_);
    if (!module->IsSyntheticModule() || module->GetStatus() != v8::Module::kEvaluated) continue;
    ASSIGN_OR_RETURN(v8::Local<v8::String> js_url, NewStringOr(isolate_, urls_[i], "module URL"));
    ASSIGN_OR_RETURN(v8::Local<v8::Value> exports, CallInternal(context, "requireBuiltin", {js_url}));
    if (!exports->IsObject()) continue;
    v8::Local<v8::Array> names;
    if (!module->GetModuleNamespace().As<v8::Object>()->GetOwnPropertyNames(context).ToLocal(&names)) {
      return absl::InternalError(absl::StrCat("cannot list the exports of ", urls_[i]));
    }
    for (uint32_t n = 0; n < names->Length(); ++n) {
      v8::Local<v8::Value> name, value;
      if (!names->Get(context, n).ToLocal(&name) || !name->IsString()) continue;
      if (ToUtf8(isolate_, name) == "default") continue;
      v8::TryCatch try_catch(isolate_);
      if (!exports.As<v8::Object>()->Get(context, name).ToLocal(&value) ||
          module->SetSyntheticModuleExport(isolate_, name.As<v8::String>(), value).IsNothing()) {
        return TryCatchToStatus(isolate_, context, try_catch);
      }
    }
  }
  return absl::OkStatus();
}

namespace {

// syncBuiltinESMExports(): module.syncBuiltinESMExports() (builtins.js).
void SyncBuiltinEsmExports(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  ModuleLoader* loader = ModuleLoader::From(isolate);
  if (loader == nullptr) return;
  absl::Status status = loader->SyncBuiltinExports(isolate->GetCurrentContext());
  if (!status.ok() && !isolate->IsExecutionTerminating()) ThrowError(isolate, status.message());
}

}  // namespace

const Extension& ModulesExtension() {
  static constexpr NativeFunction kFunctions[] = {
      {"syncBuiltinESMExports", SyncBuiltinEsmExports, 0},
      {"readFile", ReadFileText, 1},
      {"readFileBytes", ReadFileBytes, 1},
      {"fileKind", FileKind, 1},
      {"realpath", RealPath, 1},
      {"cwd", Cwd, 0},
      {"compileCjs", CompileCjs, 2},
  };
  static constexpr ExternalReference kReferences[] = {
      {"ModuleLoader::EvaluateSynthetic",
       reinterpret_cast<intptr_t>(ModuleLoader::EvaluateSynthetic)},
      {"ModuleLoader::ContinueImport", reinterpret_cast<intptr_t>(ModuleLoader::ContinueImport)},
  };
  static constexpr absl::string_view kJs[] = {"module_paths.js", "module_resolution.js",
                                              "cjs_loader.js", "modules.js"};
  // Compiled the first time an ES module imports a CommonJS one (cjs_loader.js).
  static constexpr absl::string_view kLazyJs[] = {"cjs_lexer.js", "module_builtin.js"};
  static const Extension kExtension{"modules", 1, kFunctions, {}, {}, kReferences, kJs,
                                    nullptr, kLazyJs};
  return kExtension;
}

void ModuleLoader::InstallHostCallbacks(v8::Isolate* isolate) {
  isolate->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
  isolate->SetHostImportModuleDynamicallyCallback(ImportModuleDynamically);
}

void ModuleLoader::ContinueImport(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  ModuleLoader* loader = From(isolate);
  v8::Local<v8::Value> url, resolver;
  if (loader == nullptr || !info.Data()->IsArray() ||
      !info.Data().As<v8::Array>()->Get(context, 0).ToLocal(&url) ||
      !info.Data().As<v8::Array>()->Get(context, 1).ToLocal(&resolver) || !resolver->IsPromise()) {
    return;  // not made by DeferImport
  }
  v8::Local<v8::Promise::Resolver> settle = resolver.As<v8::Promise::Resolver>();
  v8::Local<v8::Module> module;
  absl::Status status =
      loader->Find(ToUtf8(isolate, url)).ToLocal(&module)
          ? EvaluateForImport(context, module, settle)
          : absl::InternalError("import() of a module that left the map");
  if (!status.ok() && !absl::IsCancelled(status)) {
    RejectImport(context, settle, status, {}).IgnoreError();
  }
}

v8::MaybeLocal<v8::Module> ModuleLoader::Find(const std::string& url) const {
  auto it = index_by_url_.find(url);
  if (it == index_by_url_.end()) return {};
  return modules_[it->second].Get(isolate_);
}

const std::string* ModuleLoader::UrlOf(v8::Local<v8::Module> module) const {
  auto [begin, end] = index_by_hash_.equal_range(module->GetIdentityHash());
  for (auto it = begin; it != end; ++it) {
    if (modules_[it->second] == module) return &urls_[it->second];
  }
  return nullptr;
}

std::vector<v8::Local<v8::Module>> ModuleLoader::modules() const {
  std::vector<v8::Local<v8::Module>> result;
  for (const v8::Global<v8::Module>& module : modules_) result.push_back(module.Get(isolate_));
  return result;
}

void ModuleLoader::Register(const std::string& url, v8::Local<v8::Module> module) {
  index_by_url_[url] = urls_.size();
  index_by_hash_.emplace(module->GetIdentityHash(), urls_.size());
  urls_.push_back(url);
  modules_.emplace_back(isolate_, module);
}

void ModuleLoader::Clear() {
  urls_.clear();
  modules_.clear();
  index_by_url_.clear();
  index_by_hash_.clear();
  resolutions_.clear();
  synthetic_formats_.clear();
  synthetic_exports_.clear();
  internals_.Reset();
  thrown_.Reset();
}

void ModuleLoader::AttachInternals(v8::Local<v8::Object> internals) {
  internals_.Reset(isolate_, internals);
}

void ModuleLoader::DetachInternals() { internals_.Reset(); }

v8::MaybeLocal<v8::Module> ModuleLoader::FindResolution(const std::string& referrer_url,
                                                        const std::string& specifier) const {
  auto it = resolutions_.find(ResolutionKey(referrer_url, specifier));
  if (it == resolutions_.end()) return {};
  return Find(it->second);
}

absl::StatusOr<v8::Local<v8::Object>> ModuleLoader::HostNamespace(v8::Local<v8::Context> context,
                                                                  const std::string& url) {
  IsolateData* data = IsolateData::From(isolate_);
  const ExtensionRegistry::HostModule* module =
      data == nullptr ? nullptr : data->extensions().FindHostModule(url);
  v8::Local<v8::Value> all, ns;
  v8::Local<v8::String> name;
  if (module == nullptr || internals_.IsEmpty() ||
      !internals_.Get(isolate_)
           ->Get(context, v8::String::NewFromUtf8Literal(isolate_, "hostExtensions"))
           .ToLocal(&all) ||
      !all->IsObject() || !v8::String::NewFromUtf8(isolate_, module->extension->name).ToLocal(&name) ||
      !all.As<v8::Object>()->Get(context, name).ToLocal(&ns) || !ns->IsObject()) {
    return absl::NotFoundError(absl::StrCat("no extension of this runtime serves ", url));
  }
  return ns.As<v8::Object>();
}

absl::StatusOr<v8::Local<v8::Value>> ModuleLoader::CallInternal(
    v8::Local<v8::Context> context, const char* name, std::vector<v8::Local<v8::Value>> args) {
  ASSIGN_OR_RETURN(v8::Local<v8::String> key,
                   NewStringOr(isolate_, name, "internal function name"));
  v8::Local<v8::Value> function;
  if (internals_.IsEmpty() || !internals_.Get(isolate_)->Get(context, key).ToLocal(&function) ||
      !function->IsFunction()) {
    return absl::FailedPreconditionError(absl::StrCat("internals.", name, " is not defined"));
  }
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  if (!function.As<v8::Function>()
           ->Call(context, v8::Undefined(isolate_), static_cast<int>(args.size()), args.data())
           .ToLocal(&result)) {
    return Thrown(TryCatchToStatus(isolate_, context, try_catch), try_catch.Exception());
  }
  return result;
}

absl::Status ModuleLoader::Thrown(absl::Status status, v8::Local<v8::Value> exception) {
  if (!exception.IsEmpty() && !absl::IsCancelled(status)) thrown_.Reset(isolate_, exception);
  return status;
}

void ModuleLoader::RollBack(v8::Local<v8::Context> context, size_t mark) {
  v8::HandleScope scope(isolate_);
  while (urls_.size() > mark) {
    size_t index = urls_.size() - 1;
    const std::string& url = urls_[index];
    v8::Local<v8::Module> module = modules_[index].Get(isolate_);
    if (module->IsSourceTextModule()) {
      v8::Local<v8::FixedArray> requests = module->GetModuleRequests();
      for (int i = 0; i < requests->Length(); ++i) {
        v8::Local<v8::ModuleRequest> request = requests->Get(context, i).As<v8::ModuleRequest>();
        resolutions_.erase(ResolutionKey(url, ToUtf8(isolate_, request->GetSpecifier())));
      }
    }
    auto [begin, end] = index_by_hash_.equal_range(module->GetIdentityHash());
    for (auto it = begin; it != end; ++it) {
      if (it->second == index) {
        index_by_hash_.erase(it);
        break;
      }
    }
    index_by_url_.erase(url);
    synthetic_formats_.erase(url);
    synthetic_exports_.erase(url);
    urls_.pop_back();
    modules_.pop_back();
  }
}

absl::StatusOr<ResolvedModule> ModuleLoader::Resolve(v8::Local<v8::Context> context,
                                                     const std::string& specifier,
                                                     const std::string& referrer_url,
                                                     v8::Local<v8::Value>* thrown) {
  if (specifier.rfind(kHostScheme, 0) == 0) {
    IsolateData* data = IsolateData::From(isolate_);
    const ExtensionRegistry::HostModule* module =
        data == nullptr ? nullptr : data->extensions().FindHostModule(specifier);
    if (module == nullptr) {
      return absl::NotFoundError(
          absl::StrCat("cannot resolve '", specifier, "': no extension of this runtime serves it"));
    }
    return ResolvedModule{specifier,
                          module->source == nullptr ? ModuleFormat::kHost : ModuleFormat::kModule};
  }
  // A module of the embedder's loader already in the map (a restored one)
  // needs no loader.
  v8::Local<v8::Module> known;
  if (custom_ != nullptr && !FileUrlToPath(specifier).ok() && Find(specifier).ToLocal(&known)) {
    return ResolvedModule{specifier,
                          known->IsSyntheticModule() ? ModuleFormat::kJson : ModuleFormat::kModule};
  }
  ASSIGN_OR_RETURN(std::optional<ResolvedModule> custom, ResolveCustom(specifier, referrer_url));
  if (custom) return *std::move(custom);
  v8::Local<v8::Value> resolver;  // stays empty without internals.resolveImport
  if (!internals_.IsEmpty() &&
      !internals_.Get(isolate_)
           ->Get(context, v8::String::NewFromUtf8Literal(isolate_, "resolveImport"))
           .ToLocal(&resolver)) {
    resolver.Clear();
  }
  if (resolver.IsEmpty() || !resolver->IsFunction()) {
    ASSIGN_OR_RETURN(std::string url, ResolveSpecifier(specifier, referrer_url));
    return ResolvedModule{url, ModuleFormat::kModule};
  }
  ASSIGN_OR_RETURN(v8::Local<v8::String> js_specifier,
                   NewStringOr(isolate_, specifier, "module specifier"));
  ASSIGN_OR_RETURN(v8::Local<v8::String> js_referrer,
                   NewStringOr(isolate_, referrer_url, "URL of the importing module"));
  v8::Local<v8::Value> args[] = {js_specifier, js_referrer};
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  if (!resolver.As<v8::Function>()->Call(context, v8::Undefined(isolate_), 2, args).ToLocal(&result)) {
    if (try_catch.HasTerminated()) return TryCatchToStatus(isolate_, context, try_catch);
    if (thrown != nullptr) *thrown = try_catch.Exception();
    return ResolutionFailure(context, specifier, try_catch.Exception());
  }
  v8::Local<v8::Value> url, format;
  if (!result->IsObject() ||
      !result.As<v8::Object>()
           ->Get(context, v8::String::NewFromUtf8Literal(isolate_, "url"))
           .ToLocal(&url) ||
      !result.As<v8::Object>()
           ->Get(context, v8::String::NewFromUtf8Literal(isolate_, "format"))
           .ToLocal(&format)) {
    return absl::InternalError("internals.resolveImport returned no {url, format}");
  }
  ResolvedModule resolved{ToUtf8(isolate_, url), ModuleFormat::kModule};
  std::string kind = ToUtf8(isolate_, format);
  if (kind == "commonjs") resolved.format = ModuleFormat::kCommonJs;
  if (kind == "json") resolved.format = ModuleFormat::kJson;
  if (kind == "builtin") resolved.format = ModuleFormat::kBuiltin;
  return resolved;
}

absl::StatusOr<v8::Local<v8::Module>> ModuleLoader::Compile(
    v8::Local<v8::Context> context, const std::string& url,
    const std::optional<std::string>& source) {
  std::string text;
  const ExtensionRegistry::HostModule* host_module = nullptr;
  if (!source && url.rfind(kHostScheme, 0) == 0) {
    IsolateData* data = IsolateData::From(isolate_);
    if (data != nullptr) host_module = data->extensions().FindHostModule(url);
    if (host_module == nullptr || host_module->source == nullptr) {
      return absl::NotFoundError(absl::StrCat("no extension of this runtime serves ", url));
    }
  }
  auto custom = source ? custom_sources_.end() : custom_sources_.find(url);
  if (source) {
    text = *source;
  } else if (host_module != nullptr) {
    text = *host_module->source;
  } else if (custom != custom_sources_.end()) {
    text = std::move(custom->second.source);
    custom_sources_.erase(custom);
  } else {
    ASSIGN_OR_RETURN(std::string path, FileUrlToPath(url));
    RETURN_IF_ERROR(ReadableByPermission(isolate_, path_map_->ToDisk(path)));
    ASSIGN_OR_RETURN(text, ReadFile(path_map_->ToDisk(path)));
    if (NativeHost* host = NativeHost::From(isolate_)) host->RecordFileRead(path, text);
  }
  ASSIGN_OR_RETURN(v8::Local<v8::String> js_url, NewStringOr(isolate_, url, "module URL"));
  auto& types = attribute_types_[url];
  types.clear();
  while (true) {
    v8::Local<v8::String> source_string;
    if (!NewString(isolate_, text).ToLocal(&source_string)) {
      return StringTooLongError(absl::StrCat("source of ", DisplayPath(url)), text.size());
    }
    v8::ScriptOrigin origin(isolate_, js_url, 0, 0, false, -1, v8::Local<v8::Value>(), false,
                            false, /*is_module=*/true);
    v8::ScriptCompiler::Source compiler_source(source_string, origin);
    v8::TryCatch try_catch(isolate_);
    v8::Local<v8::Module> module;
    if (v8::ScriptCompiler::CompileModule(isolate_, &compiler_source).ToLocal(&module)) {
      Register(url, module);
      return module;
    }
    // V8 10.2 rejects the first `with` clause (a syntax error there): blank it
    // and compile again, once per clause.
    v8::Local<v8::Message> message = try_catch.Message();
    std::optional<WithClause> clause;
    if (!message.IsEmpty() && try_catch.Exception()->IsNativeError() &&
        message->GetStartPosition() >= 0) {
      clause = BlankWithClause(&text, Utf16ToByteOffset(text, message->GetStartPosition()));
    }
    if (!clause) return Thrown(TryCatchToStatus(isolate_, context, try_catch), try_catch.Exception());
    types.emplace_back(static_cast<int>(ByteToUtf16Offset(text, clause->specifier_offset)),
                       clause->attributes);
  }
}

absl::StatusOr<v8::Local<v8::Module>> ModuleLoader::CreateSynthetic(
    v8::Local<v8::Context> context, const ResolvedModule& resolved) {
  std::vector<std::string> names = {"default"};
  if (resolved.format == ModuleFormat::kHost) {
    ASSIGN_OR_RETURN(v8::Local<v8::Object> ns, HostNamespace(context, resolved.url));
    v8::Local<v8::Array> keys;
    if (!ns->GetOwnPropertyNames(context).ToLocal(&keys)) {
      return absl::InternalError(absl::StrCat("cannot list the exports of ", resolved.url));
    }
    for (uint32_t i = 0; i < keys->Length(); ++i) {
      v8::Local<v8::Value> key;
      if (keys->Get(context, i).ToLocal(&key) && key->IsString()) {
        names.push_back(ToUtf8(isolate_, key));
      }
    }
  } else if (resolved.format != ModuleFormat::kJson) {
    std::string target = resolved.url;
    if (resolved.format == ModuleFormat::kCommonJs) {
      ASSIGN_OR_RETURN(target, FileUrlToPath(resolved.url));
    }
    const char* lister =
        resolved.format == ModuleFormat::kCommonJs ? "cjsExportNames" : "builtinExportNames";
    ASSIGN_OR_RETURN(v8::Local<v8::String> js_target,
                     NewStringOr(isolate_, target, "module path"));
    ASSIGN_OR_RETURN(v8::Local<v8::Value> listed, CallInternal(context, lister, {js_target}));
    if (listed->IsArray()) {
      v8::Local<v8::Array> array = listed.As<v8::Array>();
      for (uint32_t i = 0; i < array->Length(); ++i) {
        v8::Local<v8::Value> name;
        if (!array->Get(context, i).ToLocal(&name) || !name->IsString()) continue;
        std::string text = ToUtf8(isolate_, name);
        if (std::find(names.begin(), names.end(), text) == names.end()) names.push_back(text);
      }
    }
  }
  std::vector<v8::Local<v8::String>> export_names;
  for (const std::string& name : names) {
    ASSIGN_OR_RETURN(v8::Local<v8::String> export_name,
                     NewStringOr(isolate_, name, "export name"));
    export_names.push_back(export_name);
  }
  ASSIGN_OR_RETURN(v8::Local<v8::String> js_url, NewStringOr(isolate_, resolved.url, "module URL"));
  v8::Local<v8::Module> module =
      v8::Module::CreateSyntheticModule(isolate_, js_url, export_names, EvaluateSynthetic);
  synthetic_formats_[resolved.url] = resolved.format;
  synthetic_exports_[resolved.url] = names;
  Register(resolved.url, module);
  return module;
}

v8::MaybeLocal<v8::Value> ModuleLoader::EvaluateSynthetic(v8::Local<v8::Context> context,
                                                          v8::Local<v8::Module> module) {
  v8::Isolate* isolate = context->GetIsolate();
  // An exception from a JS call made here is only scheduled; V8 expects it
  // pending when the steps fail, so it is caught and rethrown.
  v8::TryCatch try_catch(isolate);
  v8::MaybeLocal<v8::Value> result = EvaluateSyntheticSteps(context, module);
  if (result.IsEmpty() && try_catch.HasCaught() && !try_catch.HasTerminated()) {
    try_catch.ReThrow();
  }
  return result;
}

v8::MaybeLocal<v8::Value> ModuleLoader::EvaluateSyntheticSteps(v8::Local<v8::Context> context,
                                                               v8::Local<v8::Module> module) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  ModuleLoader* loader = From(isolate);
  const std::string* url = loader ? loader->UrlOf(module) : nullptr;
  auto format = url ? loader->synthetic_formats_.find(*url) : loader->synthetic_formats_.end();
  if (url == nullptr || format == loader->synthetic_formats_.end()) {
    ThrowError(isolate, "cannot evaluate an unknown synthetic module");
    return {};
  }
  v8::Local<v8::Value> exports;
  if (format->second == ModuleFormat::kHost) {
    absl::StatusOr<v8::Local<v8::Object>> ns = loader->HostNamespace(context, *url);
    if (!ns.ok()) {
      ThrowError(isolate, ns.status().message());
      return {};
    }
    exports = *ns;
  } else if (format->second == ModuleFormat::kJson) {
    // From the embedder's loader, or a file.
    auto custom = loader->custom_sources_.find(*url);
    bool from_disk = custom == loader->custom_sources_.end();
    absl::StatusOr<std::string> path = from_disk ? FileUrlToPath(*url) : *url;
    absl::Status readable = !from_disk || !path.ok()
                                ? path.status()
                                : ReadableByPermission(isolate, loader->path_map_->ToDisk(*path));
    absl::StatusOr<std::string> text =
        !readable.ok() ? readable
        : from_disk    ? ReadFile(loader->path_map_->ToDisk(*path))
                       : absl::StatusOr<std::string>(custom->second.source);
    if (text.ok() && from_disk) {
      if (NativeHost* host = NativeHost::From(isolate)) host->RecordFileRead(*path, *text);
    }
    if (!text.ok()) {
      ThrowError(isolate, text.status().message());
      return {};
    }
    v8::Local<v8::String> json;
    if (!NewStringOrThrow(isolate, *text, *path).ToLocal(&json)) return {};
    v8::TryCatch try_catch(isolate);
    if (!v8::JSON::Parse(context, json).ToLocal(&exports)) {
      // Node prefixes JSON syntax errors with the file's path.
      v8::String::Utf8Value reason(isolate, try_catch.Exception());
      std::string message = absl::StrCat(*path, ": ", *reason ? *reason : "invalid JSON");
      const std::string prefix = "SyntaxError: ";
      size_t at = message.find(prefix);
      if (at != std::string::npos) message.erase(at, prefix.size());
      try_catch.Reset();
      v8::Local<v8::String> js_message;
      if (!NewStringOrThrow(isolate, message, "JSON syntax error message").ToLocal(&js_message)) {
        return {};
      }
      isolate->ThrowException(v8::Exception::SyntaxError(js_message));
      return {};
    }
  } else {
    std::string target = *url;
    const char* loader_name = "requireBuiltin";
    if (format->second == ModuleFormat::kCommonJs) {
      absl::StatusOr<std::string> path = FileUrlToPath(*url);
      if (!path.ok()) {
        ThrowError(isolate, path.status().message());
        return {};
      }
      target = *path;
      loader_name = "loadCommonJs";
    }
    v8::Local<v8::String> js_target, js_loader_name;
    if (!NewStringOrThrow(isolate, target, "module path").ToLocal(&js_target) ||
        !NewStringOrThrow(isolate, loader_name, "internal function name")
             .ToLocal(&js_loader_name)) {
      return {};
    }
    v8::Local<v8::Value> function;
    v8::Local<v8::Value> args[] = {js_target};
    if (loader->internals_.IsEmpty() ||
        !loader->internals_.Get(isolate)->Get(context, js_loader_name).ToLocal(&function)) {
      return {};  // the exception propagates to the importer
    }
    if (!function->IsFunction()) {
      ThrowError(isolate, absl::StrCat("internals.", loader_name, " is not defined"));
      return {};
    }
    if (!function.As<v8::Function>()->Call(context, v8::Undefined(isolate), 1, args).ToLocal(&exports)) {
      return {};  // the exception propagates to the importer
    }
  }
  if (module->SetSyntheticModuleExport(isolate, v8::String::NewFromUtf8Literal(isolate, "default"),
                                       exports)
          .IsNothing()) {
    return {};
  }
  if (format->second != ModuleFormat::kJson && exports->IsObject()) {
    auto names_it = loader->synthetic_exports_.find(*url);
    std::vector<std::string> export_names;
    if (names_it != loader->synthetic_exports_.end()) export_names = names_it->second;
    for (const std::string& export_name : export_names) {
      if (export_name == "default") continue;
      v8::Local<v8::Value> value;
      v8::Local<v8::String> name;
      if (!NewStringOrThrow(isolate, export_name, "export name").ToLocal(&name) ||
          !exports.As<v8::Object>()->Get(context, name).ToLocal(&value) ||
          module->SetSyntheticModuleExport(isolate, name, value).IsNothing()) {
        return {};
      }
    }
  }
  v8::Local<v8::Promise::Resolver> done;
  if (!v8::Promise::Resolver::New(context).ToLocal(&done) ||
      done->Resolve(context, v8::Undefined(isolate)).IsNothing()) {
    return {};
  }
  return scope.Escape(done->GetPromise());
}

absl::StatusOr<v8::Local<v8::Module>> ModuleLoader::Load(v8::Local<v8::Context> context,
                                                         const ResolvedModule& resolved) {
  v8::Local<v8::Module> module;
  if (Find(resolved.url).ToLocal(&module)) return module;
  if (resolved.format != ModuleFormat::kModule) return CreateSynthetic(context, resolved);
  ASSIGN_OR_RETURN(module, Compile(context, resolved.url, std::nullopt));
  RETURN_IF_ERROR(LoadDependencies(context, module, resolved.url));
  return module;
}

std::vector<std::pair<std::string, std::string>> ModuleLoader::Attributes(
    v8::Local<v8::Context> context, const std::string& url, v8::Local<v8::ModuleRequest> request) {
  std::vector<std::pair<std::string, std::string>> attributes;
  v8::Local<v8::FixedArray> assertions = request->GetImportAssertions();
  for (int i = 0; i + 1 < assertions->Length(); i += 3) {  // key, value, position
    attributes.emplace_back(ToUtf8(isolate_, assertions->Get(context, i).As<v8::Value>()),
                            ToUtf8(isolate_, assertions->Get(context, i + 1).As<v8::Value>()));
  }
  if (!attributes.empty()) return attributes;
  auto types = attribute_types_.find(url);
  if (types == attribute_types_.end()) return attributes;
  for (const auto& entry : types->second) {
    if (entry.first == request->GetSourceOffset()) return entry.second;
  }
  return attributes;
}

absl::Status ModuleLoader::LoadDependencies(v8::Local<v8::Context> context,
                                            v8::Local<v8::Module> module,
                                            const std::string& url) {
  v8::Local<v8::FixedArray> requests = module->GetModuleRequests();
  for (int i = 0; i < requests->Length(); ++i) {
    v8::Local<v8::ModuleRequest> request = requests->Get(context, i).As<v8::ModuleRequest>();
    std::string specifier = ToUtf8(isolate_, request->GetSpecifier());
    v8::Location where = module->SourceOffsetToLocation(request->GetSourceOffset());
    std::string at = absl::StrCat(DisplayPath(url), ":", where.GetLineNumber() + 1, ":",
                                  where.GetColumnNumber() + 1, ": ");
    v8::Local<v8::Value> thrown;
    absl::StatusOr<ResolvedModule> resolved = Resolve(context, specifier, url, &thrown);
    if (!resolved.ok()) {
      return Thrown(absl::Status(resolved.status().code(),
                                 absl::StrCat(at, resolved.status().message())),
                    thrown);
    }
    ImportRequest asked = RequestOf(Attributes(context, url, request));
    bool is_json = resolved->format == ModuleFormat::kJson;
    bool loaded = !Find(resolved->url).IsEmpty();
    if (std::optional<TypeMismatch> mismatch =
            CheckImport(resolved->url, is_json, loaded, asked)) {
      return Thrown(absl::InvalidArgumentError(absl::StrCat(at, mismatch->message)),
                    NewCodedError(isolate_, mismatch->message, mismatch->code));
    }
    resolutions_[ResolutionKey(url, specifier)] = resolved->url;
    RETURN_IF_ERROR(Load(context, *resolved).status());
  }
  return absl::OkStatus();
}

absl::StatusOr<v8::Local<v8::Module>> ModuleLoader::LoadGraph(
    v8::Local<v8::Context> context, const ResolvedModule& root,
    const std::optional<std::string>& source, v8::Local<v8::Value>* thrown) {
  // Modules are registered before their dependencies load (cycles need that),
  // so a failure part-way leaves modules V8 never instantiated; they go again.
  const size_t mark = urls_.size();
  thrown_.Reset();
  absl::StatusOr<v8::Local<v8::Module>> module = LoadAndInstantiate(context, root, source);
  if (!module.ok()) {
    RollBack(context, mark);
    if (thrown != nullptr && !thrown_.IsEmpty()) *thrown = thrown_.Get(isolate_);
  }
  thrown_.Reset();
  return module;
}

absl::StatusOr<v8::Local<v8::Module>> ModuleLoader::LoadAndInstantiate(
    v8::Local<v8::Context> context, const ResolvedModule& root,
    const std::optional<std::string>& source) {
  v8::Local<v8::Module> module;
  if (!Find(root.url).ToLocal(&module)) {
    if (root.format != ModuleFormat::kModule) {
      ASSIGN_OR_RETURN(module, CreateSynthetic(context, root));
    } else {
      ASSIGN_OR_RETURN(module, Compile(context, root.url, source));
      RETURN_IF_ERROR(LoadDependencies(context, module, root.url));
    }
  }
  v8::TryCatch try_catch(isolate_);
  if (module->InstantiateModule(context, ResolveCallback).IsNothing()) {
    return Thrown(TryCatchToStatus(isolate_, context, try_catch), try_catch.Exception());
  }
  return module;
}

}  // namespace toysnap
