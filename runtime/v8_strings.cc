// C++ text into V8 strings, with V8's length limit as an error; V8 strings
// into UTF-8.
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

namespace {

bool IsAscii(const char* data, size_t size) {
  unsigned char high = 0;
  for (size_t i = 0; i < size; ++i) high |= static_cast<unsigned char>(data[i]);
  return high < 0x80;
}

}  // namespace

absl::string_view Utf8Of(v8::Isolate* isolate, v8::Local<v8::String> text, absl::Span<char> buffer,
                         std::string* spill) {
  constexpr int kFlags = v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8;
  auto place = [&](size_t size) {
    if (size <= buffer.size()) return buffer.data();
    spill->resize(size);
    return spill->data();
  };
  const int length = text->Length();
  if (length == 0) return {};
  if (text->IsOneByte()) {
    char* out = place(static_cast<size_t>(length));
    text->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(out), 0, length,
                       v8::String::NO_NULL_TERMINATION);
    if (IsAscii(out, static_cast<size_t>(length))) return {out, static_cast<size_t>(length)};
  }
  const size_t size = static_cast<size_t>(text->Utf8Length(isolate));
  char* out = place(size);
  text->WriteUtf8(isolate, out, static_cast<int>(size), nullptr, kFlags);
  return {out, size};
}

void AssignUtf8(v8::Isolate* isolate, v8::Local<v8::String> text, std::string* out) {
  absl::string_view bytes = Utf8Of(isolate, text, {}, out);
  if (bytes.data() != out->data()) out->assign(bytes.data(), bytes.size());
}

}  // namespace toysnap
