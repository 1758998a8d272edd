// Colours against Node: util.inspect with colors: true (fixtures in
// tests/node_parity/colors/), from source and from a snapshot; and the
// console's colorMode 'auto' on a terminal (a pty, through pty_run.py) and on
// a pipe with FORCE_COLOR / NO_COLOR, byte for byte with the pinned Node.
#include <stdlib.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::MakeTempDir;
using toysnap::testing::NodeBinary;
using toysnap::testing::ProcessResult;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

std::string Fixture(const std::string& name) {
  return Runfile("tests/node_parity/colors/" + name);
}

// Sets the colour variables a run sees (children inherit the environment);
// an empty value unsets one.
void SetColorEnv(const std::string& term, const std::string& force_color,
                 const std::string& no_color) {
  auto set = [](const char* name, const std::string& value) {
    if (value.empty()) {
      unsetenv(name);
    } else {
      setenv(name, value.c_str(), 1);
    }
  };
  set("TERM", term);
  set("FORCE_COLOR", force_color);
  set("NO_COLOR", no_color);
  unsetenv("NODE_DISABLE_COLORS");
  unsetenv("COLORTERM");
  unsetenv("CI");
  unsetenv("TMUX");
}

// Runs `entry`'s main() on a terminal under Node, then under toysnap from
// source and from a snapshot, and expects the same bytes and exit code;
// `coloured`: whether Node's output has colours (so the case is not vacuous).
void ExpectSameOnTerminal(const std::string& entry, bool coloured) {
  std::string node = NodeBinary();
  ASSERT_FALSE(node.empty()) << "TOYSNAP_NODE does not name the pinned Node";
  std::string pty_run = Fixture("pty_run.py");
  std::string dir = MakeTempDir();
  std::string runner = dir + "/runner.mjs";
  WriteTextFile(runner, absl::StrCat("const { main } = await import('file://", entry, "');\n",
                                     "setTimeout(() => main(process.argv.slice(2)), 0);\n"));
  ProcessResult expected = RunProcess({"/usr/bin/env", "python3", pty_run, node, runner}, dir);
  ASSERT_EQ(expected.exit_code, 0) << expected.err;
  EXPECT_EQ(expected.out.find("\x1b[33m1\x1b[39m") != std::string::npos, coloured) << expected.out;
  std::string toysnap = Runfile("tools/toysnap");
  ProcessResult build = RunProcess({toysnap, "build", entry, "-o", dir + "/app.snap"}, dir);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  for (const std::string& file : {entry, dir + "/app.snap"}) {
    SCOPED_TRACE(file);
    ProcessResult actual =
        RunProcess({"/usr/bin/env", "python3", pty_run, toysnap, "run", file}, dir);
    EXPECT_EQ(actual.out, expected.out);
    EXPECT_EQ(actual.exit_code, expected.exit_code);
  }
}

// Numbers, strings, nested objects, grouped arrays, Map/Set, errors (their
// frames marked), class instances, custom inspect using stylize, getters,
// and programs that change inspect.colors / inspect.styles.
TEST(NodeParityColorsTest, InspectWithColors) {
  SetColorEnv("", "", "");
  ExpectSameAsNode(Fixture("inspect.mjs"), {});
}

TEST(NodeParityColorsTest, ConsoleOnATerminalIsColoured) {
  SetColorEnv("xterm-256color", "", "");
  ExpectSameOnTerminal(Fixture("terminal.mjs"), true);
}

// A terminal with too few colours, or colours turned off, prints plain text.
TEST(NodeParityColorsTest, ConsoleOnATerminalWithoutColours) {
  SetColorEnv("dumb", "", "");
  ExpectSameOnTerminal(Fixture("terminal.mjs"), false);
  SetColorEnv("xterm-256color", "", "1");
  ExpectSameOnTerminal(Fixture("terminal.mjs"), false);
  SetColorEnv("xterm-256color", "0", "");
  ExpectSameOnTerminal(Fixture("terminal.mjs"), false);
}

// On a pipe only FORCE_COLOR turns colours on.
TEST(NodeParityColorsTest, ConsoleOnAPipe) {
  SetColorEnv("xterm-256color", "1", "");
  ExpectSameAsNode(Fixture("terminal.mjs"), {});
  SetColorEnv("xterm-256color", "", "1");
  ExpectSameAsNode(Fixture("terminal.mjs"), {});
  SetColorEnv("xterm-256color", "", "");
  ExpectSameAsNode(Fixture("terminal.mjs"), {});
}

// The report of an uncaught error is util.inspect of it, in colour on a
// terminal (or with FORCE_COLOR) as Node's. Its first lines and frames are
// toysnap's (README: process), so only the coloured property is compared.
TEST(NodeParityColorsTest, UncaughtErrorReportIsColouredOnATerminal) {
  const std::string coloured = "code: \x1b[32m'E_BOOM'\x1b[39m";
  std::string toysnap = Runfile("tools/toysnap");
  std::string pty_run = Fixture("pty_run.py");
  std::string entry = Fixture("uncaught.mjs");
  std::string dir = MakeTempDir();
  SetColorEnv("xterm-256color", "", "");
  ProcessResult on_terminal = RunProcess({"/usr/bin/env", "python3", pty_run, toysnap, "run", entry}, dir);
  EXPECT_EQ(on_terminal.exit_code, 1);
  EXPECT_NE(on_terminal.out.find(coloured), std::string::npos) << on_terminal.out;
  ProcessResult on_pipe = RunProcess({toysnap, "run", entry}, dir);
  EXPECT_NE(on_pipe.err.find("code: 'E_BOOM'"), std::string::npos) << on_pipe.err;
  SetColorEnv("dumb", "", "");
  on_terminal = RunProcess({"/usr/bin/env", "python3", pty_run, toysnap, "run", entry}, dir);
  EXPECT_NE(on_terminal.out.find("code: 'E_BOOM'"), std::string::npos) << on_terminal.out;
  SetColorEnv("dumb", "1", "");
  on_pipe = RunProcess({toysnap, "run", entry}, dir);
  EXPECT_NE(on_pipe.err.find(coloured), std::string::npos) << on_pipe.err;
}

}  // namespace
}  // namespace toysnap
