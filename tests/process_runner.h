// Runs a program to completion for end-to-end tests, capturing its output.
// Included by tests in tests/ only.
#ifndef TOYSNAP_TESTS_PROCESS_RUNNER_H_
#define TOYSNAP_TESTS_PROCESS_RUNNER_H_

#include <map>
#include <string>
#include <vector>

namespace toysnap::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;      // the signal that ended it, or 0
  std::string out;
  std::string err;
};

// Runs argv[0] with argv, in `cwd` when not empty, with the caller's environment
// plus `extra_env`. Kills the process after `timeout_seconds`. Its stdin is
// /dev/null.
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& cwd = "",
                         const std::map<std::string, std::string>& extra_env = {},
                         int timeout_seconds = 60);

// What else a run may be given: stdin as a pipe carrying `stdin_text` (then
// closed), or stdout into the file `stdout_path` (read back into `out`).
struct ProcessIo {
  bool pipe_stdin = false;
  std::string stdin_text;
  std::string stdout_path;
};
ProcessResult RunProcessWithIo(const std::vector<std::string>& argv, const std::string& cwd,
                               const ProcessIo& io, int timeout_seconds = 60);

// Absolute path of a runfile, e.g. "tools/toysnap" in this workspace.
std::string Runfile(const std::string& path);

// The pinned Node the parity tests compare with (@node_oracle, named by the
// test's TOYSNAP_NODE), as an absolute path; "" if the test has none.
std::string NodeBinary();

// A fresh directory under TEST_TMPDIR.
std::string MakeTempDir();

void WriteTextFile(const std::string& path, const std::string& text);
std::string ReadTextFile(const std::string& path);
bool FileExists(const std::string& path);

}  // namespace toysnap::testing

#endif  // TOYSNAP_TESTS_PROCESS_RUNNER_H_
