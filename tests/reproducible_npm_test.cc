// Real npm graphs (lodash-es: 600 ES modules; the TypeScript compiler: one 9 MB
// CommonJS file that reads the clock while it loads) build to the same bytes in
// two directories, as the Bazel rules build them: a fixed clock, the directory
// recorded as /workspace. Before builds ran V8 in predictable mode, most
// lodash-es builds differed from the one before on an idle machine. tools/test runs `npm ci` in tests/npm_apps and passes
// its path in TOYSNAP_NPM_APPS.
#include <stdlib.h>

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::FileExists;
using toysnap::testing::MakeTempDir;
using toysnap::testing::ProcessResult;
using toysnap::testing::ReadTextFile;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;

// Where two byte strings differ: a count and the first few offsets, so a
// failure points at the heap object to look for.
std::string DescribeDifference(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return absl::StrCat("sizes differ: ", a.size(), " vs ", b.size());
  std::vector<size_t> offsets;
  size_t count = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (++count <= 8) offsets.push_back(i);
  }
  return absl::StrCat(count, " bytes differ, first at offsets ", absl::StrJoin(offsets, ", "));
}

struct NpmApp {
  std::string entry;  // in tests/npm_apps
  // How many builds must agree. The variation this guards against came and
  // went with machine load (thread timing); lodash-es builds are cheap, so
  // they are repeated enough to see it.
  int builds;
};

void PrintTo(const NpmApp& app, std::ostream* out) { *out << app.entry; }

class ReproducibleNpmTest : public ::testing::TestWithParam<NpmApp> {
 protected:
  void SetUp() override {
    const char* apps = getenv("TOYSNAP_NPM_APPS");
    if (apps == nullptr || !FileExists(std::string(apps) + "/node_modules")) {
      GTEST_SKIP() << "TOYSNAP_NPM_APPS is not set to an installed tests/npm_apps; "
                      "tools/test installs the packages and sets it";
    }
    apps_ = apps;
  }
  std::string apps_;
};

TEST_P(ReproducibleNpmTest, BuildsInDifferentDirectoriesAreByteIdentical) {
  const NpmApp& app = GetParam();
  std::string root = MakeTempDir();
  std::string first;
  for (int i = 0; i < app.builds; ++i) {
    // Different depths, so no offset in the heap can hide a path's length.
    std::string dir = absl::StrCat(root, "/build", i, i % 2 ? "/nested/deeper" : "");
    ASSERT_EQ(RunProcess({"/bin/mkdir", "-p", dir}).exit_code, 0);
    // -L: real files, whatever links the installed tree has.
    ASSERT_EQ(RunProcess({"/bin/cp", "-rL", apps_ + "/.", dir}).exit_code, 0);
    ProcessResult build =
        RunProcess({Runfile("tools/toysnap"), "build", app.entry, "-o", "app.snap", "--quiet",
                    "--path-prefix-map=.=/workspace"},
                   dir,
                   {{"SOURCE_DATE_EPOCH", "315532800"}, {"TZ", "UTC"}, {"LANG", "C"},
                    {"LC_ALL", "C"}},
                   /*timeout_seconds=*/120);
    ASSERT_EQ(build.exit_code, 0) << build.err;
    std::string bytes = ReadTextFile(dir + "/app.snap");
    ASSERT_GT(bytes.size(), 1000000u) << "not the whole graph";
    if (i == 0) {
      first = std::move(bytes);
      // And the snapshot is a working one.
      ProcessResult run = RunProcess({Runfile("tools/toysnap"), "run", dir + "/app.snap"});
      EXPECT_EQ(run.exit_code, 0) << run.err;
    } else {
      ASSERT_TRUE(bytes == first) << app.entry << ": build " << i << " in " << dir << ": "
                                  << DescribeDifference(first, bytes);
    }
    ASSERT_EQ(RunProcess({"/bin/rm", "-rf", dir}).exit_code, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Apps, ReproducibleNpmTest,
                         ::testing::Values(NpmApp{"lodash_app.mjs", 12},
                                           NpmApp{"typescript_app.mjs", 3}),
                         [](const ::testing::TestParamInfo<NpmApp>& info) {
                           return info.param.entry.substr(0, info.param.entry.find('_'));
                         });

}  // namespace
}  // namespace toysnap
