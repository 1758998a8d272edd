// Small gaps of #14 against the pinned Node, from source and from a snapshot
// (tests/node_parity/libgaps): assert.CallTracker, util.inspect's output
// budget, and url's file-path conversions with the `windows` option.
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

TEST(NodeParityLibgapsTest, AssertCallTrackerCountsReportsErrorsAndWarning) {
  ExpectSameAsNode(Runfile("tests/node_parity/libgaps/call_tracker.mjs"), {});
}

TEST(NodeParityLibgapsTest, InspectStopsExpandingPastItsOutputBudget) {
  ExpectSameAsNode(Runfile("tests/node_parity/libgaps/inspect_budget.mjs"), {});
}

TEST(NodeParityLibgapsTest, UrlFilePathsWithTheWindowsOption) {
  ExpectSameAsNode(Runfile("tests/node_parity/libgaps/url_file_paths.mjs"), {});
}

}  // namespace
}  // namespace toysnap
