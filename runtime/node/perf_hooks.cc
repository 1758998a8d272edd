// The perf_hooks extension: JavaScript only. perf_hooks.js installs the
// builtin and performance's methods at bootstrap; perf_hooks_impl.js is lazy.
#include "runtime/node/perf_hooks.h"

namespace toysnap::node {

const Extension& PerfHooksExtension() {
  static constexpr absl::string_view kJs[] = {"perf_hooks.js"};
  static constexpr absl::string_view kLazyJs[] = {"perf_hooks_impl.js"};
  static const Extension kExtension{"perf_hooks", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
