#include "runtime/icu_decoder.h"

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

TEST(IcuStreamDecoderTest, RejectsDamagedState) {
  EXPECT_FALSE(IcuStreamDecoder::Restore("").ok());
  EXPECT_FALSE(IcuStreamDecoder::Restore(std::string("\x02\x00\x09", 3) + "shift_jis" +
                                         std::string(20, '\x82'))
                   .ok());
  EXPECT_FALSE(IcuStreamDecoder::Restore(std::string("\x02\x00\x04", 3) + "nope").ok());
}

}  // namespace
}  // namespace toysnap
