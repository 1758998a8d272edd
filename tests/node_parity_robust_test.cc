// Inputs that used to crash toysnap or report the wrong place, against the
// pinned Node: empty buffers kept in a snapshot, -e/-p errors, import
// attributes, /dev/stdin paths (tests/node_parity/robust).
#include <regex>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::MakeTempDir;
using toysnap::testing::NodeBinary;
using toysnap::testing::ProcessResult;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;

// An uncaught error's report with what toysnap does differently for files
// too taken out: Node's header has no column and it prints its internal
// frames and its version; toysnap prints its own frames (and the wrapper
// module's, Node's "[eval]-wrapper").
std::string Comparable(const std::string& err) {
  std::string text = std::regex_replace(err, std::regex("^(\\[eval\\]:[0-9]+):[0-9]+\n"), "$1\n");
  text = std::regex_replace(
      text, std::regex("    at [^\n]*(node:internal|toysnap:internal|eval\\]-wrapper|%5Beval%5D-wrapper)[^\n]*\n?"),
      "");
  text = std::regex_replace(text, std::regex("\n*\nNode\\.js v[0-9.]+\n$"), "");
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

TEST(NodeParityRobustTest, EmptyAndDetachedBuffersKeptInASnapshot) {
  ExpectSameAsNode(Runfile("tests/node_parity/robust/empty_buffers.mjs"), {});
}

TEST(NodeParityRobustTest, WorkersOfARestoredProgramWithEmptyBuffers) {
  ExpectSameAsNode(Runfile("tests/node_parity/robust/empty_buffers_worker.mjs"), {});
}

// The `type` attribute of static imports and of import() (whose `with` V8
// 10.2 hides: the loader reads literal calls), from source and a snapshot.
TEST(NodeParityRobustTest, StaticImportAttributes) {
  ExpectSameAsNode(Runfile("tests/node_parity/robust/attributes/static.mjs"), {});
}

TEST(NodeParityRobustTest, DynamicImportAttributes) {
  ExpectSameAsNode(Runfile("tests/node_parity/robust/attributes/dynamic.mjs"), {});
}

TEST(NodeParityRobustTest, DynamicImportAttributesFromCommonJsAndSharedStatements) {
  ExpectSameAsNode(Runfile("tests/node_parity/robust/attributes/dynamic_more.mjs"), {});
}

// With stdin a pipe, realpath(3) of /dev/stdin fails; Node's walk stops at
// the pipe, and toysnap now walks as it does.
TEST(NodeParityRobustTest, RealpathOfStdinOnAPipeAndOtherWalks) {
  toysnap::testing::ProcessIo io;
  io.pipe_stdin = true;
  io.stdin_text = "hi\n";
  ExpectSameAsNode(Runfile("tests/node_parity/robust/realpath_stdin.mjs"), {}, {}, {}, io);
}

// `-e`/`-p` code is the script "[eval]" in reports and stacks, as in Node
// (it was "undefined", from an indirect eval).
TEST(NodeParityRobustTest, EvalAndPrintErrorsNameEval) {
  const std::vector<std::vector<std::string>> cases = {
      {"-e", "function f() { null.x }\nf()"},
      {"-p", "function f() { null.x }\nf()"},
      {"-e", "\n  let a = 1;\n  a.b.c = 2;"},
      {"-e", "Promise.reject(new Error('p'))"},
      {"-p", "1 +"},
      {"-e", "console.log(new Error('s').stack.split('\\n').slice(0, 2).join('|'))"},
      {"-p", "[__filename, module.id, typeof require, typeof exports]"},
  };
  std::string dir = MakeTempDir();
  for (const std::vector<std::string>& args : cases) {
    SCOPED_TRACE(args[1]);
    std::vector<std::string> node = {NodeBinary()};
    node.insert(node.end(), args.begin(), args.end());
    ProcessResult expected = RunProcess(node, dir);
    std::vector<std::string> toysnap = {Runfile("tools/toysnap")};
    toysnap.insert(toysnap.end(), args.begin(), args.end());
    ProcessResult actual = RunProcess(toysnap, dir);
    EXPECT_EQ(actual.out, expected.out);
    EXPECT_EQ(Comparable(actual.err), Comparable(expected.err)) << actual.err;
    EXPECT_EQ(actual.exit_code, expected.exit_code);
    EXPECT_THAT(actual.err, Not(HasSubstr("undefined:")));
  }
  // Node's caret marks the throw statement, toysnap's (as for files) the error.
  ProcessResult thrown = RunProcess({Runfile("tools/toysnap"), "-e", "throw new Error('x')"}, dir);
  EXPECT_EQ(thrown.exit_code, 1);
  EXPECT_THAT(thrown.err, HasSubstr("[eval]:1:7\nthrow new Error('x')\n      ^\n\nError: x\n    at [eval]:1:7\n"));
}

// Nameless code (JSON.parse's input) is "<anonymous_script>", as in Node.
TEST(NodeParityRobustTest, NamelessCodeIsAnonymousScript) {
  std::string dir = MakeTempDir();
  ProcessResult actual = RunProcess({Runfile("tools/toysnap"), "-p", "JSON.parse('{')"}, dir);
  EXPECT_EQ(actual.exit_code, 1);
  EXPECT_THAT(actual.err, HasSubstr("<anonymous_script>:1:2\n{\n"));
  EXPECT_THAT(actual.err, Not(HasSubstr("undefined")));
}

}  // namespace
}  // namespace toysnap
