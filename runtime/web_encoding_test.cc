// Unit tests for the WHATWG UTF-8 decoder and forgiving-base64. Expected values
// were taken from Node 20's TextDecoder and atob.
#include "runtime/web_encoding.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace toysnap {
namespace {

std::string Bytes(std::vector<int> values) { return std::string(values.begin(), values.end()); }

std::u16string DecodeAll(const std::string& bytes, bool ignore_bom = false) {
  Utf8StreamDecoder decoder(false, ignore_bom);
  std::u16string out;
  EXPECT_TRUE(decoder.Decode(bytes, false, &out));
  return out;
}

TEST(Utf8StreamDecoderTest, ReplacesEachMaximalSubpartOnce) {
  EXPECT_EQ(DecodeAll(Bytes({0xF0, 0x90, 0x80})), u"\uFFFD");
  EXPECT_EQ(DecodeAll(Bytes({0xE0, 0x80, 0x80})), u"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(DecodeAll(Bytes({0xED, 0xA0, 0x80})), u"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(DecodeAll(Bytes({0xF4, 0x90, 0x80, 0x80})), u"\uFFFD\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(DecodeAll(Bytes({0xC0, 0xAF})), u"\uFFFD\uFFFD");
  EXPECT_EQ(DecodeAll(Bytes({0xE1, 0x80, 0x41})), u"\uFFFDA");
  EXPECT_EQ(DecodeAll(Bytes({0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2})), u"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(DecodeAll(Bytes({0xF0, 0x9F, 0x98, 0x80, 0x41})), u"\U0001F600A");
  EXPECT_EQ(DecodeAll("h\xC3\xA9llo \xE2\x82\xAC"), u"h\u00E9llo \u20AC");
}

TEST(Utf8StreamDecoderTest, StripsOneLeadingBomUnlessIgnored) {
  EXPECT_EQ(DecodeAll(Bytes({0xEF, 0xBB, 0xBF, 0x41})), u"A");
  EXPECT_EQ(DecodeAll(Bytes({0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF})), u"\uFEFF");
  EXPECT_EQ(DecodeAll(Bytes({0xEF, 0xBB, 0xBF, 0x41}), true), u"\uFEFFA");
}

TEST(Utf8StreamDecoderTest, EverySplitOfAStreamGivesTheOneShotResult) {
  const std::string input = Bytes({0xEF, 0xBB, 0xBF, 0x41, 0xF0, 0x9F, 0x98, 0x80, 0xE2, 0x82, 0x42,
                                   0xC3, 0xA9, 0xED, 0xA0, 0x80, 0xF0, 0x9F});
  const std::u16string expected = DecodeAll(input);
  for (size_t a = 0; a <= input.size(); ++a) {
    for (size_t b = a; b <= input.size(); ++b) {
      Utf8StreamDecoder decoder(false, false);
      std::u16string out;
      ASSERT_TRUE(decoder.Decode(input.substr(0, a), true, &out));
      ASSERT_TRUE(decoder.Decode(input.substr(a, b - a), true, &out));
      ASSERT_TRUE(decoder.Decode(input.substr(b), false, &out));
      EXPECT_EQ(out, expected) << a << "," << b;
    }
  }
}

TEST(Utf8StreamDecoderTest, FatalRejectsAndRestarts) {
  Utf8StreamDecoder decoder(true, false);
  std::u16string out;
  EXPECT_FALSE(decoder.Decode(Bytes({0xFF}), false, &out));
  out.clear();
  EXPECT_TRUE(decoder.Decode(Bytes({0xF0, 0x9F}), true, &out));
  EXPECT_FALSE(decoder.Decode("", false, &out));  // the stream ends mid-sequence
  out.clear();
  EXPECT_TRUE(decoder.Decode(Bytes({0xEF, 0xBB, 0xBF, 0x42}), false, &out));
  EXPECT_EQ(out, u"B");
}

TEST(Utf8StreamDecoderTest, StateSurvivesSerialization) {
  Utf8StreamDecoder decoder(false, true);
  std::u16string out;
  ASSERT_TRUE(decoder.Decode(Bytes({0xEF, 0xBB, 0xBF, 0x41, 0xF0, 0x9F}), true, &out));
  absl::StatusOr<Utf8StreamDecoder> restored = Utf8StreamDecoder::Restore(decoder.Serialize());
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_TRUE(restored->ignore_bom());
  EXPECT_FALSE(restored->fatal());
  ASSERT_TRUE(restored->Decode(Bytes({0x98, 0x80}), false, &out));
  EXPECT_EQ(out, u"\uFEFFA\U0001F600");
  EXPECT_FALSE(Utf8StreamDecoder::Restore("").ok());
  std::string bad = decoder.Serialize();
  bad[2] = 7;  // bytes needed
  EXPECT_FALSE(Utf8StreamDecoder::Restore(bad).ok());
}

TEST(IsUtf8LabelTest, AcceptsWhatwgLabelsOnly) {
  for (const char* label : {"utf-8", "UTF8", " unicode-1-1-utf-8\n", "\tx-unicode20utf8"}) {
    EXPECT_TRUE(IsUtf8Label(label)) << label;
  }
  for (const char* label : {"utf-16le", "latin1", "utf-8\v", "utf_8", ""}) {
    EXPECT_FALSE(IsUtf8Label(label)) << label;
  }
}

TEST(ForgivingBase64Test, DecodesLikeNodeAtob) {
  EXPECT_EQ(*ForgivingBase64Decode("YWJj\tZA\n==\f"), "abcd");
  EXPECT_EQ(*ForgivingBase64Decode("YQ"), "a");
  EXPECT_EQ(*ForgivingBase64Decode(" Y Q = = "), "a");
  EXPECT_EQ(*ForgivingBase64Decode("YR=="), "a");
  EXPECT_EQ(*ForgivingBase64Decode("////"), "\xFF\xFF\xFF");
  EXPECT_EQ(*ForgivingBase64Decode(""), "");
  for (const char* input :
       {"=", "ab=c", "YWJjZA=", "YWJjZA===", "YWJj ZA\v==", "YQ=a", "==", "a===", "-_"}) {
    absl::StatusOr<std::string> result = ForgivingBase64Decode(input);
    ASSERT_FALSE(result.ok()) << input;
    EXPECT_EQ(result.status().message(), "Invalid character") << input;
  }
  for (const char* input : {"a", "YWJjZ"}) {
    EXPECT_EQ(ForgivingBase64Decode(input).status().message(),
              "The string to be decoded is not correctly encoded.")
        << input;
  }
}

}  // namespace
}  // namespace toysnap
