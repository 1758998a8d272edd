// Differences from Node 20 that earlier sessions recorded and left, each now
// fixed and checked against the pinned Node, from source and from a snapshot
// (tests/node_parity/parity).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::MakeTempDir;
using toysnap::testing::NodeBinary;
using toysnap::testing::ProcessResult;
using toysnap::testing::RunProcess;
using toysnap::testing::ReadTextFile;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

// Error.stackTraceLimit: 10 in a restored program (it read as undefined
// there), and what the program's top level made it survives the snapshot.
TEST(NodeParityParityTest, StackTraceLimitAfterARestore) {
  ExpectSameAsNode(Runfile("tests/node_parity/parity/stack_trace_limit.mjs"), {});
}

TEST(NodeParityParityTest, StackTraceLimitSetAtTheTopLevel) {
  ExpectSameAsNode(Runfile("tests/node_parity/parity/stack_trace_limit_set.mjs"), {});
}

TEST(NodeParityParityTest, StackTraceLimitMadeAStringOrAnAccessor) {
  ExpectSameAsNode(Runfile("tests/node_parity/parity/stack_trace_limit_other.mjs"), {});
}

// Deleted at build time, the property is V8's fresh 10 after a restore, as in
// a program restored from Node's own snapshot (`node --build-snapshot`).
TEST(NodeParityParityTest, StackTraceLimitDeletedBeforeASnapshotAsInNodes) {
  const std::string top = "delete Error.stackTraceLimit;\n";
  const std::string report =
      "console.log(typeof Error.stackTraceLimit, Error.stackTraceLimit, "
      "typeof new Error('x').stack);";
  std::string dir = MakeTempDir();
  WriteTextFile(dir + "/node_entry.js",
                absl::StrCat(top, "require('v8').startupSnapshot.setDeserializeMainFunction(() => {",
                             report, "});\n"));
  WriteTextFile(dir + "/app.mjs", absl::StrCat(top, "export function main() {", report, "}\n"));
  ProcessResult node_build = RunProcess(
      {NodeBinary(), "--snapshot-blob", dir + "/node.blob", "--build-snapshot", "node_entry.js"},
      dir);
  ASSERT_EQ(node_build.exit_code, 0) << node_build.err;
  ProcessResult node = RunProcess({NodeBinary(), "--snapshot-blob", dir + "/node.blob"}, dir);
  ASSERT_EQ(node.exit_code, 0) << node.err;
  EXPECT_EQ(node.out, "number 10 string\n");
  std::string toysnap = Runfile("tools/toysnap");
  ProcessResult build = RunProcess({toysnap, "build", "app.mjs", "-o", "app.snap"}, dir);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  ProcessResult restored = RunProcess({toysnap, "run", "app.snap"}, dir);
  EXPECT_EQ(restored.out, node.out);
  EXPECT_EQ(restored.err, node.err);
  EXPECT_EQ(restored.exit_code, 0);
}

// `node ARGS` and `toysnap ARGS` in one fresh directory.
struct Both {
  ProcessResult node;
  ProcessResult toysnap;
  std::string dir;
};
Both RunBoth(const std::vector<std::string>& args) {
  Both both;
  both.dir = MakeTempDir();
  std::vector<std::string> node = {NodeBinary()};
  std::vector<std::string> toysnap = {Runfile("tools/toysnap")};
  node.insert(node.end(), args.begin(), args.end());
  toysnap.insert(toysnap.end(), args.begin(), args.end());
  both.node = RunProcess(node, both.dir);
  both.toysnap = RunProcess(toysnap, both.dir);
  return both;
}

void ExpectSameRun(const std::vector<std::string>& args) {
  Both both = RunBoth(args);
  EXPECT_EQ(both.toysnap.out, both.node.out);
  EXPECT_EQ(both.toysnap.err, both.node.err);
  EXPECT_EQ(both.toysnap.exit_code, both.node.exit_code);
}

std::string Fixture(const std::string& name) {
  return ReadTextFile(Runfile("tests/node_parity/parity/" + name));
}

// `-e` code that needs an ES module runs as one with --input-type=module, as
// under Node (it was compiled as a script whatever the flag said).
TEST(NodeParityParityTest, EvalRunsModuleCodeWithInputTypeModule) {
  const std::string code = Fixture("eval_module.mjs");
  ExpectSameRun({"--input-type=module", "-e", code, "x", "y"});
  ExpectSameRun({"--input-type", "module", "--eval", code, "x", "y"});
}

// With no --input-type, Node 20 runs code whose syntax only a module allows
// as a module, and everything else as CommonJS.
TEST(NodeParityParityTest, EvalDetectsModuleSyntaxWithoutInputType) {
  ExpectSameRun({"-e", Fixture("eval_module.mjs"), "x", "y"});
  ExpectSameRun({"-e", "const require = 1; await 1; console.log('module', require)"});
  ExpectSameRun({"-e", "let module = 2; console.log(module, typeof exports)"});
  ExpectSameRun({"-e", "import('os').then((m) => console.log(typeof m.cpus, typeof require))"});
  ExpectSameRun({"-e", "console.log(this === globalThis, typeof require, __filename)"});
}

TEST(NodeParityParityTest, EvalHasBuiltinModulesAsGlobals) {
  ExpectSameRun({"-e", Fixture("eval_builtins.js"), "x"});
  ExpectSameRun({"--input-type=module", "-e", "console.log(typeof module, typeof fs.readFileSync)"});
}

// The errors: module syntax under --input-type=commonjs, -p of module code,
// and an uncaught error in module code, named at "[eval1]" in its stack.
TEST(NodeParityParityTest, EvalInputTypeErrors) {
  Both cjs = RunBoth({"--input-type=commonjs", "-e", "import os from 'os';"});
  for (const ProcessResult& run : {cjs.node, cjs.toysnap}) {
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.err, HasSubstr("import os from 'os';\n^^^^^^\n\n"
                                   "SyntaxError: Cannot use import statement outside a module\n"));
  }
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--input-type=module", "-p", "1 + 1"}, {"-p", "await 1"}}) {
    Both print = RunBoth(args);
    for (const ProcessResult& run : {print.node, print.toysnap}) {
      EXPECT_EQ(run.exit_code, 1);
      EXPECT_EQ(run.out, "");
      EXPECT_THAT(run.err, HasSubstr("Error [ERR_EVAL_ESM_CANNOT_PRINT]: --print cannot be used "
                                     "with ESM input\n"));
      EXPECT_THAT(run.err, HasSubstr("  code: 'ERR_EVAL_ESM_CANNOT_PRINT'\n}\n"));
    }
  }
  Both thrown = RunBoth({"--input-type=module", "-e", "console.log(1);\n  throw new Error('boom');"});
  for (const ProcessResult& run : {thrown.node, thrown.toysnap}) {
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.out, "1\n");
    EXPECT_THAT(run.err, HasSubstr("  throw new Error('boom');\n        ^\n\nError: boom\n"
                                   "    at file://" + thrown.dir + "/[eval1]:2:9\n"));
  }
}

}  // namespace
}  // namespace toysnap
