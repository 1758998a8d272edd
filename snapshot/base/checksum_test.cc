// Pins Checksum64 to XXH3-64: changing the algorithm would break every file.
#include "snapshot/base/checksum.h"

#include "gtest/gtest.h"

namespace toysnap {
namespace {

TEST(ChecksumTest, IsXxh3With64BitOutput) {
  EXPECT_EQ(Checksum64(""), 0x2d06800538d394c2ull);  // XXH3-64 reference value.
  EXPECT_EQ(Checksum64("toysnap"), 0x34e573e739d7cbb9ull);
}

}  // namespace
}  // namespace toysnap
