// Process-wide V8 set-up. Exactly one V8Process lives in main() (or a test
// environment); every Runtime is created with it, so no library code keeps
// process-wide state of its own.
#ifndef TOYSNAP_RUNTIME_V8_PROCESS_H_
#define TOYSNAP_RUNTIME_V8_PROCESS_H_

#include <atomic>
#include <cstdint>
#include <memory>

#include "absl/strings/string_view.h"
#include "libplatform/libplatform.h"
#include "runtime/loop_platform.h"
#include "runtime/prefault_page_allocator.h"
#include "v8-platform.h"

namespace toysnap {

class ClockPlatform;

inline constexpr absl::string_view kToysnapVersion = "0.1.0";

// Flags set before V8 starts, identically for building and restoring; they decide
// what the restored code means, so they are fingerprinted into the container.
absl::string_view V8Flags();

class V8Process {
 public:
  // Initializes V8 and its platform; V8 allows this once per process.
  static std::unique_ptr<V8Process> Initialize();

  // For a snapshot build: V8's random generator seeded with `seed` (non-zero),
  // so the heap's hash seed, identity hashes and Math.random state depend only
  // on the inputs, and V8 in predictable mode (no GC or compiler threads, a
  // fixed GC schedule), so the heap's shape does not depend on thread timing.
  // Together with a fixed clock (RuntimeOptions::fixed_clock_ms) the
  // snapshot's bytes depend only on the inputs. V8 does not compare these
  // flags at restore; restored processes draw their own Math.random and run
  // with V8's threads.
  static std::unique_ptr<V8Process> InitializeForBuild(uint32_t seed);
  ~V8Process();

  V8Process(const V8Process&) = delete;
  V8Process& operator=(const V8Process&) = delete;

  v8::Platform* platform() const;
  LoopPlatform* loop_platform() const { return loop_platform_; }

  // Tells the platform that `isolate` is about to be disposed, so it drops the
  // task runner it keeps per isolate (else ~1.5 KiB leak per isolate). Call
  // before every Isolate::Dispose.
  void NotifyIsolateShutdown(v8::Isolate* isolate) const;

  // While the returned object lives, heap pages V8 commits are populated at
  // once (PrefaultPageAllocator): a big restore fills nearly all it commits,
  // and one madvise costs less than a page fault per 4 KiB. A small one does
  // not: V8 commits some 8 MiB (new space, spaces' first pages) whatever the
  // heap, which hello's 1 MiB would never touch (Restoring(false)).
  class RestoreScope {
   public:
    explicit RestoreScope(PrefaultPageAllocator* allocator) : allocator_(allocator) {
      if (allocator_ != nullptr) allocator_->BeginRestore();
    }
    ~RestoreScope() {
      if (allocator_ != nullptr) allocator_->EndRestore();
    }
    RestoreScope(const RestoreScope&) = delete;
    RestoreScope& operator=(const RestoreScope&) = delete;

   private:
    PrefaultPageAllocator* allocator_;  // not owned; may be null
  };
  RestoreScope Restoring(bool populate = true) const {
    return RestoreScope(populate ? page_allocator_.get() : nullptr);
  }

  // A new worker thread id (worker_threads.threadId): 1, 2, ... in the order
  // asked, from any thread; 0 is the main thread's.
  int NewThreadId() const { return ++last_thread_id_; }

 private:
  V8Process(std::unique_ptr<PrefaultPageAllocator> page_allocator,
            std::unique_ptr<ClockPlatform> platform, LoopPlatform* loop_platform);
  static std::unique_ptr<V8Process> Start();
  // V8 talks to platform_ (the clock), which forwards to loop_platform_ (task
  // wake-ups), which forwards to libplatform's default platform.
  // Declared first, so it is destroyed after the platform that hands it out.
  std::unique_ptr<PrefaultPageAllocator> page_allocator_;  // owned; may be null
  std::unique_ptr<ClockPlatform> platform_;  // owned; outlives every isolate
  LoopPlatform* loop_platform_;              // inside platform_
  mutable std::atomic<int> last_thread_id_{0};
};


}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_V8_PROCESS_H_
