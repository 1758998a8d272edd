// The os extension: Node's `os` module with the machine's real values, from
// libuv (the calls Node's os binding makes). Registered in builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_OS_H_
#define TOYSNAP_RUNTIME_NODE_OS_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& OsExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_OS_H_
