// Pins Checksum64 to XXH3-64: changing the algorithm would break every file.
#include "snapshot/base/checksum.h"

#include <xxhash.h>

#include <string>

#include "gtest/gtest.h"

namespace toysnap {
namespace {

TEST(ChecksumTest, IsXxh3With64BitOutput) {
  EXPECT_EQ(Checksum64(""), 0x2d06800538d394c2ull);  // XXH3-64 reference value.
  EXPECT_EQ(Checksum64("toysnap"), 0x34e573e739d7cbb9ull);
}

// Long inputs may take the AVX2 loop: the values must stay the library's
// (SSE2) ones at every length and alignment around its block sizes.
TEST(ChecksumTest, LongInputsMatchTheLibrary) {
  std::string data(300000, '\0');
  uint64_t state = 0x9e3779b97f4a7c15ull;
  for (char& c : data) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    c = static_cast<char>(state >> 56);
  }
  for (size_t size : {4095, 4096, 4097, 5000, 65536, 65537, 299999}) {
    for (size_t offset : {0, 1, 7}) {
      absl::string_view part(data.data() + offset, size - offset);
      EXPECT_EQ(Checksum64(part), XXH3_64bits(part.data(), part.size())) << size << " " << offset;
    }
  }
}

}  // namespace
}  // namespace toysnap
