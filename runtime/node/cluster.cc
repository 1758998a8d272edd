// The cluster extension: JavaScript only; cluster.js registers the builtin,
// made on first require.
#include "runtime/node/cluster.h"

namespace toysnap::node {

const Extension& ClusterExtension() {
  static constexpr absl::string_view kJs[] = {"cluster.js"};
  static const Extension kExtension{"cluster", 1, {}, {}, {}, {}, kJs};
  return kExtension;
}

}  // namespace toysnap::node
