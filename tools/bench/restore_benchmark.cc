// In-process restore figures for //tools/bench:restore_benchmark (Google Benchmark):
// restore latency of a hello and a large-heap snapshot, memory per extra runtime,
// and the cost of opening a container. Its own main(); nothing includes it.
#include <malloc.h>
#include <unistd.h>

#include <cstddef>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "benchmark/benchmark.h"
#include "runtime/extension_registry.h"
#include "runtime/native_classes.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/toolchain.h"
#include "runtime/v8_process.h"
#include "snapshot/container.h"
#include "snapshot/base/status_macros.h"
#include "v8-isolate.h"
#include "v8-snapshot.h"
#include "v8-statistics.h"

namespace toysnap {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// A module whose main() does nothing and prints nothing.
constexpr absl::string_view kHelloSource = "export function main() {}\n";

// About 35 MiB of live objects, strings and numbers computed at build time.
constexpr absl::string_view kLargeSource = R"js(
const items = [];
for (let i = 0; i < 200000; ++i) {
  items.push({ id: i, name: `item-${i}`, tags: [`t${i % 97}`, `u${i}`], score: i * 1.5 });
}
globalThis.catalog = { items, text: items.slice(0, 20000).map((it) => it.name).join(',') };
export function main() { return catalog.items.length; }
)js";

using BuiltSnapshot = InMemorySnapshot;

// The binary's V8Process, set by main() before any benchmark runs.
const V8Process* v8_process = nullptr;

// Evaluates `source` as the main module and serializes the warm heap, the way
// the snapshot builder does, in memory.
absl::StatusOr<BuiltSnapshot> BuildInMemory(absl::string_view name, absl::string_view source) {
  RuntimeOptions options;
  options.console = false;
  return BuildInMemorySnapshotOfModule(*v8_process, options, absl::StrCat("/bench/", name, ".js"),
                                       std::string(source));
}

// Snapshots built on first use and kept for the whole run; owned by main().
class Snapshots {
 public:
  const absl::StatusOr<BuiltSnapshot>& Hello() {
    if (!hello_) hello_ = BuildInMemory("hello", kHelloSource);
    return *hello_;
  }
  const absl::StatusOr<BuiltSnapshot>& Large() {
    if (!large_) large_ = BuildInMemory("large", kLargeSource);
    return *large_;
  }
  // The large snapshot as container bytes, stored with `compression`.
  const absl::StatusOr<std::string>& LargeContainer(Compression compression) {
    std::optional<absl::StatusOr<std::string>>& slot =
        compression == Compression::kZstd ? zstd_container_ : plain_container_;
    if (!slot) {
      const absl::StatusOr<BuiltSnapshot>& large = Large();
      EncodeOptions options;
      options.compression = compression;
      slot = large.ok()
                 ? EncodeContainer(CurrentToolchain(), large->metadata, *large->blob, options)
                 : absl::StatusOr<std::string>(large.status());
    }
    return *slot;
  }

 private:
  std::optional<absl::StatusOr<BuiltSnapshot>> hello_;
  std::optional<absl::StatusOr<BuiltSnapshot>> large_;
  std::optional<absl::StatusOr<std::string>> plain_container_;
  std::optional<absl::StatusOr<std::string>> zstd_container_;
};

absl::StatusOr<std::unique_ptr<Runtime>> Restore(const BuiltSnapshot& snapshot) {
  RuntimeOptions options;
  options.console = false;
  return Runtime::CreateFromSnapshot(*v8_process, snapshot.blob, snapshot.metadata, options);
}

// Stops the benchmark with `status` when it is an error; true if it was.
bool Failed(benchmark::State& state, const absl::Status& status) {
  if (status.ok()) return false;
  state.SkipWithError(std::string(status.ToString()).c_str());
  return true;
}

size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t size_pages = 0;
  size_t resident_pages = 0;
  statm >> size_pages >> resident_pages;
  return resident_pages * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

v8::HeapStatistics HeapStats(Runtime& runtime) {
  v8::HeapStatistics stats;
  runtime.isolate()->GetHeapStatistics(&stats);
  return stats;
}

// Restore and destroy, nothing else; `report_heap` adds the restored heap's size.
void RestoreAndDestroy(benchmark::State& state, const absl::StatusOr<BuiltSnapshot>& snapshot,
                       bool report_heap) {
  if (Failed(state, snapshot.status())) return;
  double heap_used_mb = 0;
  for (auto _ : state) {
    absl::StatusOr<std::unique_ptr<Runtime>> runtime = Restore(*snapshot);
    if (Failed(state, runtime.status())) return;
    if (report_heap && heap_used_mb == 0) {
      heap_used_mb = static_cast<double>(HeapStats(**runtime).used_heap_size()) / kMiB;
    }
  }
  state.counters["blob_MB"] = static_cast<double>(snapshot->blob->size()) / kMiB;
  if (report_heap) state.counters["heap_used_MB"] = heap_used_mb;
}

void RestoreAndCallMain(benchmark::State& state, Snapshots& snapshots) {
  const absl::StatusOr<BuiltSnapshot>& hello = snapshots.Hello();
  if (Failed(state, hello.status())) return;
  for (auto _ : state) {
    absl::StatusOr<std::unique_ptr<Runtime>> runtime = Restore(*hello);
    if (Failed(state, runtime.status())) return;
    if (Failed(state, (*runtime)->CallMain({}))) return;
  }
}

// Restores kRuntimes runtimes from one shared blob, all alive at once, and
// reports what each added: resident memory and V8 heap.
void MemoryPerRuntime(benchmark::State& state, const absl::StatusOr<BuiltSnapshot>& snapshot) {
  constexpr int kRuntimes = 16;
  if (Failed(state, snapshot.status())) return;
  double rss_delta = 0;
  double heap_total = 0;
  double heap_used = 0;
  for (auto _ : state) {
    state.PauseTiming();
    malloc_trim(0);  // hand freed memory back so the delta counts only new runtimes
    const size_t rss_before = ResidentBytes();
    std::vector<std::unique_ptr<Runtime>> runtimes;
    state.ResumeTiming();
    for (int i = 0; i < kRuntimes; ++i) {
      absl::StatusOr<std::unique_ptr<Runtime>> runtime = Restore(*snapshot);
      if (Failed(state, runtime.status())) return;
      runtimes.push_back(*std::move(runtime));
    }
    state.PauseTiming();
    rss_delta += static_cast<double>(ResidentBytes()) - static_cast<double>(rss_before);
    for (const std::unique_ptr<Runtime>& runtime : runtimes) {
      v8::HeapStatistics stats = HeapStats(*runtime);
      heap_total += static_cast<double>(stats.total_heap_size());
      heap_used += static_cast<double>(stats.used_heap_size());
    }
    runtimes.clear();
    state.ResumeTiming();
  }
  const double per_runtime = 1.0 / (kMiB * kRuntimes * static_cast<double>(state.iterations()));
  state.counters["rss_per_runtime_MB"] = rss_delta * per_runtime;
  state.counters["heap_total_per_runtime_MB"] = heap_total * per_runtime;
  state.counters["heap_used_per_runtime_MB"] = heap_used * per_runtime;
}

// OpenContainer on the large snapshot: header and body checks, plus inflation
// for zstd.
void DecompressAndVerify(benchmark::State& state, Snapshots& snapshots, Compression compression) {
  const absl::StatusOr<std::string>& container = snapshots.LargeContainer(compression);
  if (Failed(state, container.status())) return;
  const Toolchain toolchain = CurrentToolchain();
  size_t raw_size = 0;
  for (auto _ : state) {
    absl::StatusOr<OpenedContainer> opened = OpenContainer(*container, toolchain);
    if (Failed(state, opened.status())) return;
    raw_size = opened->blob.size();
    benchmark::DoNotOptimize(opened->blob.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * raw_size));
  state.counters["container_MB"] = static_cast<double>(container->size()) / kMiB;
  state.counters["blob_MB"] = static_cast<double>(raw_size) / kMiB;
}

void RegisterBenchmarks(Snapshots& snapshots) {
  Snapshots* s = &snapshots;
  benchmark::RegisterBenchmark("BM_RestoreHello", [s](benchmark::State& state) {
    RestoreAndDestroy(state, s->Hello(), /*report_heap=*/false);
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_RestoreAndCallMain", [s](benchmark::State& state) {
    RestoreAndCallMain(state, *s);
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_RestoreLarge", [s](benchmark::State& state) {
    RestoreAndDestroy(state, s->Large(), /*report_heap=*/true);
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_MemoryPerRuntime/hello", [s](benchmark::State& state) {
    MemoryPerRuntime(state, s->Hello());
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_MemoryPerRuntime/large", [s](benchmark::State& state) {
    MemoryPerRuntime(state, s->Large());
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_DecompressAndVerify/none", [s](benchmark::State& state) {
    DecompressAndVerify(state, *s, Compression::kNone);
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_DecompressAndVerify/zstd", [s](benchmark::State& state) {
    DecompressAndVerify(state, *s, Compression::kZstd);
  })->Unit(benchmark::kMillisecond);
}

}  // namespace
}  // namespace toysnap

// V8 starts once, before any benchmark; snapshots are freed before it stops.
int main(int argc, char** argv) {
  std::unique_ptr<toysnap::V8Process> v8 = toysnap::V8Process::Initialize();
  toysnap::v8_process = v8.get();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  toysnap::Snapshots snapshots;
  toysnap::RegisterBenchmarks(snapshots);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
