// Inputs that used to crash toysnap or report the wrong place, against the
// pinned Node: empty buffers kept in a snapshot, -e/-p errors, import
// attributes, /dev/stdin paths (tests/node_parity/robust).
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

TEST(NodeParityRobustTest, EmptyAndDetachedBuffersKeptInASnapshot) {
  ExpectSameAsNode(Runfile("tests/node_parity/robust/empty_buffers.mjs"), {});
}

TEST(NodeParityRobustTest, WorkersOfARestoredProgramWithEmptyBuffers) {
  ExpectSameAsNode(Runfile("tests/node_parity/robust/empty_buffers_worker.mjs"), {});
}

}  // namespace
}  // namespace toysnap
