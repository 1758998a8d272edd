// Single-file apps: a copy of the toysnap executable with a snapshot container
// appended (layout in embedded_snapshot.cc). Included by toysnap_main.cc only.
#ifndef TOYSNAP_TOOLS_EMBEDDED_SNAPSHOT_H_
#define TOYSNAP_TOOLS_EMBEDDED_SNAPSHOT_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "snapshot/base/shared_bytes.h"

namespace toysnap {

// Writes `output` atomically with mode 0755: the ELF image of `executable`
// (anything already appended to it is dropped), then `container` and the
// trailer that points to it.
absl::Status WriteCompiledExecutable(const std::string& executable, absl::string_view container,
                                     const std::string& output);

// The container embedded in `executable`, or nullopt for a plain executable
// (nothing follows its ELF image). Reads the ELF headers and the trailer, then
// maps the file; the container's bytes are a view of that mapping, not a copy,
// and are not verified here.
// Bytes after the ELF image without a consistent trailer (a truncated or
// damaged app) give DataLoss "snapshot rejected (<reason>): ..."; a file that
// is not a 64-bit ELF file gives FailedPrecondition; OS errors name the path.
absl::StatusOr<std::optional<SharedBytes>> ReadEmbeddedSnapshot(const std::string& executable);

}  // namespace toysnap

#endif  // TOYSNAP_TOOLS_EMBEDDED_SNAPSHOT_H_
