// Populating heap pages during a restore (prefault_page_allocator.h).
#include "runtime/prefault_page_allocator.h"

#include <sys/mman.h>

// Linux 5.14; older kernels answer EINVAL and the pages fault in as before.
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

namespace toysnap {

bool PrefaultPageAllocator::SetPermissions(void* address, size_t length, Permission permissions) {
  if (!inner_->SetPermissions(address, length, permissions)) return false;
  if (permissions == kReadWrite && restoring_.load(std::memory_order_relaxed) > 0) {
    madvise(address, length, MADV_POPULATE_WRITE);  // advisory: errors change nothing
  }
  return true;
}

}  // namespace toysnap
