// C++ text into V8 strings without aborting, and V8 strings into UTF-8. V8 refuses strings longer than
// v8::String::kMaxLength (about 2^29 characters) and user input can be that
// long, so nothing here calls ToLocalChecked(). Included across runtime/.
#ifndef TOYSNAP_RUNTIME_V8_STRINGS_H_
#define TOYSNAP_RUNTIME_V8_STRINGS_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-primitive.h"

namespace toysnap {

// `text` (UTF-8) as a V8 string; empty, with no exception pending, when V8
// cannot hold it.
v8::MaybeLocal<v8::String> NewString(v8::Isolate* isolate, absl::string_view text);

// kInvalidArgument: "<what>: string too long for V8 (<bytes> bytes; ...)".
// `what` names the text for the user, e.g. "source of main.js".
absl::Status StringTooLongError(absl::string_view what, size_t bytes);

// NewString, or StringTooLongError(what) when V8 cannot hold `text`.
absl::StatusOr<v8::Local<v8::String>> NewStringOr(v8::Isolate* isolate, absl::string_view text,
                                                  absl::string_view what);

// For native callbacks: NewString, or empty with a RangeError thrown whose
// message is StringTooLongError(what)'s.
v8::MaybeLocal<v8::String> NewStringOrThrow(v8::Isolate* isolate, absl::string_view text,
                                            absl::string_view what);

// The UTF-8 bytes of `text`, lone surrogates as U+FFFD as Node writes them
// (String::Utf8Value keeps their 3-byte forms). Written into `buffer` when they fit, else into `*spill`; the view
// points into one of them. ASCII strings, most of what programs print, are
// copied in one pass instead of V8's measure-then-encode two.
absl::string_view Utf8Of(v8::Isolate* isolate, v8::Local<v8::String> text, absl::Span<char> buffer,
                         std::string* spill);

// Utf8Of into a string of its own.
void AssignUtf8(v8::Isolate* isolate, v8::Local<v8::String> text, std::string* out);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_V8_STRINGS_H_
