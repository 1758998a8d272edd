// Event loop over microtasks and the JS-side timer list.
#include "runtime/event_loop.h"

#include <time.h>

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

void SleepMs(double ms) {
  if (ms <= 0) return;
  timespec ts;
  ts.tv_sec = static_cast<time_t>(ms / 1e3);
  ts.tv_nsec = static_cast<long>(std::fmod(ms, 1e3) * 1e6);
  nanosleep(&ts, nullptr);
}

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

EventLoop::EventLoop(v8::Isolate* isolate, double deadline_ms, Clock* clock)
    : isolate_(isolate), deadline_ms_(deadline_ms), clock_(clock) {}

absl::Status EventLoop::Attach(v8::Local<v8::Context> context, v8::Local<v8::Object> internals) {
  ASSIGN_OR_RETURN(v8::Local<v8::Function> ticks, GetFunction(context, internals, "runTicks"));
  ASSIGN_OR_RETURN(v8::Local<v8::Function> run, GetFunction(context, internals, "runNextDueTimer"));
  ASSIGN_OR_RETURN(v8::Local<v8::Function> next,
                   GetFunction(context, internals, "nextTimerDeadline"));
  ASSIGN_OR_RETURN(v8::Local<v8::Function> describe,
                   GetFunction(context, internals, "describePendingTimers"));
  run_ticks_.Reset(isolate_, ticks);
  run_next_due_timer_.Reset(isolate_, run);
  next_timer_deadline_.Reset(isolate_, next);
  describe_timers_.Reset(isolate_, describe);
  return absl::OkStatus();
}

void EventLoop::Detach() {
  run_ticks_.Reset();
  run_next_due_timer_.Reset();
  next_timer_deadline_.Reset();
  describe_timers_.Reset();
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
  if (promises_first) {
    v8::TryCatch try_catch(isolate_);
    isolate_->PerformMicrotaskCheckpoint();
    if (try_catch.HasTerminated()) return TryCatchToStatus(isolate_, context, try_catch);
    RETURN_IF_ERROR(TakePendingError(context));
  }
  while (true) {
    ASSIGN_OR_RETURN(v8::Local<v8::Value> ran, CallHook(context, run_ticks_, {}));
    bool ticks_ran = ran->IsNumber() && ran.As<v8::Number>()->Value() > 0;
    v8::TryCatch try_catch(isolate_);
    isolate_->PerformMicrotaskCheckpoint();
    if (try_catch.HasTerminated()) return TryCatchToStatus(isolate_, context, try_catch);
    RETURN_IF_ERROR(TakePendingError(context));
    // Microtasks may have queued ticks; without ticks, both queues are empty.
    if (!ticks_ran) return absl::OkStatus();
  }
}

absl::Status EventLoop::SleepUntil(double until_ms) {
  double now = MonotonicMs();
  if (deadline_ms_ >= 0 && now >= deadline_ms_) {
    return absl::DeadlineExceededError("time limit reached");
  }
  // Nothing but a timer can wake the loop, so waiting for it in real time
  // would only make a build slower.
  if (clock_->fixed()) {
    clock_->AdvanceTo(until_ms);
    return absl::OkStatus();
  }
  if (deadline_ms_ >= 0) until_ms = std::min(until_ms, deadline_ms_);
  SleepMs(until_ms - now);
  if (deadline_ms_ >= 0 && MonotonicMs() >= deadline_ms_) {
    return absl::DeadlineExceededError("time limit reached");
  }
  return absl::OkStatus();
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

absl::StatusOr<double> EventLoop::NextDeadline(v8::Local<v8::Context> context,
                                               bool skip_intervals) {
  ASSIGN_OR_RETURN(v8::Local<v8::Value> next,
                   CallHook(context, next_timer_deadline_,
                            {v8::Boolean::New(isolate_, skip_intervals)}));
  return next->IsNumber() ? next.As<v8::Number>()->Value() : -1;
}

absl::StatusOr<bool> EventLoop::Poll(v8::Local<v8::Context> context) {
  v8::HandleScope scope(isolate_);
  RETURN_IF_ERROR(RunMicrotasks(context));
  v8::Local<v8::Value> now = v8::Number::New(isolate_, clock_->MonotonicMs());
  while (true) {
    ASSIGN_OR_RETURN(v8::Local<v8::Value> ran, CallHook(context, run_next_due_timer_, {now}));
    if (!ran->IsTrue()) break;
    RETURN_IF_ERROR(RunMicrotasks(context));
  }
  ASSIGN_OR_RETURN(double deadline, NextDeadline(context, /*skip_intervals=*/false));
  return deadline >= 0;
}

absl::Status EventLoop::Run(v8::Local<v8::Context> context, LoopMode mode) {
  while (true) {
    ASSIGN_OR_RETURN(bool pending, Poll(context));
    if (!pending) return absl::OkStatus();
    ASSIGN_OR_RETURN(double deadline,
                     NextDeadline(context, mode == LoopMode::kUntilOnlyIntervals));
    if (deadline < 0) return absl::OkStatus();  // only intervals are left
    RETURN_IF_ERROR(SleepUntil(deadline));
  }
}

absl::Status EventLoop::RunUntilSettled(v8::Local<v8::Context> context,
                                        v8::Local<v8::Promise> promise) {
  while (true) {
    ASSIGN_OR_RETURN(bool pending, Poll(context));
    if (promise->State() != v8::Promise::kPending) return absl::OkStatus();
    if (!pending) {
      return absl::FailedPreconditionError(
          "a promise never settled: the program awaits something that nothing will resolve");
    }
    ASSIGN_OR_RETURN(double deadline, NextDeadline(context, /*skip_intervals=*/false));
    RETURN_IF_ERROR(SleepUntil(deadline));
  }
}

std::vector<std::string> EventLoop::DescribePending(v8::Local<v8::Context> context) {
  v8::HandleScope scope(isolate_);
  std::vector<std::string> lines;
  absl::StatusOr<v8::Local<v8::Value>> described = CallHook(context, describe_timers_, {});
  if (!described.ok() || !(*described)->IsArray()) return lines;
  v8::Local<v8::Array> array = described->As<v8::Array>();
  for (uint32_t i = 0; i < array->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!array->Get(context, i).ToLocal(&item)) continue;
    v8::String::Utf8Value text(isolate_, item);
    if (*text) lines.emplace_back(*text, text.length());
  }
  return lines;
}

}  // namespace toysnap
