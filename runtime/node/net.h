// The net extension: libuv stream handles (stream_handle.h) and, on them,
// Node's `net`, `tty` and process.stdin/stdout/stderr (runtime/js/net*.js,
// tty.js, stdio.js). Registered by runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_NET_H_
#define TOYSNAP_RUNTIME_NODE_NET_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& NetExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_NET_H_
