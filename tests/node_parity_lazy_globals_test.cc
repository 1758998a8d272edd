// Node 20's lazy globals (Buffer, AbortController, AbortSignal, DOMException,
// TextEncoder, TextDecoder, atob, btoa, crypto, performance, process, Blob,
// File) against Node: their property descriptors before and after the first
// read and an assignment, and what they give, from source and from a
// snapshot; one fixture reads them at module evaluation, so the snapshot
// holds their implementations and objects made with them.
#include <string>

#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

void ExpectFixture(const std::string& name) {
  ExpectSameAsNode(Runfile("tests/node_parity/lazy_globals/" + name + ".mjs"), {});
}

TEST(NodeParityLazyGlobalsTest, FirstReadAfterRestore) { ExpectFixture("first_touch"); }
TEST(NodeParityLazyGlobalsTest, AssignedBeforeAnyRead) { ExpectFixture("assign_first"); }
TEST(NodeParityLazyGlobalsTest, ReadWhileTheSnapshotIsBuilt) { ExpectFixture("build_time"); }

}  // namespace
}  // namespace toysnap
