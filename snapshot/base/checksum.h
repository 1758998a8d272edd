// The one checksum of the snapshot container (XXH3-64). Include it wherever a
// container checksum is computed, so the algorithm is chosen in one place.
#ifndef TOYSNAP_SNAPSHOT_BASE_CHECKSUM_H_
#define TOYSNAP_SNAPSHOT_BASE_CHECKSUM_H_

#include <xxhash.h>

#include <cstdint>

#include "absl/strings/string_view.h"
#include "snapshot/base/checksum_avx2.h"

namespace toysnap {

namespace checksum_internal {
bool CpuHasAvx2();
}  // namespace checksum_internal

// XXH3-64 with seed 0. Detects accidental damage only; it is not a MAC, so
// anything it accepts must still be parsed as untrusted. Long inputs (every
// restore checks its whole snapshot body) take the AVX2 loop where the CPU
// has it: libxxhash.a is built for SSE2, which costs twice the instructions.
inline uint64_t Checksum64(absl::string_view data) {
  static const bool avx2 = checksum_internal::CpuHasAvx2();
  if (data.size() >= 4096 && avx2) return checksum_internal::Xxh3Avx2(data.data(), data.size());
  return XXH3_64bits(data.data(), data.size());
}

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_BASE_CHECKSUM_H_
