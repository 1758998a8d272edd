// The toysnap CLI as end-to-end tests drive it: a fresh working directory per
// test, files written there, tools/toysnap run in it. Included by tests in
// tests/ that run the CLI.
#ifndef TOYSNAP_TESTS_CLI_FIXTURE_H_
#define TOYSNAP_TESTS_CLI_FIXTURE_H_

#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/process_runner.h"

namespace toysnap::testing {

class CliFixture : public ::testing::Test {
 protected:
  void SetUp() override;

  // Runs tools/toysnap with `args` in dir_, with the test's environment plus `env`.
  ProcessResult Toysnap(std::vector<std::string> args,
                        const std::map<std::string, std::string>& env = {});
  // `name` inside dir_.
  std::string Path(const std::string& name) const;
  // Writes `text` to Path(name) and returns that path.
  std::string Write(const std::string& name, const std::string& text);
  // Builds `entry` into a snapshot at Path(out); the test fails if the build does.
  std::string Build(const std::string& entry, const std::string& out = "app.snap");

  std::string dir_;  // this test's own working directory, under TEST_TMPDIR
};

// A refusal: exit code 1 and `message` on stderr. The CLI chooses exit codes 1
// and 2; a signal, above all, is a crash.
void ExpectRefused(const ProcessResult& result, const std::string& message);

}  // namespace toysnap::testing

#endif  // TOYSNAP_TESTS_CLI_FIXTURE_H_
