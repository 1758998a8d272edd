// Enforces a runtime's heap and time limits by terminating JavaScript, so a
// runaway script ends with a named error instead of an abort or a hang.
// Owned by Runtime; not for embedders.
#ifndef TOYSNAP_RUNTIME_EXECUTION_GUARD_H_
#define TOYSNAP_RUNTIME_EXECUTION_GUARD_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "absl/status/status.h"
#include "v8-isolate.h"

namespace toysnap {

// The host's answer at the heap limit (RuntimeOptions::on_near_heap_limit): a
// higher limit in bytes to go on with, or 0 to end execution.
using NearHeapLimitCallback = std::function<size_t(size_t limit_bytes, size_t used_bytes)>;

class ExecutionGuard {
 public:
  // 0 disables a limit. The time limit counts from construction.
  ExecutionGuard(v8::Isolate* isolate, size_t max_heap_bytes, int64_t timeout_ms,
                 NearHeapLimitCallback on_near_heap_limit = nullptr);
  ~ExecutionGuard();

  ExecutionGuard(const ExecutionGuard&) = delete;
  ExecutionGuard& operator=(const ExecutionGuard&) = delete;

  // Why execution was terminated, if a limit did it; OK otherwise.
  absl::Status Violation() const;
  // Monotonic milliseconds at which time runs out, or a negative value.
  double deadline_ms() const { return deadline_ms_; }

  // Detaches every callback from the isolate (before it is snapshotted or freed).
  void Stop();

 private:
  static size_t OnNearHeapLimit(void* data, size_t current_limit, size_t initial_limit);
  static void OnGcEpilogue(v8::Isolate* isolate, v8::GCType type, v8::GCCallbackFlags flags,
                           void* data);
  void Trip(bool heap);
  // Asks the host, if it answers, whether to go on past `limit`; true with
  // the limit raised.
  bool Raised(size_t limit, size_t used);
  void WatchClock();

  v8::Isolate* isolate_;  // not owned; outlives the guard
  std::atomic<size_t> max_heap_bytes_;
  const NearHeapLimitCallback on_near_heap_limit_;
  const int64_t timeout_ms_;
  const double deadline_ms_;
  std::atomic<bool> heap_exceeded_{false};
  std::atomic<bool> timed_out_{false};
  bool callbacks_installed_ = false;
  bool epilogue_installed_ = false;
  std::mutex mutex_;
  std::condition_variable stop_clock_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread watchdog_;
};

// Milliseconds on CLOCK_MONOTONIC.
double MonotonicMs();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_EXECUTION_GUARD_H_
