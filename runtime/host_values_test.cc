// Each host_values.h conversion both ways, through host functions, and the
// TypeError naming the argument on a mismatch.
#include <algorithm>
#include <stdexcept>

#include "gtest/gtest.h"
#include "runtime/embedder_extension.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

// V8 is set up once per binary, by embedder_extension_test.cc.

const HostExtension& Values() {
  static const HostExtension* const extension = [] {
    auto* values = new HostExtension("values", 1);
    values->Global("values")
        .Function("not", {"flag"}, [](bool flag) { return !flag; })
        .Function("twice", {"x"}, [](double x) { return x * 2; })
        .Function("next", {"n"}, [](int32_t n) { return n + 1; })
        .Function("unsigned", {"n"}, [](uint32_t n) { return n; })
        .Function("big", {"n"}, [](int64_t n) { return n * 2; })
        .Function("ubig", {"n"}, [](uint64_t n) { return n; })
        .Function("shout", {"text"}, [](std::string text) { return text + "!"; })
        .Function("null", {"nothing"}, [](std::nullptr_t) { return nullptr; })
        .Function("undef", {"nothing"}, [](Undefined) { return Undefined{}; })
        .Function("maybe", {"text"},
                  [](std::optional<std::string> text) -> std::optional<std::string> {
                    if (!text) return std::nullopt;
                    return *text + "?";
                  })
        .Function("sum", {"numbers"},
                  [](std::vector<double> numbers) {
                    double total = 0;
                    for (double n : numbers) total += n;
                    return total;
                  })
        .Function("reverse", {"items"},
                  [](std::vector<std::string> items) {
                    std::reverse(items.begin(), items.end());
                    return items;
                  })
        .Function("points", {"points"},
                  [](std::vector<std::map<std::string, double>> points) { return points; })
        .Function("counts", {"table"},
                  [](std::map<std::string, int32_t> table) {
                    for (auto& [key, value] : table) value += 1;
                    return table;
                  })
        .Function("invert", {"data"},
                  [](ByteBuffer data) {
                    for (uint8_t& byte : data.bytes) byte ^= 0xff;
                    return data;
                  })
        .Function("size", {"data"}, [](ByteView data) { return static_cast<double>(data.size); })
        .Function("describe", {"error"},
                  [](JsError error) {
                    JsError out;
                    out.kind = JsError::Kind::kRangeError;
                    out.message = error.name + ": " + error.message + " (" + error.code + ")";
                    out.code = "ERR_DESCRIBED";
                    return out;
                  })
        .Function("fail", {"how"},
                  [](std::string how) -> absl::StatusOr<double> {
                    if (how == "type") return absl::InvalidArgumentError("bad type");
                    if (how == "range") return absl::OutOfRangeError("too far");
                    if (how == "coded") {
                      return JsErrorStatus({JsError::Kind::kTypeError, "coded", "ERR_CODED"});
                    }
                    if (how == "none") return 1.5;
                    return absl::NotFoundError("missing");
                  })
        .Function("status", {}, []() { return absl::InternalError("broken"); })
        .Function("nothing", {}, [](HostCall&) {})
        .Function("throws", {}, []() -> double { throw std::runtime_error("boom"); })
        .Function("throwsInt", {}, []() -> double { throw 42; })
        .Function("raw", {"value"},
                  [](HostCall& call, v8::Local<v8::Value> value) {
                    return value->IsObject() && !call.context().IsEmpty();
                  });
    return values;
  }();
  return *extension;
}

class HostValuesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RuntimeOptions options;
    options.console = false;
    options.extensions = {Values().extension()};
    absl::StatusOr<std::unique_ptr<Runtime>> made = Runtime::Create(TestV8(), options);
    ASSERT_TRUE(made.ok()) << made.status();
    runtime_ = std::move(*made);
  }
  std::string Eval(absl::string_view source) {
    absl::StatusOr<std::string> text = EvalToString(*runtime_, source);
    return text.ok() ? *text : std::string("error: ") + std::string(text.status().message());
  }
  // What the expression throws: "Name [code]: message".
  std::string Thrown(absl::string_view expression) {
    return Eval(absl::StrCat("try { ", expression,
                             "; 'no error' } catch (e) { `${e.name} [${e.code}]: ${e.message}` }"));
  }
  std::unique_ptr<Runtime> runtime_;
};

TEST_F(HostValuesTest, Scalars) {
  EXPECT_EQ(Eval("values.not(false)"), "true");
  EXPECT_EQ(Eval("values.twice(1.25)"), "2.5");
  EXPECT_EQ(Eval("values.next(41)"), "42");
  EXPECT_EQ(Eval("values.unsigned(4294967295)"), "4294967295");
  EXPECT_EQ(Eval("typeof values.big(2n) + values.big(2n ** 62n - 1n)"),
            "bigint" + std::to_string(static_cast<int64_t>(((1ULL << 62) - 1) * 2)));
  EXPECT_EQ(Eval("values.big(21)"), "42");
  EXPECT_EQ(Eval("values.ubig(2n ** 64n - 1n)"), "18446744073709551615");
  EXPECT_EQ(Eval("values.shout('héllo')"), "héllo!");
  EXPECT_EQ(Eval("values.null(null) === null"), "true");
  EXPECT_EQ(Eval("values.undef(undefined) === undefined"), "true");
  EXPECT_EQ(Eval("values.nothing() === undefined"), "true");
  EXPECT_EQ(Eval("values.raw({}) + ',' + values.raw(1)"), "true,false");
}

TEST_F(HostValuesTest, OptionalArraysAndObjects) {
  EXPECT_EQ(Eval("[values.maybe('a'), values.maybe(), values.maybe(null)].join(',')"), "a?,,");
  EXPECT_EQ(Eval("values.maybe() === undefined"), "true");
  EXPECT_EQ(Eval("values.sum([1, 2, 3.5])"), "6.5");
  EXPECT_EQ(Eval("JSON.stringify(values.reverse(['a', 'b', 'c']))"), "[\"c\",\"b\",\"a\"]");
  EXPECT_EQ(Eval("JSON.stringify(values.points([{x: 1, y: 2}, {x: 3}]))"),
            "[{\"x\":1,\"y\":2},{\"x\":3}]");
  EXPECT_EQ(Eval("JSON.stringify(values.counts({b: 1, a: 2}))"), "{\"a\":3,\"b\":2}");
  EXPECT_EQ(Eval("JSON.stringify(values.counts(new Map([['k', 9]])))"), "{\"k\":10}");
}

TEST_F(HostValuesTest, BytesAndErrors) {
  EXPECT_EQ(Eval("const r = values.invert(new Uint8Array([0, 255, 15])); "
                 "(r instanceof Uint8Array) + ':' + Array.from(r).join(',')"),
            "true:255,0,240");
  EXPECT_EQ(Eval("values.invert(new ArrayBuffer(2)).length"), "2");
  EXPECT_EQ(Eval("values.size(new DataView(new ArrayBuffer(7)))"), "7");
  EXPECT_EQ(Eval("const e = new TypeError('bad'); e.code = 'ERR_BAD'; const d = values.describe(e);"
                 "`${d instanceof RangeError} ${d.code} ${d.message}`"),
            "true ERR_DESCRIBED TypeError: bad (ERR_BAD)");
}

TEST_F(HostValuesTest, ErrorStatusesThrowByCode) {
  EXPECT_EQ(Eval("values.fail('none')"), "1.5");
  EXPECT_EQ(Thrown("values.fail('type')"), "TypeError [undefined]: bad type");
  EXPECT_EQ(Thrown("values.fail('range')"), "RangeError [undefined]: too far");
  EXPECT_EQ(Thrown("values.fail('coded')"), "TypeError [ERR_CODED]: coded");
  EXPECT_EQ(Thrown("values.fail('other')"), "Error [undefined]: missing");
  EXPECT_EQ(Thrown("values.status()"), "Error [undefined]: broken");
}

TEST_F(HostValuesTest, MismatchesThrowTypeErrorsNamingTheArgument) {
  EXPECT_EQ(Thrown("values.twice('a')"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"x\" argument must be of type number. "
            "Received type string ('a')");
  EXPECT_EQ(Thrown("values.not(1)"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"flag\" argument must be of type boolean. "
            "Received type number (1)");
  EXPECT_EQ(Thrown("values.shout()"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"text\" argument must be of type string. "
            "Received undefined");
  EXPECT_EQ(Thrown("values.points([{x: 1}, {x: 'a'}])"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"points[1].x\" argument must be of type "
            "number. Received type string ('a')");
  EXPECT_EQ(Thrown("values.sum({})"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"numbers\" argument must be an instance of "
            "Array. Received an instance of Object");
  EXPECT_EQ(Thrown("values.counts([1])"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"table\" argument must be of type object. "
            "Received an instance of Array");
  EXPECT_EQ(Thrown("values.invert('x')"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"data\" argument must be an instance of "
            "ArrayBuffer, TypedArray, or DataView. Received type string ('x')");
  EXPECT_EQ(Thrown("values.null(undefined)"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"nothing\" argument must be null. "
            "Received undefined");
  EXPECT_EQ(Thrown("values.describe({})"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"error\" argument must be an instance of "
            "Error. Received an instance of Object");
  EXPECT_EQ(Thrown("values.big('1')"),
            "TypeError [ERR_INVALID_ARG_TYPE]: The \"n\" argument must be of type bigint or "
            "number. Received type string ('1')");
}

TEST_F(HostValuesTest, OutOfRangeIntegers) {
  EXPECT_EQ(Thrown("values.next(1.5)"),
            "RangeError [ERR_OUT_OF_RANGE]: The value of \"n\" is out of range. It must be an "
            "integer >= -2147483648 && <= 2147483647. Received 1.5");
  EXPECT_EQ(Thrown("values.unsigned(-1)"),
            "RangeError [ERR_OUT_OF_RANGE]: The value of \"n\" is out of range. It must be an "
            "integer >= 0 && <= 4294967295. Received -1");
  EXPECT_EQ(Thrown("values.big(2n ** 63n)"),
            "RangeError [ERR_OUT_OF_RANGE]: The value of \"n\" is out of range. It must be a "
            "64-bit signed integer. Received 9223372036854775808");
  EXPECT_EQ(Thrown("values.big(2 ** 60)"),
            "RangeError [ERR_OUT_OF_RANGE]: The value of \"n\" is out of range. It must be a "
            "safe integer. Received 1152921504606847000");
}

// C++ exceptions stop at the boundary and reach JS as an Error.
TEST_F(HostValuesTest, CppExceptionsBecomeJsErrors) {
  EXPECT_EQ(Thrown("values.throws()"),
            "Error [ERR_HOST_EXCEPTION]: values.throws threw a C++ exception: boom");
  EXPECT_EQ(Thrown("values.throwsInt()"),
            "Error [ERR_HOST_EXCEPTION]: values.throwsInt threw an unknown C++ exception");
  EXPECT_EQ(Eval("values.twice(2)"), "4");  // the runtime goes on
}

}  // namespace
}  // namespace toysnap
