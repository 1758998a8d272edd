// The path extension: path_builtin.js registers the builtins at bootstrap;
// path.js (POSIX) and path_win32.js are compiled on first use.
#include "runtime/node/path.h"

namespace toysnap::node {

const Extension& PathExtension() {
  static constexpr absl::string_view kJs[] = {"path_builtin.js"};
  // path at the first require; path.win32 the first time a program reads it.
  static constexpr absl::string_view kLazyJs[] = {"path.js", "path_win32.js"};
  static const Extension kExtension{"path", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
