// PrefaultPageAllocator: read-write commits are resident at once during a
// restore and fault in as usual otherwise (checked with mincore).
#include "runtime/prefault_page_allocator.h"

#include <sys/mman.h>
#include <unistd.h>

#include <memory>
#include <vector>

#include "gtest/gtest.h"
#include "libplatform/libplatform.h"

namespace toysnap {
namespace {

// How many of the pages in [address, address + length) are resident.
size_t ResidentPages(void* address, size_t length) {
  size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  std::vector<unsigned char> residency((length + page - 1) / page);
  if (mincore(address, length, residency.data()) != 0) return 0;
  size_t resident = 0;
  for (unsigned char r : residency) resident += r & 1;
  return resident;
}

class PrefaultPageAllocatorTest : public ::testing::Test {
 protected:
  std::unique_ptr<v8::Platform> platform_ = v8::platform::NewDefaultPlatform();
  PrefaultPageAllocator allocator_{platform_->GetPageAllocator()};
  size_t size_ = 0;

  void SetUp() override {
    ASSERT_NE(platform_->GetPageAllocator(), nullptr);
    size_ = allocator_.AllocatePageSize() * 4;
  }

  void* Reserve() {
    return allocator_.AllocatePages(nullptr, size_, allocator_.AllocatePageSize(),
                                    v8::PageAllocator::kNoAccess);
  }
};

TEST_F(PrefaultPageAllocatorTest, CommitsDuringARestoreAreResidentAtOnce) {
  void* region = Reserve();
  ASSERT_NE(region, nullptr);
  allocator_.BeginRestore();
  ASSERT_TRUE(allocator_.SetPermissions(region, size_, v8::PageAllocator::kReadWrite));
  allocator_.EndRestore();
  size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  EXPECT_EQ(ResidentPages(region, size_), size_ / page);
  static_cast<char*>(region)[size_ - 1] = 1;  // writable, as V8 expects
  EXPECT_TRUE(allocator_.FreePages(region, size_));
}

TEST_F(PrefaultPageAllocatorTest, CommitsOutsideARestoreFaultInOnUse) {
  void* region = Reserve();
  ASSERT_NE(region, nullptr);
  ASSERT_TRUE(allocator_.SetPermissions(region, size_, v8::PageAllocator::kReadWrite));
  EXPECT_EQ(ResidentPages(region, size_), 0u);
  static_cast<char*>(region)[0] = 1;
  EXPECT_EQ(ResidentPages(region, size_), 1u);
  EXPECT_TRUE(allocator_.FreePages(region, size_));
}

TEST_F(PrefaultPageAllocatorTest, OnlyReadWriteCommitsArePopulated) {
  void* region = Reserve();
  ASSERT_NE(region, nullptr);
  allocator_.BeginRestore();
  ASSERT_TRUE(allocator_.SetPermissions(region, size_, v8::PageAllocator::kRead));
  allocator_.EndRestore();
  EXPECT_EQ(ResidentPages(region, size_), 0u);
  EXPECT_TRUE(allocator_.FreePages(region, size_));
}

TEST_F(PrefaultPageAllocatorTest, RestoresNest) {
  void* region = Reserve();
  ASSERT_NE(region, nullptr);
  allocator_.BeginRestore();
  allocator_.BeginRestore();
  allocator_.EndRestore();  // one restore still under way
  ASSERT_TRUE(allocator_.SetPermissions(region, size_, v8::PageAllocator::kReadWrite));
  allocator_.EndRestore();
  EXPECT_GT(ResidentPages(region, size_), 0u);
  EXPECT_TRUE(allocator_.FreePages(region, size_));
}

}  // namespace
}  // namespace toysnap
