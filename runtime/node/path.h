// The path extension: Node's `path`, `path/posix` and `path/win32`, JavaScript
// only (runtime/js/path.js). Registered in builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_PATH_H_
#define TOYSNAP_RUNTIME_NODE_PATH_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& PathExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_PATH_H_
