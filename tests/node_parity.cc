#include "tests/node_parity.h"

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace toysnap::testing {

void ExpectSameAsNode(const std::string& entry, const std::vector<std::string>& args,
                      const std::vector<std::string>& node_flags,
                      const std::vector<std::string>& toysnap_flags, const ProcessIo& io) {
  std::string node = NodeBinary();
  ASSERT_FALSE(node.empty()) << "TOYSNAP_NODE does not name the pinned Node";
  std::string dir = MakeTempDir();
  std::string runner = dir + "/runner.mjs";
  // Like toysnap: the module's top level and the work it queued finish first,
  // then main() runs as a macrotask. (Fixtures start no timers at top level.)
  WriteTextFile(runner, absl::StrCat("const { main } = await import('file://", entry, "');\n",
                                     "setTimeout(() => main(process.argv.slice(2)), 0);\n"));
  std::vector<std::string> node_argv = {node};
  node_argv.insert(node_argv.end(), node_flags.begin(), node_flags.end());
  // Under Node's permission model the runner must be readable too.
  if (std::find(node_flags.begin(), node_flags.end(), "--experimental-permission") !=
      node_flags.end()) {
    node_argv.push_back("--allow-fs-read=" + runner);
  }
  node_argv.push_back(runner);
  node_argv.insert(node_argv.end(), args.begin(), args.end());
  ProcessIo run_io = io;
  int runs = 0;
  auto next_io = [&] {
    if (!io.stdout_path.empty()) run_io.stdout_path = absl::StrCat(dir, "/stdout-", runs++, ".txt");
    return run_io;
  };
  ProcessResult expected = RunProcessWithIo(node_argv, dir, next_io());
  ASSERT_EQ(expected.signal, 0);
  // Node warns that its permission model is experimental; toysnap's is not.
  expected.err = std::regex_replace(
      expected.err, std::regex("\\(node:[0-9]+\\) ExperimentalWarning: [^\n]*\n\\(Use `node "
                               "--trace-warnings[^\n]*\n"),
      "");
  // Node warns that granting child processes weakens its permission model;
  // toysnap's CLI prints no such warning.
  expected.err = std::regex_replace(
      expected.err,
      std::regex("\\(node:[0-9]+\\) SecurityWarning: The flag --allow-child-process[^\n]*\n"),
      "");
  // Node's stacks also show its loader's frames and the runner's; ours do not.
  expected.out = std::regex_replace(
      expected.out, std::regex("    at [^\n]*(node:internal|runner\\.mjs)[^\n]*\n"), "");

  std::string toysnap = Runfile("tools/toysnap");
  ProcessResult build = RunProcess({toysnap, "build", entry, "-o", dir + "/app.snap"}, dir);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  for (const std::string& file : {entry, dir + "/app.snap"}) {
    SCOPED_TRACE(file);
    std::vector<std::string> argv = {toysnap, "run"};
    argv.insert(argv.end(), toysnap_flags.begin(), toysnap_flags.end());
    argv.push_back(file);
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult actual = RunProcessWithIo(argv, dir, next_io());
    // A snapshot's top level ran at build time, so its output came then.
    bool restored = file != entry;
    EXPECT_EQ((restored ? build.out : "") + actual.out, expected.out);
    EXPECT_EQ(actual.err, expected.err);
    EXPECT_EQ(actual.exit_code, expected.exit_code);
  }
}

}  // namespace toysnap::testing
