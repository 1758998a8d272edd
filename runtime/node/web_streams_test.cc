// The web_streams extension inside a Runtime, fresh and restored from a
// snapshot: the globals are lazy accessors until first read, the built-in
// polyfill's streams work (a gzip round trip through CompressionStream and
// DecompressionStream), and one left open at build time fails the build.
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;

const auto* const kV8 = RegisterV8TestEnvironment();

constexpr char kMain[] = "/web_streams_test/main.mjs";
// The restored case loads stream/web at build time; the fresh one at first use.
constexpr char kModule[] = R"(import web from 'node:stream/web';
globalThis.web = web;
)";

class WebStreamsTest : public ::testing::TestWithParam<RuntimeMode> {
 protected:
  std::unique_ptr<Runtime> Make() {
    return RuntimeWithModuleOrFail(GetParam(), QuietRuntimeOptions(), kMain, kModule);
  }
};

TEST_P(WebStreamsTest, CompressionStreamsRoundTrip) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(AwaitOrError(*runtime, R"((async () => {
    const input = new TextEncoder().encode('web '.repeat(10000));
    const source = new ReadableStream({ start(c) { c.enqueue(input); c.close(); } });
    const out = source.pipeThrough(new CompressionStream('deflate'))
                      .pipeThrough(new DecompressionStream('deflate'))
                      .pipeThrough(new TextDecoderStream());
    let text = '';
    for await (const chunk of out) text += chunk;
    return [web.ReadableStream === ReadableStream, text.length, text.slice(0, 8)].join();
  })())", "round_trip.js"),
            "true,40000,web web ");
}

TEST(WebStreamsGlobalsTest, AreLazyAccessorsUntilRead) {
  RuntimeOptions options;
  options.console = false;
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(TestV8(), options);
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  EXPECT_EQ(*EvalToString(**runtime, R"(
    const before = typeof Object.getOwnPropertyDescriptor(globalThis, 'TransformStream').get;
    const value = typeof TransformStream;
    const after = Object.getOwnPropertyDescriptor(globalThis, 'TransformStream');
    [before, value, typeof after.value, after.writable, after.enumerable].join())"),
            "function,function,function,true,false");
}

TEST(WebStreamsBuildTest, ACompressionStreamOpenAtBuildTimeFailsTheBuild) {
  RuntimeOptions options;
  options.console = false;
  absl::StatusOr<InMemorySnapshot> snapshot = BuildInMemorySnapshotOfModule(
      TestV8(), options, "/web_streams_test/open.mjs",
      "export const packer = new CompressionStream('gzip');\n");
  ASSERT_FALSE(snapshot.ok());
  EXPECT_THAT(snapshot.status().message(), HasSubstr("zlib stream"));
  EXPECT_THAT(snapshot.status().message(), HasSubstr("open.mjs:1:"));
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, WebStreamsTest,
                         ::testing::Values(RuntimeMode::kFresh, RuntimeMode::kRestored),
                         [](const ::testing::TestParamInfo<RuntimeMode>& info) {
                           return RuntimeModeName(info.param);
                         });

}  // namespace
}  // namespace toysnap
