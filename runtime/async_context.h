// The async context: what AsyncLocalStorage stores see, carried as V8's
// continuation-preserved embedder data, which V8 itself saves on every promise
// reaction (then, await) and restores when it runs. Callbacks the runtime calls
// later (libuv completions, timers, immediates, ticks) carry it the same way:
// natives keep a JS callback as an AsyncCallback, which captures the context
// when it is set and restores it around the call. Include this in natives that
// keep a JS function to call from the event loop.
#ifndef TOYSNAP_RUNTIME_ASYNC_CONTEXT_H_
#define TOYSNAP_RUNTIME_ASYNC_CONTEXT_H_

#include "v8-context.h"
#include "v8-function.h"
#include "v8-isolate.h"
#include "v8-persistent-handle.h"

namespace toysnap {

// Makes `frame` the current async context until destroyed, then restores
// the previous one. Stack only.
class AsyncContextScope {
 public:
  AsyncContextScope(v8::Local<v8::Context> context, v8::Local<v8::Value> frame);
  ~AsyncContextScope();
  AsyncContextScope(const AsyncContextScope&) = delete;
  AsyncContextScope& operator=(const AsyncContextScope&) = delete;

 private:
  v8::Local<v8::Context> context_;
  v8::Local<v8::Value> previous_;
};

// The async context current when Capture() ran, for a later
// AsyncContextScope (for natives that call a property of an object back,
// not a kept function).
class SavedAsyncContext {
 public:
  void Capture(v8::Isolate* isolate);
  void Reset() { frame_.Reset(); }  // the root context
  void CopyFrom(v8::Isolate* isolate, const SavedAsyncContext& other);
  v8::Local<v8::Value> Get(v8::Isolate* isolate) const;

 private:
  v8::Global<v8::Value> frame_;  // empty: the root context (no store)
};

// A JS function kept for a later call, with the async context current when
// it was kept.
class AsyncCallback {
 public:
  AsyncCallback() = default;
  AsyncCallback(v8::Isolate* isolate, v8::Local<v8::Function> function) {
    Reset(isolate, function);
  }
  AsyncCallback(AsyncCallback&&) = default;
  AsyncCallback& operator=(AsyncCallback&&) = default;

  void Reset(v8::Isolate* isolate, v8::Local<v8::Function> function);
  // Kept with `context` instead of the current one (a handle's callbacks run
  // in the context the handle was made in).
  void Reset(v8::Isolate* isolate, v8::Local<v8::Function> function,
             const SavedAsyncContext& context);
  void Reset();
  bool IsEmpty() const { return function_.IsEmpty(); }
  v8::Local<v8::Function> Get(v8::Isolate* isolate) const { return function_.Get(isolate); }
  // Calls the function inside the kept async context.
  v8::MaybeLocal<v8::Value> Call(v8::Local<v8::Context> context, v8::Local<v8::Value> receiver,
                                 int argc, v8::Local<v8::Value> argv[]) const;

 private:
  v8::Global<v8::Function> function_;
  SavedAsyncContext frame_;
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_ASYNC_CONTEXT_H_
