#include "tools/process_guards.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "snapshot/base/mapped_file.h"

namespace toysnap {
namespace {

std::string TempDir() {
  std::string dir = absl::StrCat(getenv("TEST_TMPDIR") ? getenv("TEST_TMPDIR") : "/tmp",
                                 "/process_guards_XXXXXX");
  return mkdtemp(dir.data());
}

std::string Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
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

// A child arms the guard and aborts as V8 does on a failed CHECK.
TEST(SerializationAbortGuardTest, TurnsAnAbortIntoAMessageAndExitCodeOne) {
  for (bool guarded : {true, false}) {
    int err[2];
    ASSERT_EQ(pipe(err), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      dup2(err[1], 2);
      signal(SIGTRAP, SIG_DFL);
      std::optional<SerializationAbortGuard> guard;
      if (guarded) guard.emplace();
      raise(SIGTRAP);
      _exit(0);
    }
    close(err[1]);
    std::string message;
    char buffer[512];
    for (ssize_t n; (n = read(err[0], buffer, sizeof(buffer))) > 0;) message.append(buffer, n);
    close(err[0]);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    if (guarded) {
      ASSERT_TRUE(WIFEXITED(status)) << "signal " << WTERMSIG(status);
      EXPECT_EQ(WEXITSTATUS(status), 1);
      EXPECT_NE(message.find("V8 could not serialize the heap"), std::string::npos) << message;
    } else {
      ASSERT_TRUE(WIFSIGNALED(status));
      EXPECT_EQ(WTERMSIG(status), SIGTRAP);
    }
  }
}

}  // namespace
}  // namespace toysnap
