#include "runtime/path_map.h"

#include "gtest/gtest.h"

namespace toysnap {
namespace {

TEST(PathMapTest, RewritesWholeComponentsBothWays) {
  absl::StatusOr<PathMap> map = PathMap::Parse({"/build/root=/workspace", "/opt=/"});
  ASSERT_TRUE(map.ok()) << map.status();
  EXPECT_EQ(map->ToRecorded("/build/root/app/main.js"), "/workspace/app/main.js");
  EXPECT_EQ(map->ToRecorded("/build/root"), "/workspace");
  EXPECT_EQ(map->ToRecorded("/build/rootless/x.js"), "/build/rootless/x.js");
  EXPECT_EQ(map->ToRecorded("/opt/lib/x.js"), "/lib/x.js");
  EXPECT_EQ(map->ToDisk("/workspace/app/main.js"), "/build/root/app/main.js");
  EXPECT_EQ(map->ToDisk("/elsewhere/x.js"), "/opt/elsewhere/x.js");
}

TEST(PathMapTest, EmptyMapChangesNothing) {
  PathMap map;
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.ToRecorded("/a/b"), "/a/b");
  EXPECT_EQ(map.ToDisk("/a/b"), "/a/b");
}

TEST(PathMapTest, RejectsMalformedEntries) {
  EXPECT_FALSE(PathMap::Parse({"no-equals"}).ok());
  EXPECT_FALSE(PathMap::Parse({"=/x"}).ok());
  EXPECT_FALSE(PathMap::Parse({"/x="}).ok());
  EXPECT_FALSE(PathMap::Parse({"/x=relative"}).ok());
}

}  // namespace
}  // namespace toysnap
