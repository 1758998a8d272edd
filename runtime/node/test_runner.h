// The test_runner extension: Node's `node:test` builtin, which is npm's test
// 3.3.0 (Node's test runner as the Node project publishes it) built in
// (runtime/js/test_runner.js). Registered in builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_TEST_RUNNER_H_
#define TOYSNAP_RUNTIME_NODE_TEST_RUNNER_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& TestRunnerExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_TEST_RUNNER_H_
