// Natives of the timers extension.
#include "runtime/timers_natives.h"

#include <time.h>

#include "runtime/binding.h"

namespace toysnap {
namespace {

// monotonicNow(): milliseconds on a monotonic clock, with sub-ms precision.
double MonotonicNow(NativeCall&) {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

constexpr NativeFunction kFunctions[] = {
    {"monotonicNow", Bind<MonotonicNow>, 0},
};
constexpr absl::string_view kJs[] = {"timers.js", "immediates.js"};

}  // namespace

const Extension& TimersExtension() {
  static const Extension kExtension{"timers", 1, kFunctions, {}, {}, {}, kJs};
  return kExtension;
}

}  // namespace toysnap
