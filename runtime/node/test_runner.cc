// The test_runner extension: test_runner.js registers `node:test` at
// bootstrap; test_runner_impl.js and the package (test_package.js, generated
// from runtime/npm) are compiled on first require.
#include "runtime/node/test_runner.h"

namespace toysnap::node {

const Extension& TestRunnerExtension() {
  static constexpr absl::string_view kJs[] = {"test_runner.js"};
  static constexpr absl::string_view kLazyJs[] = {"test_runner_impl.js", "test_package.js"};
  static const Extension kExtension{"test_runner", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
