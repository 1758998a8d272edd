// A build granted only its input files (as the Bazel rules grant them, through
// an @FILE of options) reads those and nothing else: module resolution treats
// what it may not read as missing (and says which of the paths it tried exist),
// and an undeclared file the program reads is an error naming the file.
#include <sys/stat.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli_fixture.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using toysnap::testing::ProcessResult;

class HermeticBuildTest : public toysnap::testing::CliFixture {
 protected:
  // Builds `entry` granted exactly `inputs`, through an options file.
  ProcessResult BuildGranted(const std::string& entry, const std::vector<std::string>& inputs) {
    std::string options = "--permission\n";
    for (const std::string& input : inputs) absl::StrAppend(&options, "--allow-fs-read=", input, "\n");
    std::string params = Write("build.params", options);
    return Toysnap({"build", entry, "-o", Path("app.snap"), "@" + params});
  }
};

TEST_F(HermeticBuildTest, DeclaredPackagesResolveThroughDirectoriesThatAreNotGranted) {
  ASSERT_EQ(mkdir(Path("app").c_str(), 0755), 0);
  ASSERT_EQ(mkdir(Path("app/node_modules").c_str(), 0755), 0);
  ASSERT_EQ(mkdir(Path("app/node_modules/dep").c_str(), 0755), 0);
  std::string package = Write("app/node_modules/dep/package.json", R"({"main": "lib.js"})");
  std::string lib = Write("app/node_modules/dep/lib.js", "module.exports = 'dep ok';\n");
  Write("app/node_modules/dep/README.md", "not an input\n");
  std::string entry = Write("app/main.mjs", R"(import dep from 'dep';
export function main() { console.log(dep); }
)");
  ProcessResult build = BuildGranted(entry, {entry, package, lib});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  ProcessResult run = Toysnap({"run", Path("app.snap")});
  EXPECT_EQ(run.out, "dep ok\n") << run.err;
}

TEST_F(HermeticBuildTest, APackageOutsideTheInputsIsMissingNotDenied) {
  ASSERT_EQ(mkdir(Path("node_modules").c_str(), 0755), 0);
  ASSERT_EQ(mkdir(Path("node_modules/outside").c_str(), 0755), 0);
  Write("node_modules/outside/index.js", "module.exports = 1;\n");
  ASSERT_EQ(mkdir(Path("app").c_str(), 0755), 0);
  std::string entry = Write("app/main.mjs", "import x from 'outside';\nexport function main() {}\n");
  ProcessResult build = BuildGranted(entry, {entry});
  EXPECT_EQ(build.exit_code, 1) << build.err;
  EXPECT_THAT(build.err, HasSubstr("Cannot find package 'outside'"));
  EXPECT_THAT(build.err, Not(HasSubstr("ERR_ACCESS_DENIED")));
  EXPECT_THAT(build.err, HasSubstr("/node_modules/outside (exists, but --allow-fs-read does not"));
  EXPECT_FALSE(toysnap::testing::FileExists(Path("app.snap")));
}

TEST_F(HermeticBuildTest, AnUndeclaredFileTheProgramReadsIsAnErrorNamingIt) {
  std::string secret = Write("undeclared.txt", "not an input\n");
  std::string imported = Write("helper.mjs", "export const x = 1;\n");
  ASSERT_EQ(mkdir(Path("app").c_str(), 0755), 0);
  std::string reads = Write("app/reads.mjs", absl::StrCat(R"(import fs from 'node:fs';
const text = fs.readFileSync(')", secret, R"(', 'utf8');
export function main() { console.log(text); }
)"));
  ProcessResult read = BuildGranted(reads, {reads});
  EXPECT_EQ(read.exit_code, 1) << read.err;
  EXPECT_THAT(read.err, HasSubstr(absl::StrCat("resource: '", secret, "'")));
  EXPECT_THAT(read.err, HasSubstr("reads.mjs:2:"));
  std::string imports = Write("app/imports.mjs", "import { x } from '../helper.mjs';\n"
                                                 "export function main() {}\n");
  ProcessResult import = BuildGranted(imports, {imports});
  EXPECT_EQ(import.exit_code, 1) << import.err;
  EXPECT_THAT(import.err, HasSubstr(absl::StrCat("Cannot find module '", imported, "'")));
  EXPECT_THAT(import.err,
              HasSubstr(absl::StrCat(imported, " (exists, but --allow-fs-read does not grant it)")));
  EXPECT_FALSE(toysnap::testing::FileExists(Path("app.snap")));
}

}  // namespace
}  // namespace toysnap
