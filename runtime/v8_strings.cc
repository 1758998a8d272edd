// C++ text into V8 strings, with V8's length limit as an error.
#include "runtime/v8_strings.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "v8-exception.h"

namespace toysnap {

v8::MaybeLocal<v8::String> NewString(v8::Isolate* isolate, absl::string_view text) {
  // Checked here, not left to V8: the length is passed as an int, and a size
  // of 2^32 + n would wrap to n and silently truncate.
  if (text.size() > static_cast<size_t>(v8::String::kMaxLength)) return {};
  return v8::String::NewFromUtf8(isolate, text.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(text.size()));
}

absl::Status StringTooLongError(absl::string_view what, size_t bytes) {
  return absl::InvalidArgumentError(absl::StrCat(what, ": string too long for V8 (", bytes,
                                                 " bytes; V8 strings hold at most ",
                                                 v8::String::kMaxLength, " characters)"));
}

absl::StatusOr<v8::Local<v8::String>> NewStringOr(v8::Isolate* isolate, absl::string_view text,
                                                  absl::string_view what) {
  v8::Local<v8::String> string;
  if (!NewString(isolate, text).ToLocal(&string)) return StringTooLongError(what, text.size());
  return string;
}

v8::MaybeLocal<v8::String> NewStringOrThrow(v8::Isolate* isolate, absl::string_view text,
                                            absl::string_view what) {
  v8::Local<v8::String> string;
  if (NewString(isolate, text).ToLocal(&string)) return string;
  std::string message(StringTooLongError(what, text.size()).message());
  v8::Local<v8::String> v8_message;
  // `what` may itself be user text too long for V8 (a path): then a fixed message.
  if (!NewString(isolate, message).ToLocal(&v8_message)) {
    v8_message = v8::String::NewFromUtf8Literal(isolate, "string too long for V8");
  }
  isolate->ThrowException(v8::Exception::RangeError(v8_message));
  return {};
}

}  // namespace toysnap
