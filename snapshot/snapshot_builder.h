// Builds a snapshot container from an entry module by driving v8::SnapshotCreator
// around a Runtime. Included by the CLI and tests; the runtime never includes it.
#ifndef TOYSNAP_SNAPSHOT_SNAPSHOT_BUILDER_H_
#define TOYSNAP_SNAPSHOT_SNAPSHOT_BUILDER_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "runtime/runtime.h"
#include "snapshot/container.h"

namespace toysnap {

struct BuildOptions {
  std::string entry;              // path of the entry module
  RuntimeOptions runtime;         // env holds only what the user passed with --env
  EncodeOptions encode;
  // Everything besides the input files that decides the output (options,
  // environment values); its hash, with the toolchain's, lets an unchanged
  // build be skipped (see IsUpToDate).
  std::string options_key;
  // Receive progress lines (stage and time) and warnings; either may be empty.
  std::function<void(absl::string_view)> progress;
  std::function<void(absl::string_view)> warn;
};

struct BuildResult {
  std::string container;  // the bytes of the .snap file
  SnapshotMetadata metadata;
  size_t blob_size = 0;   // V8 startup blob, before compression
};

// Evaluates the entry module's graph, drains the event loop, and serializes the
// warm heap. Pending work after the drain (an interval, say) is an error.
absl::StatusOr<BuildResult> BuildSnapshot(const BuildOptions& options);

// Whether `existing` (a container's bytes) was built by this toolchain with the
// same options from files that are all unchanged on disk, so a build may be
// skipped. Reads and hashes the recorded inputs; needs no V8.
bool IsUpToDate(absl::string_view existing, const BuildOptions& options);

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_SNAPSHOT_BUILDER_H_
