// A runtime whose heap becomes a V8 startup snapshot. Included by the snapshot
// builder and by tests that build snapshots in memory; embedders that only run
// snapshots need runtime.h alone.
//
// Build state and restored state are different types: a SnapshottingRuntime owns
// its v8::SnapshotCreator and the Runtime on the creator's isolate, and the V8
// sequence (create, add data, set the default context, drop handles, create the
// blob, free native states) exists only in its Serialize().
#ifndef TOYSNAP_RUNTIME_SNAPSHOTTING_RUNTIME_H_
#define TOYSNAP_RUNTIME_SNAPSHOTTING_RUNTIME_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "runtime/external_sources.h"
#include "runtime/runtime.h"
#include "runtime/snapshot_array_buffers.h"
#include "runtime/v8_process.h"
#include "snapshot/base/shared_bytes.h"
#include "snapshot/container.h"
#include "v8-snapshot.h"

namespace toysnap {

struct SerializedSnapshot {
  SharedBytes blob;           // V8's startup blob; read-only, shareable by restores
  SnapshotMetadata metadata;  // what the container records beside it
};

class SnapshottingRuntime {
 public:
  // A runtime bootstrapped like Runtime::Create(), on an isolate that can be
  // serialized. `process` (not owned) outlives it.
  static absl::StatusOr<std::unique_ptr<SnapshottingRuntime>> Create(
      const V8Process& process, const RuntimeOptions& options);
  ~SnapshottingRuntime();
  SnapshottingRuntime(const SnapshottingRuntime&) = delete;
  SnapshottingRuntime& operator=(const SnapshottingRuntime&) = delete;

  // Load, evaluate and drain through this before Serialize().
  Runtime& runtime() { return *runtime_; }

  // Hands the heap to V8 and serializes it. Consumes the runtime: it is destroyed
  // whatever the outcome, so nothing can run on a half-exported heap.
  absl::StatusOr<SerializedSnapshot> Serialize() &&;

 private:
  SnapshottingRuntime(const V8Process& process, std::unique_ptr<ExtensionRegistry> registry);
  void FreeIsolateState();

  const V8Process& process_;
  // Declared before the creator: the tables and data outlive the isolate.
  std::unique_ptr<ExtensionRegistry> registry_;
  std::unique_ptr<ExternalSources> sources_;  // the big module sources' slots
  std::vector<intptr_t> references_;          // the registry's table and the slots
  std::unique_ptr<IsolateData> isolate_data_;
  std::unique_ptr<v8::SnapshotCreator> creator_;  // owned; owns the isolate
  std::unique_ptr<Runtime> runtime_;              // on creator_'s isolate; null once serialized
  bool isolate_state_freed_ = false;
  ArrayBufferRepairs buffer_repairs_;  // filled by CreateBlob's field callback
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_SNAPSHOTTING_RUNTIME_H_
