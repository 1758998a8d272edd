#include "runtime/snapshotting_runtime.h"

#include "gtest/gtest.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

RuntimeOptions Quiet() {
  RuntimeOptions options;
  options.console = false;
  return options;
}

TEST(SnapshottingRuntimeTest, SerializesAHeapThatRestoresWithItsState) {
  absl::StatusOr<std::unique_ptr<SnapshottingRuntime>> snapshotting =
      SnapshottingRuntime::Create(TestV8(), Quiet());
  ASSERT_TRUE(snapshotting.ok()) << snapshotting.status();
  ASSERT_TRUE(
      (*snapshotting)->runtime().ExecuteScript("a.js", "globalThis.built = 6 * 7").ok());
  absl::StatusOr<SerializedSnapshot> serialized = std::move(**snapshotting).Serialize();
  ASSERT_TRUE(serialized.ok()) << serialized.status();
  EXPECT_GT(serialized->blob.size(), 0u);

  absl::StatusOr<std::unique_ptr<Runtime>> restored = Runtime::CreateFromSnapshot(
      TestV8(), serialized->blob, serialized->metadata, Quiet());
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(EvalToString(**restored, "String(built)").value_or("?"), "42");
}

TEST(SnapshottingRuntimeTest, SerializesOnlyOnce) {
  absl::StatusOr<std::unique_ptr<SnapshottingRuntime>> snapshotting =
      SnapshottingRuntime::Create(TestV8(), Quiet());
  ASSERT_TRUE(snapshotting.ok()) << snapshotting.status();
  ASSERT_TRUE(std::move(**snapshotting).Serialize().ok());
  absl::Status again = std::move(**snapshotting).Serialize().status();
  EXPECT_TRUE(absl::IsFailedPrecondition(again)) << again;
}

void Noop(const v8::FunctionCallbackInfo<v8::Value>&) {}
constexpr NativeFunction kHostFunctions[] = {{"hostNoop", Noop, 0}};
const Extension kHostExtension{"host", 1, kHostFunctions, {}, {}, {}, {}};

// The snapshot records its runtime's extension set; another set is refused by
// name before V8 reads the blob.
TEST(SnapshottingRuntimeTest, RestoreRefusesAnotherExtensionSetByName) {
  RuntimeOptions with_host = Quiet();
  with_host.extensions = {&kHostExtension};
  absl::StatusOr<std::unique_ptr<SnapshottingRuntime>> snapshotting =
      SnapshottingRuntime::Create(TestV8(), with_host);
  ASSERT_TRUE(snapshotting.ok()) << snapshotting.status();
  absl::StatusOr<SerializedSnapshot> serialized = std::move(**snapshotting).Serialize();
  ASSERT_TRUE(serialized.ok()) << serialized.status();
  EXPECT_EQ(serialized->metadata.extensions.back().name, "host");

  absl::StatusOr<std::unique_ptr<Runtime>> without = Runtime::CreateFromSnapshot(
      TestV8(), serialized->blob, serialized->metadata, Quiet());
  EXPECT_TRUE(absl::IsFailedPrecondition(without.status())) << without.status();
  EXPECT_NE(std::string(without.status().message()).find("extension 'host'"), std::string::npos)
      << without.status();
  absl::StatusOr<std::unique_ptr<Runtime>> with = Runtime::CreateFromSnapshot(
      TestV8(), serialized->blob, serialized->metadata, with_host);
  EXPECT_TRUE(with.ok()) << with.status();
}

// A build that fails in JS is destroyed without a blob, and frees its isolate.
TEST(SnapshottingRuntimeTest, AFailedBuildIsDestroyedCleanly) {
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<std::unique_ptr<SnapshottingRuntime>> snapshotting =
        SnapshottingRuntime::Create(TestV8(), Quiet());
    ASSERT_TRUE(snapshotting.ok()) << snapshotting.status();
    absl::Status status =
        (*snapshotting)->runtime().ExecuteScript("bad.js", "throw new TypeError('no')").status();
    EXPECT_FALSE(status.ok());
    snapshotting->reset();
  }
}

}  // namespace
}  // namespace toysnap
