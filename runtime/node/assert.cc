// The assert extension: JavaScript only. assert.js runs at bootstrap and
// registers the builtins; the module's files are lazy, compiled on first require.
#include "runtime/node/assert.h"

namespace toysnap::node {

const Extension& AssertExtension() {
  static constexpr absl::string_view kJs[] = {"assert.js"};
  static constexpr absl::string_view kLazyJs[] = {"assert_deep.js", "assert_error.js",
                                                  "assert_impl.js", "assert_call_tracker.js"};
  static const Extension kExtension{"assert", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
