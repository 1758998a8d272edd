// The readline extension: JavaScript only. readline.js runs at bootstrap and
// registers the builtins; readline_impl.js and readline_tty.js are compiled
// on first require.
#include "runtime/node/readline.h"

namespace toysnap::node {

const Extension& ReadlineExtension() {
  static constexpr absl::string_view kJs[] = {"readline.js"};
  static constexpr absl::string_view kLazyJs[] = {"readline_impl.js", "readline_tty.js"};
  static const Extension kExtension{"readline", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
