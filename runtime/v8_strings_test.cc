// NewString and friends on a bare isolate: text round-trips, and text longer
// than V8 allows is an error or a RangeError, never an abort.
#include "runtime/v8_strings.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/v8_test_environment.h"
#include "v8-array-buffer.h"
#include "v8-context.h"
#include "v8-exception.h"
#include "v8-isolate.h"
#include "v8-primitive.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;

const auto* const kV8 = RegisterV8TestEnvironment();

class V8StringsTest : public ::testing::Test {
 protected:
  V8StringsTest() : allocator_(v8::ArrayBuffer::Allocator::NewDefaultAllocator()) {
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    isolate_ = v8::Isolate::New(params);
  }
  ~V8StringsTest() override { isolate_->Dispose(); }

  std::string Utf8(v8::Local<v8::String> string) {
    v8::String::Utf8Value utf8(isolate_, string);
    return std::string(*utf8, utf8.length());
  }

  std::string ReplacedUtf8(v8::Local<v8::String> string) {
    std::string out(static_cast<size_t>(string->Utf8Length(isolate_)), '\0');
    string->WriteUtf8(isolate_, out.data(), static_cast<int>(out.size()), nullptr,
                      v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    return out;
  }

  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
  v8::Isolate* isolate_;  // owned
};

TEST_F(V8StringsTest, TextRoundTripsWithNulAndNonAscii) {
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope scope(isolate_);
  const std::string text("a\0b \xC3\xA9 \xF0\x9F\x98\x80", 12);
  v8::Local<v8::String> string;
  ASSERT_TRUE(NewString(isolate_, text).ToLocal(&string));
  EXPECT_EQ(Utf8(string), text);
  EXPECT_EQ(string->Length(), 9);  // the emoji is two UTF-16 units
  ASSERT_TRUE(NewString(isolate_, "").ToLocal(&string));
  EXPECT_EQ(string->Length(), 0);
  absl::StatusOr<v8::Local<v8::String>> named = NewStringOr(isolate_, "x", "unused");
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(Utf8(*named), "x");
}

// Utf8Of's bytes are V8's UTF-8 for every kind of string, a lone surrogate as
// U+FFFD as Node writes it: ASCII (its fast path), Latin-1 beyond ASCII,
// two-byte, a cons string, and text too long for the buffer (spilled).
TEST_F(V8StringsTest, Utf8OfGivesTheStringsUtf8) {
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope scope(isolate_);
  const uint16_t lone[] = {'a', 0xD800, 'b'};
  const uint8_t latin1[] = {'c', 'a', 'f', 0xE9};
  std::vector<v8::Local<v8::String>> strings = {
      v8::String::NewFromUtf8Literal(isolate_, "line 1\n"),
      v8::String::NewFromOneByte(isolate_, latin1, v8::NewStringType::kNormal, 4)
          .ToLocalChecked(),
      v8::String::NewFromUtf8Literal(isolate_, "\xE2\x80\xA6 \xF0\x9F\x98\x80"),
      v8::String::NewFromTwoByte(isolate_, lone, v8::NewStringType::kNormal, 3).ToLocalChecked(),
      v8::String::Concat(isolate_, v8::String::NewFromUtf8Literal(isolate_, "left "),
                         v8::String::NewFromUtf8Literal(isolate_, "right")),
      v8::String::NewFromUtf8Literal(isolate_, ""),
  };
  std::string long_text(5000, 'x');
  strings.push_back(v8::String::NewFromUtf8(isolate_, long_text.data(), v8::NewStringType::kNormal,
                                            static_cast<int>(long_text.size()))
                        .ToLocalChecked());
  for (v8::Local<v8::String> string : strings) {
    char buffer[16];
    std::string spill;
    absl::string_view bytes = Utf8Of(isolate_, string, absl::MakeSpan(buffer), &spill);
    EXPECT_EQ(std::string(bytes), ReplacedUtf8(string));
    EXPECT_TRUE(bytes.empty() || bytes.data() == buffer || bytes.data() == spill.data());
    std::string assigned = "stale";
    AssignUtf8(isolate_, string, &assigned);
    EXPECT_EQ(assigned, ReplacedUtf8(string));
  }
  EXPECT_EQ(ReplacedUtf8(strings[3]), "a\xEF\xBF\xBD" "b");
}

TEST_F(V8StringsTest, TheErrorNamesWhatWasTooLong) {
  absl::Status status = StringTooLongError("source of main.js", 600000000);
  EXPECT_TRUE(absl::IsInvalidArgument(status));
  EXPECT_THAT(status.message(),
              HasSubstr("source of main.js: string too long for V8 (600000000 bytes"));
}

// Holds one string of V8's limit plus 16 bytes (~512 MiB); see the BUILD size.
TEST_F(V8StringsTest, TextLongerThanV8AllowsIsAnErrorOrARangeError) {
  const std::string huge(static_cast<size_t>(v8::String::kMaxLength) + 16, 'x');
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Context> context = v8::Context::New(isolate_);
  v8::Context::Scope context_scope(context);

  EXPECT_TRUE(NewString(isolate_, huge).IsEmpty());

  absl::StatusOr<v8::Local<v8::String>> named =
      NewStringOr(isolate_, huge, "environment variable BIG");
  ASSERT_FALSE(named.ok());
  EXPECT_THAT(named.status().message(),
              HasSubstr("environment variable BIG: string too long for V8"));

  v8::TryCatch try_catch(isolate_);
  EXPECT_TRUE(NewStringOrThrow(isolate_, huge, "module path").IsEmpty());
  ASSERT_TRUE(try_catch.HasCaught());
  EXPECT_THAT(Utf8(try_catch.Exception()->ToString(context).ToLocalChecked()),
              HasSubstr("RangeError: module path: string too long for V8"));
}

}  // namespace
}  // namespace toysnap
