// The one checksum of the snapshot container (XXH3-64). Include it wherever a
// container checksum is computed, so the algorithm is chosen in one place.
#ifndef TOYSNAP_SNAPSHOT_BASE_CHECKSUM_H_
#define TOYSNAP_SNAPSHOT_BASE_CHECKSUM_H_

#include <xxhash.h>

#include <cstdint>

#include "absl/strings/string_view.h"

namespace toysnap {

// XXH3-64 with seed 0. Detects accidental damage only; it is not a MAC, so
// anything it accepts must still be parsed as untrusted.
inline uint64_t Checksum64(absl::string_view data) {
  return XXH3_64bits(data.data(), data.size());
}

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_BASE_CHECKSUM_H_
