// One snapshot blob, loaded once, restored into many runtimes on many threads at
// once: each isolate must see only its own state. Target //runtime:runtime_threads_test.
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "runtime/extension_registry.h"
#include "runtime/native_classes.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/v8_test_environment.h"
#include "snapshot/base/status_macros.h"
#include "v8-primitive.h"
#include "v8-snapshot.h"

// No v8::Locker: every runtime is created, used and destroyed on one thread, and
// V8 needs a Locker only when a single isolate is entered from several threads.

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

// Build-time global state, module-private state, and a main(index, rounds) that
// mutates both through timers, promises, microtasks and ticks.
constexpr absl::string_view kAppPath = "/toysnap/threads/app.js";
constexpr absl::string_view kAppSource = R"js(
globalThis.state = { counter: 1000, owner: 'build', ticks: 0, log: ['built'] };
let calls = 0;  // module-private: lives in the module's closures
globalThis.readCalls = () => calls;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
await sleep(1);  // the build drains timers and top-level await
export async function main(args) {
  const index = Number(args[0]);
  const rounds = Number(args[1]);
  calls += 1;
  state.owner = `runtime-${index}`;
  setTimeout(() => { state.late = index; }, 3);  // left for RunEventLoop
  for (let round = 0; round < rounds; ++round) {
    await sleep(round % 3);
    state.counter += index + 1;
    await Promise.resolve();
    queueMicrotask(() => state.log.push(index));
    process.nextTick(() => { state.ticks += 1; });
  }
}
)js";

constexpr absl::string_view kReport =
    "JSON.stringify({ owner: state.owner, counter: state.counter, ticks: state.ticks,"
    " log: state.log.join(), calls: readCalls(), late: state.late })";

// What kReport must give after main(index, rounds) and a drained loop.
std::string Expected(int index, int rounds) {
  std::string log = "built";
  for (int i = 0; i < rounds; ++i) absl::StrAppend(&log, ",", index);
  return absl::StrCat("{\"owner\":\"runtime-", index,
                      "\",\"counter\":", 1000 + rounds * (index + 1), ",\"ticks\":", rounds,
                      ",\"log\":\"", log, "\",\"calls\":1,\"late\":", index, "}");
}

using Snapshot = InMemorySnapshot;

// Builds the app's snapshot in memory, as the snapshot builder does.
absl::StatusOr<Snapshot> BuildApp() {
  return BuildInMemorySnapshotOfModule(TestV8(), RuntimeOptions{}, std::string(kAppPath),
                                       std::string(kAppSource));
}

// Runs main(index, rounds), drains the loop, and reports the state it left.
absl::StatusOr<std::string> RunApp(Runtime& runtime, int index, int rounds) {
  RETURN_IF_ERROR(runtime.CallMain({absl::StrCat(index), absl::StrCat(rounds)}));
  RETURN_IF_ERROR(runtime.RunEventLoop());
  return EvalToString(runtime, kReport, "report.js");
}

absl::StatusOr<std::unique_ptr<Runtime>> RestoreApp(const Snapshot& snapshot) {
  RuntimeOptions options;
  options.console = false;
  return Runtime::CreateFromSnapshot(TestV8(), snapshot.blob, snapshot.metadata, options);
}

// Every thread waits until all `count` have arrived; reusable (C++17 has no std::barrier).
class Barrier {
 public:
  explicit Barrier(int count) : count_(count) {}
  void ArriveAndWait() {
    std::unique_lock<std::mutex> lock(mutex_);
    int generation = generation_;
    if (++arrived_ == count_) {
      arrived_ = 0;
      ++generation_;
      all_arrived_.notify_all();
      return;
    }
    all_arrived_.wait(lock, [&] { return generation != generation_; });
  }

 private:
  const int count_;
  std::mutex mutex_;
  std::condition_variable all_arrived_;
  int arrived_ = 0;     // guarded by mutex_
  int generation_ = 0;  // guarded by mutex_
};

// What one thread saw; the main thread asserts on it.
struct ThreadResult {
  absl::Status status;  // first failure on the thread, if any
  std::string report;   // kReport after the run
  std::string before;   // kReport right after restore, before main()
};

TEST(RuntimeThreadsTest, EightRuntimesFromOneBlobKeepTheirStateApart) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 12;
  absl::StatusOr<Snapshot> snapshot = BuildApp();
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  const long blob_users_before = snapshot->blob.use_count();

  std::vector<ThreadResult> results(kThreads);
  Barrier barrier(kThreads);
  std::vector<std::thread> threads;
  for (int index = 0; index < kThreads; ++index) {
    threads.emplace_back([&, index] {
      ThreadResult& result = results[index];
      // All restore at once, all stay alive while the others run, and report
      // only after every thread has finished mutating its own heap.
      barrier.ArriveAndWait();
      absl::StatusOr<std::unique_ptr<Runtime>> runtime = RestoreApp(*snapshot);
      if (!runtime.ok()) result.status = runtime.status();
      barrier.ArriveAndWait();
      absl::StatusOr<std::string> before =
          result.status.ok() ? EvalToString(**runtime, "JSON.stringify(state)") : result.status;
      if (before.ok()) result.before = *before;
      absl::StatusOr<std::string> report =
          before.ok() ? RunApp(**runtime, index, kRounds) : before.status();
      barrier.ArriveAndWait();
      if (report.ok()) report = EvalToString(**runtime, kReport);
      if (report.ok()) result.report = *report;
      if (result.status.ok()) result.status = report.status();
      barrier.ArriveAndWait();
    });  // the runtime is destroyed here, on its own thread
  }
  for (std::thread& thread : threads) thread.join();

  for (int index = 0; index < kThreads; ++index) {
    SCOPED_TRACE(absl::StrCat("runtime ", index));
    ASSERT_TRUE(results[index].status.ok()) << results[index].status;
    EXPECT_EQ(results[index].before,
              R"({"counter":1000,"owner":"build","ticks":0,"log":["built"]})");
    EXPECT_EQ(results[index].report, Expected(index, kRounds));
  }
  // Every runtime let go of the shared blob when it was destroyed.
  EXPECT_EQ(snapshot->blob.use_count(), blob_users_before);
}

TEST(RuntimeThreadsTest, RepeatedRestoreRunDestroyOnFourThreads) {
  constexpr int kThreads = 4;
  constexpr int kCycles = 25;
  constexpr int kRounds = 3;
  absl::StatusOr<Snapshot> snapshot = BuildApp();
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();

  std::vector<ThreadResult> results(kThreads);
  std::vector<int> completed(kThreads, 0);
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (int cycle = 0; cycle < kCycles; ++cycle) {
        const int index = thread * 100 + cycle;  // unique per runtime
        absl::StatusOr<std::unique_ptr<Runtime>> runtime = RestoreApp(*snapshot);
        absl::StatusOr<std::string> report =
            runtime.ok() ? RunApp(**runtime, index, kRounds) : runtime.status();
        if (report.ok() && *report != Expected(index, kRounds)) {
          report = absl::InternalError(absl::StrCat("cycle ", cycle, " saw ", *report,
                                                    "; expected ", Expected(index, kRounds)));
        }
        if (!report.ok()) {
          results[thread].status = report.status();
          return;
        }
        ++completed[thread];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  for (int thread = 0; thread < kThreads; ++thread) {
    SCOPED_TRACE(absl::StrCat("thread ", thread));
    EXPECT_TRUE(results[thread].status.ok()) << results[thread].status;
    EXPECT_EQ(completed[thread], kCycles);
  }
}

}  // namespace
}  // namespace toysnap
