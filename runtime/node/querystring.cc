// The querystring extension: querystring_builtin.js registers the builtin at
// bootstrap; the module itself (querystring.js) is compiled on first require.
#include "runtime/node/querystring.h"

namespace toysnap::node {

const Extension& QuerystringExtension() {
  static constexpr absl::string_view kJs[] = {"querystring_builtin.js"};
  static constexpr absl::string_view kLazyJs[] = {"querystring.js"};
  static const Extension kExtension{"querystring", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
