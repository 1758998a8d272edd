#include "snapshot/mapped_file.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <optional>
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

// A child maps a file, the file is truncated, and the child reads past the new
// end: with the guard it exits 1 naming the file; without, SIGBUS kills it.
TEST(TruncationGuardTest, TurnsAReadOfATruncatedMappingIntoACleanExit) {
  std::string path = Write(TempDir() + "/shrinking.snap", std::string(1 << 20, 's'));
  for (bool guarded : {true, false}) {
    int err[2];
    ASSERT_EQ(pipe(err), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      dup2(err[1], 2);
      absl::StatusOr<SharedBytes> mapped = MapFile(path);
      if (!mapped.ok()) _exit(3);
      if (truncate(path.c_str(), 4096) != 0) _exit(4);
      signal(SIGBUS, SIG_DFL);  // as in a plain process: ASan installs its own handler
      std::optional<TruncationGuard> guard;
      if (guarded) guard.emplace(path);
      volatile char last = mapped->data()[mapped->size() - 1];
      (void)last;
      _exit(0);
    }
    close(err[1]);
    std::string message;
    char buffer[256];
    for (ssize_t n; (n = read(err[0], buffer, sizeof(buffer))) > 0;) message.append(buffer, n);
    close(err[0]);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    if (guarded) {
      ASSERT_TRUE(WIFEXITED(status)) << "signal " << WTERMSIG(status);
      EXPECT_EQ(WEXITSTATUS(status), 1);
      EXPECT_EQ(message, "toysnap: " + path + ": the file was truncated while it was being read\n");
    } else {
      ASSERT_TRUE(WIFSIGNALED(status));
      EXPECT_EQ(WTERMSIG(status), SIGBUS);
    }
    Write(path, std::string(1 << 20, 's'));
  }
}

}  // namespace
}  // namespace toysnap
