// Runtime, running code: scripts, ES modules and the entry's main(), awaiting
// values, the event loop until exit, and stdout/stderr.
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "runtime/js_error.h"
#include "runtime/module_resolver.h"
#include "runtime/runtime.h"
#include "runtime/runtime_internal.h"
#include "runtime/v8_strings.h"
#include "snapshot/base/status_macros.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-primitive.h"
#include "v8-promise.h"
#include "v8-script.h"

namespace toysnap {

using runtime_internal::ContextScope;

absl::StatusOr<v8::Global<v8::Value>> Runtime::ExecuteScript(absl::string_view name,
                                                             absl::string_view source) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  ASSIGN_OR_RETURN(v8::Local<v8::String> script_name, NewStringOr(isolate_, name, "script name"));
  v8::Local<v8::String> script_source;
  if (!NewString(isolate_, source).ToLocal(&script_source)) {
    return StringTooLongError(absl::StrCat("source of ", name), source.size());
  }
  v8::TryCatch try_catch(isolate_);
  v8::ScriptOrigin origin(isolate_, script_name);
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (!v8::Script::Compile(scope.context(), script_source, &origin).ToLocal(&script) ||
      !script->Run(scope.context()).ToLocal(&result)) {
    return StatusFromTryCatch(try_catch);
  }
  if (result->IsPromise()) loop_->MarkHandled(result.As<v8::Promise>());
  RETURN_IF_ERROR(Explain(loop_->RunMicrotasks(scope.context())));
  return v8::Global<v8::Value>(isolate_, result);
}

namespace {

// V8 10.2's messages for module syntax compiled as a script.
constexpr absl::string_view kModuleOnlySyntax[] = {
    "Cannot use import statement outside a module",
    "Unexpected token 'export'",
    "Cannot use 'import.meta' outside a module",
};
// A script's messages for top-level await (and `for await`, V8 10.2's
// "Unexpected reserved word"), which a module may allow.
constexpr absl::string_view kScriptOnlyErrors[] = {
    "await is only valid in async functions and the top level bodies of modules",
    "Unexpected reserved word",
};

// The message of the SyntaxError compiling `source` raises, as a classic
// script or as a module ("" when it compiles).
std::string CompileError(v8::Isolate* isolate, v8::Local<v8::Context> context,
                         v8::Local<v8::String> source, bool as_module) {
  v8::TryCatch try_catch(isolate);
  v8::ScriptOrigin origin(isolate, v8::String::NewFromUtf8Literal(isolate, "[eval]"), 0, 0, false,
                          -1, v8::Local<v8::Value>(), false, false, as_module);
  v8::ScriptCompiler::Source compiled(source, origin);
  bool ok = as_module ? !v8::ScriptCompiler::CompileModule(isolate, &compiled).IsEmpty()
                      : !v8::ScriptCompiler::Compile(context, &compiled).IsEmpty();
  if (ok) return "";
  v8::Local<v8::Message> message = try_catch.Message();
  if (message.IsEmpty()) return "?";
  v8::String::Utf8Value text(isolate, message->Get());
  return *text != nullptr ? std::string(*text, text.length()) : "?";
}

bool Mentions(absl::string_view message, absl::Span<const absl::string_view> list) {
  for (absl::string_view known : list) {
    if (absl::StrContains(message, known)) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<bool> Runtime::HasModuleSyntax(absl::string_view source) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::String> text;
  if (!NewString(isolate_, source).ToLocal(&text)) {
    return StringTooLongError("code to evaluate", source.size());
  }
  std::string error = CompileError(isolate_, scope.context(), text, /*as_module=*/false);
  if (error.empty()) return false;
  if (Mentions(error, kModuleOnlySyntax)) return true;
  return Mentions(error, kScriptOnlyErrors) &&
         CompileError(isolate_, scope.context(), text, /*as_module=*/true).empty();
}

absl::StatusOr<std::string> Runtime::LoadModule(absl::string_view path,
                                                std::optional<std::string> source) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  // The embedder's loader may claim the path ("mem:/app/main.js").
  std::optional<ResolvedModule> custom;
  if (options_.module_loader != nullptr && !source) {
    ASSIGN_OR_RETURN(std::string cwd, AbsolutePath("[main]"));
    ASSIGN_OR_RETURN(custom, modules_->ResolveCustom(std::string(path), PathToFileUrl(cwd)));
  }
  std::string url(path);
  if (custom) {
    url = custom->url;
  } else if (FileUrlToPath(path).status().ok() == false) {
    ASSIGN_OR_RETURN(std::string absolute, AbsolutePath(path));
    url = PathToFileUrl(options_.path_map.ToRecorded(absolute));
  }
  ResolvedModule root = custom ? *custom : ResolvedModule{url, ModuleFormat::kModule};
  ASSIGN_OR_RETURN(v8::Local<v8::Module> module, modules_->LoadGraph(scope.context(), root, source));
  (void)module;
  return url;
}

absl::StatusOr<std::string> Runtime::LoadMainModule(absl::string_view path,
                                                    std::optional<std::string> source) {
  if (!main_url_.empty()) return absl::FailedPreconditionError("a main module is already loaded");
  ASSIGN_OR_RETURN(main_url_, LoadModule(path, std::move(source)));
  return main_url_;
}

absl::StatusOr<std::string> Runtime::LoadSideModule(absl::string_view path,
                                                    std::optional<std::string> source) {
  return LoadModule(path, std::move(source));
}

absl::Status Runtime::EvaluateModule(absl::string_view url) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::Module> module;
  if (!modules_->Find(std::string(url)).ToLocal(&module)) {
    return absl::NotFoundError(absl::StrCat("module not loaded: ", url));
  }
  // V8 aborts the process on Evaluate() of a module it has not instantiated or
  // whose body is already running.
  v8::Module::Status status = module->GetStatus();
  if (status != v8::Module::kInstantiated && status != v8::Module::kEvaluated &&
      status != v8::Module::kErrored) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot evaluate ", DisplayPath(std::string(url)),
        status == v8::Module::kEvaluating ? ": it is being evaluated" : ": it is not instantiated"));
  }
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  if (!module->Evaluate(scope.context()).ToLocal(&result)) return StatusFromTryCatch(try_catch);
  // Its rejection is what the module threw, an uncaught exception (reported
  // below), not a promise no one handled.
  if (result->IsPromise()) loop_->MarkHandled(result.As<v8::Promise>());
  RETURN_IF_ERROR(Explain(loop_->RunMicrotasks(scope.context(), /*promises_first=*/true)));
  if (result->IsPromise()) {
    v8::Local<v8::Promise> promise = result.As<v8::Promise>();
    absl::Status settled = Explain(loop_->RunUntilSettled(scope.context(), promise));
    if (absl::IsFailedPrecondition(settled)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "top-level await in ", DisplayPath(std::string(url)),
          " never finished: it awaits a promise that nothing is left to settle"));
    }
    RETURN_IF_ERROR(settled);
    if (promise->State() == v8::Promise::kRejected) {
      return JsErrorToStatus(isolate_, scope.context(), promise->Result(), {});
    }
  }
  return Explain(loop_->RunMicrotasks(scope.context()));
}

v8::MaybeLocal<v8::Function> Runtime::MainExportedFunction(const char* name) {
  v8::Local<v8::Module> module;
  if (main_url_.empty() || !modules_->Find(main_url_).ToLocal(&module) ||
      module->GetStatus() != v8::Module::kEvaluated) {
    return {};
  }
  v8::Local<v8::Value> value;
  v8::Local<v8::String> key;
  if (!v8::String::NewFromUtf8(isolate_, name).ToLocal(&key) ||
      !module->GetModuleNamespace().As<v8::Object>()->Get(context(), key).ToLocal(&value) ||
      !value->IsFunction()) {
    return {};
  }
  return value.As<v8::Function>();
}

bool Runtime::MainHasMainExport() {
  ContextScope scope(*this);
  return !MainExportedFunction("main").IsEmpty();
}

absl::StatusOr<bool> Runtime::CallWarmUp() {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::Function> warmup;
  if (!MainExportedFunction("warmup").ToLocal(&warmup)) return false;
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  if (!warmup->Call(scope.context(), v8::Undefined(isolate_), 0, nullptr).ToLocal(&result)) {
    return StatusFromTryCatch(try_catch);
  }
  RETURN_IF_ERROR(AwaitLocal(result).status());
  return true;
}

absl::StatusOr<v8::Local<v8::Value>> Runtime::AwaitLocal(v8::Local<v8::Value> value) {
  if (!value->IsPromise()) return value;
  v8::Local<v8::Promise> promise = value.As<v8::Promise>();
  RETURN_IF_ERROR(Explain(loop_->RunUntilSettled(context(), promise)));
  if (promise->State() == v8::Promise::kRejected) {
    // Handled here, so the loop must not also report it as unhandled.
    promise->MarkAsHandled();
    return JsErrorToStatus(isolate_, context(), promise->Result(), {});
  }
  return promise->Result();
}

absl::Status Runtime::SetArgs(const std::vector<std::string>& args,
                              absl::string_view entry_path_text) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::Array> js_args;
  return PassArgs(scope.context(), args, entry_path_text, &js_args);
}

absl::Status Runtime::PassArgs(v8::Local<v8::Context> context, const std::vector<std::string>& args,
                               absl::string_view entry_path_text, v8::Local<v8::Array>* out) {
  v8::Local<v8::Array> js_args = v8::Array::New(isolate_, static_cast<int>(args.size()));
  for (size_t i = 0; i < args.size(); ++i) {
    v8::Local<v8::String> arg;
    if (!NewString(isolate_, args[i]).ToLocal(&arg)) {
      return StringTooLongError(absl::StrCat("argument ", i + 1, " of main"), args[i].size());
    }
    v8::TryCatch try_catch(isolate_);
    if (js_args->Set(context, static_cast<uint32_t>(i), arg).IsNothing()) {
      return StatusFromTryCatch(try_catch);
    }
  }
  ASSIGN_OR_RETURN(v8::Local<v8::String> exec_path,
                   NewStringOr(isolate_, options_.exec_path, "exec path (process.argv[0])"));
  ASSIGN_OR_RETURN(v8::Local<v8::String> entry_path,
                   NewStringOr(isolate_, std::string(entry_path_text), "main module path"));
  v8::Local<v8::Array> exec_argv =
      v8::Array::New(isolate_, static_cast<int>(options_.exec_argv.size()));
  for (size_t i = 0; i < options_.exec_argv.size(); ++i) {
    ASSIGN_OR_RETURN(v8::Local<v8::String> arg,
                     NewStringOr(isolate_, options_.exec_argv[i], "process.execArgv entry"));
    v8::TryCatch try_catch(isolate_);
    if (exec_argv->Set(context, static_cast<uint32_t>(i), arg).IsNothing()) {
      return StatusFromTryCatch(try_catch);
    }
  }
  *out = js_args;
  return CallInternal("setArgs", {js_args, exec_path, entry_path, exec_argv});
}

absl::Status Runtime::CallMain(const std::vector<std::string>& args) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::Context> context = scope.context();
  v8::Local<v8::Array> js_args;
  RETURN_IF_ERROR(
      PassArgs(context, args, main_url_.empty() ? "" : DisplayPath(main_url_), &js_args));
  if (main_url_.empty() || modules_->Find(main_url_).IsEmpty()) {
    return absl::FailedPreconditionError("no main module is loaded");
  }

  v8::Local<v8::Function> main;
  if (!MainExportedFunction("main").ToLocal(&main)) {
    return absl::NotFoundError(
        absl::StrCat(DisplayPath(main_url_), " does not export a function named main"));
  }
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  v8::Local<v8::Value> argv[] = {js_args};
  if (!main->Call(context, v8::Undefined(isolate_), 1, argv).ToLocal(&result)) {
    return StatusFromTryCatch(try_catch);
  }
  ASSIGN_OR_RETURN(v8::Local<v8::Value> settled, AwaitLocal(result));
  (void)settled;
  return absl::OkStatus();
}

absl::StatusOr<bool> Runtime::PollEventLoop() {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  absl::StatusOr<bool> pending = loop_->Poll(scope.context());
  if (!pending.ok()) return Explain(pending.status());
  return pending;
}

absl::Status Runtime::RunEventLoop(LoopMode mode) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  return Explain(loop_->Run(scope.context(), mode));
}

absl::Status Runtime::RunUntilExit() {
  RETURN_IF_ERROR(RunEventLoop());
  while (true) {
    bool alive = false;
    {
      ContextScope scope(*this);
      v8::Local<v8::Value> emitted;
      RETURN_IF_ERROR(CallInternal("emitBeforeExit", {}, &emitted));
      if (!emitted->IsTrue()) break;
      // Whether the listeners added work; nothing of it runs yet, so the
      // loop's end emits 'beforeExit' again, as Node's does.
      absl::StatusOr<bool> still = loop_->Alive(scope.context());
      if (!still.ok()) return Explain(still.status());
      alive = *still;
    }
    if (!alive) break;
    RETURN_IF_ERROR(RunEventLoop());
  }
  ContextScope scope(*this);
  return CallInternal("emitProcessExit", {v8::Integer::New(isolate_, RequestedExitCode())});
}

std::vector<std::string> Runtime::DescribePendingWork() {
  if (!CheckUsable().ok()) return {};
  ContextScope scope(*this);
  return loop_->DescribePending(scope.context());
}

absl::StatusOr<v8::Global<v8::Value>> Runtime::ResolveValue(const v8::Global<v8::Value>& value) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  ASSIGN_OR_RETURN(v8::Local<v8::Value> settled, AwaitLocal(value.Get(isolate_)));
  return v8::Global<v8::Value>(isolate_, settled);
}

absl::StatusOr<v8::Global<v8::Value>> Runtime::CallFunction(
    const v8::Global<v8::Function>& function, const std::vector<v8::Global<v8::Value>>& args) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  std::vector<v8::Local<v8::Value>> locals;
  for (const v8::Global<v8::Value>& arg : args) locals.push_back(arg.Get(isolate_));
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  if (!function.Get(isolate_)
           ->Call(scope.context(), v8::Undefined(isolate_), static_cast<int>(locals.size()),
                  locals.data())
           .ToLocal(&result)) {
    return StatusFromTryCatch(try_catch);
  }
  if (result->IsPromise()) loop_->MarkHandled(result.As<v8::Promise>());
  RETURN_IF_ERROR(Explain(loop_->RunMicrotasks(scope.context())));
  return v8::Global<v8::Value>(isolate_, result);
}

absl::Status Runtime::CallStartHook(absl::string_view name) {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  v8::Local<v8::Value> result;
  RETURN_IF_ERROR(CallInternal(name, {}, &result));
  if (result->IsPromise()) loop_->MarkHandled(result.As<v8::Promise>());
  return AwaitLocal(result).status();
}

void Runtime::InContext(const std::function<void(v8::Local<v8::Context>)>& work) {
  ContextScope scope(*this);
  work(scope.context());
}

int Runtime::RequestedExitCode() {
  if (exit_code_) return *exit_code_;
  ContextScope scope(*this);
  v8::Local<v8::Value> code;
  if (!CallInternal("getExitCode", {}, &code).ok() || !code->IsInt32()) return 0;
  return code.As<v8::Int32>()->Value();
}

void Runtime::Print(int fd, absl::string_view text) {
  if (!options_.console) return;
  while (!text.empty()) {
    ssize_t written = write(fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    // A non-blocking descriptor (libuv makes the stdio pipes it opens so, and
    // a parent may hand one over) that is full: wait until it takes more.
    if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd wait = {fd, POLLOUT, 0};
      if (poll(&wait, 1, -1) < 0 && errno != EINTR) return;
      continue;
    }
    if (written <= 0) return;  // a closed pipe is not the program's error
    text.remove_prefix(static_cast<size_t>(written));
  }
}

void Runtime::RequestExit(int code) {
  if (!exit_code_) exit_code_ = code;
  isolate_->TerminateExecution();
}

}  // namespace toysnap
