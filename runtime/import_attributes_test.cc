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

// import() calls: what their text says of `with`, and which call of a
// statement a specifier names.
TEST(ImportAttributesTest, ReadsTheWithOptionOfImportCalls) {
  using Kind = ImportCallWith::Kind;
  auto read = [](const std::string& s) { return ReadImportCallWith(s, 0); };
  ImportCallWith typed = read("import('./a.json', { with: { type: 'json' } })");
  EXPECT_EQ(typed.kind, Kind::kAttributes);
  ASSERT_EQ(typed.attributes.size(), 1u);
  EXPECT_EQ(typed.attributes[0].second, "json");
  EXPECT_EQ(typed.specifier, "./a.json");
  EXPECT_EQ(read("import('./a.json')").kind, Kind::kAbsent);
  EXPECT_EQ(read("import(x, )").kind, Kind::kAbsent);
  EXPECT_EQ(read("import('./a.json', {})").kind, Kind::kAbsent);
  EXPECT_EQ(read("import('./a.json', { assert: { type: 'json' } })").kind, Kind::kAbsent);
  EXPECT_EQ(read("import('./a.json', { with: undefined })").kind, Kind::kAbsent);
  EXPECT_EQ(read("import('a', { with: { type: 1 } })").kind, Kind::kNotString);
  EXPECT_EQ(read("import('a', { with: 'json' })").kind, Kind::kNotObject);
  EXPECT_EQ(read("import(`a`, /* c */ {\n \"with\": {\"type\": \"json\",},\n},\n)").kind,
            Kind::kAttributes);
  // What cannot be read stays unknown: no check is made on it.
  EXPECT_EQ(read("import('a', options)").kind, Kind::kUnknown);
  EXPECT_EQ(read("import('a', { ...options })").kind, Kind::kUnknown);
  EXPECT_EQ(read("import('a', { with: attributes })").kind, Kind::kUnknown);
  EXPECT_EQ(read("import('a', { with: { type } })").kind, Kind::kUnknown);
  EXPECT_EQ(read("import('a', { with: {} } || x)").kind, Kind::kUnknown);
  EXPECT_EQ(read("import(`${a}`, {})").kind, Kind::kUnknown);
  EXPECT_EQ(read("import('a', {").kind, Kind::kUnknown);
  EXPECT_EQ(read("imports('a')").kind, Kind::kUnknown);
}

TEST(ImportAttributesTest, PicksTheCallOfASpecifierInAStatement) {
  using Kind = ImportCallWith::Kind;
  std::string one = "await import(name).then(f); import('b.json', {with: {type: 'json'}})";
  EXPECT_EQ(ReadImportCallIn(one, 0, "./x.json").kind, Kind::kAbsent);
  std::string two = "Promise.all([import('b.json'), import('a.json', {with: {type: 'json'}})])";
  EXPECT_EQ(ReadImportCallIn(two, 0, "b.json").kind, Kind::kAbsent);
  EXPECT_EQ(ReadImportCallIn(two, 0, "a.json").kind, Kind::kAttributes);
  EXPECT_EQ(ReadImportCallIn(two, 0, "c.json").kind, Kind::kUnknown);
  std::string variables = "f(import(a), import(b, {with: {type: 'json'}}))";
  EXPECT_EQ(ReadImportCallIn(variables, 0, "./a").kind, Kind::kUnknown);
  std::string strings = "x = ';import(\\'q\\')'; import('a.json')";
  EXPECT_EQ(ReadImportCallIn(strings, 0, "a.json").kind, Kind::kUnknown);  // the ';' ends it
  EXPECT_EQ(ReadImportCallIn(strings, strings.find("import('a"), "a.json").kind, Kind::kAbsent);
  EXPECT_EQ(ReadImportCallIn("obj.import('a.json')", 0, "a.json").kind, Kind::kUnknown);
}

}  // namespace
}  // namespace toysnap
