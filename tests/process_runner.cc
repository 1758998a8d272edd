// Fork/exec with both output pipes drained through poll() to avoid deadlock.
#include "tests/process_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

extern char** environ;

namespace toysnap::testing {

namespace {

ProcessResult Run(const std::vector<std::string>& argv, const std::string& cwd,
                  const std::map<std::string, std::string>& extra_env, const ProcessIo& io,
                  int timeout_seconds) {
  ProcessResult result;
  int out_pipe[2], err_pipe[2], in_pipe[2] = {-1, -1};
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return result;
  if (io.pipe_stdin && pipe(in_pipe) != 0) return result;
  pid_t pid = fork();
  if (pid == 0) {
    if (io.stdout_path.empty()) {
      dup2(out_pipe[1], 1);
    } else {
      int file = open(io.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(file, 1);
      if (file > 2) close(file);
    }
    dup2(err_pipe[1], 2);
    // Only 0, 1 and 2 may reach the program: a spare copy of a pipe's write
    // end would be inherited by its children, and a grandchild still running
    // (a `sleep` its parent was killed over) would keep the pipe open.
    close(out_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[0]);
    close(err_pipe[1]);
    if (io.pipe_stdin) {
      dup2(in_pipe[0], 0);
      close(in_pipe[0]);
      close(in_pipe[1]);
    } else {
      int null_fd = open("/dev/null", O_RDONLY);
      dup2(null_fd, 0);
      if (null_fd > 2) close(null_fd);
    }
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    for (const auto& [name, value] : extra_env) setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  size_t fed = 0;
  if (io.pipe_stdin) {
    close(in_pipe[0]);
    fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
    signal(SIGPIPE, SIG_IGN);  // a child that stops reading early
  }
  pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_pipe[1], POLLOUT, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  time_t deadline = time(nullptr) + timeout_seconds;
  while (open_fds > 0) {
    if (time(nullptr) > deadline) {
      kill(pid, SIGKILL);
      break;
    }
    if (poll(fds, 3, 1000) <= 0) continue;
    if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = fed < io.stdin_text.size()
                      ? write(fds[2].fd, io.stdin_text.data() + fed, io.stdin_text.size() - fed)
                      : 0;
      if (n > 0) fed += static_cast<size_t>(n);
      if (n < 0 || fed >= io.stdin_text.size()) {
        close(fds[2].fd);
        fds[2].fd = -1;
      }
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      char buffer[65536];
      ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (pollfd& fd : fds) {
    if (fd.fd >= 0) close(fd.fd);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  if (!io.stdout_path.empty()) result.out = ReadTextFile(io.stdout_path);
  return result;
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& cwd,
                         const std::map<std::string, std::string>& extra_env,
                         int timeout_seconds) {
  return Run(argv, cwd, extra_env, {}, timeout_seconds);
}

ProcessResult RunProcessWithIo(const std::vector<std::string>& argv, const std::string& cwd,
                               const ProcessIo& io, int timeout_seconds) {
  return Run(argv, cwd, {}, io, timeout_seconds);
}

std::string Runfile(const std::string& path) {
  const char* srcdir = getenv("TEST_SRCDIR");
  const char* workspace = getenv("TEST_WORKSPACE");
  std::string base = srcdir ? srcdir : ".";
  return base + "/" + (workspace ? workspace : "toysnap") + "/" + path;
}

std::string NodeBinary() {
  // The test's `env` names the pinned @node_oracle runfile; never the PATH's node.
  const char* path = getenv("TOYSNAP_NODE");
  if (path == nullptr || *path == '\0') return "";
  std::string file = path[0] == '/' ? path : Runfile(path);
  char* real = realpath(file.c_str(), nullptr);
  if (real == nullptr) return "";
  std::string result(real);
  free(real);
  return result;
}

std::string MakeTempDir() {
  const char* tmp = getenv("TEST_TMPDIR");
  std::string pattern = std::string(tmp ? tmp : "/tmp") + "/e2eXXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) return "";
  return pattern;
}

void WriteTextFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

bool FileExists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

}  // namespace toysnap::testing
