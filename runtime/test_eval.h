// Test helpers: what a script evaluates to, as text (JavaScript's String()),
// and runtimes whose main module ran fresh or at a snapshot's build time.
#ifndef TOYSNAP_RUNTIME_TEST_EVAL_H_
#define TOYSNAP_RUNTIME_TEST_EVAL_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/v8_test_environment.h"
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
inline absl::StatusOr<std::string> AwaitToString(Runtime& runtime, absl::string_view source,
                                                 absl::string_view name = "await.js") {
  ASSIGN_OR_RETURN(v8::Global<v8::Value> promise, runtime.ExecuteScript(name, source));
  ASSIGN_OR_RETURN(v8::Global<v8::Value> value, runtime.ResolveValue(promise));
  return ValueText(runtime, value);
}

// Like AwaitToString, with a failure as "error: <message>" (for EXPECT_EQ).
inline std::string AwaitOrError(Runtime& runtime, absl::string_view source,
                                absl::string_view name = "await.js") {
  absl::StatusOr<std::string> text = AwaitToString(runtime, source, name);
  return text.ok() ? *text : absl::StrCat("error: ", text.status().message());
}

// Where a test's module runs: in a fresh runtime, or at build time in a
// snapshot the runtime is then restored from.
enum class RuntimeMode { kFresh, kRestored };

inline std::string RuntimeModeName(RuntimeMode mode) {
  return mode == RuntimeMode::kFresh ? "Fresh" : "Restored";
}

// A runtime (on TestV8()) whose main module `source`, at `path`, has run as
// `mode` says.
inline absl::StatusOr<std::unique_ptr<Runtime>> RuntimeWithModule(RuntimeMode mode,
                                                                  const RuntimeOptions& options,
                                                                  absl::string_view path,
                                                                  absl::string_view source) {
  if (mode == RuntimeMode::kFresh) {
    ASSIGN_OR_RETURN(std::unique_ptr<Runtime> runtime, Runtime::Create(TestV8(), options));
    ASSIGN_OR_RETURN(std::string url, runtime->LoadMainModule(path, std::string(source)));
    RETURN_IF_ERROR(runtime->EvaluateModule(url));
    return runtime;
  }
  ASSIGN_OR_RETURN(InMemorySnapshot snapshot,
                   BuildInMemorySnapshotOfModule(TestV8(), options, std::string(path),
                                                 std::string(source)));
  return Runtime::CreateFromSnapshot(TestV8(), snapshot.blob, snapshot.metadata, options);
}

// RuntimeWithModule for a test fixture: the runtime, or null after a test
// failure that names the reason.
inline std::unique_ptr<Runtime> RuntimeWithModuleOrFail(RuntimeMode mode,
                                                        const RuntimeOptions& options,
                                                        absl::string_view path,
                                                        absl::string_view source) {
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = RuntimeWithModule(mode, options, path, source);
  EXPECT_TRUE(runtime.ok()) << runtime.status();
  return runtime.ok() ? std::move(*runtime) : nullptr;
}

// Options of a test's runtime whose console prints nothing.
inline RuntimeOptions QuietRuntimeOptions() {
  RuntimeOptions options;
  options.console = false;
  return options;
}

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_TEST_EVAL_H_
