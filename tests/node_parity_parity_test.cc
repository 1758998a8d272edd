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

// What an uncaught report says below its source line and caret, without
// Node's blank first line and "Node.js vX" footer: where the two differ
// (toysnap's header is PATH:LINE:COLUMN; Node's for a module's top level is
// its own internal frame) is above it.
std::string ValueReport(const std::string& err) {
  std::string text = err;
  size_t footer = text.rfind("\n\nNode.js v");
  if (footer != std::string::npos) text.resize(footer + 1);
  size_t caret = text.find("^\n");
  if (caret != std::string::npos) text = text.substr(caret + 2);
  while (!text.empty() && text.front() == '\n') text.erase(0, 1);
  return text;
}

void ExpectSameUncaught(const ProcessResult& node, const ProcessResult& toysnap) {
  EXPECT_EQ(toysnap.out, node.out);
  EXPECT_EQ(ValueReport(toysnap.err), ValueReport(node.err)) << toysnap.err;
  EXPECT_EQ(toysnap.exit_code, node.exit_code);
  EXPECT_EQ(toysnap.exit_code, 1);
}

// `throw 1` (any value that is no error) at a program's top level is an
// uncaught exception: Node prints the value and a hint, and exits with 1
// (toysnap printed an unhandled promise rejection).
TEST(NodeParityParityTest, NonErrorsThrownAtTheTopLevel) {
  const std::string dir = MakeTempDir();
  const std::string toysnap = Runfile("tools/toysnap");
  const std::string cjs = Runfile("tests/node_parity/parity/throw_top_level.js");
  ExpectSameUncaught(RunProcess({NodeBinary(), cjs}, dir), RunProcess({toysnap, cjs}, dir));
  for (const char* name : {"throw_top_level.mjs", "throw_object.mjs"}) {
    SCOPED_TRACE(name);
    const std::string file = Runfile(std::string("tests/node_parity/parity/") + name);
    ProcessResult node = RunProcess({NodeBinary(), file}, dir);
    ExpectSameUncaught(node, RunProcess({toysnap, file}, dir));
    ExpectSameUncaught(node, RunProcess({toysnap, "run", file}, dir));
  }
  ProcessResult node = RunProcess({NodeBinary(), cjs}, dir);
  EXPECT_EQ(node.err.substr(0, 1), "\n");
  EXPECT_THAT(node.err, HasSubstr("throw 1;\n^\n1\n(Use `node --trace-uncaught ...` to show "
                                  "where the exception was thrown)\n"));
}

// The same thrown from main(), from source and from a snapshot: the source
// line and caret too are Node's.
TEST(NodeParityParityTest, NonErrorsThrownFromMain) {
  const std::string entry = Runfile("tests/node_parity/parity/throw_in_main.mjs");
  const std::string dir = MakeTempDir();
  WriteTextFile(dir + "/runner.mjs",
                absl::StrCat("const { main } = await import('file://", entry, "');\n",
                             "setTimeout(() => main(process.argv.slice(2)), 0);\n"));
  const std::string toysnap = Runfile("tools/toysnap");
  ProcessResult build = RunProcess({toysnap, "build", entry, "-o", dir + "/app.snap"}, dir);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  for (const std::string arg : {"number", "object"}) {
    SCOPED_TRACE(arg);
    ProcessResult node = RunProcess({NodeBinary(), dir + "/runner.mjs", arg}, dir);
    for (const std::string& file : {entry, dir + "/app.snap"}) {
      ProcessResult run = RunProcess({toysnap, "run", file, arg}, dir);
      ExpectSameUncaught(node, run);
      EXPECT_THAT(run.err, HasSubstr(arg == "number"
                                         ? "  throw 7;\n  ^\n7\n(Use `node --trace-uncaught"
                                         : "  if (args[0] === 'object') throw { nested: { deep: "
                                           "true } };\n" + std::string(28, ' ') + "^\n{ nested"));
    }
  }
}

// writable.write(chunk, cb) and end(cb) call back with null on success, as
// Node 20 does (readable-stream passed undefined).
TEST(NodeParityParityTest, WriteCallbacksGetNullOnSuccess) {
  ExpectSameAsNode(Runfile("tests/node_parity/parity/write_callbacks.mjs"), {});
}

TEST(NodeParityParityTest, WorkerTerminatedBeforeItStartedExitsWithZero) {
  ExpectSameAsNode(Runfile("tests/node_parity/parity/worker_terminated_early.mjs"), {});
}

}  // namespace
}  // namespace toysnap
