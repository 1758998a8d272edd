// The core extension (engine.js, natives.loadScript, the settle callbacks of
// dynamic import(), V8's own accessors), the `natives` object, and the
// NativeHost lookup.
#include "runtime/natives.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "runtime/extension_registry.h"
#include "runtime/host_binding.h"
#include "runtime/isolate_data.h"
#include "runtime/native_classes.h"
#include "runtime/native_util.h"
#include "runtime/v8_strings.h"
#include "v8-script.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-external.h"
#include "v8-function.h"
#include "v8-primitive.h"
#include "v8-template.h"

// V8 10.2 leaves the accessors of module namespace objects out of its own
// external-reference table, so serializing any `import * as ns` object aborts
// unless the embedder lists them. libnode.so exports both.
namespace v8::internal {
class Accessors {
 public:
  static void ModuleNamespaceEntryGetter(v8::Local<v8::Name> name,
                                         const v8::PropertyCallbackInfo<v8::Value>& info);
  static void ModuleNamespaceEntrySetter(v8::Local<v8::Name> name, v8::Local<v8::Value> value,
                                         const v8::PropertyCallbackInfo<v8::Boolean>& info);
};
}  // namespace v8::internal

namespace toysnap {
namespace {

// Data of a settle function: [resolver, bound value].
void Settle(const v8::FunctionCallbackInfo<v8::Value>& info, SettleAs how) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Array> data = info.Data().As<v8::Array>();
  v8::Local<v8::Value> resolver, bound;
  if (!data->Get(context, 0).ToLocal(&resolver) || !data->Get(context, 1).ToLocal(&bound)) return;
  // Nothing only with an exception pending, which propagates to the caller.
  if (how == SettleAs::kResolveWithBound) {
    resolver.As<v8::Promise::Resolver>()->Resolve(context, bound).FromMaybe(false);
  } else {
    resolver.As<v8::Promise::Resolver>()->Reject(context, info[0]).FromMaybe(false);
  }
}

void ResolveWithBound(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Settle(info, SettleAs::kResolveWithBound);
}

void RejectWithArgument(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Settle(info, SettleAs::kRejectWithArgument);
}

// natives.loadScript(name): compiles and runs one of the extensions' lazy
// scripts (Extension::lazy_js) and returns its completion value. A script's
// exception propagates to the caller.
void LoadScript(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  IsolateData* data = IsolateData::From(isolate);
  v8::String::Utf8Value name(isolate, info[0]);
  const EmbeddedSource* script =
      data == nullptr || *name == nullptr ? nullptr : data->extensions().FindLazyScript(*name);
  if (script == nullptr) {
    ThrowError(isolate, ErrorKind::kError,
               absl::StrCat("no extension has a lazy script named ", *name ? *name : "?"));
    return;
  }
  std::string url = absl::StrCat("toysnap:internal/", script->name);
  v8::Local<v8::String> js_url, source;
  if (!NewStringOrThrow(isolate, url, "script name").ToLocal(&js_url) ||
      !NewStringOrThrow(isolate, script->source, url).ToLocal(&source)) {
    return;
  }
  v8::ScriptOrigin origin(isolate, js_url);
  v8::Local<v8::Script> compiled;
  v8::Local<v8::Value> result;
  if (!v8::Script::Compile(context, source, &origin).ToLocal(&compiled) ||
      !compiled->Run(context).ToLocal(&result)) {
    return;
  }
  info.GetReturnValue().Set(result);
}

constexpr NativeFunction kFunctions[] = {
    {"loadScript", LoadScript, 1},
};

// Callbacks the runtime creates functions for, not exposed to JS by name.
constexpr NativeFunction kInternalCallbacks[] = {
    {"resolveWithBound", ResolveWithBound, 1},
    {"rejectWithArgument", RejectWithArgument, 1},
};

// A `natives` property's value: the function, made at its first read
// (SetLazyDataProperty). Data: the extension's index in the registry << 16 |
// the function's index in it. Most natives serve scripts that load on demand
// (fs, net, crypto, zlib...), so a heap that never runs them keeps one small
// accessor per name instead of a template, its call handler, a shared
// function info and the function.
void MaterializeNative(v8::Local<v8::Name> property,
                       const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  IsolateData* data = IsolateData::From(isolate);
  uint32_t code = info.Data().As<v8::Uint32>()->Value();
  absl::Span<const Extension* const> extensions =
      data == nullptr ? absl::Span<const Extension* const>() : data->extensions().extensions();
  size_t e = code >> 16, f = code & 0xffff;
  if (e >= extensions.size() || f >= extensions[e]->functions.size()) {
    return ThrowError(isolate, ErrorKind::kError, "natives: no such function");
  }
  const NativeFunction& fn = extensions[e]->functions[f];
  v8::Local<v8::Value> fn_data;
  if (fn.data != nullptr) fn_data = v8::External::New(isolate, const_cast<void*>(fn.data));
  v8::Local<v8::Function> function;
  if (!v8::Function::New(isolate->GetCurrentContext(), fn.callback, fn_data, fn.length,
                         v8::ConstructorBehavior::kThrow)
           .ToLocal(&function)) {
    return;
  }
  function->SetName(property.As<v8::String>());
  info.GetReturnValue().Set(function);
}


}  // namespace

NativeHost* NativeHost::From(v8::Isolate* isolate) {
  IsolateData* data = IsolateData::From(isolate);
  return data == nullptr ? nullptr : data->host;
}

const Extension& CoreExtension() {
  static constexpr absl::string_view kJs[] = {"primordials.js", "engine.js"};
  static constexpr ExternalReference kReferences[] = {
      {"v8:ModuleNamespaceEntryGetter",
       reinterpret_cast<intptr_t>(v8::internal::Accessors::ModuleNamespaceEntryGetter)},
      {"v8:ModuleNamespaceEntrySetter",
       reinterpret_cast<intptr_t>(v8::internal::Accessors::ModuleNamespaceEntrySetter)},
      {"natives:materialize", reinterpret_cast<intptr_t>(MaterializeNative)},
  };
  static const Extension kCore{"core", 1, kFunctions, kInternalCallbacks, {}, kReferences, kJs};
  return kCore;
}

v8::MaybeLocal<v8::Function> NewSettleFunction(v8::Local<v8::Context> context,
                                               v8::Local<v8::Promise::Resolver> resolver,
                                               v8::Local<v8::Value> bound, SettleAs how) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Value> items[] = {resolver, bound};
  v8::Local<v8::Array> data = v8::Array::New(isolate, items, 2);
  v8::Local<v8::Function> function;
  if (!v8::Function::New(context,
                         how == SettleAs::kResolveWithBound ? ResolveWithBound : RejectWithArgument,
                         data, 1, v8::ConstructorBehavior::kThrow)
           .ToLocal(&function)) {
    return {};
  }
  return scope.Escape(function);
}

namespace {

// Sets each of `functions` on `target` by name.
bool AddFunctions(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
                  absl::Span<const NativeFunction> functions) {
  v8::Isolate* isolate = context->GetIsolate();
  for (const NativeFunction& fn : functions) {
    v8::Local<v8::Function> function;
    v8::Local<v8::String> name;
    v8::Local<v8::Value> data;
    if (fn.data != nullptr) data = v8::External::New(isolate, const_cast<void*>(fn.data));
    if (!v8::String::NewFromUtf8(isolate, fn.name).ToLocal(&name) ||
        !v8::Function::New(context, fn.callback, data, fn.length, v8::ConstructorBehavior::kThrow)
             .ToLocal(&function) ||
        target->Set(context, name, function).IsNothing()) {
      return false;
    }
    function->SetName(name);
  }
  return true;
}

}  // namespace

v8::MaybeLocal<v8::Object> NewNativesObject(v8::Local<v8::Context> context,
                                            const ExtensionRegistry& registry) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Object> natives = v8::Object::New(isolate);
  absl::Span<const Extension* const> extensions = registry.extensions();
  for (size_t e = 0; e < extensions.size(); ++e) {
    if (extensions[e]->host != nullptr) continue;  // NewHostNamespaces
    absl::Span<const NativeFunction> functions = extensions[e]->functions;
    if (e > 0xffff || functions.size() > 0xffff) return {};
    for (size_t f = 0; f < functions.size(); ++f) {
      v8::Local<v8::String> name;
      if (!v8::String::NewFromUtf8(isolate, functions[f].name).ToLocal(&name) ||
          natives
              ->SetLazyDataProperty(context, name, MaterializeNative,
                                    v8::Integer::NewFromUnsigned(
                                        isolate, static_cast<uint32_t>(e << 16 | f)))
              .IsNothing()) {
        return {};
      }
    }
  }
  return scope.Escape(natives);
}

absl::StatusOr<v8::Local<v8::Object>> NewHostNamespaces(v8::Local<v8::Context> context,
                                                        const ExtensionRegistry& registry) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Object> all = v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  for (const Extension* extension : registry.extensions()) {
    const HostBinding* host = extension->host;
    if (host == nullptr || !host->serves_namespace) continue;  // NewExtensionNatives
    v8::Local<v8::Object> ns = v8::Object::New(isolate);
    v8::Local<v8::String> name;
    if (!AddFunctions(context, ns, extension->functions) ||
        !v8::String::NewFromUtf8(isolate, extension->name).ToLocal(&name) ||
        all->Set(context, name, ns).IsNothing()) {
      return absl::InternalError(
          absl::StrCat("cannot create the functions of extension ", extension->name));
    }
    absl::Status classes = InstallNativeClasses(context, ns, extension->classes);
    if (!classes.ok()) return classes;
    if (host->global_name.empty()) continue;
    v8::Local<v8::String> global;
    if (!v8::String::NewFromUtf8(isolate, host->global_name.c_str()).ToLocal(&global) ||
        context->Global()->DefineOwnProperty(context, global, ns, v8::DontEnum).IsNothing()) {
      return absl::InternalError(absl::StrCat("cannot set globalThis.", host->global_name));
    }
  }
  return scope.Escape(all);
}

absl::StatusOr<v8::Local<v8::Object>> NewExtensionNatives(v8::Local<v8::Context> context,
                                                          const Extension& extension,
                                                          v8::Local<v8::Object> shared) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Object> own = v8::Object::New(isolate, shared, nullptr, nullptr, 0);
  if (!AddFunctions(context, own, extension.functions)) {
    return absl::InternalError(
        absl::StrCat("cannot create the functions of extension ", extension.name));
  }
  absl::Status classes = InstallNativeClasses(context, own, extension.classes);
  if (!classes.ok()) return classes;
  return scope.Escape(own);
}

}  // namespace toysnap
