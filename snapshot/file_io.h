// Whole-file read and crash-safe replace for snapshot files. Included by the
// CLI and runtime, which load and write containers; no format knowledge here.
#ifndef TOYSNAP_SNAPSHOT_FILE_IO_H_
#define TOYSNAP_SNAPSHOT_FILE_IO_H_

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
// so that readers see either the old file or the complete new one: writes a
// temporary file in the same directory, sets its mode, fsyncs it and renames it
// over `path`. On failure the temporary file is removed and `path` is left
// untouched. Errors name the path.
absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view contents,
                                 mode_t mode = 0644);

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_FILE_IO_H_
