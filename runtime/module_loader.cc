// ES module graphs from disk: compile, resolve, instantiate; import.meta and
// dynamic import().
#include "runtime/module_loader.h"

#include "absl/strings/str_cat.h"
#include "runtime/js_error.h"
#include "runtime/module_resolver.h"
#include "runtime/natives.h"
#include "snapshot/file_io.h"
#include "snapshot/status_macros.h"
#include "v8-exception.h"
#include "v8-primitive.h"
#include "v8-promise.h"

namespace toysnap {
namespace {

constexpr uint32_t kLoaderSlot = 1;

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 ? std::string(*utf8, utf8.length()) : "";
}

void ThrowError(v8::Isolate* isolate, absl::string_view message) {
  isolate->ThrowException(v8::Exception::Error(
      v8::String::NewFromUtf8(isolate, message.data(), v8::NewStringType::kNormal,
                              static_cast<int>(message.size()))
          .ToLocalChecked()));
}

v8::MaybeLocal<v8::Module> ResolveCallback(v8::Local<v8::Context> context,
                                           v8::Local<v8::String> specifier,
                                           v8::Local<v8::FixedArray> import_assertions,
                                           v8::Local<v8::Module> referrer) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleLoader* loader = ModuleLoader::From(isolate);
  const std::string* referrer_url = loader ? loader->UrlOf(referrer) : nullptr;
  if (referrer_url == nullptr) {
    ThrowError(isolate, "import from a module the loader does not know");
    return {};
  }
  absl::StatusOr<std::string> url = ResolveSpecifier(ToUtf8(isolate, specifier), *referrer_url);
  if (!url.ok()) {
    ThrowError(isolate, url.status().message());
    return {};
  }
  v8::Local<v8::Module> module;
  if (!loader->Find(*url).ToLocal(&module)) {
    ThrowError(isolate, absl::StrCat("module not loaded: ", *url));
    return {};
  }
  return module;
}

void InitializeImportMeta(v8::Local<v8::Context> context, v8::Local<v8::Module> module,
                          v8::Local<v8::Object> meta) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleLoader* loader = ModuleLoader::From(isolate);
  const std::string* url = loader ? loader->UrlOf(module) : nullptr;
  if (url == nullptr) return;
  meta->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "url"),
                           v8::String::NewFromUtf8(isolate, url->c_str()).ToLocalChecked())
      .Check();
}

// Settles `resolver` for `import(specifier)` from the script named `referrer`.
absl::Status ImportDynamically(v8::Local<v8::Context> context, const std::string& referrer,
                               const std::string& specifier,
                               v8::Local<v8::Promise::Resolver> resolver) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleLoader* loader = ModuleLoader::From(isolate);
  if (loader == nullptr) return absl::FailedPreconditionError("no module loader");
  std::string base = referrer;
  if (FileUrlToPath(referrer).status().ok() == false) {
    ASSIGN_OR_RETURN(std::string cwd, AbsolutePath("[eval]"));
    base = PathToFileUrl(cwd);
  }
  ASSIGN_OR_RETURN(std::string url, ResolveSpecifier(specifier, base));
  v8::Local<v8::Module> module;
  if (!loader->Find(url).ToLocal(&module)) {
    ASSIGN_OR_RETURN(module, loader->LoadGraph(context, url, std::nullopt));
  }
  if (module->GetStatus() == v8::Module::kErrored) {
    resolver->Reject(context, module->GetException()).Check();
    return absl::OkStatus();
  }
  v8::Local<v8::Value> evaluation;
  if (module->GetStatus() == v8::Module::kEvaluated) {
    evaluation = v8::Undefined(isolate);
  } else {
    v8::TryCatch try_catch(isolate);
    if (!module->Evaluate(context).ToLocal(&evaluation)) {
      return TryCatchToStatus(isolate, context, try_catch);
    }
  }
  v8::Local<v8::Value> ns = module->GetModuleNamespace();
  if (!evaluation->IsPromise()) {
    resolver->Resolve(context, ns).Check();
    return absl::OkStatus();
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

v8::MaybeLocal<v8::Promise> ImportModuleDynamically(v8::Local<v8::Context> context,
                                                    v8::Local<v8::Data> host_defined_options,
                                                    v8::Local<v8::Value> resource_name,
                                                    v8::Local<v8::String> specifier,
                                                    v8::Local<v8::FixedArray> import_assertions) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return {};
  absl::Status status = ImportDynamically(context, ToUtf8(isolate, resource_name),
                                          ToUtf8(isolate, specifier), resolver);
  if (absl::IsCancelled(status)) return {};  // terminating: let it unwind
  if (!status.ok()) {
    std::string message(status.message());
    if (std::optional<JsErrorInfo> info = GetJsErrorInfo(status)) message = info->stack;
    resolver
        ->Reject(context, v8::Exception::Error(
                              v8::String::NewFromUtf8(isolate, message.c_str()).ToLocalChecked()))
        .Check();
  }
  return scope.Escape(resolver->GetPromise());
}

}  // namespace

ModuleLoader::ModuleLoader(v8::Isolate* isolate) : isolate_(isolate) {}

ModuleLoader* ModuleLoader::From(v8::Isolate* isolate) {
  return static_cast<ModuleLoader*>(isolate->GetData(kLoaderSlot));
}

void ModuleLoader::Attach(v8::Isolate* isolate, ModuleLoader* loader) {
  isolate->SetData(kLoaderSlot, loader);
}

void ModuleLoader::InstallHostCallbacks(v8::Isolate* isolate) {
  isolate->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
  isolate->SetHostImportModuleDynamicallyCallback(ImportModuleDynamically);
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
}

absl::StatusOr<v8::Local<v8::Module>> ModuleLoader::Compile(
    v8::Local<v8::Context> context, const std::string& url,
    const std::optional<std::string>& source) {
  std::string text;
  if (source) {
    text = *source;
  } else {
    ASSIGN_OR_RETURN(std::string path, FileUrlToPath(url));
    ASSIGN_OR_RETURN(text, ReadFile(path));
  }
  v8::Local<v8::String> source_string;
  if (!v8::String::NewFromUtf8(isolate_, text.data(), v8::NewStringType::kNormal,
                               static_cast<int>(text.size()))
           .ToLocal(&source_string)) {
    return absl::InvalidArgumentError(absl::StrCat(DisplayPath(url), ": source is too large"));
  }
  v8::ScriptOrigin origin(isolate_, v8::String::NewFromUtf8(isolate_, url.c_str()).ToLocalChecked(),
                          0, 0, false, -1, v8::Local<v8::Value>(), false, false,
                          /*is_module=*/true);
  v8::ScriptCompiler::Source compiler_source(source_string, origin);
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Module> module;
  if (!v8::ScriptCompiler::CompileModule(isolate_, &compiler_source).ToLocal(&module)) {
    return TryCatchToStatus(isolate_, context, try_catch);
  }
  Register(url, module);
  return module;
}

absl::Status ModuleLoader::LoadDependencies(v8::Local<v8::Context> context,
                                            v8::Local<v8::Module> module,
                                            const std::string& url) {
  v8::Local<v8::FixedArray> requests = module->GetModuleRequests();
  for (int i = 0; i < requests->Length(); ++i) {
    v8::Local<v8::ModuleRequest> request = requests->Get(context, i).As<v8::ModuleRequest>();
    std::string specifier = ToUtf8(isolate_, request->GetSpecifier());
    absl::StatusOr<std::string> resolved = ResolveSpecifier(specifier, url);
    if (!resolved.ok()) {
      v8::Location where = module->SourceOffsetToLocation(request->GetSourceOffset());
      return absl::Status(resolved.status().code(),
                          absl::StrCat(DisplayPath(url), ":", where.GetLineNumber() + 1, ":",
                                       where.GetColumnNumber() + 1, ": ",
                                       resolved.status().message()));
    }
    if (index_by_url_.count(*resolved)) continue;
    ASSIGN_OR_RETURN(v8::Local<v8::Module> dependency, Compile(context, *resolved, std::nullopt));
    RETURN_IF_ERROR(LoadDependencies(context, dependency, *resolved));
  }
  return absl::OkStatus();
}

absl::StatusOr<v8::Local<v8::Module>> ModuleLoader::LoadGraph(
    v8::Local<v8::Context> context, const std::string& url,
    const std::optional<std::string>& source) {
  v8::Local<v8::Module> module;
  if (!Find(url).ToLocal(&module)) {
    ASSIGN_OR_RETURN(module, Compile(context, url, source));
  }
  RETURN_IF_ERROR(LoadDependencies(context, module, url));
  v8::TryCatch try_catch(isolate_);
  if (module->InstantiateModule(context, ResolveCallback).IsNothing()) {
    return TryCatchToStatus(isolate_, context, try_catch);
  }
  return module;
}

}  // namespace toysnap
