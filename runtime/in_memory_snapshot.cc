// Snapshots built in memory through SnapshottingRuntime, for tests and benchmarks.
#include "runtime/in_memory_snapshot.h"

#include "runtime/snapshotting_runtime.h"
#include "snapshot/base/status_macros.h"

namespace toysnap {

absl::StatusOr<InMemorySnapshot> BuildInMemorySnapshot(
    const V8Process& process, const RuntimeOptions& options,
    const std::function<absl::Status(Runtime&)>& prepare) {
  ASSIGN_OR_RETURN(std::unique_ptr<SnapshottingRuntime> snapshotting,
                   SnapshottingRuntime::Create(process, options));
  if (prepare) RETURN_IF_ERROR(prepare(snapshotting->runtime()));
  ASSIGN_OR_RETURN(SerializedSnapshot serialized, std::move(*snapshotting).Serialize());
  InMemorySnapshot snapshot;
  snapshot.blob = std::make_shared<const std::string>(serialized.blob.view());
  snapshot.metadata = std::move(serialized.metadata);
  return snapshot;
}

absl::StatusOr<InMemorySnapshot> BuildInMemorySnapshotOfModule(const V8Process& process,
                                                               const RuntimeOptions& options,
                                                               const std::string& path,
                                                               const std::string& source) {
  return BuildInMemorySnapshot(process, options, [&](Runtime& runtime) -> absl::Status {
    ASSIGN_OR_RETURN(std::string url, runtime.LoadMainModule(path, source));
    RETURN_IF_ERROR(runtime.EvaluateModule(url));
    return runtime.RunEventLoop(LoopMode::kUntilOnlyIntervals);
  });
}

}  // namespace toysnap
