// The path extension: path.js runs at bootstrap (fs and most programs use
// path), so POSIX path is in every snapshot; path_win32.js is lazy.
#include "runtime/node/path.h"

namespace toysnap::node {

const Extension& PathExtension() {
  static constexpr absl::string_view kJs[] = {"path.js"};
  // path.win32, compiled the first time a program reads it.
  static constexpr absl::string_view kLazyJs[] = {"path_win32.js"};
  static const Extension kExtension{"path", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
