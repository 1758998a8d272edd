// SnapshotCreator around a Runtime, in memory.
#include "runtime/in_memory_snapshot.h"

#include "runtime/external_references.h"
#include "runtime/native_classes.h"
#include "runtime/v8_process.h"
#include "snapshot/status_macros.h"
#include "v8-snapshot.h"

namespace toysnap {

absl::StatusOr<InMemorySnapshot> BuildInMemorySnapshot(
    const RuntimeOptions& options, const std::function<absl::Status(Runtime&)>& prepare) {
  InMemorySnapshot snapshot;
  v8::SnapshotCreator creator(ExternalReferences());
  {
    ASSIGN_OR_RETURN(std::unique_ptr<Runtime> runtime,
                     Runtime::CreateForSnapshotting(&creator, options));
    if (prepare) RETURN_IF_ERROR(prepare(*runtime));
    bool has_main = runtime->MainHasMainExport();
    ASSIGN_OR_RETURN(snapshot.metadata, runtime->ExportForSnapshot(&creator));
    snapshot.metadata.has_main = has_main;
  }
  v8::StartupData data = creator.CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
  DisposeNativeClasses(creator.GetIsolate());
  NotifyIsolateShutdown(creator.GetIsolate());
  if (data.data == nullptr || data.raw_size <= 0) {
    return absl::InternalError("V8 could not serialize the heap");
  }
  snapshot.blob =
      std::make_shared<const std::string>(data.data, static_cast<size_t>(data.raw_size));
  delete[] data.data;
  return snapshot;
}

absl::StatusOr<InMemorySnapshot> BuildInMemorySnapshotOfModule(const RuntimeOptions& options,
                                                               const std::string& path,
                                                               const std::string& source) {
  return BuildInMemorySnapshot(options, [&](Runtime& runtime) -> absl::Status {
    ASSIGN_OR_RETURN(std::string url, runtime.LoadMainModule(path, source));
    RETURN_IF_ERROR(runtime.EvaluateModule(url));
    return runtime.RunEventLoop(LoopMode::kUntilOnlyIntervals);
  });
}

}  // namespace toysnap
