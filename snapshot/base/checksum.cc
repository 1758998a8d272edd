#include "snapshot/base/checksum.h"

namespace toysnap::checksum_internal {

bool CpuHasAvx2() {
  __builtin_cpu_init();  // may run before libgcc's constructor has
  return __builtin_cpu_supports("avx2");
}

}  // namespace toysnap::checksum_internal
