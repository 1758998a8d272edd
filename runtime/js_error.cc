// JavaScript exceptions to absl::Status.
#include "runtime/js_error.h"

#include <vector>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "runtime/isolate_data.h"
#include "runtime/module_resolver.h"
#include "v8-message.h"
#include "v8-primitive.h"

namespace toysnap {
namespace {

constexpr char kPayloadUrl[] = "toysnap/js-error";

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  if (value.IsEmpty()) return "";
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 ? std::string(*utf8, utf8.length()) : "<unprintable value>";
}

std::string StackOrString(v8::Isolate* isolate, v8::Local<v8::Context> context,
                          v8::Local<v8::Value> exception) {
  if (exception->IsObject()) {
    v8::Local<v8::Value> stack;
    v8::TryCatch ignore(isolate);
    if (exception.As<v8::Object>()
            ->Get(context, v8::String::NewFromUtf8Literal(isolate, "stack"))
            .ToLocal(&stack) &&
        stack->IsString()) {
      return ToUtf8(isolate, stack);
    }
  }
  v8::TryCatch ignore(isolate);
  v8::Local<v8::String> text;
  if (exception->ToString(context).ToLocal(&text)) return ToUtf8(isolate, text);
  return "<exception that cannot be converted to a string>";
}

v8::Local<v8::Private> DescriberKey(v8::Isolate* isolate) {
  return v8::Private::ForApi(isolate, v8::String::NewFromUtf8Literal(isolate, "toysnap:describeError"));
}

// The error (or other object) as the context's describer shows it, or
// nullopt (no describer, not an object, a terminating isolate, or the
// describer failed).
std::optional<std::string> Described(v8::Isolate* isolate, v8::Local<v8::Context> context,
                                     v8::Local<v8::Value> exception) {
  if (!exception->IsObject() || isolate->IsExecutionTerminating()) return std::nullopt;
  v8::TryCatch ignore(isolate);
  v8::Local<v8::Value> describe;
  v8::Local<v8::Value> text;
  if (!context->Global()->GetPrivate(context, DescriberKey(isolate)).ToLocal(&describe) ||
      !describe->IsFunction() ||
      !describe.As<v8::Function>()->Call(context, v8::Undefined(isolate), 1, &exception)
           .ToLocal(&text) ||
      !text->IsString()) {
    return std::nullopt;
  }
  return ToUtf8(isolate, text);
}

// As Node underlines: marks only characters of the line, so an error at the
// end of the input (past the last character) gets no '^'.
std::string Caret(const std::string& source_line, int start, int end) {
  std::string caret;
  int size = static_cast<int>(source_line.size());
  for (int i = 0; i < start && i < size; ++i) {
    caret.push_back(source_line[i] == '\t' ? '\t' : ' ');
  }
  if (start < size) caret.append(std::min(std::max(1, end - start), size - start), '^');
  return caret;
}

// Fields joined by NUL: message, file, line, column, source_line, stack.
absl::Cord EncodePayload(const JsErrorInfo& info) {
  return absl::Cord(absl::StrCat(info.message, std::string(1, '\0'), info.file,
                                 std::string(1, '\0'), info.line, std::string(1, '\0'),
                                 info.column, std::string(1, '\0'), info.source_line,
                                 std::string(1, '\0'), info.stack));
}

}  // namespace

void SetErrorDescriber(v8::Local<v8::Context> context, v8::Local<v8::Function> describe) {
  v8::Isolate* isolate = context->GetIsolate();
  context->Global()->SetPrivate(context, DescriberKey(isolate), describe).IsJust();
}

std::string DisplayPath(const std::string& resource_name) {
  absl::StatusOr<std::string> path = FileUrlToPath(resource_name);
  return path.ok() ? *path : resource_name;
}

absl::Status JsErrorToStatus(v8::Isolate* isolate, v8::Local<v8::Context> context,
                             v8::Local<v8::Value> exception, v8::Local<v8::Message> message) {
  v8::HandleScope scope(isolate);
  IsolateData* data = IsolateData::From(isolate);
  if (data != nullptr && data->on_js_error) data->on_js_error(exception);
  if (message.IsEmpty()) message = v8::Exception::CreateMessage(isolate, exception);
  JsErrorInfo info;
  info.message = ToUtf8(isolate, message->Get());
  if (info.message.rfind("Uncaught", 0) != 0) info.message = "Uncaught " + info.message;
  // Code without a name (JSON.parse's input, a nameless script) is Node's
  // "<anonymous_script>", not "undefined".
  v8::Local<v8::Value> resource = message->GetScriptResourceName();
  bool named = !resource.IsEmpty() && !resource->IsNullOrUndefined();
  info.file = named ? DisplayPath(ToUtf8(isolate, resource)) : "<anonymous_script>";
  info.line = message->GetLineNumber(context).FromMaybe(0);
  info.column = message->GetStartColumn(context).FromMaybe(-1) + 1;
  v8::Local<v8::String> source_line;
  if (message->GetSourceLine(context).ToLocal(&source_line)) {
    info.source_line = ToUtf8(isolate, source_line);
  }
  info.stack = StackOrString(isolate, context, exception);

  bool stack_is_error = exception->IsNativeError() || info.stack.find("\n    at ") != std::string::npos;
  std::string text;
  if (info.line > 0) absl::StrAppend(&text, info.file, ":", info.line, ":", info.column, "\n");
  if (!info.source_line.empty()) {
    int start = message->GetStartColumn(context).FromMaybe(0);
    int end = message->GetEndColumn(context).FromMaybe(start + 1);
    absl::StrAppend(&text, info.source_line, "\n", Caret(info.source_line, start, end), "\n",
                    stack_is_error ? "\n" : "");
  }
  std::optional<std::string> described = Described(isolate, context, exception);
  if (stack_is_error) {
    absl::StrAppend(&text, described ? *described : info.stack);
  } else if (exception->IsObject()) {
    // A thrown value that is no error, as Node shows it right under the
    // caret: an object as util.inspect shows it, anything else as a string.
    absl::StrAppend(&text, described ? *described : info.message);
  } else {
    absl::StrAppend(&text, exception->IsSymbol() ? "" : info.stack,
                    "\n(Use `node --trace-uncaught ...` to show where the exception was thrown)");
  }

  absl::Status status = absl::AbortedError(text);
  status.SetPayload(kPayloadUrl, EncodePayload(info));
  return status;
}

absl::Status TryCatchToStatus(v8::Isolate* isolate, v8::Local<v8::Context> context,
                              const v8::TryCatch& try_catch) {
  if (try_catch.HasTerminated()) return absl::CancelledError(kTerminated);
  return JsErrorToStatus(isolate, context, try_catch.Exception(), try_catch.Message());
}

std::optional<JsErrorInfo> GetJsErrorInfo(const absl::Status& status) {
  auto payload = status.GetPayload(kPayloadUrl);
  if (!payload) return std::nullopt;
  std::vector<std::string> fields = absl::StrSplit(std::string(*payload), '\0');
  if (fields.size() != 6) return std::nullopt;
  JsErrorInfo info;
  info.message = fields[0];
  info.file = fields[1];
  if (!absl::SimpleAtoi(fields[2], &info.line) || !absl::SimpleAtoi(fields[3], &info.column)) {
    return std::nullopt;
  }
  info.source_line = fields[4];
  info.stack = fields[5];
  return info;
}

}  // namespace toysnap
