// The event loop on libuv (see event_loop.h).
#include "runtime/event_loop.h"

#include "runtime/async_context.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "runtime/execution_guard.h"
#include "runtime/js_error.h"
#include "runtime/v8_strings.h"
#include "snapshot/base/status_macros.h"
#include "v8-exception.h"
#include "v8-microtask-queue.h"
#include "v8-primitive.h"

namespace toysnap {
namespace {

// Milliseconds from now until the monotonic time `at_ms`, rounded up, so a
// libuv timer never fires before a JS timer is due.
uint64_t DelayUntil(double at_ms) {
  double delay = std::ceil(at_ms - MonotonicMs());
  return delay <= 0 ? 0 : static_cast<uint64_t>(delay);
}

EventLoop* LoopOf(uv_handle_t* handle) { return static_cast<EventLoop*>(handle->data); }

absl::StatusOr<v8::Local<v8::Function>> GetFunction(v8::Local<v8::Context> context,
                                                    v8::Local<v8::Object> object,
                                                    const char* name) {
  ASSIGN_OR_RETURN(v8::Local<v8::String> key,
                   NewStringOr(context->GetIsolate(), name, "internal function name"));
  v8::Local<v8::Value> value;
  if (!object->Get(context, key).ToLocal(&value) ||
      !value->IsFunction()) {
    return absl::InternalError(absl::StrCat("bootstrap JS did not define internals.", name));
  }
  return value.As<v8::Function>();
}

}  // namespace

EventLoop::EventLoop(v8::Isolate* isolate, LoopPlatform* platform, double deadline_ms,
                     Clock* clock)
    : isolate_(isolate), platform_(platform), deadline_ms_(deadline_ms), clock_(clock) {
  uv_loop_init(&loop_);
  uv_timer_init(&loop_, &timer_);
  uv_check_init(&loop_, &check_);
  uv_idle_init(&loop_, &idle_);
  uv_async_init(&loop_, &wake_, OnWake);
  uv_timer_init(&loop_, &task_timer_);
  uv_timer_init(&loop_, &deadline_);
  for (uv_handle_t* handle :
       {reinterpret_cast<uv_handle_t*>(&timer_), reinterpret_cast<uv_handle_t*>(&check_),
        reinterpret_cast<uv_handle_t*>(&idle_), reinterpret_cast<uv_handle_t*>(&wake_),
        reinterpret_cast<uv_handle_t*>(&task_timer_), reinterpret_cast<uv_handle_t*>(&deadline_)}) {
    handle->data = this;
  }
  // Only JS timers, immediates and I/O keep the loop alive; V8's tasks and
  // the time limit merely wake it.
  uv_check_start(&check_, OnCheck);
  uv_unref(reinterpret_cast<uv_handle_t*>(&check_));
  uv_unref(reinterpret_cast<uv_handle_t*>(&wake_));
  uv_unref(reinterpret_cast<uv_handle_t*>(&task_timer_));
  if (deadline_ms_ >= 0) {
    uv_timer_start(&deadline_, OnDeadline, DelayUntil(deadline_ms_), 0);
    uv_unref(reinterpret_cast<uv_handle_t*>(&deadline_));
  }
  platform_->SetWaker(isolate_, [this](double delay_s) {
    if (delay_s > 0) {
      double at = MonotonicMs() + delay_s * 1e3;
      double seen = task_delay_ms_.load();
      while ((seen < 0 || at < seen) && !task_delay_ms_.compare_exchange_weak(seen, at)) {
      }
    }
    uv_async_send(&wake_);
  });
}

// Closes every handle and lets libuv finish with them before the loop goes;
// the platform stops waking it first, since other threads may.
EventLoop::~EventLoop() {
  platform_->ClearWaker(isolate_);
  // A hook may remove others (a port closing its peer); each runs once.
  while (!teardown_hooks_.empty()) {
    std::function<void()> hook = std::move(teardown_hooks_.begin()->second);
    teardown_hooks_.erase(teardown_hooks_.begin());
    hook();
  }
  uv_walk(
      &loop_,
      [](uv_handle_t* handle, void*) {
        if (!uv_is_closing(handle)) uv_close(handle, nullptr);
      },
      nullptr);
  while (uv_run(&loop_, UV_RUN_NOWAIT) != 0) {
  }
  uv_loop_close(&loop_);
}

absl::Status EventLoop::Attach(v8::Local<v8::Context> context, v8::Local<v8::Object> internals) {
  struct Hook {
    const char* name;
    v8::Global<v8::Function>* slot;
  };
  const Hook hooks[] = {
      {"runTicks", &run_ticks_},
      {"runNextDueTimer", &run_next_due_timer_},
      {"nextTimerDeadline", &next_timer_deadline_},
      {"earliestTimer", &earliest_timer_},
      {"describePendingTimers", &describe_timers_},
      {"beginImmediates", &begin_immediates_},
      {"runNextImmediate", &run_next_immediate_},
      {"immediateState", &immediate_state_},
      {"describePendingImmediates", &describe_immediates_},
  };
  for (const Hook& hook : hooks) {
    ASSIGN_OR_RETURN(v8::Local<v8::Function> function, GetFunction(context, internals, hook.name));
    hook.slot->Reset(isolate_, function);
  }
  context_.Reset(isolate_, context);
  return absl::OkStatus();
}

void EventLoop::Detach() {
  for (v8::Global<v8::Function>* hook :
       {&run_ticks_, &run_next_due_timer_, &next_timer_deadline_, &earliest_timer_,
        &describe_timers_, &begin_immediates_, &run_next_immediate_, &immediate_state_,
        &describe_immediates_}) {
    hook->Reset();
  }
  context_.Reset();
  unhandled_.clear();
}

void EventLoop::TrackRejection(v8::PromiseRejectMessage& message) {
  v8::Local<v8::Promise> promise = message.GetPromise();
  switch (message.GetEvent()) {
    case v8::kPromiseRejectWithNoHandler:
      unhandled_.push_back({v8::Global<v8::Promise>(isolate_, promise),
                            v8::Global<v8::Value>(isolate_, message.GetValue())});
      break;
    case v8::kPromiseHandlerAddedAfterReject:
      unhandled_.erase(std::remove_if(unhandled_.begin(), unhandled_.end(),
                                      [&](const Rejection& r) { return r.promise == promise; }),
                       unhandled_.end());
      break;
    default:
      break;
  }
}

void EventLoop::MarkHandled(v8::Local<v8::Promise> promise) {
  promise->MarkAsHandled();
  unhandled_.erase(std::remove_if(unhandled_.begin(), unhandled_.end(),
                                  [&](const Rejection& r) { return r.promise == promise; }),
                   unhandled_.end());
}

void EventLoop::ReportUncaught(v8::Local<v8::Message> message, v8::Local<v8::Value> error) {
  if (!uncaught_.ok()) return;
  uncaught_ = JsErrorToStatus(isolate_, isolate_->GetCurrentContext(), error, message);
}

absl::Status EventLoop::TakePendingError(v8::Local<v8::Context> context) {
  if (!uncaught_.ok()) {
    absl::Status error = uncaught_;
    uncaught_ = absl::OkStatus();
    return error;
  }
  if (unhandled_.empty()) return absl::OkStatus();
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Value> reason = unhandled_.front().reason.Get(isolate_);
  unhandled_.clear();
  if (!reason->IsNativeError()) {
    v8::String::Utf8Value text(isolate_, reason);
    return absl::AbortedError(absl::StrCat(
        "Uncaught (in promise) ", *text ? *text : "<unprintable value>",
        "\nA promise was rejected and no handler was attached to it."));
  }
  return JsErrorToStatus(isolate_, context, reason, v8::Local<v8::Message>());
}

absl::Status EventLoop::RunMicrotasks(v8::Local<v8::Context> context, bool promises_first) {
  v8::HandleScope scope(isolate_);
  // Ticks, then promise jobs, until a pass of ticks right after a checkpoint
  // finds none: then no JS ran since the checkpoint emptied the job queue, so
  // both are empty. (A tick queued by a promise job runs in the next pass.)
  if (!promises_first) RETURN_IF_ERROR(CallHook(context, run_ticks_, {}).status());
  while (true) {
    v8::TryCatch try_catch(isolate_);
    isolate_->PerformMicrotaskCheckpoint();
    if (try_catch.HasTerminated()) return TryCatchToStatus(isolate_, context, try_catch);
    RETURN_IF_ERROR(TakePendingError(context));
    ASSIGN_OR_RETURN(v8::Local<v8::Value> ran, CallHook(context, run_ticks_, {}));
    if (!ran->IsNumber() || ran.As<v8::Number>()->Value() <= 0) return absl::OkStatus();
  }
}

absl::StatusOr<v8::Local<v8::Value>> EventLoop::CallHook(v8::Local<v8::Context> context,
                                                         const v8::Global<v8::Function>& hook,
                                                         std::vector<v8::Local<v8::Value>> args) {
  if (hook.IsEmpty()) return absl::FailedPreconditionError("event loop is not attached");
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> result;
  if (!hook.Get(isolate_)
           ->Call(context, v8::Undefined(isolate_), static_cast<int>(args.size()), args.data())
           .ToLocal(&result)) {
    return TryCatchToStatus(isolate_, context, try_catch);
  }
  return result;
}

absl::Status EventLoop::SyncHandles(v8::Local<v8::Context> context) {
  ASSIGN_OR_RETURN(v8::Local<v8::Value> earliest, CallHook(context, earliest_timer_, {}));
  double at = earliest->IsNumber() ? earliest.As<v8::Number>()->Value() : -1;
  if (at < 0) {
    uv_timer_stop(&timer_);
  } else {
    uv_update_time(&loop_);  // libuv counts from its cached loop time
    // A fixed build clock is moved to the timer when it fires (RunDueTimers):
    // waiting for it in real time would only make the build slower.
    double delay = clock_->fixed() ? 0 : std::ceil(at - clock_->MonotonicMs());
    uv_timer_start(&timer_, OnTimer, delay <= 0 ? 0 : static_cast<uint64_t>(delay), 0);
    ASSIGN_OR_RETURN(v8::Local<v8::Value> referenced,
                     CallHook(context, next_timer_deadline_,
                              {v8::Boolean::New(isolate_, skip_intervals_)}));
    bool keeps_alive = referenced->IsNumber() && referenced.As<v8::Number>()->Value() >= 0;
    if (keeps_alive) {
      uv_ref(reinterpret_cast<uv_handle_t*>(&timer_));
    } else {
      uv_unref(reinterpret_cast<uv_handle_t*>(&timer_));
    }
  }
  ASSIGN_OR_RETURN(v8::Local<v8::Value> state, CallHook(context, immediate_state_, {}));
  if (state->IsInt32() && state.As<v8::Int32>()->Value() == 2) {
    uv_idle_start(&idle_, OnIdle);
  } else {
    uv_idle_stop(&idle_);
  }
  return absl::OkStatus();
}

absl::Status EventLoop::RunDueTimers(v8::Local<v8::Context> context) {
  if (clock_->fixed()) {
    ASSIGN_OR_RETURN(v8::Local<v8::Value> earliest, CallHook(context, earliest_timer_, {}));
    if (earliest->IsNumber()) clock_->AdvanceTo(earliest.As<v8::Number>()->Value());
  }
  // The pass's time, as Node's processTimers(now): timers its callbacks start
  // wait for a later pass.
  v8::Local<v8::Value> now = v8::Number::New(isolate_, clock_->MonotonicMs());
  while (true) {
    ASSIGN_OR_RETURN(v8::Local<v8::Value> ran, CallHook(context, run_next_due_timer_, {now}));
    if (!ran->IsTrue()) break;
    RETURN_IF_ERROR(RunMicrotasks(context));
  }
  return SyncHandles(context);
}

absl::Status EventLoop::RunImmediates(v8::Local<v8::Context> context) {
  ASSIGN_OR_RETURN(v8::Local<v8::Value> state, CallHook(context, immediate_state_, {}));
  if (!state->IsInt32() || state.As<v8::Int32>()->Value() == 0) return absl::OkStatus();
  RETURN_IF_ERROR(CallHook(context, begin_immediates_, {}).status());
  while (true) {
    ASSIGN_OR_RETURN(v8::Local<v8::Value> ran, CallHook(context, run_next_immediate_, {}));
    if (!ran->IsTrue()) break;
    RETURN_IF_ERROR(RunMicrotasks(context));
  }
  return SyncHandles(context);
}

absl::Status EventLoop::RunPlatformTasks(v8::Local<v8::Context> context) {
  double due = task_delay_ms_.exchange(-1);
  if (due >= 0) {
    uv_update_time(&loop_);
    uv_timer_start(&task_timer_, OnTaskTimer, DelayUntil(due), 0);
  }
  if (!platform_->RunForegroundTasks(isolate_)) return absl::OkStatus();
  RETURN_IF_ERROR(RunMicrotasks(context));
  return SyncHandles(context);
}

template <typename Work>
void EventLoop::InCallback(Work work) {
  if (!callback_status_.ok() || context_.IsEmpty()) return;
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Context> context = context_.Get(isolate_);
  // Every callback from the loop starts in the root async context; those
  // that belong to one restore it themselves (AsyncCallback, the JS queues).
  AsyncContextScope root(context, v8::Undefined(isolate_));
  absl::Status status = work(context);
  if (!status.ok()) {
    callback_status_ = status;
    uv_stop(&loop_);
  }
}

void EventLoop::RunCallback(const std::function<absl::Status(v8::Local<v8::Context>)>& work) {
  InCallback([&](v8::Local<v8::Context> context) -> absl::Status {
    RETURN_IF_ERROR(work(context));
    RETURN_IF_ERROR(RunMicrotasks(context));
    return SyncHandles(context);
  });
}

int EventLoop::TrackResource(std::string kind, std::string where) {
  int id = next_resource_id_++;
  resources_[id] = where.empty() ? kind : absl::StrCat(kind, " created at ", where);
  return id;
}

void EventLoop::UntrackResource(int id) { resources_.erase(id); }

std::vector<std::string> EventLoop::OpenResources() const {
  std::vector<std::string> lines;
  for (const auto& [id, line] : resources_) lines.push_back(line);
  return lines;
}

int EventLoop::AddTeardownHook(std::function<void()> hook) {
  int id = next_hook_id_++;
  teardown_hooks_[id] = std::move(hook);
  return id;
}

void EventLoop::RemoveTeardownHook(int id) { teardown_hooks_.erase(id); }

void EventLoop::OnTimer(uv_timer_t* handle) {
  EventLoop* loop = LoopOf(reinterpret_cast<uv_handle_t*>(handle));
  loop->InCallback([loop](v8::Local<v8::Context> context) { return loop->RunDueTimers(context); });
}

void EventLoop::OnCheck(uv_check_t* handle) {
  EventLoop* loop = LoopOf(reinterpret_cast<uv_handle_t*>(handle));
  loop->InCallback([loop](v8::Local<v8::Context> context) { return loop->RunImmediates(context); });
}

void EventLoop::OnIdle(uv_idle_t*) {}

void EventLoop::OnWake(uv_async_t* handle) {
  EventLoop* loop = LoopOf(reinterpret_cast<uv_handle_t*>(handle));
  loop->InCallback([loop](v8::Local<v8::Context> context) { return loop->RunPlatformTasks(context); });
}

void EventLoop::OnTaskTimer(uv_timer_t* handle) {
  EventLoop* loop = LoopOf(reinterpret_cast<uv_handle_t*>(handle));
  loop->InCallback([loop](v8::Local<v8::Context> context) { return loop->RunPlatformTasks(context); });
}

void EventLoop::OnDeadline(uv_timer_t* handle) {
  EventLoop* loop = LoopOf(reinterpret_cast<uv_handle_t*>(handle));
  if (loop->callback_status_.ok()) {
    loop->callback_status_ = absl::DeadlineExceededError("time limit reached");
  }
  uv_stop(&loop->loop_);
}

absl::Status EventLoop::RunUv(uv_run_mode run_mode) {
  uv_run(&loop_, run_mode);
  absl::Status status = callback_status_;
  callback_status_ = absl::OkStatus();
  if (status.ok() && deadline_ms_ >= 0 && MonotonicMs() >= deadline_ms_) {
    return absl::DeadlineExceededError("time limit reached");
  }
  return status;
}

absl::StatusOr<bool> EventLoop::DrainPlatform(v8::Local<v8::Context> context) {
  platform_->WaitForWorkerTasks();
  if (!platform_->RunForegroundTasks(isolate_)) return false;
  RETURN_IF_ERROR(RunMicrotasks(context));
  RETURN_IF_ERROR(SyncHandles(context));
  return true;
}

absl::StatusOr<bool> EventLoop::Poll(v8::Local<v8::Context> context) {
  v8::HandleScope scope(isolate_);
  RETURN_IF_ERROR(RunMicrotasks(context));
  RETURN_IF_ERROR(RunPlatformTasks(context));
  RETURN_IF_ERROR(SyncHandles(context));
  RETURN_IF_ERROR(RunUv(UV_RUN_NOWAIT));
  return uv_loop_alive(&loop_) != 0;
}

absl::StatusOr<bool> EventLoop::Alive(v8::Local<v8::Context> context) {
  v8::HandleScope scope(isolate_);
  RETURN_IF_ERROR(RunMicrotasks(context));
  RETURN_IF_ERROR(SyncHandles(context));
  return uv_loop_alive(&loop_) != 0;
}

absl::Status EventLoop::Run(v8::Local<v8::Context> context, LoopMode mode) {
  v8::HandleScope scope(isolate_);
  skip_intervals_ = mode == LoopMode::kUntilOnlyIntervals;
  absl::Status status = [&]() -> absl::Status {
    RETURN_IF_ERROR(RunMicrotasks(context));
    RETURN_IF_ERROR(SyncHandles(context));
    while (true) {
      RETURN_IF_ERROR(RunUv(UV_RUN_DEFAULT));
      ASSIGN_OR_RETURN(bool ran, DrainPlatform(context));
      if (!ran && uv_loop_alive(&loop_) == 0) return absl::OkStatus();
    }
  }();
  skip_intervals_ = false;
  return status;
}

absl::Status EventLoop::RunUntilSettled(v8::Local<v8::Context> context,
                                        v8::Local<v8::Promise> promise) {
  v8::HandleScope scope(isolate_);
  RETURN_IF_ERROR(RunMicrotasks(context));
  RETURN_IF_ERROR(SyncHandles(context));
  while (promise->State() == v8::Promise::kPending) {
    if (uv_loop_alive(&loop_) != 0) {
      RETURN_IF_ERROR(RunUv(UV_RUN_ONCE));
      continue;
    }
    ASSIGN_OR_RETURN(bool ran, DrainPlatform(context));
    if (!ran && uv_loop_alive(&loop_) == 0 && promise->State() == v8::Promise::kPending) {
      return absl::FailedPreconditionError(
          "a promise never settled: the program awaits something that nothing will resolve");
    }
  }
  return absl::OkStatus();
}

std::vector<std::string> EventLoop::DescribePending(v8::Local<v8::Context> context) {
  v8::HandleScope scope(isolate_);
  std::vector<std::string> lines;
  for (const auto& [id, line] : resources_) lines.push_back(line);
  for (const v8::Global<v8::Function>* hook : {&describe_timers_, &describe_immediates_}) {
    absl::StatusOr<v8::Local<v8::Value>> described = CallHook(context, *hook, {});
    if (!described.ok() || !(*described)->IsArray()) continue;
    v8::Local<v8::Array> array = described->As<v8::Array>();
    for (uint32_t i = 0; i < array->Length(); ++i) {
      v8::Local<v8::Value> item;
      if (!array->Get(context, i).ToLocal(&item)) continue;
      v8::String::Utf8Value text(isolate_, item);
      if (*text) lines.emplace_back(*text, text.length());
    }
  }
  return lines;
}

}  // namespace toysnap
