// Natives of the timers extension.
#include "runtime/timers_natives.h"

#include "runtime/binding.h"
#include "runtime/clock.h"
#include "runtime/isolate_data.h"

namespace toysnap {
namespace {

// monotonicNow(): milliseconds on the runtime's monotonic clock, with sub-ms
// precision (a fixed build clock's: 0 at start, moved only by timers).
double MonotonicNow(NativeCall& call) {
  IsolateData* data = IsolateData::From(call.isolate);
  return data != nullptr && data->clock != nullptr ? data->clock->MonotonicMs()
                                                    : SystemMonotonicMs();
}

// The async context (async_context.h): AsyncLocalStorage's frame, which the
// JS queues (timers, immediates, ticks) keep with each callback.
v8::Local<v8::Value> AsyncContextFrame(NativeCall& call) {
  return call.context->GetContinuationPreservedEmbedderData();
}

void SetAsyncContextFrame(NativeCall& call, v8::Local<v8::Value> frame) {
  call.context->SetContinuationPreservedEmbedderData(frame);
}

constexpr const char* kFrameArgs[] = {"frame"};

constexpr NativeFunction kFunctions[] = {
    {"monotonicNow", Bind<MonotonicNow>, 0},
    {"asyncContextFrame", Bind<AsyncContextFrame>, 0},
    {"setAsyncContextFrame", Bind<SetAsyncContextFrame, kFrameArgs>, 1},
};
constexpr absl::string_view kJs[] = {"timers.js", "immediates.js"};
// `timers/promises`, compiled on first require (builtins.js registers it).
constexpr absl::string_view kLazyJs[] = {"timers_promises.js"};

}  // namespace

const Extension& TimersExtension() {
  static const Extension kExtension{"timers", 2, kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap
