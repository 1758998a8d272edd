#include "snapshot/base/mapped_file.h"

#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;

std::string TempDir() {
  std::string dir = absl::StrCat(getenv("TEST_TMPDIR") ? getenv("TEST_TMPDIR") : "/tmp",
                                 "/mapped_file_XXXXXX");
  return mkdtemp(dir.data());
}

std::string Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(MapFileTest, MapsARegularFileAndOutlivesTheFileName) {
  std::string bytes(3 << 20, 'a');
  bytes[12345] = '\0';
  bytes.back() = 'z';
  std::string path = Write(TempDir() + "/blob", bytes);
  absl::StatusOr<SharedBytes> mapped = MapFile(path);
  ASSERT_TRUE(mapped.ok()) << mapped.status();
  ASSERT_EQ(unlink(path.c_str()), 0);
  EXPECT_EQ(mapped->view(), bytes);
  SharedBytes tail = mapped->Subrange(bytes.size() - 2, 100);
  mapped = absl::InternalError("dropped");  // the subrange keeps the mapping
  EXPECT_EQ(tail.view(), "az");
}

TEST(MapFileTest, EmptyFilesAndPipesAreRead) {
  std::string empty = Write(TempDir() + "/empty", "");
  absl::StatusOr<SharedBytes> mapped = MapFile(empty);
  ASSERT_TRUE(mapped.ok()) << mapped.status();
  EXPECT_EQ(mapped->size(), 0u);

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(write(fds[1], "piped", 5), 5);
  close(fds[1]);
  absl::StatusOr<SharedBytes> piped = MapFile(absl::StrCat("/proc/self/fd/", fds[0]));
  close(fds[0]);
  ASSERT_TRUE(piped.ok()) << piped.status();
  EXPECT_EQ(piped->view(), "piped");
}

TEST(MapFileTest, ErrorsNameThePath) {
  std::string dir = TempDir();
  absl::StatusOr<SharedBytes> missing = MapFile(dir + "/missing");
  EXPECT_TRUE(absl::IsNotFound(missing.status()));
  EXPECT_THAT(missing.status().message(), HasSubstr(dir + "/missing"));
  absl::StatusOr<SharedBytes> directory = MapFile(dir);
  EXPECT_FALSE(directory.ok());
  EXPECT_THAT(directory.status().message(), HasSubstr(dir));
}

}  // namespace
}  // namespace toysnap
