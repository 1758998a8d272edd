// Builds a snapshot in memory through a SnapshottingRuntime, as the snapshot
// builder does but without a container or files. For tests and benchmarks of restore only.
#ifndef TOYSNAP_RUNTIME_IN_MEMORY_SNAPSHOT_H_
#define TOYSNAP_RUNTIME_IN_MEMORY_SNAPSHOT_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "runtime/runtime.h"
#include "snapshot/container.h"

namespace toysnap {

struct InMemorySnapshot {
  std::shared_ptr<const std::string> blob;  // read-only; any number of restores share it
  SnapshotMetadata metadata;
};

// Creates a snapshotting runtime under `options`, lets `prepare` run code or
// load modules in it, and serializes the heap.
absl::StatusOr<InMemorySnapshot> BuildInMemorySnapshot(
    const V8Process& process, const RuntimeOptions& options,
    const std::function<absl::Status(Runtime&)>& prepare);

// The common case: `source` as the main module at `path`, evaluated with the
// event loop drained.
absl::StatusOr<InMemorySnapshot> BuildInMemorySnapshotOfModule(const V8Process& process,
                                                               const RuntimeOptions& options,
                                                               const std::string& path,
                                                               const std::string& source);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_IN_MEMORY_SNAPSHOT_H_
