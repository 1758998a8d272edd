// The examples' snapshots built by Bazel (//examples, tools/defs.bzl) are
// rebuilt here by the CLI in another directory, at another time: the bytes must
// be identical, which is what lets Bazel's caches share them. lodash brings its
// node_modules tree (toysnap_node_modules), copied along.
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::MakeTempDir;
using toysnap::testing::ProcessResult;
using toysnap::testing::ReadTextFile;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;

class ReproducibleBuildTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReproducibleBuildTest, CliRebuildElsewhereMatchesTheBazelOutput) {
  const std::string& name = GetParam();
  std::string root = MakeTempDir();
  std::string copy = absl::StrCat(root, "/examples/", name);
  ASSERT_EQ(RunProcess({"/bin/mkdir", "-p", root + "/examples"}).exit_code, 0);
  // -L: the runfiles are symlinks; the copy holds real files.
  ASSERT_EQ(RunProcess({"/bin/cp", "-rL", Runfile("examples/" + name), copy}).exit_code, 0);
  ProcessResult build = RunProcess(
      {Runfile("tools/toysnap"), "build", absl::StrCat("examples/", name, "/main.js"), "-o",
       root + "/rebuilt.snap", "--quiet", "--preserve-symlinks", "--path-prefix-map=.=/workspace"},
      root, {{"TZ", "UTC"}, {"LANG", "C"}, {"LC_ALL", "C"}, {"SOURCE_DATE_EPOCH", "315532800"}});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  std::string bazel_built = ReadTextFile(Runfile(absl::StrCat("examples/", name, ".snap")));
  ASSERT_FALSE(bazel_built.empty());
  EXPECT_TRUE(ReadTextFile(root + "/rebuilt.snap") == bazel_built)
      << "rebuilding " << name << " elsewhere changed its bytes";
}

INSTANTIATE_TEST_SUITE_P(Examples, ReproducibleBuildTest,
                         ::testing::Values("hello", "wordfreq", "ticker", "lodash"));

}  // namespace
}  // namespace toysnap
