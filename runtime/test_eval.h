// Test helpers: what a script evaluates to, as text (JavaScript's String()).
#ifndef TOYSNAP_RUNTIME_TEST_EVAL_H_
#define TOYSNAP_RUNTIME_TEST_EVAL_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "runtime/runtime.h"
#include "snapshot/base/status_macros.h"
#include "v8-isolate.h"
#include "v8-primitive.h"

namespace toysnap {

inline std::string ValueText(Runtime& runtime, const v8::Global<v8::Value>& value) {
  v8::Isolate* isolate = runtime.isolate();
  v8::Isolate::Scope isolate_scope(isolate);
  v8::HandleScope handle_scope(isolate);
  v8::Context::Scope context_scope(runtime.context());
  v8::String::Utf8Value text(isolate, value.Get(isolate));
  return std::string(*text != nullptr ? *text : "");
}

// Runs `source` as a script named `name` and returns its value as text.
inline absl::StatusOr<std::string> EvalToString(Runtime& runtime, absl::string_view source,
                                                absl::string_view name = "eval.js") {
  ASSIGN_OR_RETURN(v8::Global<v8::Value> value, runtime.ExecuteScript(name, source));
  return ValueText(runtime, value);
}

// Like EvalToString, but waits for the value (a promise or not) to settle.
inline absl::StatusOr<std::string> AwaitToString(Runtime& runtime, absl::string_view source) {
  ASSIGN_OR_RETURN(v8::Global<v8::Value> promise, runtime.ExecuteScript("await.js", source));
  ASSIGN_OR_RETURN(v8::Global<v8::Value> value, runtime.ResolveValue(promise));
  return ValueText(runtime, value);
}

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_TEST_EVAL_H_
