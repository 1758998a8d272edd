// vm and v8 inside a Runtime, fresh and restored: a restored program's vm
// contexts start from the snapshot's pristine context (not a copy of the
// program's own), and what the build made (a vm.Script, serialized bytes)
// works after the restore.
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using Mode = RuntimeMode;

const auto* const kV8 = RegisterV8TestEnvironment();

constexpr char kMain[] = "/vm_test/main.mjs";
constexpr char kModule[] = R"(import vm from 'node:vm';
import v8 from 'node:v8';
globalThis.vm = vm;
globalThis.v8 = v8;
globalThis.programGlobal = 'mine';
globalThis.builtScript = new vm.Script('typeof programGlobal + ":" + [3, 1, 2].sort()', 'built.js');
globalThis.builtBytes = v8.serialize({ list: [1, 'two'], buffer: Buffer.from('hi') });
)";

RuntimeOptions Quiet() {
  RuntimeOptions options;
  options.console = false;
  return options;
}

class VmTest : public ::testing::TestWithParam<Mode> {
 protected:
  std::unique_ptr<Runtime> Make() {
    absl::StatusOr<std::unique_ptr<Runtime>> runtime =
        RuntimeWithModule(GetParam(), Quiet(), kMain, kModule);
    EXPECT_TRUE(runtime.ok()) << runtime.status();
    return runtime.ok() ? std::move(*runtime) : nullptr;
  }
};

TEST_P(VmTest, NewContextsHoldOnlyBuiltinsAndTheSandbox) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  absl::StatusOr<std::string> seen = EvalToString(*runtime, R"(
    const sandbox = { n: 1 };
    vm.runInNewContext(
        'n += 1; seen = [typeof programGlobal, typeof process, typeof toysnap, typeof Array, n]',
        sandbox);
    sandbox.seen.join() + ' ' + sandbox.n)");
  ASSERT_TRUE(seen.ok()) << seen.status();
  EXPECT_EQ(*seen, "undefined,undefined,undefined,function,2 2");
}

TEST_P(VmTest, WhatTheBuildMadeRunsAfterIt) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  absl::StatusOr<std::string> ran = EvalToString(*runtime, R"(
    const back = v8.deserialize(builtBytes);
    [builtScript.runInThisContext(), builtScript.runInNewContext({}), back.list.join('/'),
     back.buffer.toString(), Buffer.isBuffer(back.buffer)].join(' '))");
  ASSERT_TRUE(ran.ok()) << ran.status();
  EXPECT_EQ(*ran, "string:1,2,3 undefined:1,2,3 1/two hi true");
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, VmTest, ::testing::Values(Mode::kFresh, Mode::kRestored));

// A snapshot holds one context: a vm context made at build time is refused
// with a clear error, not a crash of the serializer.
TEST(VmBuildTest, ContextsCannotBeMadeWhileBuilding) {
  absl::StatusOr<InMemorySnapshot> snapshot = BuildInMemorySnapshotOfModule(
      TestV8(), Quiet(), "/vm_test/build.mjs", "import vm from 'node:vm';\nvm.createContext({});\n");
  ASSERT_FALSE(snapshot.ok());
  EXPECT_THAT(snapshot.status().ToString(), HasSubstr("ERR_TOYSNAP_NOT_AT_BUILD_TIME"));
}

}  // namespace
}  // namespace toysnap
