// The perf_hooks extension: Node's `perf_hooks` and the user-timing methods
// of the global performance (JavaScript only: runtime/js/perf_hooks*.js).
// Registered in builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_PERF_HOOKS_H_
#define TOYSNAP_RUNTIME_NODE_PERF_HOOKS_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& PerfHooksExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_PERF_HOOKS_H_
