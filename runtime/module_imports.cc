// The module loader's V8 host hooks: import.meta (url, and for file: modules
// dirname and filename) and dynamic import(), which resolves, loads and
// evaluates a graph and settles its promise, waiting for modules still running.
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "runtime/import_type_check.h"
#include "runtime/js_error.h"
#include "runtime/module_loader.h"
#include "runtime/module_loader_internal.h"
#include "runtime/module_resolver.h"
#include "runtime/natives.h"
#include "runtime/v8_strings.h"
#include "snapshot/base/status_macros.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-primitive.h"
#include "v8-promise.h"

namespace toysnap {
namespace {

using module_loader_internal::NewCodedError;
using module_loader_internal::ToUtf8;

// Settling a promise fails only with an exception pending (termination); the
// status makes the caller return empty so that it propagates.
absl::Status Settled(v8::Maybe<bool> done) {
  return done.IsNothing() ? absl::CancelledError(kTerminated) : absl::OkStatus();
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

}  // namespace toysnap
