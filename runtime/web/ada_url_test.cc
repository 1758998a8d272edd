// The wrapper over ada's C API, which also checks that ada_c.h's declarations
// match libnode.so.108's ada (a wrong struct return would show here). The
// expected values are what Node 20's URL returns for the same input.
#include "runtime/web/ada_url.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace toysnap::web {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(AdaUrlTest, ParsesEveryPartAsTheWhatwgGettersReturnIt) {
  std::optional<AdaUrl> url =
      AdaUrl::Parse("HTTPS://us%65r:p@ss@ExAmPlE.COM:8443/a/./b/../c%2Fd?q=1 2#f g");
  ASSERT_TRUE(url.has_value());
  EXPECT_THAT(url->GetAll(),
              ElementsAre("https://us%65r:p%40ss@example.com:8443/a/c%2Fd?q=1%202#f%20g",
                          "https://example.com:8443", "https:", "us%65r", "p%40ss",
                          "example.com:8443", "example.com", "8443", "/a/c%2Fd", "?q=1%202",
                          "#f%20g"));
  EXPECT_EQ(url->Get(UrlPart::kOrigin), "https://example.com:8443");
}

// The offsets url.js slices the href with; absent parts are kUrlOmitted.
TEST(AdaUrlTest, ComponentsLocateEachPartInTheHref) {
  std::optional<AdaUrl> url = AdaUrl::Parse("https://u:p@example.com:8443/a/b?q=1#f");
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url->Href(), "https://u:p@example.com:8443/a/b?q=1#f");
  UrlComponents c = url->Components();
  EXPECT_EQ(c.protocol_end, 6u);    // "https:"
  EXPECT_EQ(c.username_end, 9u);    // "u" after "//"
  EXPECT_EQ(c.host_start, 11u);     // the '@'
  EXPECT_EQ(c.host_end, 23u);       // "example.com"
  EXPECT_EQ(c.port, 8443u);
  EXPECT_EQ(c.pathname_start, 28u);
  EXPECT_EQ(c.search_start, 32u);
  EXPECT_EQ(c.hash_start, 36u);

  std::optional<AdaUrl> bare = AdaUrl::Parse("mailto:someone");
  ASSERT_TRUE(bare.has_value());
  UrlComponents b = bare->Components();
  EXPECT_EQ(b.protocol_end, 7u);
  EXPECT_EQ(b.host_start, b.host_end);
  EXPECT_EQ(b.port, kUrlOmitted);
  EXPECT_EQ(b.search_start, kUrlOmitted);
  EXPECT_EQ(b.hash_start, kUrlOmitted);
}

TEST(AdaUrlTest, ResolvesAgainstABaseAndRefusesWhatIsNoUrl) {
  std::optional<AdaUrl> relative = AdaUrl::Parse("../x?y#z", "http://h/a/b/c");
  ASSERT_TRUE(relative.has_value());
  EXPECT_EQ(relative->Get(UrlPart::kHref), "http://h/a/x?y#z");
  EXPECT_FALSE(AdaUrl::Parse("nope").has_value());
  EXPECT_FALSE(AdaUrl::Parse("/p", "bad base").has_value());
  EXPECT_FALSE(AdaUrl::CanParse("nope"));
  EXPECT_TRUE(AdaUrl::CanParse("/p", "file:///a/"));
  EXPECT_FALSE(AdaUrl::CanParse("/p", "bad base"));
}

TEST(AdaUrlTest, SettersAcceptOrRefuseAsTheStandardSays) {
  std::optional<AdaUrl> url = AdaUrl::Parse("http://h:1/p");
  ASSERT_TRUE(url.has_value());
  EXPECT_FALSE(url->Set(UrlPart::kPort, "abc"));
  EXPECT_EQ(url->Get(UrlPart::kHref), "http://h:1/p");
  EXPECT_TRUE(url->Set(UrlPart::kPort, "80"));  // the scheme's default port
  EXPECT_EQ(url->Get(UrlPart::kHref), "http://h/p");
  EXPECT_TRUE(url->Set(UrlPart::kProtocol, "ftp"));
  url->Set(UrlPart::kProtocol, "foo");  // special to non-special: refused
  EXPECT_EQ(url->Get(UrlPart::kHref), "ftp://h/p");
  EXPECT_FALSE(url->Set(UrlPart::kHostname, "a b"));
  // After that refusal ada 2.7.8 alone would drop this port.
  EXPECT_TRUE(url->Set(UrlPart::kHost, "b\xc3\xbc" "cher.de:99"));
  EXPECT_TRUE(url->Set(UrlPart::kSearch, "?x=\xc3\xa4"));
  EXPECT_TRUE(url->Set(UrlPart::kHash, "#\xc3\xa9"));
  EXPECT_EQ(url->Get(UrlPart::kHref), "ftp://xn--bcher-kva.de:99/p?x=%C3%A4#%C3%A9");
  EXPECT_TRUE(url->Set(UrlPart::kSearch, ""));
  EXPECT_TRUE(url->Set(UrlPart::kHash, ""));
  EXPECT_EQ(url->Get(UrlPart::kHref), "ftp://xn--bcher-kva.de:99/p");
  EXPECT_FALSE(url->Set(UrlPart::kOrigin, "http://other"));
  EXPECT_FALSE(url->Set(UrlPart::kHref, "not a url"));
}

TEST(AdaUrlTest, UrlencodedListsRoundTrip) {
  // Bytes stay as decoded: %FF is the byte 0xFF, which JS turns into U+FFFD.
  EXPECT_THAT(ParseUrlencoded("?a=1&b=%20x+y&&c&=d&e=%FF"),
              ElementsAre(Pair("a", "1"), Pair("b", " x y"), Pair("c", ""), Pair("", "d"),
                          Pair("e", "\xff")));
  EXPECT_THAT(ParseUrlencoded(""), ElementsAre());
  EXPECT_EQ(SerializeUrlencoded({{"a b", "\xc3\xa4&="}, {"c", ""}}), "a+b=%C3%A4%26%3D&c=");
  EXPECT_EQ(SerializeUrlencoded({}), "");
  // ada 2.7.8 alone keeps the backslash.
  EXPECT_EQ(SerializeUrlencoded({{"a\\b", "~!*"}}), "a%5Cb=%7E%21*");
}

TEST(AdaUrlTest, DomainsToAsciiAndUnicodeAsNodeDoes) {
  EXPECT_EQ(DomainToAscii("espa\xc3\xb1ol.com"), "xn--espaol-zwa.com");
  EXPECT_EQ(DomainToAscii("xn--i\xc3\xb1valid.com"), "");
  EXPECT_EQ(DomainToAscii(""), "");
  EXPECT_EQ(DomainToUnicode("xn--espaol-zwa.com"), "espa\xc3\xb1ol.com");
}

}  // namespace
}  // namespace toysnap::web
