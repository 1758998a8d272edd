#include "runtime/snapshot_array_buffers.h"

#include "gtest/gtest.h"
#include "runtime/snapshotting_runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"
#include "v8-array-buffer.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

RuntimeOptions Quiet() {
  RuntimeOptions options;
  options.console = false;
  return options;
}

// Without the known layout every empty buffer would make builds fail.
TEST(SnapshotArrayBuffersTest, ThisV8HasTheKnownLayout) { EXPECT_TRUE(ArrayBufferLayoutKnown()); }

// Repairs `source`'s value as the serializer's callback would, then checks the
// buffer still works and survives a full GC in the live isolate.
ArrayBufferRepairs RepairValueOf(Runtime& runtime, absl::string_view source) {
  ArrayBufferRepairs repairs;
  absl::StatusOr<v8::Global<v8::Value>> value = runtime.ExecuteScript("make.js", source);
  EXPECT_TRUE(value.ok()) << value.status();
  if (!value.ok()) return repairs;
  v8::Isolate* isolate = runtime.isolate();
  {
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Context::Scope context_scope(runtime.context());
    v8::Local<v8::Object> buffer = value->Get(isolate).As<v8::Object>();
    RepairArrayBufferForSnapshot(buffer, &repairs);
    RepairArrayBufferForSnapshot(buffer, &repairs);  // V8 calls once per field
    EXPECT_EQ(buffer.As<v8::ArrayBuffer>()->GetBackingStore()->ByteLength(),
              buffer.As<v8::ArrayBuffer>()->ByteLength());
    isolate->LowMemoryNotification();
  }
  return repairs;
}

TEST(SnapshotArrayBuffersTest, ClearsOnlyTheExtensionOfBuffersWithoutMemory) {
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(TestV8(), Quiet());
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  ArrayBufferRepairs empty = RepairValueOf(**runtime, "new ArrayBuffer(0)");
  EXPECT_EQ(empty.cleared, 1u);
  EXPECT_EQ(empty.unrepaired, 0u);
  ArrayBufferRepairs detached =
      RepairValueOf(**runtime, "const b = new ArrayBuffer(0); structuredClone(b, {transfer: [b]}); b");
  EXPECT_EQ(detached.unrepaired, 0u);  // cleared, unless detaching dropped it
  ArrayBufferRepairs full = RepairValueOf(**runtime, "new ArrayBuffer(8)");
  EXPECT_EQ(full.cleared, 0u);
  EXPECT_EQ(full.unrepaired, 0u);
  EXPECT_TRUE(full.status().ok());
  // Ones V8 made without extension (a typed array's own buffer) need nothing.
  ArrayBufferRepairs bare = RepairValueOf(**runtime, "new Uint8Array(4).buffer");
  EXPECT_EQ(bare.cleared + bare.unrepaired, 0u);
}

TEST(SnapshotArrayBuffersTest, UnrepairedBuffersFailTheBuildWithAReason) {
  ArrayBufferRepairs repairs;
  repairs.unrepaired = 2;
  absl::Status status = repairs.status();
  EXPECT_TRUE(absl::IsFailedPrecondition(status)) << status;
  EXPECT_NE(status.message().find("2 zero-length ArrayBuffer(s)"), absl::string_view::npos);
}

TEST(SnapshotArrayBuffersTest, EmptyBuffersInTheSnapshotSurviveFullGcAfterRestore) {
  absl::StatusOr<std::unique_ptr<SnapshottingRuntime>> snapshotting =
      SnapshottingRuntime::Create(TestV8(), Quiet());
  ASSERT_TRUE(snapshotting.ok()) << snapshotting.status();
  ASSERT_TRUE((*snapshotting)
                  ->runtime()
                  .ExecuteScript("a.js",
                                 "globalThis.kept = [new ArrayBuffer(0), new Uint8Array(0).buffer,"
                                 " new TextEncoder().encode('').buffer, new ArrayBuffer(3)]")
                  .ok());
  absl::StatusOr<SerializedSnapshot> serialized = std::move(**snapshotting).Serialize();
  ASSERT_TRUE(serialized.ok()) << serialized.status();
  absl::StatusOr<std::unique_ptr<Runtime>> restored = Runtime::CreateFromSnapshot(
      TestV8(), serialized->blob, serialized->metadata, Quiet());
  ASSERT_TRUE(restored.ok()) << restored.status();
  (*restored)->isolate()->LowMemoryNotification();
  EXPECT_EQ(EvalToString(**restored, "kept.map((b) => new Uint8Array(b).length).join()").value_or("?"),
            "0,0,0,3");
  (*restored)->isolate()->LowMemoryNotification();
}

}  // namespace
}  // namespace toysnap
