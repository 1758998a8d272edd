// The worker_threads extension: Node's `worker_threads` (runtime/js/
// worker_threads*.js), MessageChannel/MessagePort/BroadcastChannel globals,
// and Workers as runtimes on threads of their own, restored from the
// parent's snapshot where they can be. Registered by runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_WORKER_H_
#define TOYSNAP_RUNTIME_NODE_WORKER_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& WorkerExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_WORKER_H_
