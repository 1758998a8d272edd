// What a runtime may touch outside its heap: the one check every capability
// (files, child processes, workers, network, environment) goes through. No V8
// here; runtime/permission_check.h throws Node's ERR_ACCESS_DENIED from it.
// Embedders set RuntimeOptions::permissions (nothing by default); the CLI
// grants everything unless --permission narrows it, as Node does.
#ifndef TOYSNAP_RUNTIME_PERMISSIONS_H_
#define TOYSNAP_RUNTIME_PERMISSIONS_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace toysnap {

enum class Capability { kFsRead, kFsWrite, kChildProcess, kWorker, kNet, kEnv };

// Node's name for the permission (the error's `permission` property).
absl::string_view CapabilityName(Capability capability);

class Permissions {
 public:
  // Nothing granted.
  Permissions() = default;
  static Permissions All();

  // Grants reading or writing under `path` (absolute; "*" for every path). A
  // grant covers the path itself and everything below it.
  Permissions& AllowFsRead(std::string path);
  Permissions& AllowFsWrite(std::string path);
  Permissions& AllowChildProcess() { child_process_ = true; return *this; }
  Permissions& AllowWorker() { worker_ = true; return *this; }
  // `host` or `host:port`, "*" for every peer.
  Permissions& AllowNet(std::string peer);
  Permissions& AllowEnv() { env_ = true; return *this; }

  // OK, or PermissionDenied naming the capability and the resource. `resource`
  // is an absolute path for the fs capabilities and "host:port" for kNet;
  // ignored otherwise.
  absl::Status Check(Capability capability, absl::string_view resource = {}) const;
  bool Allows(Capability capability, absl::string_view resource = {}) const {
    return Check(capability, resource).ok();
  }
  // Whether a path granted for the fs `capability` lies below `directory`
  // (absolute): module resolution may see that it exists, so a build granted
  // only its input files still finds node_modules/pkg/ to look into.
  bool LeadsToGrant(Capability capability, absl::string_view directory) const;

 private:
  // Normalized absolute paths; a check looks up each of a path's ancestors,
  // so a build granted each of its thousands of inputs checks in O(depth).
  struct PathGrants {
    bool everything = false;
    absl::flat_hash_set<std::string> paths;
    absl::flat_hash_set<std::string> ancestors;  // of each path, "/" included
  };
  static void Grant(PathGrants& grants, std::string path);
  static bool Covers(const PathGrants& grants, absl::string_view resource);
  PathGrants fs_read_;
  PathGrants fs_write_;
  std::vector<std::string> net_;
  bool child_process_ = false;
  bool worker_ = false;
  bool env_ = false;
};

// The CLI's --permission model: with `restricted` false, everything; else only
// what the --allow-* values grant. `fs_read`/`fs_write` are comma-separated
// paths (relative ones resolve against `cwd`), `net` comma-separated peers.
// The environment stays granted, as under Node's permission model.
absl::StatusOr<Permissions> PermissionsFromFlags(bool restricted,
                                                 const std::vector<std::string>& fs_read,
                                                 const std::vector<std::string>& fs_write,
                                                 bool child_process, bool worker,
                                                 const std::vector<std::string>& net,
                                                 const std::string& cwd);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_PERMISSIONS_H_
