// `buffer`, `querystring`, `punycode`, `string_decoder`, `url` and `path` against Node: the fixtures in
// tests/node_parity/{buffer,querystring,url,path} print what each API returns or
// throws (code, class and message), from source and from a snapshot (whose
// buffer pool and buffers were made at build time).
#include <string>

#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

void ExpectFixture(const std::string& name, const std::string& dir = "buffer") {
  ExpectSameAsNode(Runfile("tests/node_parity/" + dir + "/" + name + ".mjs"), {});
}

TEST(NodeParityBufferTest, EncodingsBothWays) { ExpectFixture("encodings"); }
TEST(NodeParityBufferTest, NumberReadsAndWrites) { ExpectFixture("numbers"); }
TEST(NodeParityBufferTest, SearchCompareFillCopy) { ExpectFixture("search"); }
TEST(NodeParityBufferTest, ConstructionErrorsAndInspect) { ExpectFixture("errors"); }
TEST(NodeParityBufferTest, BlobFileAtobTranscode) { ExpectFixture("blob"); }
TEST(NodeParityQuerystringTest, ParseStringifyEscape) { ExpectFixture("querystring", "querystring"); }
TEST(NodeParityQuerystringTest, PunycodeAndStringDecoder) { ExpectFixture("punycode", "querystring"); }
TEST(NodeParityUrlTest, LegacyParseFormatResolve) { ExpectFixture("legacy", "url"); }
TEST(NodeParityPathTest, PosixOverGeneratedPaths) { ExpectFixture("posix", "path"); }
TEST(NodeParityPathTest, Win32OverGeneratedPaths) { ExpectFixture("win32", "path"); }

}  // namespace
}  // namespace toysnap
