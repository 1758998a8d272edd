// Read-only file mappings, so `toysnap run` hands a snapshot's bytes to the
// checksum and to V8 without copying them.
#ifndef TOYSNAP_SNAPSHOT_MAPPED_FILE_H_
#define TOYSNAP_SNAPSHOT_MAPPED_FILE_H_

#include <string>

#include "absl/status/statusor.h"
#include "snapshot/shared_bytes.h"

namespace toysnap {

// The contents of `path`: a private read-only mapping of a regular file, or the
// bytes read from anything else (a pipe, /dev/stdin). The mapping is prefaulted
// and unmapped when the last copy of the result goes. Errors name the path.
// A file truncated by another process while mapped faults (SIGBUS) on access:
// see TruncationGuard. Our own writers replace files by rename, which never does.
absl::StatusOr<SharedBytes> MapFile(const std::string& path);

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
};

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_MAPPED_FILE_H_
