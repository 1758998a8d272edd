// Natives of the vm extension. A vm.Script keeps its source and V8's code
// cache (plain JS data, so a snapshot may hold it); each run compiles it in
// the target context from that cache. A context made by createContext is a
// V8 context whose global object's named-property interceptors read and write
// the sandbox object, as Node's are.
#include "runtime/node/vm.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "runtime/native_util.h"
#include "v8-array-buffer.h"
#include "v8-container.h"
#include "v8-context.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-isolate.h"
#include "v8-primitive.h"
#include "v8-script.h"
#include "v8-template.h"
#include "v8-typed-array.h"

namespace toysnap::node {
namespace {

// ---- the sandbox as a context's globals -----------------------------------

constexpr int kSandboxSlot = 0;  // the vm context's embedder data: its sandbox

// The sandbox of the context whose global is the interceptor's holder
// (empty when there is none: the context is being made or snapshotted).
template <typename T>
v8::MaybeLocal<v8::Object> SandboxOf(const v8::PropertyCallbackInfo<T>& info,
                                     v8::Local<v8::Context>* sandbox_context) {
  v8::Local<v8::Context> context;
  if (!info.Holder()->GetCreationContext().ToLocal(&context) ||
      context->GetNumberOfEmbedderDataFields() <= kSandboxSlot) {
    return {};
  }
  v8::Local<v8::Value> sandbox = context->GetEmbedderData(kSandboxSlot);
  if (!sandbox->IsObject() ||
      !sandbox.As<v8::Object>()->GetCreationContext().ToLocal(sandbox_context)) {
    return {};
  }
  return sandbox.As<v8::Object>();
}

// A name the sandbox has (own or inherited) reads from it; others fall through
// to the context's own global (its built-ins).
void GlobalGetter(v8::Local<v8::Name> name, const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context).ToLocal(&sandbox)) return;
  v8::Local<v8::Value> value;
  if (sandbox->GetRealNamedProperty(context, name).ToLocal(&value)) {
    info.GetReturnValue().Set(value);
  }
}

void GlobalSetter(v8::Local<v8::Name> name, v8::Local<v8::Value> value,
                  const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context).ToLocal(&sandbox)) return;
  if (sandbox->Set(context, name, value).IsNothing()) return;
  info.GetReturnValue().Set(value);
}

void GlobalQuery(v8::Local<v8::Name> name, const v8::PropertyCallbackInfo<v8::Integer>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context).ToLocal(&sandbox)) return;
  if (sandbox->HasRealNamedProperty(context, name).FromMaybe(false)) {
    v8::Maybe<v8::PropertyAttribute> attributes =
        sandbox->GetRealNamedPropertyAttributes(context, name);
    info.GetReturnValue().Set(static_cast<int32_t>(attributes.FromMaybe(v8::None)));
  }
}

void GlobalDeleter(v8::Local<v8::Name> name, const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context).ToLocal(&sandbox)) return;
  if (!sandbox->HasRealNamedProperty(context, name).FromMaybe(false)) return;
  v8::Maybe<bool> deleted = sandbox->Delete(context, name);
  if (deleted.IsJust()) info.GetReturnValue().Set(deleted.FromJust());
}

void GlobalEnumerator(const v8::PropertyCallbackInfo<v8::Array>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  v8::Local<v8::Array> names;
  if (SandboxOf(info, &context).ToLocal(&sandbox) &&
      sandbox->GetOwnPropertyNames(context).ToLocal(&names)) {
    info.GetReturnValue().Set(names);
  }
}

// Declarations and Object.defineProperty(globalThis, ...) land on the sandbox.
void GlobalDefiner(v8::Local<v8::Name> name, const v8::PropertyDescriptor& descriptor,
                   const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context).ToLocal(&sandbox)) return;
  if (sandbox->DefineProperty(context, name, const_cast<v8::PropertyDescriptor&>(descriptor))
          .IsNothing()) {
    return;
  }
  info.GetReturnValue().Set(name);  // intercepted: the global itself gets nothing
}

}  // namespace

v8::MaybeLocal<v8::Context> NewVmContext(v8::Isolate* isolate) {
  v8::Local<v8::ObjectTemplate> global = v8::ObjectTemplate::New(isolate);
  global->SetHandler(v8::NamedPropertyHandlerConfiguration(
      GlobalGetter, GlobalSetter, GlobalQuery, GlobalDeleter, GlobalEnumerator, GlobalDefiner,
      /*descriptor=*/nullptr));
  v8::Local<v8::Context> context = v8::Context::New(isolate, nullptr, global);
  if (context.IsEmpty()) return {};
  context->SetEmbedderData(kSandboxSlot, v8::Undefined(isolate));
  return context;
}

namespace {

// vmCreateContext(sandbox) -> the new context's global proxy: from the
// snapshot's pristine context in a restored isolate, else a new one.
void CreateContext(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsObject()) return;
  v8::Local<v8::Context> context;
  if (!v8::Context::FromSnapshot(isolate, kVmContextSnapshotIndex).ToLocal(&context) &&
      !NewVmContext(isolate).ToLocal(&context)) {
    ThrowError(isolate, ErrorKind::kError, "vm: cannot create a context");
    return;
  }
  context->SetEmbedderData(kSandboxSlot, info[0]);
  info.GetReturnValue().Set(context->Global());
}

// ---- timeouts --------------------------------------------------------------

// Terminates the isolate's JavaScript if it still runs after `ms`.
class Watchdog {
 public:
  Watchdog(v8::Isolate* isolate, double ms) : isolate_(isolate) {
    if (ms <= 0) return;
    thread_ = std::thread([this, ms] {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!done_cv_.wait_for(lock, std::chrono::duration<double, std::milli>(ms),
                             [this] { return done_; })) {
        fired_ = true;
        isolate_->TerminateExecution();
      }
    });
  }
  ~Watchdog() { Stop(); }
  // True when the watchdog terminated the script.
  bool Stop() {
    if (thread_.joinable()) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        done_ = true;
      }
      done_cv_.notify_all();
      thread_.join();
    }
    return fired_;
  }

 private:
  v8::Isolate* isolate_;  // not owned
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;          // guarded by mutex_
  std::atomic<bool> fired_{false};
  std::thread thread_;
};

// ---- scripts -----------------------------------------------------------------

struct ScriptArgs {
  v8::Local<v8::String> code;
  v8::Local<v8::String> filename;
  int line = 0;
  int column = 0;
  v8::Local<v8::Value> cache;  // a Uint8Array of V8's code cache, or undefined
};

bool ReadScriptArgs(const v8::FunctionCallbackInfo<v8::Value>& info, ScriptArgs* args) {
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  if (!info[0]->IsString() || !info[1]->IsString()) return false;
  args->code = info[0].As<v8::String>();
  args->filename = info[1].As<v8::String>();
  args->line = info[2]->Int32Value(context).FromMaybe(0);
  args->column = info[3]->Int32Value(context).FromMaybe(0);
  args->cache = info[4];
  return true;
}

v8::ScriptOrigin Origin(v8::Isolate* isolate, const ScriptArgs& args) {
  return v8::ScriptOrigin(isolate, args.filename, args.line, args.column);
}

// A compile source, with the code cache when there is one (the Source owns a copy).
std::unique_ptr<v8::ScriptCompiler::Source> MakeSource(v8::Isolate* isolate,
                                                       const ScriptArgs& args) {
  v8::ScriptOrigin origin = Origin(isolate, args);
  if (args.cache->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = args.cache.As<v8::ArrayBufferView>();
    size_t size = view->ByteLength();
    auto* bytes = new uint8_t[size];
    view->CopyContents(bytes, size);
    auto* cached = new v8::ScriptCompiler::CachedData(
        bytes, static_cast<int>(size), v8::ScriptCompiler::CachedData::BufferOwned);
    return std::make_unique<v8::ScriptCompiler::Source>(args.code, origin, cached);
  }
  return std::make_unique<v8::ScriptCompiler::Source>(args.code, origin);
}

v8::Local<v8::Value> Bytes(v8::Isolate* isolate, const uint8_t* data, size_t size) {
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, size);
  if (size > 0) std::memcpy(store->Data(), data, size);
  return v8::Uint8Array::New(v8::ArrayBuffer::New(isolate, std::move(store)), 0, size);
}

// vmCompile(code, filename, line, column, cache) -> [code cache, cache rejected].
// Compiles in the current context (a SyntaxError is thrown here, as Node's
// Script constructor throws it).
void Compile(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  ScriptArgs args;
  if (!ReadScriptArgs(info, &args)) return;
  std::unique_ptr<v8::ScriptCompiler::Source> source = MakeSource(isolate, args);
  bool consume = args.cache->IsArrayBufferView();
  v8::Local<v8::UnboundScript> script;
  if (!v8::ScriptCompiler::CompileUnboundScript(
           isolate, source.get(),
           consume ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions)
           .ToLocal(&script)) {
    return;
  }
  bool rejected = consume && source->GetCachedData() != nullptr && source->GetCachedData()->rejected;
  std::unique_ptr<v8::ScriptCompiler::CachedData> cache(v8::ScriptCompiler::CreateCodeCache(script));
  v8::Local<v8::Value> result[] = {
      cache ? Bytes(isolate, cache->data, static_cast<size_t>(cache->length))
            : v8::Local<v8::Value>(v8::Undefined(isolate)),
      v8::Boolean::New(isolate, rejected)};
  info.GetReturnValue().Set(v8::Array::New(isolate, result, 2));
}

// vmRun(code, filename, line, column, cache, global or null, timeout ms) ->
// the completion value, run in the context of `global` (or the current one).
void Run(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  ScriptArgs args;
  if (!ReadScriptArgs(info, &args)) return;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (info[5]->IsObject() && !info[5].As<v8::Object>()->GetCreationContext().ToLocal(&context)) {
    return;
  }
  double timeout = info[6]->NumberValue(isolate->GetCurrentContext()).FromMaybe(0);
  v8::Context::Scope scope(context);
  std::unique_ptr<v8::ScriptCompiler::Source> source = MakeSource(isolate, args);
  v8::Local<v8::Script> script;
  if (!v8::ScriptCompiler::Compile(context, source.get(),
                                   args.cache->IsArrayBufferView()
                                       ? v8::ScriptCompiler::kConsumeCodeCache
                                       : v8::ScriptCompiler::kNoCompileOptions)
           .ToLocal(&script)) {
    return;
  }
  v8::TryCatch try_catch(isolate);
  Watchdog watchdog(isolate, timeout);
  v8::MaybeLocal<v8::Value> result = script->Run(context);
  bool timed_out = watchdog.Stop();
  v8::Local<v8::Value> value;
  if (result.ToLocal(&value)) {
    info.GetReturnValue().Set(value);
    return;
  }
  if (timed_out && try_catch.HasTerminated()) {
    isolate->CancelTerminateExecution();
    ThrowError(isolate, ErrorKind::kError,
               absl::StrCat("Script execution timed out after ", static_cast<int64_t>(timeout), "ms"),
               "ERR_SCRIPT_EXECUTION_TIMEOUT");
  }
  try_catch.ReThrow();  // what it caught: the script's exception, or the timeout's
}

// vmCompileFunction(code, filename, line, column, params, extensions, global or null)
void CompileFunction(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  ScriptArgs args;
  if (!ReadScriptArgs(info, &args) || !info[5]->IsArray() || !info[6]->IsArray()) return;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (info[7]->IsObject() && !info[7].As<v8::Object>()->GetCreationContext().ToLocal(&context)) {
    return;
  }
  std::vector<v8::Local<v8::String>> params;
  std::vector<v8::Local<v8::Object>> extensions;
  v8::Local<v8::Array> list = info[5].As<v8::Array>();
  for (uint32_t i = 0; i < list->Length(); ++i) {
    v8::Local<v8::Value> param;
    if (!list->Get(context, i).ToLocal(&param) || !param->IsString()) return;
    params.push_back(param.As<v8::String>());
  }
  list = info[6].As<v8::Array>();
  for (uint32_t i = 0; i < list->Length(); ++i) {
    v8::Local<v8::Value> extension;
    if (!list->Get(context, i).ToLocal(&extension) || !extension->IsObject()) return;
    extensions.push_back(extension.As<v8::Object>());
  }
  v8::Context::Scope scope(context);
  std::unique_ptr<v8::ScriptCompiler::Source> source = MakeSource(isolate, args);
  v8::Local<v8::Function> function;
  if (!v8::ScriptCompiler::CompileFunctionInContext(
           context, source.get(), params.size(), params.data(), extensions.size(),
           extensions.data(),
           args.cache->IsArrayBufferView() ? v8::ScriptCompiler::kConsumeCodeCache
                                           : v8::ScriptCompiler::kNoCompileOptions)
           .ToLocal(&function)) {
    return;
  }
  info.GetReturnValue().Set(function);
}

constexpr NativeFunction kFunctions[] = {
    {"vmCreateContext", CreateContext, 1},
    {"vmCompile", Compile, 5},
    {"vmRun", Run, 7},
    {"vmCompileFunction", CompileFunction, 8},
};
constexpr ExternalReference kReferences[] = {
    {"vmGlobalGetter", reinterpret_cast<intptr_t>(GlobalGetter)},
    {"vmGlobalSetter", reinterpret_cast<intptr_t>(GlobalSetter)},
    {"vmGlobalQuery", reinterpret_cast<intptr_t>(GlobalQuery)},
    {"vmGlobalDeleter", reinterpret_cast<intptr_t>(GlobalDeleter)},
    {"vmGlobalEnumerator", reinterpret_cast<intptr_t>(GlobalEnumerator)},
    {"vmGlobalDefiner", reinterpret_cast<intptr_t>(GlobalDefiner)},
};
constexpr absl::string_view kJs[] = {"vm_builtin.js"};
constexpr absl::string_view kLazyJs[] = {"vm.js"};

}  // namespace

const Extension& VmExtension() {
  static const Extension kExtension{"vm", 1, kFunctions, {}, {}, kReferences, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
