// Only xxhash.h's C code is compiled here, all of it static (XXH_INLINE_ALL):
// no inline C++ function built with -mavx2 can reach the rest of the program.
#include "snapshot/base/checksum_avx2.h"

#define XXH_INLINE_ALL
#define XXH_VECTOR XXH_AVX2
#include <xxhash.h>

namespace toysnap::checksum_internal {

uint64_t Xxh3Avx2(const void* data, size_t size) { return XXH3_64bits(data, size); }

}  // namespace toysnap::checksum_internal
