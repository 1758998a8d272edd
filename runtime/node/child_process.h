// The `child_process` extension: Node's spawnSync/execSync/execFileSync on a
// private libuv loop (as Node's spawn_sync.cc), and spawn/exec/execFile on the
// runtime's loop through the native `Process` class (as Node's process_wrap).
// Every spawn passes the ChildProcess permission check. Registered by
// runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_H_
#define TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& ChildProcessExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_H_
