// Process-wide signal handling of the toysnap CLI: turns two known fatal
// signals into a message and exit code 1. Only the CLI's main() includes this;
// library code never installs signal handlers (an embedder's process is its own).
#ifndef TOYSNAP_TOOLS_PROCESS_GUARDS_H_
#define TOYSNAP_TOOLS_PROCESS_GUARDS_H_

#include <signal.h>

#include <string>

namespace toysnap {

// While alive, a SIGBUS (how reading a mapped file fails once another process
// has truncated it, e.g. `cp` over a snapshot being restored) ends the process
// with "toysnap: PATH: the file was truncated while it was being read" and exit
// code 1, instead of a crash. One guard at a time; the previous handler returns
// when it goes.
class TruncationGuard {
 public:
  explicit TruncationGuard(const std::string& path);
  ~TruncationGuard();
  TruncationGuard(const TruncationGuard&) = delete;
  TruncationGuard& operator=(const TruncationGuard&) = delete;

 private:
  struct sigaction previous_;
};

// While alive, a V8 abort (a failed CHECK: SIGTRAP, SIGABRT or SIGILL) ends the
// process with a message and exit code 1. V8 aborts so when a heap being
// serialized holds an object a snapshot cannot contain (an Intl formatter, a
// FinalizationRegistry entry); the builder writes nothing before that point.
// Writes to a closed pipe (`toysnap run app.snap | head -1`) fail with EPIPE
// instead of killing the process with SIGPIPE, as under Node.
void IgnoreSigpipe();

// For running programs (run, scripts, apps), as under Node: a write past
// RLIMIT_FSIZE (`ulimit -f`) fails with EFBIG instead of SIGXFSZ killing the
// process. Builds keep the default: a limit ends one mid-write as a kill
// would, which the CLI tests use. Children start with the default again
// (libuv resets signals).
void IgnoreSigxfsz();

// Keeps freed multi-megabyte buffers in malloc's heap for the next one, instead
// of glibc's default of returning each to the kernel and taking fresh pages
// (1,024 page faults per 4 MiB readFileSync). Programs that read or write big
// files reuse the same memory, as Node's do more often by GC timing. Costs at
// most 64 MiB of freed memory kept mapped.
void TuneMallocForLargeBuffers();

class SerializationAbortGuard {
 public:
  SerializationAbortGuard();
  ~SerializationAbortGuard();
  SerializationAbortGuard(const SerializationAbortGuard&) = delete;
  SerializationAbortGuard& operator=(const SerializationAbortGuard&) = delete;

 private:
  static constexpr int kSignals = 3;
  struct sigaction previous_[kSignals];
};

}  // namespace toysnap

#endif  // TOYSNAP_TOOLS_PROCESS_GUARDS_H_
