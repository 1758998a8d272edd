// The Clock class, and what a runtime's JavaScript sees with a fixed clock:
// Date (through V8Process's platform), performance and timers, per runtime.
#include "runtime/clock.h"

#include <cmath>
#include <memory>
#include <string>

#include "absl/strings/numbers.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

TEST(ClockTest, AFixedClockStartsAtItsEpochAndStandsStill) {
  Clock clock = Clock::FixedAt(1700000000000);
  EXPECT_TRUE(clock.fixed());
  EXPECT_EQ(clock.MonotonicMs(), 0);
  EXPECT_EQ(clock.WallMs(), 1700000000000.0);
  EXPECT_EQ(clock.WallMs(), 1700000000000.0);  // no real time leaks in
}

TEST(ClockTest, AFixedClockMovesOnlyForwardWhenAdvanced) {
  Clock clock = Clock::FixedAt(1000);
  clock.AdvanceTo(250.5);
  EXPECT_EQ(clock.MonotonicMs(), 250.5);
  EXPECT_EQ(clock.WallMs(), 1250.5);
  clock.AdvanceTo(100);  // a timer due in the past does not move time back
  EXPECT_EQ(clock.MonotonicMs(), 250.5);
  EXPECT_EQ(clock.WallMs(), 1250.5);
}

TEST(ClockTest, TheSystemClockIsTheSystemsAndIgnoresAdvance) {
  Clock clock;
  EXPECT_FALSE(clock.fixed());
  double before = SystemWallMs();
  double wall = clock.WallMs();
  EXPECT_GE(wall, before);
  EXPECT_LE(wall, SystemWallMs());
  double monotonic = clock.MonotonicMs();
  clock.AdvanceTo(monotonic + 1e9);
  EXPECT_LT(clock.MonotonicMs(), monotonic + 1e9);
}

RuntimeOptions Quiet(std::optional<int64_t> fixed_clock_ms = std::nullopt) {
  RuntimeOptions options;
  options.console = false;
  options.fixed_clock_ms = fixed_clock_ms;
  return options;
}

double Number(const absl::StatusOr<std::string>& text) {
  double value = std::nan("");
  EXPECT_TRUE(text.ok()) << text.status();
  if (text.ok()) EXPECT_TRUE(absl::SimpleAtod(*text, &value)) << *text;
  return value;
}

// V8's Date asks the process-wide platform; each isolate still gets its own
// runtime's clock.
TEST(ClockTest, EachRuntimeKeepsItsOwnClock) {
  absl::StatusOr<std::unique_ptr<Runtime>> fixed = Runtime::Create(TestV8(), Quiet(1e12));
  absl::StatusOr<std::unique_ptr<Runtime>> system = Runtime::Create(TestV8(), Quiet());
  ASSERT_TRUE(fixed.ok()) << fixed.status();
  ASSERT_TRUE(system.ok()) << system.status();
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(EvalToString(**fixed, "[Date.now(), new Date().getTime(), performance.now(), "
                                    "performance.timeOrigin].join()")
                  .value_or("?"),
              "1000000000000,1000000000000,0,1000000000000");
    double before = std::floor(SystemWallMs());
    double now = Number(EvalToString(**system, "Date.now()"));
    EXPECT_GE(now, before);
    EXPECT_LE(now, std::ceil(SystemWallMs()));
  }
}

// A day-long timer fires at once: the fixed clock jumps to it instead of
// sleeping (a sleep would outlast the test's timeout).
TEST(ClockTest, TimersMoveAFixedClockWithoutWaiting) {
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(TestV8(), Quiet(0));
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  EXPECT_EQ(AwaitToString(**runtime, "new Promise((resolve) => setTimeout(() => "
                                     "resolve(`${Date.now()} ${performance.now()}`), 86400000))")
                .value_or("?"),
            "86400000 86400000");
}

TEST(ClockTest, ASnapshotBuiltOnAFixedClockRestoresOnTheSystemClock) {
  absl::StatusOr<InMemorySnapshot> snapshot = BuildInMemorySnapshotOfModule(
      TestV8(), Quiet(5000), "/app/main.mjs",
      "globalThis.built = Date.now();\n"
      "await new Promise((resolve) => setTimeout(resolve, 250));\n"
      "globalThis.later = performance.now();\n");
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  double before = std::floor(SystemWallMs());
  absl::StatusOr<std::unique_ptr<Runtime>> restored =
      Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, Quiet());
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(EvalToString(**restored, "`${built} ${later}`").value_or("?"), "5000 250");
  double now = Number(EvalToString(**restored, "Date.now()"));
  EXPECT_GE(now, before);
  EXPECT_LE(now, std::ceil(SystemWallMs()));
  EXPECT_GE(Number(EvalToString(**restored, "performance.timeOrigin")), before);
}

}  // namespace
}  // namespace toysnap
