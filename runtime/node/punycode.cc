// The punycode extension: punycode.js registers the builtin at bootstrap; the
// package (punycode_package.js, generated from runtime/npm) is compiled on
// first require.
#include "runtime/node/punycode.h"

namespace toysnap::node {

const Extension& PunycodeExtension() {
  static constexpr absl::string_view kJs[] = {"punycode.js"};
  static constexpr absl::string_view kLazyJs[] = {"punycode_package.js"};
  static const Extension kExtension{"punycode", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
