// Node's base64/hex/UTF-8 rules as buffer_codec implements them; the cases
// are outputs of the pinned Node 20 for the same inputs.
#include "runtime/node/buffer_codec.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace toysnap::node {
namespace {

absl::Span<const uint8_t> Units(const std::string& text) {
  return absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

std::string Decode64(const std::string& text, size_t room = 64) {
  std::vector<uint8_t> out(room);
  size_t n = Base64Decode(Units(text), absl::MakeSpan(out), false);
  std::vector<uint8_t> fast(room);
  EXPECT_EQ(Base64Decode(Units(text), absl::MakeSpan(fast), true), n) << text;
  EXPECT_TRUE(std::equal(out.begin(), out.begin() + n, fast.begin())) << text;
  return std::string(out.begin(), out.begin() + n);
}

std::string Encode64(const std::string& bytes, bool url) {
  std::string out(Base64EncodedSize(bytes.size(), url), '\0');
  Base64Encode(Units(bytes), url, out.data());
  return out;
}

TEST(BufferCodecTest, Base64EncodesBothAlphabets) {
  EXPECT_EQ(Encode64("", false), "");
  EXPECT_EQ(Encode64("f", false), "Zg==");
  EXPECT_EQ(Encode64("fo", false), "Zm8=");
  EXPECT_EQ(Encode64("foo", false), "Zm9v");
  EXPECT_EQ(Encode64("\xfb\xff", false), "+/8=");
  EXPECT_EQ(Encode64("\xfb\xff", true), "-_8");
  EXPECT_EQ(Encode64("f", true), "Zg");
  std::string many(1000, '\0');
  for (size_t i = 0; i < many.size(); ++i) many[i] = static_cast<char>(i * 7);
  EXPECT_EQ(Decode64(Encode64(many, false), 1000), many);
  EXPECT_EQ(Decode64(Encode64(many, true), 1000), many);
}

TEST(BufferCodecTest, Base64DecodesLeniently) {
  EXPECT_EQ(Decode64("Zm9v"), "foo");
  EXPECT_EQ(Decode64("Zm9vYg"), "foob");
  EXPECT_EQ(Decode64("Zm 9v\nYmFy"), "foobar");  // whitespace skipped
  EXPECT_EQ(Decode64("Zm9v=YmFy"), "foo");       // '=' ends the input
  EXPECT_EQ(Decode64("-_8"), "\xfb\xff");        // url alphabet in base64
  EXPECT_EQ(Decode64("+/8="), "\xfb\xff");
  EXPECT_EQ(Decode64("Z"), "");
  EXPECT_EQ(Decode64("!!!!"), "");
  EXPECT_EQ(Decode64("Zm9vYmFy", 4), "foob");  // never past the output
}

TEST(BufferCodecTest, HexStopsAtTheFirstBadPair) {
  std::vector<uint8_t> out(8);
  EXPECT_EQ(HexDecode(Units("0aFf"), absl::MakeSpan(out)), 2u);
  EXPECT_EQ(out[0], 0x0a);
  EXPECT_EQ(out[1], 0xff);
  EXPECT_EQ(HexDecode(Units("abzz12"), absl::MakeSpan(out)), 1u);
  EXPECT_EQ(HexDecode(Units("abc"), absl::MakeSpan(out)), 1u);
  std::string hex(4, '\0');
  HexEncode(Units("\x01\xab"), hex.data());
  EXPECT_EQ(hex, "01ab");
}

TEST(BufferCodecTest, Utf8Validation) {
  EXPECT_TRUE(IsUtf8(Units("plain \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")));
  EXPECT_FALSE(IsUtf8(Units("\xc0\xaf")));          // overlong
  EXPECT_FALSE(IsUtf8(Units("\xed\xa0\x80")));      // surrogate
  EXPECT_FALSE(IsUtf8(Units("\xf4\x90\x80\x80")));  // past U+10FFFF
  EXPECT_FALSE(IsUtf8(Units("\xe2\x82")));          // truncated
  EXPECT_TRUE(IsAscii(Units("abc")));
  EXPECT_FALSE(IsAscii(Units("ab\x80")));
}

}  // namespace
}  // namespace toysnap::node
