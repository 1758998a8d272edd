// The module loader's synthetic modules, whose exports are made, not parsed:
// JSON files, Node builtins (node:*), embedders' host namespaces and CommonJS
// files imported from ES modules; module.syncBuiltinESMExports(); and the
// `modules` extension that holds the loader's natives and JavaScript.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "runtime/extension.h"
#include "runtime/fs_natives.h"
#include "runtime/js_error.h"
#include "runtime/module_loader.h"
#include "runtime/module_loader_internal.h"
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

using module_loader_internal::ReadableByPermission;
using module_loader_internal::ThrowError;
using module_loader_internal::ToUtf8;

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
  static constexpr absl::string_view kJs[] = {"module_paths.js", "modules_builtin.js"};
  // The resolver and the CommonJS loader: compiled at the first import to
  // resolve, require or CommonJS module (modules_builtin.js); cjs_lexer.js the
  // first time an ES module imports a CommonJS one (cjs_loader.js).
  static constexpr absl::string_view kLazyJs[] = {"module_resolution.js", "cjs_loader.js",
                                                  "modules.js", "cjs_lexer.js",
                                                  "module_builtin.js"};
  static const Extension kExtension{"modules", 1, kFunctions, {}, {}, kReferences, kJs,
                                    nullptr, kLazyJs};
  return kExtension;
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

}  // namespace toysnap
