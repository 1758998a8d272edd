// The event loop: process.nextTick ticks, microtasks, timers (kept in the JS
// heap by timers.js so they survive snapshots), unhandled rejections. Owned by
// Runtime; not for embedders.
#ifndef TOYSNAP_RUNTIME_EVENT_LOOP_H_
#define TOYSNAP_RUNTIME_EVENT_LOOP_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "runtime/clock.h"
#include "v8-container.h"
#include "v8-context.h"
#include "v8-function.h"
#include "v8-isolate.h"
#include "v8-persistent-handle.h"
#include "v8-promise.h"

namespace toysnap {

enum class LoopMode {
  kUntilIdle,
  // For the snapshot builder: also stop when only intervals keep the loop alive.
  kUntilOnlyIntervals,
};

class EventLoop {
 public:
  // `deadline_ms`: system monotonic time at which sleeping stops (negative:
  // none). Timers run on `clock`; a fixed clock is moved to the next timer
  // instead of slept on. Neither is owned; both outlive the loop.
  EventLoop(v8::Isolate* isolate, double deadline_ms, Clock* clock);

  // Takes the hooks from the bootstrap JS's `internals` object.
  absl::Status Attach(v8::Local<v8::Context> context, v8::Local<v8::Object> internals);
  // Drops every handle the loop holds (required before a snapshot is taken).
  void Detach();

  // Node's order: all nextTick callbacks, then all microtasks, until both are
  // empty; then reports an uncaught error or an unhandled rejection. After an
  // ES module's top level, Node runs promise jobs before ticks (the module is
  // evaluated inside a promise job); `promises_first` does the same.
  absl::Status RunMicrotasks(v8::Local<v8::Context> context, bool promises_first = false);
  // Microtasks, then every timer due now (microtasks after each); true while
  // referenced timers remain.
  absl::StatusOr<bool> Poll(v8::Local<v8::Context> context);
  // Polls, sleeping until the next timer, until `mode` says stop.
  absl::Status Run(v8::Local<v8::Context> context, LoopMode mode = LoopMode::kUntilIdle);
  // Polls until `promise` settles; an error if the loop empties first.
  absl::Status RunUntilSettled(v8::Local<v8::Context> context, v8::Local<v8::Promise> promise);
  // One line per pending timer, for "still pending at build time" errors.
  std::vector<std::string> DescribePending(v8::Local<v8::Context> context);

  // The embedder took `promise` (a script's or a call's result) and will settle
  // it; its rejection is theirs to handle, not an unhandled one.
  void MarkHandled(v8::Local<v8::Promise> promise);

  // Fed by the isolate's promise-reject and message callbacks.
  void TrackRejection(v8::PromiseRejectMessage& message);
  void ReportUncaught(v8::Local<v8::Message> message, v8::Local<v8::Value> error);

 private:
  absl::StatusOr<v8::Local<v8::Value>> CallHook(v8::Local<v8::Context> context,
                                                const v8::Global<v8::Function>& hook,
                                                std::vector<v8::Local<v8::Value>> args);
  absl::StatusOr<double> NextDeadline(v8::Local<v8::Context> context, bool skip_intervals);
  absl::Status TakePendingError(v8::Local<v8::Context> context);
  // Sleeps until `until_ms` on the clock or the time limit; an error once
  // time is up. A fixed clock jumps to `until_ms` instead.
  absl::Status SleepUntil(double until_ms);

  struct Rejection {
    v8::Global<v8::Promise> promise;
    v8::Global<v8::Value> reason;
  };

  v8::Isolate* isolate_;
  const double deadline_ms_;
  Clock* clock_;
  v8::Global<v8::Function> run_ticks_;
  v8::Global<v8::Function> run_next_due_timer_;
  v8::Global<v8::Function> next_timer_deadline_;
  v8::Global<v8::Function> describe_timers_;
  std::vector<Rejection> unhandled_;
  absl::Status uncaught_;  // first error thrown by a microtask
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_EVENT_LOOP_H_
