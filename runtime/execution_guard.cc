// Heap and time limits through TerminateExecution.
#include "runtime/execution_guard.h"

#include <time.h>

#include <algorithm>
#include <chrono>

#include "absl/strings/str_cat.h"
#include "v8-statistics.h"

namespace toysnap {

double MonotonicMs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

ExecutionGuard::ExecutionGuard(v8::Isolate* isolate, size_t max_heap_bytes, int64_t timeout_ms,
                               NearHeapLimitCallback on_near_heap_limit)
    : isolate_(isolate),
      max_heap_bytes_(max_heap_bytes),
      on_near_heap_limit_(std::move(on_near_heap_limit)),
      timeout_ms_(timeout_ms),
      deadline_ms_(timeout_ms > 0 ? MonotonicMs() + static_cast<double>(timeout_ms) : -1) {
  if (max_heap_bytes > 0 || on_near_heap_limit_) {
    // The GC check enforces the user's limit even where V8's own limit is larger
    // (a SnapshotCreator isolate takes no constraints); the near-limit callback
    // turns V8's fatal out-of-memory into a termination (or, if the host
    // says so, a higher limit).
    epilogue_installed_ = max_heap_bytes > 0;
    if (epilogue_installed_) isolate_->AddGCEpilogueCallback(OnGcEpilogue, this);
    isolate_->AddNearHeapLimitCallback(OnNearHeapLimit, this);
    callbacks_installed_ = true;
  }
  if (timeout_ms_ > 0) watchdog_ = std::thread([this] { WatchClock(); });
}

ExecutionGuard::~ExecutionGuard() { Stop(); }

void ExecutionGuard::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  stop_clock_.notify_all();
  if (watchdog_.joinable()) watchdog_.join();
  if (callbacks_installed_) {
    if (epilogue_installed_) isolate_->RemoveGCEpilogueCallback(OnGcEpilogue, this);
    isolate_->RemoveNearHeapLimitCallback(OnNearHeapLimit, 0);
    callbacks_installed_ = false;
  }
}

absl::Status ExecutionGuard::Violation() const {
  if (heap_exceeded_) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "heap limit of ", max_heap_bytes_.load() >> 20, " MB reached; raise it with --max-heap-mb"));
  }
  if (timed_out_ || (deadline_ms_ >= 0 && MonotonicMs() >= deadline_ms_)) {
    return absl::DeadlineExceededError(
        absl::StrCat("timed out after ", timeout_ms_, " ms; raise it with --timeout-ms"));
  }
  return absl::OkStatus();
}

void ExecutionGuard::Trip(bool heap) {
  (heap ? heap_exceeded_ : timed_out_) = true;
  isolate_->TerminateExecution();
}

bool ExecutionGuard::Raised(size_t limit, size_t used) {
  if (!on_near_heap_limit_ || heap_exceeded_) return false;
  // The host's code, called inside V8's GC: its exceptions stop here (as a
  // refusal).
  size_t raised = 0;
  try {
    raised = on_near_heap_limit_(limit, used);
  } catch (...) {
    raised = 0;
  }
  if (raised <= limit) return false;
  max_heap_bytes_ = raised;
  return true;
}

size_t ExecutionGuard::OnNearHeapLimit(void* data, size_t current_limit, size_t) {
  auto* guard = static_cast<ExecutionGuard*>(data);
  // V8's limit, which sits above the user's (twice it, see runtime.cc).
  size_t user_limit = guard->max_heap_bytes_ > 0 ? guard->max_heap_bytes_.load() : current_limit;
  if (guard->Raised(user_limit, current_limit)) {
    return std::max(current_limit * 2, guard->max_heap_bytes_.load() * 2);
  }
  guard->Trip(/*heap=*/true);
  // Room for the termination to unwind the stack; the program does not resume.
  return current_limit * 2;
}

void ExecutionGuard::OnGcEpilogue(v8::Isolate* isolate, v8::GCType, v8::GCCallbackFlags,
                                  void* data) {
  auto* guard = static_cast<ExecutionGuard*>(data);
  v8::HeapStatistics stats;
  isolate->GetHeapStatistics(&stats);
  size_t limit = guard->max_heap_bytes_;
  if (stats.used_heap_size() > limit && !guard->heap_exceeded_ &&
      !guard->Raised(limit, stats.used_heap_size())) {
    guard->Trip(/*heap=*/true);
  }
}

void ExecutionGuard::WatchClock() {
  std::unique_lock<std::mutex> lock(mutex_);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms_);
  if (!stop_clock_.wait_until(lock, deadline, [this] { return stopping_; })) Trip(/*heap=*/false);
}

}  // namespace toysnap
