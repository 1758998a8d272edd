// async_hooks, diagnostics_channel, events, util, perf_hooks and module
// against the pinned Node, from source and from a snapshot whose storages and
// channels were made at build time.
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

std::string Fixture(const char* name) {
  return Runfile(std::string("tests/node_parity/async/") + name);
}

// The store follows await, timers, ticks, fs, dns, net, child processes,
// workers and streams; accepted connections start outside any store.
TEST(NodeParityAsyncTest, AsyncLocalStorageFollowsEveryCallback) {
  ExpectSameAsNode(Fixture("als_propagation.mjs"), {});
}

TEST(NodeParityAsyncTest, AsyncLocalStorageAndAsyncResourceApi) {
  ExpectSameAsNode(Fixture("als_api.mjs"), {});
}

TEST(NodeParityAsyncTest, DiagnosticsChannel) {
  ExpectSameAsNode(Fixture("diagnostics_channel.mjs"), {});
}

TEST(NodeParityAsyncTest, UtilApi) {
  ExpectSameAsNode(Fixture("util_api.mjs"), {});
}

TEST(NodeParityAsyncTest, PerfHooksUserTiming) {
  ExpectSameAsNode(Fixture("perf_hooks.mjs"), {});
}

TEST(NodeParityAsyncTest, UtilMimeType) {
  ExpectSameAsNode(Fixture("util_mime.mjs"), {});
}

TEST(NodeParityAsyncTest, ModuleBuiltin) {
  ExpectSameAsNode(Fixture("module_api.mjs"), {});
}

}  // namespace
}  // namespace toysnap
