// The cluster extension: Node's `cluster` as a primary without workers
// (runtime/js/cluster.js, JavaScript only). Registered in
// runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_CLUSTER_H_
#define TOYSNAP_RUNTIME_NODE_CLUSTER_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& ClusterExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CLUSTER_H_
