// TextDecoder's legacy encodings, assert.fail's deprecated forms and assert.ok's
// quoted source against the pinned Node, from source and from a snapshot.
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

std::string Fixture(const char* name) {
  return Runfile(std::string("tests/node_parity/gaps2/") + name);
}

// Labels, every legacy encoding's output, streaming (also across a snapshot),
// fatal, BOMs and Node's errors.
TEST(NodeParityGaps2Test, TextDecoderLegacyEncodings) {
  ExpectSameAsNode(Fixture("text_decoder.mjs"), {});
}

TEST(NodeParityGaps2Test, AssertFailForms) {
  ExpectSameAsNode(Fixture("assert_fail.mjs"), {});
}

TEST(NodeParityGaps2Test, AssertIfError) {
  ExpectSameAsNode(Fixture("assert_if_error.mjs"), {});
}

TEST(NodeParityGaps2Test, AssertOkQuotesNonAsciiSource) {
  ExpectSameAsNode(Fixture("assert_ok_source.mjs"), {});
}

}  // namespace
}  // namespace toysnap
