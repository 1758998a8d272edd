// Native functions exposed to the runtime's bootstrap JavaScript.
#include "runtime/natives.h"

#include <time.h>

#include <string>
#include <vector>

#include "runtime/fs_natives.h"
#include "runtime/web/url.h"
#include "runtime/web_natives.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-primitive.h"
#include "v8-template.h"


namespace toysnap {
namespace {

constexpr uint32_t kHostSlot = 0;

// print(fd, text): fd 1 is stdout, 2 is stderr.
void Print(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (info.Length() < 2 || !info[0]->IsInt32() || !info[1]->IsString()) {
    isolate->ThrowException(v8::Exception::TypeError(v8::String::NewFromUtf8Literal(
        isolate, "print(fd, text) expects an integer and a string")));
    return;
  }
  int fd = info[0].As<v8::Int32>()->Value();
  v8::String::Utf8Value text(isolate, info[1]);
  if (NativeHost* host = NativeHost::From(isolate)) {
    host->Print(fd == 2 ? 2 : 1, absl::string_view(*text, text.length()));
  }
}

// exit(code): ends the program after the current JS frame unwinds.
void Exit(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int code = 0;
  if (info.Length() > 0 && info[0]->IsInt32()) code = info[0].As<v8::Int32>()->Value();
  if (NativeHost* host = NativeHost::From(isolate)) host->RequestExit(code);
}

// monotonicNow(): milliseconds on a monotonic clock, with sub-ms precision.
void MonotonicNow(const v8::FunctionCallbackInfo<v8::Value>& info) {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  info.GetReturnValue().Set(static_cast<double>(ts.tv_sec) * 1e3 +
                            static_cast<double>(ts.tv_nsec) / 1e6);
}

// promiseDetails(promise) -> [state, result]: V8's 0 pending, 1 fulfilled,
// 2 rejected; plain JS cannot see a promise's state, console.log needs it.
void PromiseDetails(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (info.Length() < 1 || !info[0]->IsPromise()) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Promise> promise = info[0].As<v8::Promise>();
  v8::Local<v8::Value> details[] = {
      v8::Integer::New(isolate, static_cast<int>(promise->State())),
      promise->State() == v8::Promise::kPending ? v8::Undefined(isolate).As<v8::Value>()
                                                : promise->Result()};
  info.GetReturnValue().Set(v8::Array::New(isolate, details, 2));
}

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

// Callbacks the runtime creates functions for, not exposed to JS by name.
constexpr NativeFunction kInternalCallbacks[] = {
    {"resolveWithBound", ResolveWithBound, 1},
    {"rejectWithArgument", RejectWithArgument, 1},
};

constexpr NativeFunction kNativeFunctions[] = {
    {"print", Print, 2},
    {"exit", Exit, 1},
    {"monotonicNow", MonotonicNow, 0},
    {"wallClockNow", WallClockNow, 0},
    {"atob", Atob, 2},
    {"btoa", Btoa, 2},
    {"structuredClone", StructuredClone, 3},
    {"getRandomValues", GetRandomValues, 2},
    {"randomUUID", RandomUuid, 0},
    {"readFile", ReadFileText, 1},
    {"readFileBytes", ReadFileBytes, 1},
    {"fileKind", FileKind, 1},
    {"realpath", RealPath, 1},
    {"cwd", Cwd, 0},
    {"compileCjs", CompileCjs, 2},
    {"promiseDetails", PromiseDetails, 1},
    // URL and URLSearchParams (runtime/js/url.js)
    {"urlParse", web::UrlParse, 2},
    {"urlCanParse", web::UrlCanParse, 2},
    {"urlUpdate", web::UrlUpdate, 3},
    {"urlencodedParse", web::UrlencodedParse, 1},
    {"urlencodedSerialize", web::UrlencodedSerialize, 1},
    {"domainToASCII", web::UrlDomainToAscii, 1},
    {"domainToUnicode", web::UrlDomainToUnicode, 1},
};

}  // namespace

NativeHost* NativeHost::From(v8::Isolate* isolate) {
  return static_cast<NativeHost*>(isolate->GetData(kHostSlot));
}

void NativeHost::Attach(v8::Isolate* isolate, NativeHost* host) {
  isolate->SetData(kHostSlot, host);
}

absl::Span<const NativeFunction> NativeFunctions() { return kNativeFunctions; }

absl::Span<const NativeFunction> InternalCallbacks() { return kInternalCallbacks; }

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

v8::MaybeLocal<v8::Object> NewNativesObject(v8::Local<v8::Context> context) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Object> natives = v8::Object::New(isolate);
  for (const NativeFunction& fn : kNativeFunctions) {
    v8::Local<v8::Function> function;
    v8::Local<v8::String> name;
    if (!v8::String::NewFromUtf8(isolate, fn.name).ToLocal(&name) ||
        !v8::Function::New(context, fn.callback, v8::Local<v8::Value>(), fn.length,
                           v8::ConstructorBehavior::kThrow)
             .ToLocal(&function) ||
        natives->Set(context, name, function).IsNothing()) {
      return {};
    }
    function->SetName(name);
  }
  return scope.Escape(natives);
}

}  // namespace toysnap
