// The clock a runtime's JavaScript reads: Date.now() and new Date() (through
// V8Process's platform), performance.now()/timeOrigin, console.time and timers.
// Either the system's clocks or a fixed build clock (SOURCE_DATE_EPOCH), which
// starts at a given time and moves only when the event loop fires a timer, so a
// program that stamps its build still builds to the same bytes. Owned by
// Runtime; natives reach it through IsolateData.
#ifndef TOYSNAP_RUNTIME_CLOCK_H_
#define TOYSNAP_RUNTIME_CLOCK_H_

#include <cstdint>
#include <optional>

namespace toysnap {

class Clock {
 public:
  // The system clocks: CLOCK_MONOTONIC and CLOCK_REALTIME.
  Clock() = default;
  // A fixed clock whose wall time starts at `epoch_ms` (milliseconds since the
  // Unix epoch) and whose monotonic time starts at 0.
  static Clock FixedAt(int64_t epoch_ms);

  bool fixed() const { return epoch_ms_.has_value(); }
  // Milliseconds with sub-millisecond precision, from an arbitrary origin
  // (fixed: 0 when the runtime started).
  double MonotonicMs() const;
  // Milliseconds since the Unix epoch, with sub-millisecond precision.
  double WallMs() const;
  // Fixed: moves both clocks forward so that MonotonicMs() is `monotonic_ms`
  // (never backwards). The system clocks move by themselves: nothing.
  void AdvanceTo(double monotonic_ms);

 private:
  std::optional<int64_t> epoch_ms_;  // set: a fixed clock
  double elapsed_ms_ = 0;            // fixed: how far timers moved it
};

// The system's clocks, for code that must not see a fixed clock (time limits).
double SystemMonotonicMs();
double SystemWallMs();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_CLOCK_H_
