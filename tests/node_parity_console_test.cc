// The console against Node: fixtures in tests/node_parity/console/ run by the
// pinned Node and by toysnap from source and from a snapshot (stdout, stderr
// and exit code byte for byte), and the process warnings console prints.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::MakeTempDir;
using toysnap::testing::ProcessIo;
using toysnap::testing::ProcessResult;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

std::string Fixture(const std::string& name) {
  return Runfile("tests/node_parity/console/" + name);
}

// log/info/debug/dirxml/warn/error, dir, assert, count, group, time*, the
// inspector's methods and the warnings' texts.
TEST(NodeParityConsoleTest, EveryMethodOfTheGlobalConsole) {
  ExpectSameAsNode(Fixture("methods.mjs"), {});
}

TEST(NodeParityConsoleTest, TablesOfEveryKind) { ExpectSameAsNode(Fixture("table.mjs"), {}); }

// new Console(...) and Console(...), options and their errors, subclasses,
// streams that fail.
TEST(NodeParityConsoleTest, ConsoleClass) { ExpectSameAsNode(Fixture("console_class.mjs"), {}); }

TEST(NodeParityConsoleTest, ShapeAndBuiltinModule) { ExpectSameAsNode(Fixture("shape.mjs"), {}); }

// State from the top level (the build, for a snapshot) used after it.
TEST(NodeParityConsoleTest, StateFromTheTopLevel) { ExpectSameAsNode(Fixture("build_time.mjs"), {}); }

// A program that replaces process.stdout.write (or _write), corks it, sets
// console._stdout or ends stdout sees console output as under Node; on a
// pipe and on a file.
TEST(NodeParityConsoleTest, WritesThroughAPatchedOrEndedStdout) {
  ExpectSameAsNode(Fixture("stdout_patching.mjs"), {});
  ExpectSameAsNode(Fixture("stdout_patching.mjs"), {"end"});
  ProcessIo io;
  io.stdout_path = "file";
  ExpectSameAsNode(Fixture("stdout_patching.mjs"), {"end"}, {}, {}, io);
}

// Without a patched emitWarning the warnings reach stderr as Node prints
// them (with the pid, so not compared byte for byte with Node's).
TEST(NodeParityConsoleTest, MissingLabelsArePrintedAsProcessWarnings) {
  std::string dir = MakeTempDir();
  std::string entry = dir + "/warn.mjs";
  WriteTextFile(entry, R"(export function main() {
  process.on('warning', (w) => console.log('event:', w.name, w.message));
  console.timeEnd('x');
  console.timeLog();
  console.countReset('c');
  console.time('t');
  console.time('t');
})");
  ProcessResult run = RunProcess({Runfile("tools/toysnap"), "run", entry}, dir);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "event: Warning No such label 'x' for console.timeEnd()\n"
            "event: Warning No such label 'default' for console.timeLog()\n"
            "event: Warning Count for 'c' does not exist\n"
            "event: Warning Label 't' already exists for console.time()\n");
  EXPECT_THAT(run.err, ::testing::MatchesRegex(
                           "\\(node:[0-9]+\\) Warning: No such label 'x' for console.timeEnd\\(\\)\n"
                           "\\(Use `toysnap --trace-warnings ...` to show where the warning was "
                           "created\\)\n(.|\n)*Label 't' already exists for console.time\\(\\)\n"));
}

}  // namespace
}  // namespace toysnap
