// NewString and friends on a bare isolate: text round-trips, and text longer
// than V8 allows is an error or a RangeError, never an abort.
#include "runtime/v8_strings.h"

#include <memory>
#include <string>

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
