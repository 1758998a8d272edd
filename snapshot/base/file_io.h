// Whole-file read and crash-safe replace for snapshot files. Included by the
// CLI and runtime, which load and write containers; no format knowledge here.
#ifndef TOYSNAP_SNAPSHOT_BASE_FILE_IO_H_
#define TOYSNAP_SNAPSHOT_BASE_FILE_IO_H_

#include <sys/types.h>

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace toysnap {

// Reads the whole file at `path`. Errors name the path and the OS reason
// (NotFound, PermissionDenied, ...); a directory is refused.
absl::StatusOr<std::string> ReadFile(const std::string& path);

// Replaces `path` with `contents` (permission bits `mode`, whatever the umask)
// so that readers see either the old file or the complete new one, and a
// process killed at any point (SIGKILL included) leaves no partial file behind.
// The data goes to an anonymous O_TMPFILE inode in the target's directory, is
// fchmod'ed and fsynced there, then linked under a unique temporary name and
// renamed over `path` (linkat cannot replace a file, so the only moment a kill
// would leave a `.NAME.tmp.*` file is between those two calls). File systems
// without O_TMPFILE get a named temporary file from the start, removed on
// failure. On failure `path` is left untouched. Errors name the path.
absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view contents,
                                 mode_t mode = 0644);

namespace file_io_internal {

// How WriteFileAtomically stages its data; tests pin each path.
enum class TempFile {
  kAnonymousOrNamed,  // O_TMPFILE, or a named file where it is unsupported
  kNamed,             // always the named-file fallback
};

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view contents, mode_t mode,
                                 TempFile temp_file);

}  // namespace file_io_internal

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_BASE_FILE_IO_H_
