// The event loop, on libuv: one uv_loop_t per runtime, in Node's phases
// (timers, I/O, setImmediate's check phase, close callbacks), with
// process.nextTick and microtasks after every callback, and V8's platform
// tasks pumped (async WebAssembly, FinalizationRegistry cleanup). JS timers and
// immediates live in the JS heap (timers.js, immediates.js) so snapshots carry
// them; libuv handles never enter a snapshot. Owned by Runtime; not for embedders.
#ifndef TOYSNAP_RUNTIME_EVENT_LOOP_H_
#define TOYSNAP_RUNTIME_EVENT_LOOP_H_

#include <uv.h>

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "runtime/loop_platform.h"
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
  // `deadline_ms`: system monotonic time at which waiting stops (negative:
  // none). Timers run on `clock`; a fixed clock is moved to the next timer
  // instead of waited for. No pointer is owned; all outlive the loop.
  EventLoop(v8::Isolate* isolate, LoopPlatform* platform, double deadline_ms, Clock* clock);
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Takes the hooks from the bootstrap JS's `internals` object.
  absl::Status Attach(v8::Local<v8::Context> context, v8::Local<v8::Object> internals);
  // Drops every V8 handle the loop holds (required before a snapshot is taken).
  void Detach();

  // Node's order: all nextTick callbacks, then all microtasks, until both are
  // empty; then reports an uncaught error or an unhandled rejection. After an
  // ES module's top level, Node runs promise jobs before ticks (the module is
  // evaluated inside a promise job); `promises_first` does the same.
  absl::Status RunMicrotasks(v8::Local<v8::Context> context, bool promises_first = false);
  // One pass of the loop that does not wait: due timers, ready I/O, immediates,
  // V8's due tasks. True while anything referenced keeps the loop alive.
  absl::StatusOr<bool> Poll(v8::Local<v8::Context> context);
  // Runs pending microtasks and says whether anything referenced keeps the
  // loop alive, without running any of it ('beforeExit' asks this).
  absl::StatusOr<bool> Alive(v8::Local<v8::Context> context);
  // Runs the loop until nothing referenced is left (`mode` says what counts).
  absl::Status Run(v8::Local<v8::Context> context, LoopMode mode = LoopMode::kUntilIdle);
  // Runs the loop until `promise` settles; an error if the loop empties first.
  absl::Status RunUntilSettled(v8::Local<v8::Context> context, v8::Local<v8::Promise> promise);
  // One line per pending timer or immediate, for "still pending at build time".
  std::vector<std::string> DescribePending(v8::Local<v8::Context> context);

  // The embedder took `promise` (a script's or a call's result) and will settle
  // it; its rejection is theirs to handle, not an unhandled one.
  void MarkHandled(v8::Local<v8::Promise> promise);

  // Fed by the isolate's promise-reject and message callbacks.
  void TrackRejection(v8::PromiseRejectMessage& message);
  void ReportUncaught(v8::Local<v8::Message> message, v8::Local<v8::Value> error);

  // For natives that start libuv work on this runtime's loop.
  uv_loop_t* uv_loop() { return &loop_; }

  // For natives' libuv callbacks: runs `work` (which calls into JS) with a
  // HandleScope, then ticks, microtasks and the loop's own handles, as after
  // every callback. A failure stops the loop; Run() or Poll() returns it.
  void RunCallback(const std::function<absl::Status(v8::Local<v8::Context>)>& work);

  // Live resources (open files, servers, child processes, watchers...): each
  // is named with its kind and the user's file:line:col where it was made, so
  // a build that ends with one open can say which (libuv handles never enter
  // a snapshot). Track returns an id for Untrack.
  int TrackResource(std::string kind, std::string where);
  void UntrackResource(int id);
  // One line per live resource (DescribePending lists them with the timers).
  std::vector<std::string> OpenResources() const;

 private:
  absl::StatusOr<v8::Local<v8::Value>> CallHook(v8::Local<v8::Context> context,
                                                const v8::Global<v8::Function>& hook,
                                                std::vector<v8::Local<v8::Value>> args);
  absl::Status TakePendingError(v8::Local<v8::Context> context);
  // Arms the timer, idle and check handles for what the JS heap now holds.
  absl::Status SyncHandles(v8::Local<v8::Context> context);
  // The work of each libuv callback; an error stops the loop.
  absl::Status RunDueTimers(v8::Local<v8::Context> context);
  absl::Status RunImmediates(v8::Local<v8::Context> context);
  absl::Status RunPlatformTasks(v8::Local<v8::Context> context);
  // Runs `work` with a HandleScope and records its failure for the caller of uv_run.
  template <typename Work>
  void InCallback(Work work);
  // uv_run in `run_mode`, then the failure a callback recorded, if any.
  absl::Status RunUv(uv_run_mode run_mode);
  // When nothing else is alive: waits for V8's worker tasks and runs the
  // foreground tasks they posted; whether any ran.
  absl::StatusOr<bool> DrainPlatform(v8::Local<v8::Context> context);

  static void OnTimer(uv_timer_t* handle);
  static void OnCheck(uv_check_t* handle);
  static void OnIdle(uv_idle_t* handle);
  static void OnWake(uv_async_t* handle);
  static void OnTaskTimer(uv_timer_t* handle);
  static void OnDeadline(uv_timer_t* handle);

  struct Rejection {
    v8::Global<v8::Promise> promise;
    v8::Global<v8::Value> reason;
  };

  v8::Isolate* isolate_;
  LoopPlatform* platform_;
  const double deadline_ms_;
  Clock* clock_;
  uv_loop_t loop_;
  uv_timer_t timer_;       // the earliest JS timer; referenced while a referenced one waits
  uv_check_t check_;       // setImmediate's phase; never keeps the loop alive
  uv_idle_t idle_;         // runs while referenced immediates wait, so polling does not block
  uv_async_t wake_;        // a platform task was posted; never keeps the loop alive
  uv_timer_t task_timer_;  // a delayed platform task is due; never keeps the loop alive
  uv_timer_t deadline_;    // the time limit; never keeps the loop alive
  std::atomic<double> task_delay_ms_{-1};  // earliest delayed task asked for, from any thread
  bool skip_intervals_ = false;  // while Run(kUntilOnlyIntervals)
  absl::Status callback_status_;  // first failure inside a libuv callback

  v8::Global<v8::Context> context_;
  v8::Global<v8::Function> run_ticks_;
  v8::Global<v8::Function> run_next_due_timer_;
  v8::Global<v8::Function> next_timer_deadline_;
  v8::Global<v8::Function> earliest_timer_;
  v8::Global<v8::Function> describe_timers_;
  v8::Global<v8::Function> begin_immediates_;
  v8::Global<v8::Function> run_next_immediate_;
  v8::Global<v8::Function> immediate_state_;
  v8::Global<v8::Function> describe_immediates_;
  std::vector<Rejection> unhandled_;
  absl::Status uncaught_;  // first error thrown by a microtask
  std::map<int, std::string> resources_;  // id -> "kind created at file:line:col"
  int next_resource_id_ = 1;
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_EVENT_LOOP_H_
