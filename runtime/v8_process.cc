// Process-wide V8 initialization and the toolchain fingerprint.
#include "runtime/v8_process.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "runtime/clock_platform.h"
#include "runtime/loop_platform.h"
#include "v8-initialization.h"

namespace toysnap {

absl::string_view V8Flags() {
  // Import assertions carry `assert { type: 'json' }`, which Node 18 also enables.
  // Eager source positions: an Error created at build time whose stack is first
  // read after restore otherwise reports every frame at 1:1.
  // No snapshot checksum in V8: the container's XXH3 checksum has verified these
  // bytes before V8 sees them, and V8's adler32 pass cost ~11% of a large restore.
  // No Sparkplug: it compiles baseline code on the main thread in batches as
  // soon as functions warm up, which a restored heap's first call pays for (3 of
  // 46 ms for TypeScript) and a short-lived CLI never earns back. The
  // interpreter and TurboFan for hot code remain.
  // Twice V8 10.2's interrupt budget (132 KB of bytecode run before a function
  // is considered for TurboFan): prettier's one-file format spent 27% of its
  // instructions optimizing code it then barely ran (604M -> 496M, CPU time
  // -17%); hello, TypeScript and a 240 ms compute loop are unchanged.
  return "--harmony-import-assertions --no-enable-lazy-source-positions "
         "--no-verify-snapshot-checksum --no-sparkplug --interrupt-budget=270336";
}

std::unique_ptr<V8Process> V8Process::Initialize() {
  std::string flags(V8Flags());
  v8::V8::SetFlagsFromString(flags.data(), flags.size());
  return Start();
}

std::unique_ptr<V8Process> V8Process::InitializeForBuild(uint32_t seed) {
  // --predictable: no GC or compiler threads. Parallel scavenges promoted
  // objects in an order set by thread timing, and whether a flattened cons
  // string (a lodash-es module URL, say) is still one in the heap depends on
  // whether it was promoted before the next scavenge. Off-thread compiles
  // finish at random points of the allocation sequence, moving every GC after.
  // --predictable-gc-schedule: the heap grows by a fixed factor instead of
  // one computed from measured GC speed, so GCs fall at the same allocations.
  std::string flags = absl::StrCat(V8Flags(), " --predictable --predictable-gc-schedule",
                                   " --random-seed=", static_cast<int32_t>(seed & 0x7fffffff) | 1);
  v8::V8::SetFlagsFromString(flags.data(), flags.size());
  return Start();
}

std::unique_ptr<V8Process> V8Process::Start() {
  // Runtimes with a fixed clock (RuntimeOptions::fixed_clock_ms) need V8's
  // Date to read it (ClockPlatform); event loops hear about V8's tasks
  // (LoopPlatform); libplatform's default platform does the rest.
  auto loop_platform = std::make_unique<LoopPlatform>(v8::platform::NewDefaultPlatform());
  LoopPlatform* loop = loop_platform.get();
  std::unique_ptr<PrefaultPageAllocator> page_allocator;
  if (v8::PageAllocator* inner = loop->GetPageAllocator()) {
    page_allocator = std::make_unique<PrefaultPageAllocator>(inner);
  }
  auto platform = std::make_unique<ClockPlatform>(std::move(loop_platform), page_allocator.get());
  v8::V8::InitializePlatform(platform.get());
  v8::V8::Initialize();
  return std::unique_ptr<V8Process>(
      new V8Process(std::move(page_allocator), std::move(platform), loop));
}

V8Process::V8Process(std::unique_ptr<PrefaultPageAllocator> page_allocator,
                     std::unique_ptr<ClockPlatform> platform, LoopPlatform* loop_platform)
    : page_allocator_(std::move(page_allocator)),
      platform_(std::move(platform)),
      loop_platform_(loop_platform) {}

v8::Platform* V8Process::platform() const { return platform_.get(); }

void V8Process::NotifyIsolateShutdown(v8::Isolate* isolate) const {
  loop_platform_->ForgetIsolate(isolate);
  v8::platform::NotifyIsolateShutdown(loop_platform_->inner(), isolate);
}

V8Process::~V8Process() {
  v8::V8::Dispose();
  v8::V8::DisposePlatform();
}

}  // namespace toysnap
