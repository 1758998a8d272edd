// The one place that drives v8::SnapshotCreator (see snapshotting_runtime.h).
#include "runtime/snapshotting_runtime.h"

#include "runtime/extension_registry.h"
#include "runtime/isolate_data.h"
#include "runtime/native_classes.h"
#include "snapshot/base/status_macros.h"

namespace toysnap {

SnapshottingRuntime::SnapshottingRuntime(const V8Process& process,
                                         std::unique_ptr<ExtensionRegistry> registry)
    : process_(process),
      registry_(std::move(registry)),
      sources_(ExternalSources::ForBuild()),
      references_(registry_->ExternalReferencesWith(sources_->addresses())),
      isolate_data_(std::make_unique<IsolateData>(registry_.get())),
      creator_(std::make_unique<v8::SnapshotCreator>(references_.data())) {
  isolate_data_->external_sources = sources_.get();
}

absl::StatusOr<std::unique_ptr<SnapshottingRuntime>> SnapshottingRuntime::Create(
    const V8Process& process, const RuntimeOptions& options) {
  std::unique_ptr<ExtensionRegistry> registry = Runtime::NewRegistry(options);
  RETURN_IF_ERROR(registry->status());
  std::unique_ptr<SnapshottingRuntime> snapshotting(
      new SnapshottingRuntime(process, std::move(registry)));
  ASSIGN_OR_RETURN(snapshotting->runtime_,
                   Runtime::CreateOnCreatorIsolate(process, snapshotting->creator_.get(), options,
                                                   snapshotting->registry_.get(),
                                                   snapshotting->isolate_data_.get()));
  return snapshotting;
}

// Native states outlive the Runtime (CreateBlob reads them); they and the
// platform's per-isolate state go before the creator disposes the isolate.
void SnapshottingRuntime::FreeIsolateState() {
  if (isolate_state_freed_) return;
  isolate_state_freed_ = true;
  runtime_.reset();
  DisposeNativeClasses(creator_->GetIsolate());
  process_.NotifyIsolateShutdown(creator_->GetIsolate());
}

// A build that failed before Serialize() needs no blob: V8 lets a creator go
// without one.
SnapshottingRuntime::~SnapshottingRuntime() { FreeIsolateState(); }

absl::StatusOr<SerializedSnapshot> SnapshottingRuntime::Serialize() && {
  if (runtime_ == nullptr) return absl::FailedPreconditionError("already serialized");
  std::unique_ptr<Runtime> runtime = std::move(runtime_);
  bool has_main = runtime->MainHasMainExport();
  absl::StatusOr<SnapshotMetadata> metadata = runtime->HandToCreator(creator_.get(), &buffer_repairs_);
  runtime.reset();
  if (!metadata.ok()) return metadata.status();
  metadata->has_main = has_main;
  // Keep compiled code: the point of the snapshot is a warm start.
  v8::StartupData data = creator_->CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
  FreeIsolateState();
  if (absl::Status repaired = buffer_repairs_.status(); !repaired.ok()) {
    delete[] data.data;
    return repaired;
  }
  if (data.data == nullptr || data.raw_size <= 0) {
    delete[] data.data;
    return absl::InternalError("V8 could not serialize the heap");
  }
  std::shared_ptr<const char> owner(data.data, std::default_delete<const char[]>());
  SerializedSnapshot snapshot;
  snapshot.blob = SharedBytes(owner, absl::string_view(data.data, static_cast<size_t>(data.raw_size)));
  snapshot.metadata = *std::move(metadata);
  snapshot.metadata.sources = sources_->Filled();
  return snapshot;
}

}  // namespace toysnap
