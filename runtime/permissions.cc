// The permission check (see permissions.h).
#include "runtime/permissions.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace toysnap {
namespace {

// Whether `path` is `grant` or lies below it; both absolute. "/a" covers "/a"
// and "/a/b" but not "/ab".
bool Covers(absl::string_view grant, absl::string_view path) {
  if (grant == "*") return true;
  while (grant.size() > 1 && absl::EndsWith(grant, "/")) grant.remove_suffix(1);
  if (!absl::StartsWith(path, grant)) return false;
  return path.size() == grant.size() || grant == "/" || path[grant.size()] == '/';
}

// "host" covers every port of host; "host:port" that port only.
bool CoversPeer(absl::string_view grant, absl::string_view peer) {
  if (grant == "*" || grant == peer) return true;
  return absl::StartsWith(peer, absl::StrCat(grant, ":")) &&
         grant.find(':') == absl::string_view::npos;
}

std::string Normalized(std::string path) {
  // "." and ".." segments would let "/allowed/../etc" pass a prefix test.
  std::vector<std::string> parts;
  for (absl::string_view part : absl::StrSplit(path, '/', absl::SkipEmpty())) {
    if (part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.emplace_back(part);
  }
  return "/" + absl::StrJoin(parts, "/");
}

}  // namespace

absl::string_view CapabilityName(Capability capability) {
  switch (capability) {
    case Capability::kFsRead:
      return "FileSystemRead";
    case Capability::kFsWrite:
      return "FileSystemWrite";
    case Capability::kChildProcess:
      return "ChildProcess";
    case Capability::kWorker:
      return "WorkerThreads";
    case Capability::kNet:
      return "Net";
    case Capability::kEnv:
      return "Environment";
  }
  return "Unknown";
}

Permissions Permissions::All() {
  Permissions all;
  all.AllowFsRead("*").AllowFsWrite("*").AllowChildProcess().AllowWorker().AllowNet("*").AllowEnv();
  return all;
}

Permissions& Permissions::AllowFsRead(std::string path) {
  fs_read_.push_back(path == "*" ? path : Normalized(std::move(path)));
  return *this;
}

Permissions& Permissions::AllowFsWrite(std::string path) {
  fs_write_.push_back(path == "*" ? path : Normalized(std::move(path)));
  return *this;
}

Permissions& Permissions::AllowNet(std::string peer) {
  net_.push_back(std::move(peer));
  return *this;
}

absl::Status Permissions::Check(Capability capability, absl::string_view resource) const {
  bool allowed = false;
  switch (capability) {
    case Capability::kFsRead:
    case Capability::kFsWrite: {
      const std::vector<std::string>& grants =
          capability == Capability::kFsRead ? fs_read_ : fs_write_;
      // "*" covers every path: no need to normalize this one (fs checks each call).
      if (std::find(grants.begin(), grants.end(), "*") != grants.end()) {
        allowed = true;
        break;
      }
      std::string path = absl::StartsWith(resource, "/") ? Normalized(std::string(resource))
                                                         : std::string(resource);
      for (const std::string& grant : grants) allowed = allowed || Covers(grant, path);
      break;
    }
    case Capability::kNet:
      for (const std::string& grant : net_) allowed = allowed || CoversPeer(grant, resource);
      break;
    case Capability::kChildProcess:
      allowed = child_process_;
      break;
    case Capability::kWorker:
      allowed = worker_;
      break;
    case Capability::kEnv:
      allowed = env_;
      break;
  }
  if (allowed) return absl::OkStatus();
  return absl::PermissionDeniedError(
      absl::StrCat(CapabilityName(capability), resource.empty() ? "" : " ", resource));
}

absl::StatusOr<Permissions> PermissionsFromFlags(bool restricted,
                                                 const std::vector<std::string>& fs_read,
                                                 const std::vector<std::string>& fs_write,
                                                 bool child_process, bool worker,
                                                 const std::vector<std::string>& net,
                                                 const std::string& cwd) {
  if (!restricted) return Permissions::All();
  Permissions permissions;
  permissions.AllowEnv();
  auto paths = [&](const std::vector<std::string>& values, bool write) -> absl::Status {
    for (const std::string& value : values) {
      for (absl::string_view item : absl::StrSplit(value, ',', absl::SkipEmpty())) {
        std::string path(item);
        if (path != "*" && !absl::StartsWith(path, "/")) {
          if (cwd.empty()) return absl::InvalidArgumentError("relative path without a cwd");
          path = absl::StrCat(cwd, "/", path);
        }
        if (write) {
          permissions.AllowFsWrite(path);
        } else {
          permissions.AllowFsRead(path);
        }
      }
    }
    return absl::OkStatus();
  };
  if (absl::Status status = paths(fs_read, false); !status.ok()) return status;
  if (absl::Status status = paths(fs_write, true); !status.ok()) return status;
  if (child_process) permissions.AllowChildProcess();
  if (worker) permissions.AllowWorker();
  for (const std::string& value : net) {
    for (absl::string_view peer : absl::StrSplit(value, ',', absl::SkipEmpty())) {
      permissions.AllowNet(std::string(peer));
    }
  }
  return permissions;
}

}  // namespace toysnap
