// The path extension: path.js runs at bootstrap (the module loader and most
// programs use path), so the module is in every snapshot.
#include "runtime/node/path.h"

namespace toysnap::node {

const Extension& PathExtension() {
  static constexpr absl::string_view kJs[] = {"path.js"};
  static const Extension kExtension{"path", 1, {}, {}, {}, {}, kJs};
  return kExtension;
}

}  // namespace toysnap::node
