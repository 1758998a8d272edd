// BlankWithClause: which `with` tokens begin an attributes clause, and that
// blanking keeps every other character and line break in place.
#include "runtime/import_attributes.h"

#include <string>

#include "gtest/gtest.h"

namespace toysnap {
namespace {

TEST(ImportAttributesTest, BlanksAClauseAfterFromAndKeepsPositions) {
  std::string source = "import data from './x.json' with { type: 'json' };\nconsole.log(data);\n";
  const std::string original = source;
  std::optional<WithClause> clause = BlankWithClause(&source, source.find("with"));
  ASSERT_TRUE(clause.has_value());
  EXPECT_EQ(clause->specifier_offset, original.find('\''));
  ASSERT_EQ(clause->attributes.size(), 1u);
  EXPECT_EQ(clause->attributes[0].first, "type");
  EXPECT_EQ(clause->attributes[0].second, "json");
  EXPECT_EQ(source, "import data from './x.json'                      ;\nconsole.log(data);\n");
  EXPECT_EQ(source.size(), original.size());
}

TEST(ImportAttributesTest, AcceptsLineBreaksCommentsQuotedKeysAndBareImports) {
  std::string source = "import \"./a.json\"\n  with /* c */ {\n \"type\": \"json\", x: 'y', };";
  std::optional<WithClause> clause = BlankWithClause(&source, source.find("with"));
  ASSERT_TRUE(clause.has_value());
  ASSERT_EQ(clause->attributes.size(), 2u);
  EXPECT_EQ(clause->attributes[1].first, "x");
  EXPECT_EQ(source, "import \"./a.json\"\n                \n" + std::string(26, ' ') + ";");
  std::string reexport = "export { a } from 'm' with {type:'json'}";
  EXPECT_TRUE(BlankWithClause(&reexport, reexport.find("with")).has_value());
}

TEST(ImportAttributesTest, LeavesEveryOtherWithAlone) {
  for (std::string source : {
           std::string("with (o) { x }"),                     // a with statement
           std::string("f('a') with { type: 'json' }"),       // no import before the string
           std::string("x.from 'a' with { type: 'json' }"),   // `from` as a property
           std::string("import 'a' with { type: json }"),     // value not a string
           std::string("import 'a' with { type: 'json' "),    // unclosed
           std::string("import 'a' within { }"),              // another word
       }) {
    const std::string original = source;
    size_t at = source.find("with");
    EXPECT_FALSE(BlankWithClause(&source, at).has_value()) << original;
    EXPECT_EQ(source, original);
  }
  std::string tail = "import 'a' wi";
  EXPECT_FALSE(BlankWithClause(&tail, tail.find("wi")).has_value());
}

TEST(ImportAttributesTest, ConvertsBetweenUtf16AndUtf8Offsets) {
  std::string text = "a\xC3\xA9\xF0\x9F\x98\x80z";  // a, é (2 bytes), 😀 (4 bytes, 2 units), z
  EXPECT_EQ(Utf16ToByteOffset(text, 0), 0u);
  EXPECT_EQ(Utf16ToByteOffset(text, 2), 3u);
  EXPECT_EQ(Utf16ToByteOffset(text, 4), 7u);
  EXPECT_EQ(ByteToUtf16Offset(text, 7), 4u);
  EXPECT_EQ(ByteToUtf16Offset(text, 3), 2u);
  EXPECT_EQ(Utf16ToByteOffset(text, 99), text.size());
}

}  // namespace
}  // namespace toysnap
