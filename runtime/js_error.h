// The one edge where a JavaScript exception becomes an absl::Status, keeping the
// message, the user's file:line:column and the stack. Included across runtime/.
#ifndef TOYSNAP_RUNTIME_JS_ERROR_H_
#define TOYSNAP_RUNTIME_JS_ERROR_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "v8-context.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-isolate.h"

namespace toysnap {

struct JsErrorInfo {
  std::string message;      // e.g. "Uncaught TypeError: x is not a function"
  std::string file;         // path (file: URLs are turned back into paths) or name
  int line = 0;             // 1-based; 0 when unknown
  int column = 0;           // 1-based; 0 when unknown
  std::string source_line;  // the offending line of source, when known
  std::string stack;        // the error's stack, or its string form
};

// Builds a Status (code kAborted) whose message reads like Node's report of an
// uncaught error, with the details attached for GetJsErrorInfo.
absl::Status JsErrorToStatus(v8::Isolate* isolate, v8::Local<v8::Context> context,
                             v8::Local<v8::Value> exception, v8::Local<v8::Message> message);

// The message of the status returned for a TryCatch that saw TerminateExecution.
inline constexpr char kTerminated[] = "execution terminated";

// Same, from a TryCatch that caught something; kCancelled on termination.
absl::Status TryCatchToStatus(v8::Isolate* isolate, v8::Local<v8::Context> context,
                              const v8::TryCatch& try_catch);

// The details of a status made by the functions above; nullopt for other statuses.
std::optional<JsErrorInfo> GetJsErrorInfo(const absl::Status& status);

// Installs `describe` (error -> string, Node's util.inspect of it) on
// `context`: the report of an uncaught error then shows the error's own
// properties after its stack ({ code: 'ENOENT', ... }) as Node's does.
void SetErrorDescriber(v8::Local<v8::Context> context, v8::Local<v8::Function> describe);

// Converts a file: URL into a path; other strings come back unchanged.
std::string DisplayPath(const std::string& resource_name);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_JS_ERROR_H_
