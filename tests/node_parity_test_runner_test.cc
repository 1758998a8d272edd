// node:test (npm's test 3.3.0 built in, made Node 20's) against the pinned
// Node, from source and from a snapshot: TAP output byte for byte (each
// fixture prints durations as '*', tests/node_parity/test_runner/durations.mjs),
// exit codes, errors for bad arguments. Fixtures that register tests at their
// top level check that a snapshot runs them at restore, as Node runs them.
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

std::string Fixture(const char* name) {
  return Runfile(std::string("tests/node_parity/test_runner/") + name);
}

// Sync, async and callback tests, subtests, skip/todo/only in every form,
// suites, names, diagnostics, t.assert, the module's keys.
TEST(NodeParityTestRunnerTest, PassingTestsAndTheirTapOutput) {
  ExpectSameAsNode(Fixture("basics.mjs"), {});
}

// Failures: each one's TAP details (location, type, message, code), the
// summary, exit code 1.
TEST(NodeParityTestRunnerTest, FailingTestsExitWithOne) {
  ExpectSameAsNode(Fixture("failures.mjs"), {});
}

// Top-level and suite hooks, inherited beforeEach/afterEach, done callbacks.
TEST(NodeParityTestRunnerTest, HooksRunAsNode20Runs) {
  ExpectSameAsNode(Fixture("hooks.mjs"), {});
}

// mock.fn and mock.method, restore, resetCalls, t.mock's reset.
TEST(NodeParityTestRunnerTest, Mocks) {
  ExpectSameAsNode(Fixture("mock.mjs"), {});
}

// Tests registered at run time by main(args); process.exitCode kept.
TEST(NodeParityTestRunnerTest, TestsRegisteredInMain) {
  ExpectSameAsNode(Fixture("in_main.mjs"), {"a", "b"});
}

// ERR_INVALID_ARG_TYPE / ERR_OUT_OF_RANGE with Node 20's messages.
TEST(NodeParityTestRunnerTest, BadArguments) {
  ExpectSameAsNode(Fixture("bad_arguments.mjs"), {});
}

}  // namespace
}  // namespace toysnap
