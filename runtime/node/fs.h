// The `fs` extension: Node's `fs` and `fs/promises` (runtime/js/fs*.js) on
// libuv: synchronous forms run their system calls directly, callback and
// promise forms run on libuv's thread pool and complete on the runtime's
// loop. Every path passes the runtime's permission check. Registered by
// runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_FS_H_
#define TOYSNAP_RUNTIME_NODE_FS_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& FsExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_FS_H_
