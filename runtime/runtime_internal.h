// What Runtime's implementation files share (runtime.cc, runtime_execution.cc,
// runtime_snapshot.cc). Private to Runtime: include it from those files only.
#ifndef TOYSNAP_RUNTIME_RUNTIME_INTERNAL_H_
#define TOYSNAP_RUNTIME_RUNTIME_INTERNAL_H_

#include "runtime/runtime.h"
#include "v8-context.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-message.h"

namespace toysnap::runtime_internal {

// Isolate::Scope + HandleScope + Context::Scope, in V8's required order.
class ContextScope {
 public:
  explicit ContextScope(const Runtime& runtime)
      : isolate_scope_(runtime.isolate()),
        handle_scope_(runtime.isolate()),
        context_(runtime.context()),
        context_scope_(context_) {}
  v8::Local<v8::Context> context() const { return context_; }

 private:
  v8::Isolate::Scope isolate_scope_;
  v8::HandleScope handle_scope_;
  v8::Local<v8::Context> context_;
  v8::Context::Scope context_scope_;
};

// The isolate's message listener: uncaught errors go to the runtime's loop.
// Installed at creation, removed before a snapshot is written.
void OnMessage(v8::Local<v8::Message> message, v8::Local<v8::Value> error);

}  // namespace toysnap::runtime_internal

#endif  // TOYSNAP_RUNTIME_RUNTIME_INTERNAL_H_
