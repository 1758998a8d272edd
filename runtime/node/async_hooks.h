// The async_hooks extension: Node's `async_hooks` (AsyncLocalStorage,
// AsyncResource, createHook) and `diagnostics_channel`, JavaScript on the
// runtime's async context (runtime/async_context.h, whose natives the timers
// extension provides). Registered in builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_ASYNC_HOOKS_H_
#define TOYSNAP_RUNTIME_NODE_ASYNC_HOOKS_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& AsyncHooksExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_ASYNC_HOOKS_H_
