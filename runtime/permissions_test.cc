#include "runtime/permissions.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace toysnap {
namespace {

TEST(PermissionsTest, NothingIsGrantedByDefault) {
  Permissions none;
  for (Capability capability : {Capability::kFsRead, Capability::kFsWrite, Capability::kChildProcess,
                                Capability::kWorker, Capability::kNet, Capability::kEnv}) {
    EXPECT_TRUE(absl::IsPermissionDenied(none.Check(capability, "/x"))) << CapabilityName(capability);
  }
  Permissions all = Permissions::All();
  EXPECT_TRUE(all.Check(Capability::kFsWrite, "/etc/passwd").ok());
  EXPECT_TRUE(all.Check(Capability::kNet, "example.com:443").ok());
}

TEST(PermissionsTest, PathGrantsCoverTheirTreeAndNothingBesideIt) {
  Permissions p;
  p.AllowFsRead("/srv/app/").AllowFsWrite("/tmp/out");
  EXPECT_TRUE(p.Allows(Capability::kFsRead, "/srv/app"));
  EXPECT_TRUE(p.Allows(Capability::kFsRead, "/srv/app/lib/a.js"));
  EXPECT_FALSE(p.Allows(Capability::kFsRead, "/srv/application"));
  EXPECT_FALSE(p.Allows(Capability::kFsRead, "/srv/app/../secret"));
  EXPECT_FALSE(p.Allows(Capability::kFsRead, "/srv/app/./../../etc/passwd"));
  EXPECT_FALSE(p.Allows(Capability::kFsWrite, "/srv/app/a.js"));
  EXPECT_TRUE(p.Allows(Capability::kFsWrite, "/tmp/out/x"));
  EXPECT_FALSE(p.Allows(Capability::kFsRead, "/tmp/out/x"));
  EXPECT_EQ(p.Check(Capability::kFsRead, "/etc/passwd").message(), "FileSystemRead /etc/passwd");
}

// The Bazel rules grant a build each of its input files, thousands of them.
TEST(PermissionsTest, ManyFileGrantsCoverExactlyThoseFiles) {
  Permissions p;
  for (int i = 0; i < 5000; ++i) p.AllowFsRead(absl::StrCat("/x/node_modules/p", i, "/index.js"));
  p.AllowFsRead("/");
  Permissions files;
  for (int i = 0; i < 5000; ++i) files.AllowFsRead(absl::StrCat("/x/node_modules/p", i, "/index.js"));
  EXPECT_TRUE(files.Allows(Capability::kFsRead, "/x/node_modules/p4999/index.js"));
  EXPECT_TRUE(files.Allows(Capability::kFsRead, "/x/node_modules/p7/./index.js"));
  EXPECT_FALSE(files.Allows(Capability::kFsRead, "/x/node_modules/p7/index.json"));
  EXPECT_FALSE(files.Allows(Capability::kFsRead, "/x/node_modules/p7"));
  EXPECT_FALSE(files.Allows(Capability::kFsRead, "/x/node_modules/p7/index.js/../other.js"));
  EXPECT_FALSE(files.Allows(Capability::kFsRead, "x/node_modules/p7/index.js"));
  EXPECT_FALSE(files.Allows(Capability::kFsWrite, "/x/node_modules/p7/index.js"));
  EXPECT_TRUE(p.Allows(Capability::kFsRead, "/anything/at/all"));  // "/" covers the tree
  // Directories on the way to a grant, for module resolution's probes.
  EXPECT_TRUE(files.LeadsToGrant(Capability::kFsRead, "/x/node_modules/p7"));
  EXPECT_TRUE(files.LeadsToGrant(Capability::kFsRead, "/x/node_modules/"));
  EXPECT_TRUE(files.LeadsToGrant(Capability::kFsRead, "/"));
  EXPECT_FALSE(files.LeadsToGrant(Capability::kFsRead, "/x/node_modules/p7/index.js"));
  EXPECT_FALSE(files.LeadsToGrant(Capability::kFsRead, "/x/node_modules/q"));
  EXPECT_FALSE(files.LeadsToGrant(Capability::kFsWrite, "/x"));
}

TEST(PermissionsTest, NetGrantsByHostOrHostAndPort) {
  Permissions p;
  p.AllowNet("localhost").AllowNet("127.0.0.1:8080");
  EXPECT_TRUE(p.Allows(Capability::kNet, "localhost:1"));
  EXPECT_TRUE(p.Allows(Capability::kNet, "127.0.0.1:8080"));
  EXPECT_FALSE(p.Allows(Capability::kNet, "127.0.0.1:8081"));
  EXPECT_FALSE(p.Allows(Capability::kNet, "localhost.evil:1"));
}

TEST(PermissionsTest, FlagsGrantAllUnlessRestricted) {
  absl::StatusOr<Permissions> open = PermissionsFromFlags(false, {}, {}, false, false, {}, "/w");
  ASSERT_TRUE(open.ok());
  EXPECT_TRUE(open->Allows(Capability::kChildProcess));
  absl::StatusOr<Permissions> narrow =
      PermissionsFromFlags(true, {"src,/data"}, {"*"}, false, true, {"localhost"}, "/w");
  ASSERT_TRUE(narrow.ok());
  EXPECT_TRUE(narrow->Allows(Capability::kFsRead, "/w/src/main.js"));
  EXPECT_TRUE(narrow->Allows(Capability::kFsRead, "/data/x"));
  EXPECT_FALSE(narrow->Allows(Capability::kFsRead, "/w/other"));
  EXPECT_TRUE(narrow->Allows(Capability::kFsWrite, "/anything"));
  EXPECT_FALSE(narrow->Allows(Capability::kChildProcess));
  EXPECT_TRUE(narrow->Allows(Capability::kWorker));
  EXPECT_TRUE(narrow->Allows(Capability::kEnv));  // as under Node's model
}

}  // namespace
}  // namespace toysnap
