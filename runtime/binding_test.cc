// Typed callbacks: conversions, Node's argument errors, and results.
#include "runtime/binding.h"

#include <string>

#include "gtest/gtest.h"
#include "runtime/v8_test_environment.h"
#include "v8-array-buffer.h"
#include "v8-exception.h"
#include "v8-primitive.h"
#include "v8-script.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

std::string Join(NativeCall&, std::string text, int32_t times, std::optional<bool> upper) {
  std::string out;
  for (int32_t i = 0; i < times; ++i) out += text;
  if (upper.value_or(false)) {
    for (char& c : out) c = static_cast<char>(toupper(c));
  }
  return out;
}
constexpr const char* kJoinArgs[] = {"text", "times", "upper"};

double Sum(NativeCall&, Bytes bytes) {
  double sum = 0;
  for (uint8_t byte : bytes.bytes) sum += byte;
  return sum;
}
constexpr const char* kSumArgs[] = {"data"};

absl::StatusOr<std::string> Checked(NativeCall&, double value) {
  if (value < 0) return absl::InvalidArgumentError("no negative values");
  return std::string("fine");
}
constexpr const char* kCheckedArgs[] = {"value"};

std::optional<std::string> Maybe(NativeCall&, v8::Local<v8::Function> callback) {
  if (callback->IsAsyncFunction()) return std::nullopt;
  return std::string("sync");
}
constexpr const char* kMaybeArgs[] = {"callback"};

class BindingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    isolate_ = v8::Isolate::New(params);
  }
  void TearDown() override { isolate_->Dispose(); }

  // Runs `source` with the typed functions as globals; its value, or the stack
  // of what it threw followed by " code=" and the error's code.
  std::string Eval(const std::string& source) {
    v8::Isolate::Scope isolate_scope(isolate_);
    v8::HandleScope handle_scope(isolate_);
    v8::Local<v8::Context> context = v8::Context::New(isolate_);
    v8::Context::Scope context_scope(context);
    Install(context, "join", Bind<Join, kJoinArgs>);
    Install(context, "sum", Bind<Sum, kSumArgs>);
    Install(context, "checked", Bind<Checked, kCheckedArgs>);
    Install(context, "maybe", Bind<Maybe, kMaybeArgs>);
    v8::TryCatch try_catch(isolate_);
    v8::Local<v8::Value> result;
    v8::Local<v8::Script> script;
    if (!v8::Script::Compile(context, v8::String::NewFromUtf8(isolate_, source.c_str())
                                          .ToLocalChecked())
             .ToLocal(&script) ||
        !script->Run(context).ToLocal(&result)) {
      v8::Local<v8::Object> error = try_catch.Exception().As<v8::Object>();
      v8::Local<v8::Value> stack, code;
      if (!error->Get(context, v8::String::NewFromUtf8Literal(isolate_, "stack")).ToLocal(&stack) ||
          !error->Get(context, v8::String::NewFromUtf8Literal(isolate_, "code")).ToLocal(&code)) {
        return "threw, and its stack or code threw too";
      }
      std::string first_line = *v8::String::Utf8Value(isolate_, stack);
      first_line = first_line.substr(0, first_line.find('\n'));
      return first_line + " code=" + *v8::String::Utf8Value(isolate_, code);
    }
    return *v8::String::Utf8Value(isolate_, result);
  }

  void Install(v8::Local<v8::Context> context, const char* name, v8::FunctionCallback callback) {
    context->Global()
        ->Set(context, v8::String::NewFromUtf8(isolate_, name).ToLocalChecked(),
              v8::Function::New(context, callback).ToLocalChecked())
        .Check();
  }

  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_{
      v8::ArrayBuffer::Allocator::NewDefaultAllocator()};
  v8::Isolate* isolate_ = nullptr;
};

TEST_F(BindingTest, ConvertsArgumentsAndResults) {
  EXPECT_EQ(Eval("join('ab', 3)"), "ababab");
  EXPECT_EQ(Eval("join('ab', 2, true)"), "ABAB");
  EXPECT_EQ(Eval("join('é', 1)"), "é");
  EXPECT_EQ(Eval("sum(new Uint8Array([1, 2, 250])) + sum(new ArrayBuffer(4))"), "253");
  EXPECT_EQ(Eval("checked(1)"), "fine");
  EXPECT_EQ(Eval("String(maybe(async () => {})) + ' ' + maybe(() => {})"), "undefined sync");
}

TEST_F(BindingTest, WrongArgumentsThrowNodesErrors) {
  EXPECT_EQ(Eval("join(42, 1)"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"text\" argument must be of type string. "
            "Received type number (42) code=ERR_INVALID_ARG_TYPE");
  EXPECT_EQ(Eval("join('a')"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"times\" argument must be of type number. "
            "Received undefined code=ERR_INVALID_ARG_TYPE");
  EXPECT_EQ(Eval("join('a', 1.5)"),
            "RangeError [ERR_OUT_OF_RANGE]: The value of \"times\" is out of range. It must be "
            "an integer >= -2147483648 && <= 2147483647. Received 1.5 code=ERR_OUT_OF_RANGE");
  EXPECT_EQ(Eval("join('a', 1, 'yes')"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"upper\" argument must be of type boolean. "
            "Received type string ('yes') code=ERR_INVALID_ARG_TYPE");
  EXPECT_EQ(Eval("sum({})"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"data\" argument must be an instance of "
            "ArrayBuffer, Buffer, TypedArray, or DataView. Received an instance of Object "
            "code=ERR_INVALID_ARG_TYPE");
  EXPECT_EQ(Eval("maybe(null)"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"callback\" argument must be of type "
            "function. Received null code=ERR_INVALID_ARG_TYPE");
  EXPECT_EQ(Eval("checked(-1)"), "Error: no negative values code=undefined");
  // The name is decorated only for the stack, as in Node.
  EXPECT_EQ(Eval("try { join(1) } catch (e) { e.name + ' ' + Object.keys(e) }"),
            "TypeError code");
}

}  // namespace
}  // namespace toysnap
