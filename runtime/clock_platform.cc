// V8's wall clock through a runtime's fixed clock (clock_platform.h).
#include "runtime/clock_platform.h"

#include "runtime/clock.h"
#include "runtime/isolate_data.h"
#include "v8-isolate.h"

namespace toysnap {

// V8 asks on the thread that runs the isolate's JavaScript; other threads (V8's
// workers, tracing) have no current isolate and get the system clock.
double ClockPlatform::CurrentClockTimeMillis() {
  if (v8::Isolate* isolate = v8::Isolate::TryGetCurrent()) {
    IsolateData* data = IsolateData::From(isolate);
    if (data != nullptr && data->clock != nullptr && data->clock->fixed()) {
      return data->clock->WallMs();
    }
  }
  return inner_->CurrentClockTimeMillis();
}

}  // namespace toysnap
