// The system clocks and the fixed build clock (clock.h).
#include "runtime/clock.h"

#include <time.h>

namespace toysnap {
namespace {

double Read(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

double SystemMonotonicMs() { return Read(CLOCK_MONOTONIC); }
double SystemWallMs() { return Read(CLOCK_REALTIME); }

Clock Clock::FixedAt(int64_t epoch_ms) {
  Clock clock;
  clock.epoch_ms_ = epoch_ms;
  return clock;
}

double Clock::MonotonicMs() const { return fixed() ? elapsed_ms_ : SystemMonotonicMs(); }

double Clock::WallMs() const {
  return fixed() ? static_cast<double>(*epoch_ms_) + elapsed_ms_ : SystemWallMs();
}

void Clock::AdvanceTo(double monotonic_ms) {
  if (fixed() && monotonic_ms > elapsed_ms_) elapsed_ms_ = monotonic_ms;
}

}  // namespace toysnap
