// Read-only file mappings, so `toysnap run` hands a snapshot's bytes to the
// checksum and to V8 without copying them.
#ifndef TOYSNAP_SNAPSHOT_BASE_MAPPED_FILE_H_
#define TOYSNAP_SNAPSHOT_BASE_MAPPED_FILE_H_

#include <string>

#include "absl/status/statusor.h"
#include "snapshot/base/shared_bytes.h"

namespace toysnap {

// The contents of `path`: a private read-only mapping of a regular file, or the
// bytes read from anything else (a pipe, /dev/stdin). The mapping is prefaulted
// and unmapped when the last copy of the result goes. Errors name the path.
// A file truncated by another process while mapped faults (SIGBUS) on access:
// the CLI guards against that (tools/process_guards.h). Our own writers replace files by rename, which never does.
absl::StatusOr<SharedBytes> MapFile(const std::string& path);

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_BASE_MAPPED_FILE_H_
