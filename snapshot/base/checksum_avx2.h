// XXH3-64 with AVX2, for checksum.h only: built with -mavx2 in a target of
// its own and called only on a CPU that has AVX2. Its values are XXH3_64bits'.
#ifndef TOYSNAP_SNAPSHOT_BASE_CHECKSUM_AVX2_H_
#define TOYSNAP_SNAPSHOT_BASE_CHECKSUM_AVX2_H_

#include <cstddef>
#include <cstdint>

namespace toysnap::checksum_internal {

uint64_t Xxh3Avx2(const void* data, size_t size);

}  // namespace toysnap::checksum_internal

#endif  // TOYSNAP_SNAPSHOT_BASE_CHECKSUM_AVX2_H_
