// ES module graphs from disk: resolve, compile, load and instantiate. The
// host hooks for import.meta and import() are in module_imports.cc; JSON,
// builtin, host and CommonJS modules (synthetic ones) in module_synthetic.cc.
#include "runtime/module_loader.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "runtime/extension_registry.h"
#include "runtime/external_sources.h"
#include "runtime/host_binding.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/permission_check.h"
#include "runtime/import_attributes.h"
#include "runtime/import_type_check.h"
#include "runtime/module_loader_internal.h"
#include "runtime/module_resolver.h"
#include "runtime/natives.h"
#include "runtime/v8_strings.h"
#include "snapshot/base/file_io.h"
#include "snapshot/base/status_macros.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-primitive.h"

namespace toysnap {
namespace module_loader_internal {

absl::Status ReadableByPermission(v8::Isolate* isolate, const std::string& disk_path) {
  absl::Status access = AccessStatus(isolate, Capability::kFsRead, disk_path);
  if (access.ok()) return access;
  return absl::PermissionDeniedError(
      absl::StrCat("Access to this API has been restricted (ERR_ACCESS_DENIED): cannot read ",
                   disk_path, "; grant it with --allow-fs-read"));
}

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 ? std::string(*utf8, utf8.length()) : "";
}

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

}  // namespace module_loader_internal

namespace {

using module_loader_internal::NewCodedError;
using module_loader_internal::ReadableByPermission;
using module_loader_internal::ThrowError;
using module_loader_internal::ToUtf8;

std::string ResolutionKey(const std::string& referrer_url, const std::string& specifier) {
  return absl::StrCat(referrer_url, std::string(1, '\0'), specifier);
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
      // At build time a big source moves out of the heap (external_sources.h),
      // in place, so the module's script keeps this very string; only once it
      // compiled, so a text this loop blanks and recompiles takes no slot.
      if (ExternalSources* sources = ExternalSources::OfBuild(isolate_)) {
        sources->Externalize(isolate_, source_string);
      }
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
