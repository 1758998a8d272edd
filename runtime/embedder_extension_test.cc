// An embedder's extension end to end: host functions and modules from a
// restored runtime, a native class instance made at build time, the snapshot's
// extension set, async functions settled from other threads, per-runtime state
// across threads, and the resource controls an embedder has.
#include "runtime/embedder_extension.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/snapshotting_runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

struct Counter {
  int64_t count = 0;
};

struct Tally {  // per-runtime state
  std::string owner;
  int calls = 0;
};

// Threads that settle completions; joined by each test that starts them.
std::mutex threads_mutex;
std::vector<std::thread> threads;
void JoinThreads() {
  std::lock_guard<std::mutex> lock(threads_mutex);
  for (std::thread& thread : threads) thread.join();
  threads.clear();
}
void Later(std::function<void()> work) {
  std::lock_guard<std::mutex> lock(threads_mutex);
  threads.emplace_back([work = std::move(work)] {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    work();
  });
}

std::mutex kept_mutex;
std::optional<Completion<double>> kept;  // settled after its runtime is gone

void Declare(HostExtension& calc) {
  HostClass<Counter> counter("Counter");
  counter.Constructor({"start"}, [](std::optional<double> start) {
           return Counter{static_cast<int64_t>(start.value_or(0))};
         })
      .Method("add", {"by"},
              [](Counter& self, double by) {
                self.count += static_cast<int64_t>(by);
                return static_cast<double>(self.count);
              })
      .Getter("count", [](Counter& self) { return static_cast<double>(self.count); })
      .Setter("count", [](Counter& self, double value) { self.count = static_cast<int64_t>(value); })
      .Static("zero", {}, []() { return 0.0; })
      .Snapshot(
          1, [](const Counter& self) { return std::to_string(self.count); },
          [](absl::string_view bytes) -> absl::StatusOr<Counter> {
            return Counter{std::stoll(std::string(bytes))};
          });
  calc.State<Tally>([] { return std::make_unique<Tally>(); })
      .Function("add", {"a", "b"}, [](double a, double b) { return a + b; })
      .Function("tally", {"owner"},
                [](HostCall& call, std::string owner) -> absl::StatusOr<std::string> {
                  Tally* tally = call.state<Tally>();
                  if (tally == nullptr) return absl::InternalError("no state");
                  if (tally->owner.empty()) tally->owner = owner;
                  ++tally->calls;
                  return tally->owner + ":" + std::to_string(tally->calls);
                })
      .AsyncFunction("double", {"x"},
                     [](double x, Completion<double> done) {
                       Later([x, done] { done.Resolve(x * 2); });
                     })
      .AsyncFunction("refuse", {"why"},
                     [](std::string why, Completion<void> done) {
                       Later([why, done] { done.Reject(absl::NotFoundError(why)); });
                     })
      .AsyncFunction("forget", {}, [](Completion<std::string>) {})
      .AsyncFunction("keep", {},
                     [](Completion<double> done) {
                       std::lock_guard<std::mutex> lock(kept_mutex);
                       kept = done;
                     })
      .Class(std::move(counter))
      .Module("host:calc/sum", "import { add } from 'host:calc';\n"
                               "export const sum = (...xs) => xs.reduce((a, b) => add(a, b), 0);\n");
}

const HostExtension& Calc() {
  static const HostExtension* const calc = [] {
    auto* made = new HostExtension("calc", 1);
    Declare(*made);
    return made;
  }();
  return *calc;
}

RuntimeOptions WithCalc() {
  RuntimeOptions options;
  options.console = false;
  options.extensions = {Calc().extension()};
  return options;
}

constexpr char kModule[] = R"(
import { add, Counter } from 'host:calc';
import * as calc from 'host:calc';
import { sum } from 'host:calc/sum';
globalThis.calc = calc;
globalThis.sum = sum;
globalThis.built = add(40, 2);
globalThis.counter = new Counter(5);
counter.add(2);
)";

TEST(EmbedderExtensionTest, HostFunctionsAndModulesWorkFreshAndRestored) {
  for (RuntimeMode mode : {RuntimeMode::kFresh, RuntimeMode::kRestored}) {
    SCOPED_TRACE(RuntimeModeName(mode));
    absl::StatusOr<std::unique_ptr<Runtime>> runtime =
        RuntimeWithModule(mode, WithCalc(), "/virtual/main.mjs", kModule);
    ASSERT_TRUE(runtime.ok()) << runtime.status();
    EXPECT_EQ(EvalToString(**runtime, "built").value_or("?"), "42");
    EXPECT_EQ(EvalToString(**runtime, "calc.add(1, 2)").value_or("?"), "3");
    EXPECT_EQ(EvalToString(**runtime, "sum(1, 2, 3, 4)").value_or("?"), "10");
    EXPECT_EQ(EvalToString(**runtime, "Object.keys(calc).sort().join()").value_or("?"),
              "Counter,add,default,double,forget,keep,refuse,tally");
    // A dynamic import of the namespace after the restore.
    EXPECT_EQ(AwaitOrError(**runtime, "import('host:calc').then(ns => ns.add(2, 2))"), "4");
    EXPECT_EQ(AwaitOrError(**runtime, "import('host:calc/none').catch(e => e.message)"),
              "cannot resolve 'host:calc/none': no extension of this runtime serves it");
  }
}

TEST(EmbedderExtensionTest, NativeClassInstanceMadeAtBuildTimeWorksAfterRestore) {
  absl::StatusOr<std::unique_ptr<Runtime>> runtime =
      RuntimeWithModule(RuntimeMode::kRestored, WithCalc(), "/virtual/main.mjs", kModule);
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  EXPECT_EQ(EvalToString(**runtime, "counter.count").value_or("?"), "7");
  EXPECT_EQ(EvalToString(**runtime, "counter.add(3)").value_or("?"), "10");
  EXPECT_EQ(EvalToString(**runtime, "counter.count = 1; counter.count").value_or("?"), "1");
  EXPECT_EQ(EvalToString(**runtime, "String(counter)").value_or("?"), "[object Counter]");
  EXPECT_EQ(EvalToString(**runtime, "new calc.Counter().add(4)").value_or("?"), "4");
  EXPECT_EQ(EvalToString(**runtime, "calc.Counter.zero()").value_or("?"), "0");
  // Branded: a forgery or a call without `new` throws.
  EXPECT_EQ(EvalToString(**runtime,
                         "try { calc.Counter.prototype.add.call(Object.create(calc.Counter.prototype), 1) }"
                         " catch (e) { e.name + ': ' + e.message }")
                .value_or("?"),
            "TypeError: Illegal invocation");
  EXPECT_EQ(EvalToString(**runtime, "try { calc.Counter(1) } catch (e) { e.message }").value_or("?"),
            "Class constructor Counter cannot be invoked without 'new'");
  EXPECT_EQ(EvalToString(**runtime, "try { counter.add('x') } catch (e) { e.code }").value_or("?"),
            "ERR_INVALID_ARG_TYPE");
}

TEST(EmbedderExtensionTest, RestoreWithAnotherExtensionSetIsRefusedByName) {
  absl::StatusOr<InMemorySnapshot> snapshot =
      BuildInMemorySnapshotOfModule(TestV8(), WithCalc(), "/virtual/main.mjs", kModule);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  EXPECT_EQ(snapshot->metadata.extensions.back().name, "calc");

  RuntimeOptions none;
  absl::Status missing =
      Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, none).status();
  EXPECT_TRUE(absl::IsFailedPrecondition(missing)) << missing;
  EXPECT_EQ(missing.message(),
            "the snapshot was built with extension 'calc', which this runtime does not have");

  HostExtension newer("calc", 2);
  Declare(newer);
  RuntimeOptions with_newer;
  with_newer.extensions = {newer.extension()};
  absl::Status version =
      Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, with_newer).status();
  EXPECT_EQ(version.message(),
            "extension 'calc' differs from the one the snapshot was built with (version 1 vs 2); "
            "rebuild the snapshot");

  HostExtension changed("calc", 1);
  Declare(changed);
  changed.Function("extra", {}, []() { return 1.0; });
  RuntimeOptions with_changed;
  with_changed.extensions = {changed.extension()};
  absl::Status functions =
      Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, with_changed)
          .status();
  EXPECT_TRUE(absl::IsFailedPrecondition(functions)) << functions;
  EXPECT_NE(functions.message().find("extension 'calc' differs"), absl::string_view::npos);

  HostExtension other("other", 1);
  RuntimeOptions extra = WithCalc();
  extra.extensions.push_back(other.extension());
  absl::Status extra_status =
      Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, extra).status();
  EXPECT_EQ(extra_status.message(), "this runtime has extension 'other' where the snapshot has none");

  EXPECT_TRUE(
      Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, WithCalc()).ok());
}

TEST(EmbedderExtensionTest, DeclarationErrorsFailRuntimeCreation) {
  HostExtension bad("bad", 1);
  bad.Function("add", {"a"}, [](double a, double b) { return a + b; });
  RuntimeOptions options;
  options.extensions = {bad.extension()};
  absl::Status status = Runtime::Create(TestV8(), options).status();
  EXPECT_EQ(status.message(), "extension bad: function add takes 2 arguments but 1 name is given");

  HostExtension twice("twice", 1);
  twice.Function("f", {}, []() { return 1.0; }).Function("f", {}, []() { return 2.0; });
  options.extensions = {twice.extension()};
  EXPECT_EQ(Runtime::Create(TestV8(), options).status().message(),
            "extension twice defines the function f again");

  HostClass<Counter> counter("Miscount");
  counter.Method("add", {}, [](Counter& self, double by) { return by; });
  HostExtension classes("classes", 1);
  classes.Class(std::move(counter));
  options.extensions = {classes.extension()};
  EXPECT_EQ(Runtime::Create(TestV8(), options).status().message(),
            "extension classes: function Miscount.add takes 1 argument but 0 names are given");

  HostExtension module("mod", 1);
  module.Module("other:x", "");
  options.extensions = {module.extension()};
  EXPECT_EQ(Runtime::Create(TestV8(), options).status().message(),
            "extension mod: module specifier 'other:x' must start with 'host:mod/'");
}

TEST(EmbedderExtensionTest, AsyncFunctionsAreSettledFromOtherThreads) {
  for (RuntimeMode mode : {RuntimeMode::kFresh, RuntimeMode::kRestored}) {
    SCOPED_TRACE(RuntimeModeName(mode));
    absl::StatusOr<std::unique_ptr<Runtime>> runtime =
        RuntimeWithModule(mode, WithCalc(), "/virtual/main.mjs", kModule);
    ASSERT_TRUE(runtime.ok()) << runtime.status();
    EXPECT_EQ(AwaitOrError(**runtime, "calc.double(21)"), "42");
    EXPECT_EQ(AwaitOrError(**runtime, "Promise.all([calc.double(1), calc.double(2)]).then(String)"),
              "2,4");
    EXPECT_EQ(AwaitOrError(**runtime,
                           "calc.refuse('no such key').catch(e => `${e.name}: ${e.message}`)"),
              "Error: no such key");
    EXPECT_EQ(AwaitOrError(**runtime, "calc.forget().catch(e => e.message)"),
              "calc.forget dropped its Completion without settling it");
    // Arguments are checked before any promise is made, as Node's are.
    EXPECT_EQ(EvalToString(**runtime, "try { calc.double('x'); 'no' } catch (e) { e.code }")
                  .value_or("?"),
              "ERR_INVALID_ARG_TYPE");
    JoinThreads();
  }
}

// A build waits for pending host calls (its loop runs until idle); one still
// pending when the heap is written is named, as open files are.
TEST(EmbedderExtensionTest, APendingAsyncCallStopsASnapshotByName) {
  absl::StatusOr<std::unique_ptr<SnapshottingRuntime>> building =
      SnapshottingRuntime::Create(TestV8(), WithCalc());
  ASSERT_TRUE(building.ok()) << building.status();
  ASSERT_TRUE((*building)
                  ->runtime()
                  .ExecuteScript("keep.js", "import('host:calc').then(c => globalThis.p = c.keep())")
                  .ok());
  absl::Status status = std::move(**building).Serialize().status();
  EXPECT_TRUE(absl::IsFailedPrecondition(status)) << status;
  EXPECT_NE(status.message().find("still open, and a snapshot cannot hold it: async host call "
                                  "calc.keep()"),
            absl::string_view::npos)
      << status;
  building->reset();
  std::lock_guard<std::mutex> lock(kept_mutex);
  ASSERT_TRUE(kept.has_value());
  EXPECT_FALSE(kept->Resolve(1));
  kept.reset();
}

TEST(EmbedderExtensionTest, SettlingAfterTheRuntimeIsGoneIsSafe) {
  {
    absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(TestV8(), WithCalc());
    ASSERT_TRUE(runtime.ok()) << runtime.status();
    ASSERT_TRUE((*runtime)->ExecuteScript("keep.js", "import('host:calc').then(c => c.keep())").ok());
    ASSERT_TRUE((*runtime)->PollEventLoop().ok());
  }
  std::lock_guard<std::mutex> lock(kept_mutex);
  ASSERT_TRUE(kept.has_value());
  std::thread([] { EXPECT_FALSE(kept->Resolve(1)); }).join();
  kept.reset();
}

TEST(EmbedderExtensionTest, ConcurrentRuntimesKeepTheirOwnState) {
  absl::StatusOr<InMemorySnapshot> snapshot =
      BuildInMemorySnapshotOfModule(TestV8(), WithCalc(), "/virtual/main.mjs", kModule);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  constexpr int kThreads = 4;
  std::vector<std::string> results(kThreads);
  std::vector<std::thread> workers;
  for (int i = 0; i < kThreads; ++i) {
    workers.emplace_back([&, i] {
      absl::StatusOr<std::unique_ptr<Runtime>> runtime =
          Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, WithCalc());
      if (!runtime.ok()) {
        results[i] = std::string(runtime.status().message());
        return;
      }
      std::string name = "runtime" + std::to_string(i);
      absl::StatusOr<std::string> last = EvalToString(
          **runtime, "let last; for (let n = 0; n < 200; n++) last = calc.tally('" + name +
                         "'); counter.add(" + std::to_string(i) + "); last + '/' + counter.count");
      results[i] = last.ok() ? *last : std::string(last.status().message());
    });
  }
  for (std::thread& worker : workers) worker.join();
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(results[i], "runtime" + std::to_string(i) + ":200/" + std::to_string(7 + i));
  }
}

TEST(EmbedderExtensionTest, TerminateFromAnotherThreadStopsAnEndlessLoop) {
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(TestV8(), WithCalc());
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  std::shared_ptr<TerminationHandle> handle = (*runtime)->termination_handle();
  std::thread stopper([handle] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_TRUE(handle->Terminate());
  });
  absl::Status status = (*runtime)->ExecuteScript("spin.js", "for (;;) {}").status();
  stopper.join();
  EXPECT_TRUE(absl::IsAborted(status)) << status;
  EXPECT_EQ(status.message(), "terminated by the host (Runtime::Terminate)");
  EXPECT_TRUE(absl::IsAborted((*runtime)->ExecuteScript("after.js", "1").status()));
  runtime->reset();
  EXPECT_FALSE(handle->Terminate());  // the runtime is gone: nothing happens
}

TEST(EmbedderExtensionTest, NearHeapLimitCallbackRaisesTheLimitOrEndsExecution) {
  constexpr char kGrow[] = "globalThis.keep = []; for (let i = 0; i < 40; i++) "
                           "keep.push(new Array(256 * 1024).fill(i)); keep.length";
  RuntimeOptions options;
  options.console = false;
  options.max_heap_mb = 32;
  // Without a callback the limit ends it.
  absl::StatusOr<std::unique_ptr<Runtime>> limited = Runtime::Create(TestV8(), options);
  ASSERT_TRUE(limited.ok()) << limited.status();
  EXPECT_TRUE(absl::IsResourceExhausted((*limited)->ExecuteScript("grow.js", kGrow).status()));

  std::atomic<int> asked{0};
  options.on_near_heap_limit = [&](size_t limit, size_t used) -> size_t {
    ++asked;
    EXPECT_GT(used, 0u);
    return limit * 4;
  };
  absl::StatusOr<std::unique_ptr<Runtime>> raised = Runtime::Create(TestV8(), options);
  ASSERT_TRUE(raised.ok()) << raised.status();
  EXPECT_EQ(EvalToString(**raised, kGrow).value_or("failed"), "40");
  EXPECT_GE(asked.load(), 1);

  // A host that refuses ends unbounded allocation with kResourceExhausted.
  asked = 0;
  options.on_near_heap_limit = [&](size_t, size_t) -> size_t { return ++asked, 0; };
  absl::StatusOr<std::unique_ptr<Runtime>> refused = Runtime::Create(TestV8(), options);
  ASSERT_TRUE(refused.ok()) << refused.status();
  absl::Status status =
      (*refused)->ExecuteScript("leak.js", "const a = []; for (;;) a.push(new Array(1e5).fill(1));")
          .status();
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  EXPECT_EQ(asked.load(), 1);
}

TEST(EmbedderExtensionTest, EmbeddersGetNoPermissionsByDefault) {
  RuntimeOptions options = WithCalc();
  options.env = {{"SECRET", "x"}};
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(TestV8(), options);
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  EXPECT_EQ(AwaitOrError(**runtime,
                         "import('node:fs').then(fs => { try { fs.readFileSync('/etc/hostname'); "
                         "return 'read' } catch (e) { return e.code } })"),
            "ERR_ACCESS_DENIED");
  EXPECT_EQ(EvalToString(**runtime, "String(process.env.SECRET)").value_or("?"), "undefined");
}

}  // namespace
}  // namespace toysnap
