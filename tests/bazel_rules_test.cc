// What the rules in tools/defs.bzl produce: executables that are copies of the
// runtime built for the target configuration (not of the exec-configuration
// toysnap that ran the action), followed by the snapshot.
#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ProcessResult;
using toysnap::testing::ReadTextFile;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;

constexpr size_t kTrailerSize = 16;  // container size (u64) + "TSNAPEXE"

// //tools:toysnap in this test's data is the target configuration's. Under the
// default configuration (fastbuild) the exec one is built with -O2 and differs.
TEST(BazelRulesTest, BinariesAreTheTargetRuntimeFollowedByTheSnapshot) {
  std::string runtime = ReadTextFile(Runfile("tools/toysnap"));
  ASSERT_FALSE(runtime.empty());
  for (const std::string& name : {"hello", "lodash"}) {
    std::string app = ReadTextFile(Runfile("examples/" + name + "_bin"));
    std::string snapshot = ReadTextFile(Runfile("examples/" + name + ".snap"));
    ASSERT_EQ(app.size(), runtime.size() + snapshot.size() + kTrailerSize) << name;
    EXPECT_TRUE(app.compare(0, runtime.size(), runtime) == 0)
        << name << "_bin is not a copy of the target configuration's toysnap";
    EXPECT_TRUE(app.compare(runtime.size(), snapshot.size(), snapshot) == 0) << name;
    EXPECT_TRUE(absl::EndsWith(app, "TSNAPEXE")) << name;
  }
  ProcessResult run = RunProcess({Runfile("examples/lodash_bin"), "bazel"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "hello, Bazel! lodash 4.17.21, 322 exports\n"
            "the: 7, dog: 3, fox: 3\n"
            "[ [ 1, 2, 3 ], [ 4, 5, 6 ], [ 7 ] ]\n");
}

}  // namespace
}  // namespace toysnap
