// Tests for file_io.h.
#include "snapshot/base/file_io.h"

#include <dirent.h>
#include <ftw.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace toysnap {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;
using file_io_internal::TempFile;

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
    std::string name = info->name();  // "Case/Param" for parametrized tests
    for (char& c : name) c = c == '/' ? '_' : c;
    dir_ = ::testing::TempDir() + "/file_io_" + name;
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

// Write tests run on both ways of staging the data: the public entry point
// (O_TMPFILE here) and the named-file fallback it uses elsewhere.
class AtomicWriteTest : public FileIoTest,
                        public ::testing::WithParamInterface<TempFile> {
 protected:
  absl::Status Write(const std::string& path, absl::string_view contents,
                     mode_t mode = 0644) {
    if (GetParam() == TempFile::kAnonymousOrNamed) {
      return WriteFileAtomically(path, contents, mode);
    }
    return file_io_internal::WriteFileAtomically(path, contents, mode,
                                                 GetParam());
  }
};

INSTANTIATE_TEST_SUITE_P(
    TempFiles, AtomicWriteTest,
    ::testing::Values(TempFile::kAnonymousOrNamed, TempFile::kNamed),
    [](const ::testing::TestParamInfo<TempFile>& info) {
      return info.param == TempFile::kNamed ? "Named" : "Anonymous";
    });

TEST_P(AtomicWriteTest, RoundTripAndReplace) {
  const std::string path = dir_ + "/app.snap";
  std::string big(3 << 20, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 131);
  ASSERT_TRUE(Write(path, big).ok());
  EXPECT_EQ(ReadFile(path).value(), big);

  ASSERT_TRUE(Write(path, "second").ok());
  EXPECT_EQ(ReadFile(path).value(), "second");
  ASSERT_TRUE(Write(path, "").ok());
  EXPECT_EQ(ReadFile(path).value(), "");

  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  EXPECT_THAT(Entries(dir_), ElementsAre("app.snap"));  // No temp files left.
}

TEST_P(AtomicWriteTest, ModeIsSetBeforeTheFileAppears) {
  const std::string path = dir_ + "/app";
  mode_t old_umask = umask(0077);
  ASSERT_TRUE(Write(path, "#!/bin/sh\n", 0755).ok());
  umask(old_umask);
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0755u);
  ASSERT_TRUE(Write(path, "data").ok());  // replacing resets it
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

TEST_P(AtomicWriteTest, NonexistentDirectoryFailsAndCreatesNothing) {
  const std::string path = dir_ + "/no/such/dir/app.snap";
  absl::Status s = Write(path, "data");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(path));
  EXPECT_THAT(Entries(dir_), IsEmpty());
}

TEST_P(AtomicWriteTest, UnwritableDirectoryLeavesTargetUntouched) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  const std::string path = dir_ + "/app.snap";
  ASSERT_TRUE(Write(path, "old").ok());
  ASSERT_EQ(chmod(dir_.c_str(), 0555), 0);
  absl::Status s = Write(path, "new");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(path));
  ASSERT_EQ(chmod(dir_.c_str(), 0755), 0);
  EXPECT_EQ(ReadFile(path).value(), "old");
  EXPECT_THAT(Entries(dir_), ElementsAre("app.snap"));
}

// rename() fails after the temp file was fully written: exercises cleanup on
// the latest failure point, and works even when the test runs as root.
TEST_P(AtomicWriteTest, FailedRenameRemovesTempAndLeavesTargetUntouched) {
  const std::string path = dir_ + "/app.snap";
  ASSERT_EQ(mkdir(path.c_str(), 0755), 0);
  ASSERT_TRUE(Write(path + "/keep", "kept").ok());
  absl::Status s = Write(path, "new contents");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(path));
  EXPECT_THAT(Entries(dir_), ElementsAre("app.snap"));
  EXPECT_EQ(ReadFile(path + "/keep").value(), "kept");
}

TEST_P(AtomicWriteTest, BareFileNameUsesCurrentDirectory) {
  char cwd[4096];
  ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
  ASSERT_EQ(chdir(dir_.c_str()), 0);
  absl::Status s = Write("bare.snap", "x");
  ASSERT_EQ(chdir(cwd), 0);
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(ReadFile(dir_ + "/bare.snap").value(), "x");
}

// Runs `write` in a child whose file-size limit is `limit` bytes, so the
// kernel ends it with SIGXFSZ exactly when its file reaches that size: a death
// in mid-write whatever the disk's speed. True if it died so.
bool DiesMidWrite(const std::function<absl::Status()>& write, rlim_t limit) {
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    signal(SIGXFSZ, SIG_DFL);
    struct rlimit rl = {limit, limit};
    if (setrlimit(RLIMIT_FSIZE, &rl) != 0) _exit(3);
    _exit(write().ok() ? 0 : 1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ;
}

// A writer dying in the middle of the write. The named fallback leaves its
// temporary file; the anonymous file leaves nothing. Either way the old file
// is intact.
TEST_P(AtomicWriteTest, KilledWriterLeavesTheOldFile) {
  const std::string path = dir_ + "/app.snap";
  ASSERT_TRUE(Write(path, "old").ok());
  const std::string big(4 << 20, 'x');
  for (rlim_t limit : {rlim_t{0}, rlim_t{1}, rlim_t{1} << 20, big.size() - 1}) {
    SCOPED_TRACE(limit);
    ASSERT_TRUE(DiesMidWrite([&] { return Write(path, big); }, limit));
    EXPECT_EQ(ReadFile(path).value(), "old");
    std::vector<std::string> entries = Entries(dir_);
    if (GetParam() == TempFile::kNamed) {
      EXPECT_THAT(entries, UnorderedElementsAre("app.snap", StartsWith(".app.snap.tmp.")));
      for (const std::string& entry : entries) {
        if (entry != "app.snap") std::remove((dir_ + "/" + entry).c_str());
      }
      continue;
    }
    if (entries.size() > 1) GTEST_SKIP() << "no O_TMPFILE on this file system";
    EXPECT_THAT(entries, ElementsAre("app.snap"));
  }
}

}  // namespace
}  // namespace toysnap
