#include "runtime/module_resolver.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace toysnap {
namespace {

class ModuleResolverTest : public testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/resolver_testXXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    ASSERT_EQ(mkdir((dir_ + "/sub dir").c_str(), 0755), 0);
    Touch(dir_ + "/main.js");
    Touch(dir_ + "/sub dir/lib.js");
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }
  static void Touch(const std::string& path) { std::ofstream(path) << "export {};\n"; }

  std::string dir_;
};

TEST(FileUrlTest, RoundTripsPathsWithSpecialCharacters) {
  std::string path = "/a b/c#d%e/ü.js";
  std::string url = PathToFileUrl(path);
  EXPECT_EQ(url, "file:///a%20b/c%23d%25e/%C3%BC.js");
  absl::StatusOr<std::string> back = FileUrlToPath(url);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, path);
}

TEST(FileUrlTest, RejectsOtherSchemesAndBadEscapes) {
  EXPECT_FALSE(FileUrlToPath("https://example.com/x.js").ok());
  EXPECT_FALSE(FileUrlToPath("file://host/x.js").ok());
  EXPECT_FALSE(FileUrlToPath("file:///x%zz.js").ok());
}

TEST(AbsolutePathTest, NormalizesDotSegments) {
  absl::StatusOr<std::string> path = AbsolutePath("/a/./b/../c//d.js");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(*path, "/a/c/d.js");
}

TEST_F(ModuleResolverTest, ResolvesRelativeAbsoluteAndFileUrls) {
  std::string referrer = PathToFileUrl(dir_ + "/main.js");
  std::string expected = PathToFileUrl(dir_ + "/sub dir/lib.js");
  EXPECT_EQ(ResolveSpecifier("./sub dir/lib.js", referrer).value(), expected);
  EXPECT_EQ(ResolveSpecifier("./sub dir/../sub dir/lib.js", referrer).value(), expected);
  EXPECT_EQ(ResolveSpecifier(dir_ + "/sub dir/lib.js", referrer).value(), expected);
  EXPECT_EQ(ResolveSpecifier(expected, referrer).value(), expected);
  EXPECT_EQ(ResolveSpecifier("../main.js", expected).value(), referrer);
}

TEST_F(ModuleResolverTest, MissingFilesNameTheCandidate) {
  std::string referrer = PathToFileUrl(dir_ + "/main.js");
  absl::StatusOr<std::string> missing = ResolveSpecifier("./nope.js", referrer);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find(dir_ + "/nope.js"), std::string::npos);
  // A directory is not a module.
  EXPECT_FALSE(ResolveSpecifier("./sub dir", referrer).ok());
}

TEST_F(ModuleResolverTest, BareSpecifiersAreReportedAsUnsupported) {
  absl::StatusOr<std::string> bare =
      ResolveSpecifier("lodash", PathToFileUrl(dir_ + "/main.js"));
  ASSERT_FALSE(bare.ok());
  EXPECT_NE(bare.status().message().find("'lodash'"), std::string::npos);
}

}  // namespace
}  // namespace toysnap
