// Programs that must print exactly what Node prints, run by toysnap from source
// and from a snapshot, and by `node` on the same files.
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::MakeTempDir;
using toysnap::testing::NodeBinary;
using toysnap::testing::ProcessResult;
using toysnap::testing::ReadTextFile;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

// Runs one entry module under Node, then under toysnap from source and from a
// snapshot, and expects identical stdout, stderr and exit codes.
void ExpectSameAsNode(const std::string& entry, const std::vector<std::string>& args) {
  std::string node = NodeBinary();
  if (node.empty()) GTEST_SKIP() << "node is not installed";
  std::string dir = MakeTempDir();
  std::string runner = dir + "/runner.mjs";
  // Like toysnap: the module's top level and the work it queued finish first,
  // then main() runs as a macrotask. (Fixtures start no timers at top level.)
  WriteTextFile(runner, absl::StrCat("const { main } = await import('file://", entry, "');\n",
                                     "setTimeout(() => main(process.argv.slice(2)), 0);\n"));
  std::vector<std::string> node_argv = {node, runner};
  node_argv.insert(node_argv.end(), args.begin(), args.end());
  ProcessResult expected = RunProcess(node_argv, dir);
  ASSERT_EQ(expected.signal, 0);
  // Node's stacks also show its loader's frames and the runner's; ours do not.
  expected.out = std::regex_replace(
      expected.out, std::regex("    at [^\n]*(node:internal|runner\\.mjs)[^\n]*\n"), "");

  std::string toysnap = Runfile("tools/toysnap");
  ProcessResult build = RunProcess({toysnap, "build", entry, "-o", dir + "/app.snap"}, dir);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  for (const std::string& file : {entry, dir + "/app.snap"}) {
    SCOPED_TRACE(file);
    std::vector<std::string> argv = {toysnap, "run", file};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult actual = RunProcess(argv, dir);
    // A snapshot's top level ran at build time, so its output came then.
    bool restored = file != entry;
    EXPECT_EQ((restored ? build.out : "") + actual.out, expected.out);
    EXPECT_EQ(actual.err, expected.err);
    EXPECT_EQ(actual.exit_code, expected.exit_code);
  }
}

TEST(NodeParityTest, TimerTickAndMicrotaskOrder) {
  ExpectSameAsNode(Runfile("tests/node_parity/timers_order.mjs"), {"a", "b"});
}

TEST(NodeParityTest, ManyTimersWithClearsAndRefreshFireInNodeOrder) {
  ExpectSameAsNode(Runfile("tests/node_parity/timers_many.mjs"), {});
}

TEST(NodeParityTest, TimerDelaysCountFromTheCallAndOrderByDueTime) {
  ExpectSameAsNode(Runfile("tests/node_parity/timers_start.mjs"), {});
}

TEST(NodeParityTest, WebAssemblySharedArrayBufferAndAtomicsInMain) {
  ExpectSameAsNode(Runfile("tests/node_parity/wasm_atomics.mjs"), {});
}

TEST(NodeParityTest, ConsoleAndProcessGlobals) {
  ExpectSameAsNode(Runfile("tests/node_parity/globals.mjs"), {"one", "two", "three"});
}

// The console fixture's objects are created at build time and printed after
// restore: Maps, class instances, typed arrays and the rest must survive intact.
TEST(NodeParityTest, ConsoleFormattingOfEveryFixtureCase) {
  std::string dir = MakeTempDir();
  std::string entry = dir + "/console_cases.mjs";
  WriteTextFile(entry, ReadTextFile(Runfile("tests/console_compat/console_cases.js")) + R"(
const cases = makeCases();
export function main() {
  for (const c of cases) {
    if (Array.isArray(c)) console.log(...c);
    else console.dir(c.value, c.options);
  }
})");
  ExpectSameAsNode(entry, {});
}

}  // namespace
}  // namespace toysnap
