// Tests for file_io.h.
#include "snapshot/file_io.h"

#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace toysnap {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

void RemoveTree(const std::string& dir) {
  nftw(
      dir.c_str(),
      [](const char* path, const struct stat*, int, struct FTW*) {
        return remove(path);
      },
      16, FTW_DEPTH | FTW_PHYS);
}

// A fresh directory per test under the Bazel test temp dir.
class FileIoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = ::testing::TempDir() + "/file_io_" + info->name();
    RemoveTree(dir_);
    ASSERT_EQ(mkdir(dir_.c_str(), 0755), 0);
  }
  void TearDown() override {
    chmod(dir_.c_str(), 0755);
    RemoveTree(dir_);
  }

  std::vector<std::string> Entries(const std::string& dir) const {
    std::vector<std::string> names;
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) return names;
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    closedir(d);
    return names;
  }

  std::string dir_;
};

TEST_F(FileIoTest, RoundTripAndReplace) {
  const std::string path = dir_ + "/app.snap";
  std::string big(3 << 20, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 131);
  ASSERT_TRUE(WriteFileAtomically(path, big).ok());
  EXPECT_EQ(ReadFile(path).value(), big);

  ASSERT_TRUE(WriteFileAtomically(path, "second").ok());
  EXPECT_EQ(ReadFile(path).value(), "second");
  ASSERT_TRUE(WriteFileAtomically(path, "").ok());
  EXPECT_EQ(ReadFile(path).value(), "");

  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  EXPECT_THAT(Entries(dir_), ElementsAre("app.snap"));  // No temp files left.
}

TEST_F(FileIoTest, ModeIsSetBeforeTheFileAppears) {
  const std::string path = dir_ + "/app";
  mode_t old_umask = umask(0077);
  ASSERT_TRUE(WriteFileAtomically(path, "#!/bin/sh\n", 0755).ok());
  umask(old_umask);
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0755u);
  ASSERT_TRUE(WriteFileAtomically(path, "data").ok());  // replacing resets it
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(FileIoTest, ReadMissingFileNamesPath) {
  const std::string path = dir_ + "/missing.snap";
  absl::StatusOr<std::string> r = ReadFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(r.status().message(), HasSubstr(path));
  EXPECT_THAT(r.status().message(), HasSubstr("No such file or directory"));
}

TEST_F(FileIoTest, ReadRefusesDirectory) {
  absl::StatusOr<std::string> r = ReadFile(dir_);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr(dir_));
  EXPECT_THAT(r.status().message(), HasSubstr("Is a directory"));
}

TEST_F(FileIoTest, NonexistentDirectoryFailsAndCreatesNothing) {
  const std::string path = dir_ + "/no/such/dir/app.snap";
  absl::Status s = WriteFileAtomically(path, "data");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(path));
  EXPECT_THAT(Entries(dir_), IsEmpty());
}

TEST_F(FileIoTest, UnwritableDirectoryLeavesTargetUntouched) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  const std::string path = dir_ + "/app.snap";
  ASSERT_TRUE(WriteFileAtomically(path, "old").ok());
  ASSERT_EQ(chmod(dir_.c_str(), 0555), 0);
  absl::Status s = WriteFileAtomically(path, "new");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(path));
  ASSERT_EQ(chmod(dir_.c_str(), 0755), 0);
  EXPECT_EQ(ReadFile(path).value(), "old");
  EXPECT_THAT(Entries(dir_), ElementsAre("app.snap"));
}

// rename() fails after the temp file was fully written: exercises cleanup on
// the latest failure point, and works even when the test runs as root.
TEST_F(FileIoTest, FailedRenameRemovesTempAndLeavesTargetUntouched) {
  const std::string path = dir_ + "/app.snap";
  ASSERT_EQ(mkdir(path.c_str(), 0755), 0);
  ASSERT_TRUE(WriteFileAtomically(path + "/keep", "kept").ok());
  absl::Status s = WriteFileAtomically(path, "new contents");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(path));
  EXPECT_THAT(Entries(dir_), ElementsAre("app.snap"));
  EXPECT_EQ(ReadFile(path + "/keep").value(), "kept");
}

TEST_F(FileIoTest, BareFileNameUsesCurrentDirectory) {
  char cwd[4096];
  ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
  ASSERT_EQ(chdir(dir_.c_str()), 0);
  absl::Status s = WriteFileAtomically("bare.snap", "x");
  ASSERT_EQ(chdir(cwd), 0);
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(ReadFile(dir_ + "/bare.snap").value(), "x");
}

}  // namespace
}  // namespace toysnap
