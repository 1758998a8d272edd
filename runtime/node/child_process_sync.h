// spawnSync's work without V8: runs one child on a private libuv loop (as
// Node's spawn_sync.cc does, so the runtime's own loop and timers stand still),
// feeds its input, collects its output, enforces the timeout and maxBuffer.
// Included by runtime/node/child_process.cc and its test.
#ifndef TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_SYNC_H_
#define TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_SYNC_H_

#include <optional>
#include <string>
#include <vector>

#include "runtime/node/child_process_spec.h"

namespace toysnap::node {

struct SyncResult {
  int error = 0;         // the first failure (a negative libuv error), or 0
  bool spawned = false;  // false: uv_spawn failed, and `error` says why
  int pid = 0;
  int64_t exit_status = 0;
  int term_signal = 0;   // the signal that ended the child, or 0
  // Per stdio index: what the child wrote to a pipe it writes; nullopt for
  // other descriptors.
  std::vector<std::optional<std::string>> output;
};

SyncResult RunSync(const SpawnSpec& spec);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_SYNC_H_
