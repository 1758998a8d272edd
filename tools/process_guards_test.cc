#include "tools/process_guards.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <functional>
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

// How a forked child ended, and what it wrote to stderr.
struct ChildEnd {
  int status = 0;
  std::string err;
};

ChildEnd RunInChild(const std::function<void()>& body) {
  ChildEnd end;
  int err[2];
  if (pipe(err) != 0) return end;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(err[1], 2);
    body();
    _exit(0);
  }
  close(err[1]);
  char buffer[512];
  for (ssize_t n; (n = read(err[0], buffer, sizeof(buffer))) > 0;) end.err.append(buffer, n);
  close(err[0]);
  if (pid > 0) waitpid(pid, &end.status, 0);
  return end;
}

// A child maps a file, the file is truncated, and the child reads past the new
// end: with the guard it exits 1 naming the file; without, SIGBUS kills it.
TEST(TruncationGuardTest, TurnsAReadOfATruncatedMappingIntoACleanExit) {
  std::string path = Write(TempDir() + "/shrinking.snap", std::string(1 << 20, 's'));
  for (bool guarded : {true, false}) {
    ChildEnd end = RunInChild([&] {
      absl::StatusOr<SharedBytes> mapped = MapFile(path);
      if (!mapped.ok()) _exit(3);
      if (truncate(path.c_str(), 4096) != 0) _exit(4);
      signal(SIGBUS, SIG_DFL);  // as in a plain process: ASan installs its own handler
      std::optional<TruncationGuard> guard;
      if (guarded) guard.emplace(path);
      volatile char last = mapped->data()[mapped->size() - 1];
      (void)last;
    });
    if (guarded) {
      ASSERT_TRUE(WIFEXITED(end.status)) << "signal " << WTERMSIG(end.status);
      EXPECT_EQ(WEXITSTATUS(end.status), 1);
      EXPECT_EQ(end.err, "toysnap: " + path + ": the file was truncated while it was being read\n");
    } else {
      ASSERT_TRUE(WIFSIGNALED(end.status));
      EXPECT_EQ(WTERMSIG(end.status), SIGBUS);
    }
    Write(path, std::string(1 << 20, 's'));
  }
}

// A child arms the guard and aborts as V8 does on a failed CHECK.
TEST(SerializationAbortGuardTest, TurnsAnAbortIntoAMessageAndExitCodeOne) {
  for (bool guarded : {true, false}) {
    ChildEnd end = RunInChild([&] {
      signal(SIGTRAP, SIG_DFL);
      std::optional<SerializationAbortGuard> guard;
      if (guarded) guard.emplace();
      raise(SIGTRAP);
    });
    if (guarded) {
      ASSERT_TRUE(WIFEXITED(end.status)) << "signal " << WTERMSIG(end.status);
      EXPECT_EQ(WEXITSTATUS(end.status), 1);
      EXPECT_NE(end.err.find("V8 could not serialize the heap"), std::string::npos) << end.err;
    } else {
      ASSERT_TRUE(WIFSIGNALED(end.status));
      EXPECT_EQ(WTERMSIG(end.status), SIGTRAP);
    }
  }
}

}  // namespace
}  // namespace toysnap
