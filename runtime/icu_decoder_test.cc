#include "runtime/icu_decoder.h"

#include <algorithm>
#include <string>

#include "gtest/gtest.h"
#include "runtime/encoding_labels.h"

namespace toysnap {
namespace {

std::u16string DecodeAll(IcuStreamDecoder& decoder, absl::string_view bytes, bool stream = false) {
  std::u16string out;
  EXPECT_TRUE(decoder.Decode(bytes, stream, &out));
  return out;
}

TEST(EncodingLabelsTest, MapsLabelsToCanonicalNames) {
  EXPECT_EQ(EncodingForLabel(" LATIN1\n"), "windows-1252");
  EXPECT_EQ(EncodingForLabel("sjis"), "shift_jis");
  EXPECT_EQ(EncodingForLabel("utf-16"), "utf-16le");
  EXPECT_EQ(EncodingForLabel("unicode-1-1-utf-8"), "utf-8");
  EXPECT_EQ(EncodingForLabel("iso-8859-16"), std::nullopt);
  EXPECT_EQ(EncodingForLabel("nope"), std::nullopt);
}

TEST(IcuStreamDecoderTest, DecodesLegacyEncodings) {
  auto sjis = IcuStreamDecoder::Create("shift_jis", false, false);
  ASSERT_TRUE(sjis.ok());
  EXPECT_EQ(DecodeAll(*sjis, "\x82\xa0"), u"\u3042");
  auto w1250 = IcuStreamDecoder::Create("windows-1250", false, false);
  ASSERT_TRUE(w1250.ok());
  EXPECT_EQ(DecodeAll(*w1250, "\x80"), u"\u20ac");
}

TEST(IcuStreamDecoderTest, StreamsAndSurvivesSerialize) {
  auto sjis = IcuStreamDecoder::Create("shift_jis", false, false);
  ASSERT_TRUE(sjis.ok());
  EXPECT_EQ(DecodeAll(*sjis, "\x82", true), u"");
  auto restored = IcuStreamDecoder::Restore(sjis->Serialize());
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(DecodeAll(*restored, "\xa0"), u"\u3042");
}

TEST(IcuStreamDecoderTest, FatalRejectsAndDropsBom) {
  auto fatal = IcuStreamDecoder::Create("shift_jis", true, false);
  ASSERT_TRUE(fatal.ok());
  std::u16string out;
  EXPECT_FALSE(fatal->Decode("\x82", false, &out));
  auto utf16 = IcuStreamDecoder::Create("utf-16le", false, false);
  ASSERT_TRUE(utf16.ok());
  EXPECT_EQ(DecodeAll(*utf16, absl::string_view("\xff\xfe\x41\x00", 4)), u"A");
  auto keep = IcuStreamDecoder::Create("utf-16le", false, true);
  ASSERT_TRUE(keep.ok());
  EXPECT_EQ(DecodeAll(*keep, absl::string_view("\xff\xfe\x41\x00", 4)), u"\ufeffA");
}

// Untrusted bytes in any chunking give the text of one whole call, and a
// decoder serialized and restored between chunks carries on the same way.
TEST(IcuStreamDecoderTest, ChunkingDoesNotChangeTheText) {
  std::string bytes;
  uint32_t seed = 12345;
  for (int i = 0; i < 4000; ++i) {
    seed = seed * 1103515245 + 12345;
    bytes.push_back(static_cast<char>(seed >> 16));
  }
  for (const char* encoding : {"shift_jis", "euc-jp", "euc-kr", "gbk", "gb18030", "big5",
                               "utf-16le", "utf-16be", "koi8-r", "windows-1250", "windows-1252"}) {
    for (bool fatal : {false, true}) {
      auto whole = IcuStreamDecoder::Create(encoding, fatal, false);
      ASSERT_TRUE(whole.ok()) << encoding;
      std::u16string expected;
      bool whole_ok = whole->Decode(bytes, false, &expected);
      auto chunked = IcuStreamDecoder::Create(encoding, fatal, false);
      ASSERT_TRUE(chunked.ok());
      std::u16string got;
      bool chunked_ok = true;
      size_t at = 0;
      for (size_t step = 1; at < bytes.size() && chunked_ok; step = step % 7 + 1) {
        size_t size = std::min(step, bytes.size() - at);
        chunked_ok = chunked->Decode(absl::string_view(bytes).substr(at, size), true, &got);
        at += size;
        if (step == 3) {
          auto restored = IcuStreamDecoder::Restore(chunked->Serialize());
          ASSERT_TRUE(restored.ok()) << encoding << ": " << restored.status();
          *chunked = *std::move(restored);
        }
      }
      if (chunked_ok) chunked_ok = chunked->Decode("", false, &got);
      EXPECT_EQ(chunked_ok, whole_ok) << encoding << (fatal ? " fatal" : "");
      if (whole_ok) EXPECT_TRUE(got == expected) << encoding;
    }
  }
}

TEST(IcuStreamDecoderTest, RejectsDamagedState) {
  EXPECT_FALSE(IcuStreamDecoder::Restore("").ok());
  EXPECT_FALSE(IcuStreamDecoder::Restore(std::string("\x02\x00\x09", 3) + "shift_jis" +
                                         std::string(20, '\x82'))
                   .ok());
  EXPECT_FALSE(IcuStreamDecoder::Restore(std::string("\x02\x00\x04", 3) + "nope").ok());
}

}  // namespace
}  // namespace toysnap
