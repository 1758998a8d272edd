// The test_runner extension: test_runner.js registers `node:test` at
// bootstrap; the package (test_package.js, generated from runtime/npm) is
// compiled on first require, so programs that do not test pay nothing.
#include "runtime/node/test_runner.h"

namespace toysnap::node {

const Extension& TestRunnerExtension() {
  static constexpr absl::string_view kJs[] = {"test_runner.js"};
  static constexpr absl::string_view kLazyJs[] = {"test_package.js"};
  static const Extension kExtension{"test_runner", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
