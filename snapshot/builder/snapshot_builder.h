// Builds a snapshot container from an entry module through a SnapshottingRuntime.
// Included by the CLI and tests; the runtime never includes it.
#ifndef TOYSNAP_SNAPSHOT_BUILDER_SNAPSHOT_BUILDER_H_
#define TOYSNAP_SNAPSHOT_BUILDER_SNAPSHOT_BUILDER_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "runtime/runtime.h"
#include "runtime/snapshotting_runtime.h"
#include "runtime/v8_process.h"
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

// A build in two steps, so that a caller can guard the serialization (the CLI
// turns V8's abort on an unserializable heap into a message; tools/process_guards.h).
class SnapshotBuild {
 public:
  // Evaluates the entry module's graph, runs warmup(), and drains the event loop.
  // Pending work after the drain (an interval, say) is an error. `process` and
  // `options` outlive the build.
  static absl::StatusOr<std::unique_ptr<SnapshotBuild>> Evaluate(const V8Process& process,
                                                                 const BuildOptions& options);
  ~SnapshotBuild();

  // Serializes the warm heap into a container; consumes the build.
  absl::StatusOr<BuildResult> Serialize() &&;

 private:
  SnapshotBuild(const BuildOptions& options, std::unique_ptr<SnapshottingRuntime> snapshotting);
  const BuildOptions& options_;
  std::unique_ptr<SnapshottingRuntime> snapshotting_;  // owned; null once serialized
};

// Both steps, unguarded.
absl::StatusOr<BuildResult> BuildSnapshot(const V8Process& process, const BuildOptions& options);

// Whether `existing` (a container's bytes) was built by this toolchain with the
// same options from files that are all unchanged on disk, so a build may be
// skipped. Reads and hashes the recorded inputs; needs no V8.
bool IsUpToDate(absl::string_view existing, const BuildOptions& options);

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_BUILDER_SNAPSHOT_BUILDER_H_
