// A scripting host on toysnap's embedding API: it declares an extension (a host
// function, an async host function, a native class, per-runtime state), builds
// a snapshot of its tenants' warm heap in-process, restores it on several
// threads, calls into JS, and survives scripts that loop forever or allocate
// without bound. `bazel run //examples/embed` prints what each step saw and
// exits non-zero if any step went otherwise.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "runtime/embedder_extension.h"
#include "runtime/embedder_module_loader.h"
#include "runtime/runtime.h"
#include "runtime/snapshotting_runtime.h"
#include "runtime/v8_process.h"

namespace {

// The native class's C++ side: a ledger whose balance survives the snapshot.
struct Ledger {
  int64_t balance = 0;
};

// Each runtime's own state: who it serves, and how often it was asked.
struct Tenant {
  std::string name;
  int requests = 0;
};

// The extension: one object for the whole process, shared by every runtime.
const toysnap::HostExtension& ShopExtension() {
  static const toysnap::HostExtension* const shop = [] {
    toysnap::HostClass<Ledger> ledger("Ledger");
    ledger.Constructor({"opening"}, [](int64_t opening) { return Ledger{opening}; })
        .Method("deposit", {"amount"},
                [](Ledger& self, int64_t amount) -> absl::StatusOr<int64_t> {
                  if (amount <= 0) return absl::OutOfRangeError("deposits must be positive");
                  return self.balance += amount;
                })
        .Getter("balance", [](Ledger& self) { return self.balance; })
        .Snapshot(
            1, [](const Ledger& self) { return std::to_string(self.balance); },
            [](absl::string_view bytes) -> absl::StatusOr<Ledger> {
              return Ledger{std::stoll(std::string(bytes))};
            });

    auto* made = new toysnap::HostExtension("shop", 1);
    made->State<Tenant>([] { return std::make_unique<Tenant>(); })
        // A sync host function: typed arguments and result, state per runtime.
        .Function("greet", {"tenant"},
                  [](toysnap::HostCall& call, std::string tenant) {
                    Tenant* state = call.state<Tenant>();
                    if (state->name.empty()) state->name = tenant;
                    ++state->requests;
                    return "hello " + state->name + " #" + std::to_string(state->requests);
                  })
        // An async host function: the promise is settled from another thread.
        .AsyncFunction("price", {"item"},
                       [](std::string item, toysnap::Completion<double> done) {
                         std::thread([item, done] {
                           std::this_thread::sleep_for(std::chrono::milliseconds(10));
                           done.Resolve(static_cast<double>(item.size()) * 1.5);
                         }).detach();
                       })
        .Class(std::move(ledger))
        .Module("host:shop/cart", R"(
          import { price } from 'host:shop';
          export async function total(items) {
            let sum = 0;
            for (const item of items) sum += await price(item);
            return sum;
          }
        )");
    return made;
  }();
  return *shop;
}

// The tenants' program, served from memory by the embedder's module loader.
constexpr char kApp[] = R"(
  import { greet, Ledger } from 'host:shop';
  import { total } from 'host:shop/cart';
  // Made at build time; every restored runtime starts with it.
  const ledger = new Ledger(100n);
  ledger.deposit(20n);
  globalThis.handle = async (tenant, items) =>
    `${greet(tenant)}: total ${await total(items)}, balance ${ledger.deposit(1n)}`;
)";

int failures = 0;

void Check(bool ok, const std::string& what) {
  std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

toysnap::RuntimeOptions Options() {
  toysnap::RuntimeOptions options;  // no permissions: no files, network, env
  options.extensions = {ShopExtension().extension()};
  auto loader = std::make_shared<toysnap::InMemoryModuleLoader>("mem:");
  loader->Add("mem:/app.js", kApp);
  options.module_loader = loader;
  return options;
}

// Runs `source` and waits for its value (a promise or not), as text.
std::string Run(toysnap::Runtime& runtime, const std::string& source) {
  auto value = runtime.ExecuteScript("call.js", source);
  if (value.ok()) value = runtime.ResolveValue(*value);
  if (!value.ok()) return "error: " + std::string(value.status().message());
  v8::Isolate* isolate = runtime.isolate();
  v8::Isolate::Scope isolate_scope(isolate);
  v8::HandleScope handle_scope(isolate);
  v8::Context::Scope context_scope(runtime.context());
  v8::String::Utf8Value text(isolate, value->Get(isolate));
  return *text ? *text : "";
}

}  // namespace

int main() {
  auto v8 = toysnap::V8Process::Initialize();  // once per process

  // 1. Build the snapshot in-process: load and run the app, keep the heap.
  auto building = toysnap::SnapshottingRuntime::Create(*v8, Options());
  if (!building.ok()) return std::fprintf(stderr, "%s\n", building.status().ToString().c_str()), 1;
  auto url = (*building)->runtime().LoadMainModule("mem:/app.js");
  absl::Status evaluated = url.ok() ? (*building)->runtime().EvaluateModule(*url) : url.status();
  if (!evaluated.ok()) return std::fprintf(stderr, "%s\n", evaluated.ToString().c_str()), 1;
  auto snapshot = std::move(**building).Serialize();
  if (!snapshot.ok()) return std::fprintf(stderr, "%s\n", snapshot.status().ToString().c_str()), 1;
  Check(true, "snapshot built: " + std::to_string(snapshot->blob.size()) + " bytes");

  // 2. Restore it on several threads; each runtime has its own state.
  constexpr int kThreads = 4;
  std::vector<std::string> answers(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto runtime = toysnap::Runtime::CreateFromSnapshot(*v8, snapshot->blob, snapshot->metadata,
                                                          Options());
      if (!runtime.ok()) {
        answers[i] = "error: " + std::string(runtime.status().message());
        return;
      }
      std::string tenant = "tenant" + std::to_string(i);
      Run(**runtime, "handle('" + tenant + "', ['tea'])");
      answers[i] = Run(**runtime, "handle('" + tenant + "', ['tea', 'scone'])");
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int i = 0; i < kThreads; ++i) {
    std::string expected = "hello tenant" + std::to_string(i) + " #2: total 12, balance 122";
    Check(answers[i] == expected, "thread " + std::to_string(i) + ": " + answers[i]);
  }

  // 3. A mismatched argument is a TypeError naming it.
  auto runtime = toysnap::Runtime::CreateFromSnapshot(*v8, snapshot->blob, snapshot->metadata,
                                                      Options());
  if (!runtime.ok()) return std::fprintf(stderr, "%s\n", runtime.status().ToString().c_str()), 1;
  std::string mismatch =
      Run(**runtime, "import('host:shop').then(s => { try { s.greet(42) } catch (e) { return e.message } })");
  Check(mismatch.find("The \"tenant\" argument must be of type string") == 0, mismatch);

  // 4. A script that loops forever: the host terminates it from another thread.
  std::thread watchdog([handle = (*runtime)->termination_handle()] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    handle->Terminate();
  });
  std::string spun = Run(**runtime, "for (;;) {}");
  watchdog.join();
  Check(spun == "error: terminated by the host (Runtime::Terminate)", "endless loop: " + spun);

  // ... or its time limit ends it.
  toysnap::RuntimeOptions limited = Options();
  limited.timeout_ms = 200;
  auto timed = toysnap::Runtime::CreateFromSnapshot(*v8, snapshot->blob, snapshot->metadata, limited);
  std::string timed_out = timed.ok() ? Run(**timed, "for (;;) {}") : "not restored";
  Check(timed_out.find("error: timed out after 200 ms") == 0, "time limit: " + timed_out);

  // 5. A script that allocates without bound: the heap-limit callback is asked
  // and says stop (it could return a higher limit to let the script go on).
  std::atomic<int> asked{0};
  toysnap::RuntimeOptions bounded = Options();
  bounded.max_heap_mb = 64;
  bounded.on_near_heap_limit = [&asked](size_t /*limit*/, size_t /*used*/) -> size_t {
    ++asked;
    return 0;
  };
  auto greedy = toysnap::Runtime::CreateFromSnapshot(*v8, snapshot->blob, snapshot->metadata, bounded);
  std::string grown =
      greedy.ok() ? Run(**greedy, "const a = []; for (;;) a.push(new Array(1e5).fill(1))") : "not restored";
  Check(grown.find("error: heap limit of 64 MB reached") == 0 && asked == 1, "heap limit: " + grown);

  // The process is still fine: a new runtime serves as before.
  auto after = toysnap::Runtime::CreateFromSnapshot(*v8, snapshot->blob, snapshot->metadata, Options());
  Check(after.ok() && Run(**after, "handle('late', [])") == "hello late #1: total 0, balance 121",
        "a runtime after all that still works");
  return failures == 0 ? 0 : 1;
}
