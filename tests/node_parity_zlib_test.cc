// zlib programs that must print exactly what Node prints, run by toysnap from
// source and from a snapshot, and by the pinned `node` on the same files; web
// streams too (CompressionStream is zlib's).
// Compressed bytes are compared only where Node's bundled zlib (Chromium's
// 1.3.1 fork) and the system's 1.2.13 produce the same (see round_trips.mjs).
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

TEST(NodeParityZlibTest, RoundTripsInEveryFormAndByteExactOutput) {
  ExpectSameAsNode(Runfile("tests/node_parity/zlib/round_trips.mjs"), {});
}

TEST(NodeParityZlibTest, ErrorsBombsAndGarbage) {
  ExpectSameAsNode(Runfile("tests/node_parity/zlib/errors.mjs"), {});
}

TEST(NodeParityZlibTest, StreamsFlushParamsResetCloseAndBackpressure) {
  ExpectSameAsNode(Runfile("tests/node_parity/zlib/streams.mjs"), {});
}

TEST(NodeParityZlibTest, ModuleShapeConstantsAndCodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/zlib/module.mjs"), {});
}

TEST(NodeParityZlibTest, WebStreamsCompressionStreamsAndConsumers) {
  ExpectSameAsNode(Runfile("tests/node_parity/zlib/web_streams.mjs"), {});
}

}  // namespace
}  // namespace toysnap
