// The page allocator V8Process gives V8: libplatform's, except that while a
// snapshot is being restored, pages V8 makes writable are populated in one
// madvise call instead of one page fault per 4 KiB as the deserializer fills
// them. Used by v8_process.cc only.
#ifndef TOYSNAP_RUNTIME_PREFAULT_PAGE_ALLOCATOR_H_
#define TOYSNAP_RUNTIME_PREFAULT_PAGE_ALLOCATOR_H_

#include <atomic>
#include <memory>

#include "v8-platform.h"

namespace toysnap {

class PrefaultPageAllocator : public v8::PageAllocator {
 public:
  // `inner` (not owned) must outlive this allocator.
  explicit PrefaultPageAllocator(v8::PageAllocator* inner) : inner_(inner) {}

  // While at least one restore is under way (any thread), SetPermissions to
  // read-write populates the range. Restores nest and overlap freely.
  void BeginRestore() { restoring_.fetch_add(1, std::memory_order_relaxed); }
  void EndRestore() { restoring_.fetch_sub(1, std::memory_order_relaxed); }

  size_t AllocatePageSize() override { return inner_->AllocatePageSize(); }
  size_t CommitPageSize() override { return inner_->CommitPageSize(); }
  void SetRandomMmapSeed(int64_t seed) override { inner_->SetRandomMmapSeed(seed); }
  void* GetRandomMmapAddr() override { return inner_->GetRandomMmapAddr(); }
  void* AllocatePages(void* address, size_t length, size_t alignment,
                      Permission permissions) override {
    return inner_->AllocatePages(address, length, alignment, permissions);
  }
  bool FreePages(void* address, size_t length) override {
    return inner_->FreePages(address, length);
  }
  bool ReleasePages(void* address, size_t length, size_t new_length) override {
    return inner_->ReleasePages(address, length, new_length);
  }
  bool SetPermissions(void* address, size_t length, Permission permissions) override;
  bool DiscardSystemPages(void* address, size_t size) override {
    return inner_->DiscardSystemPages(address, size);
  }
  bool DecommitPages(void* address, size_t size) override {
    return inner_->DecommitPages(address, size);
  }
  bool ReserveForSharedMemoryMapping(void* address, size_t size) override {
    return inner_->ReserveForSharedMemoryMapping(address, size);
  }
  std::unique_ptr<SharedMemory> AllocateSharedPages(size_t length,
                                                    const void* original_address) override {
    return inner_->AllocateSharedPages(length, original_address);
  }
  bool CanAllocateSharedPages() override { return inner_->CanAllocateSharedPages(); }

 private:
  v8::PageAllocator* inner_;  // not owned
  std::atomic<int> restoring_{0};
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_PREFAULT_PAGE_ALLOCATOR_H_
