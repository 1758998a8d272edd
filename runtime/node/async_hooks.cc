// The async_hooks extension: JavaScript only. async_hooks.js registers the
// builtins at bootstrap; their files are lazy, compiled on first require.
#include "runtime/node/async_hooks.h"

namespace toysnap::node {

const Extension& AsyncHooksExtension() {
  static constexpr absl::string_view kJs[] = {"async_hooks.js"};
  static constexpr absl::string_view kLazyJs[] = {"async_hooks_impl.js", "diagnostics_channel.js"};
  static const Extension kExtension{"async_hooks", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
