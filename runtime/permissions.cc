// The permission check (see permissions.h).
#include "runtime/permissions.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace toysnap {
namespace {

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

void Permissions::Grant(PathGrants& grants, std::string path) {
  if (path == "*") {
    grants.everything = true;
    return;
  }
  std::string normalized = Normalized(std::move(path));
  absl::string_view ancestor = normalized;
  while (ancestor != "/") {
    size_t slash = ancestor.rfind('/');
    ancestor = slash == 0 ? absl::string_view("/") : ancestor.substr(0, slash);
    if (!grants.ancestors.emplace(ancestor).second) break;  // and its own ancestors
  }
  grants.paths.insert(std::move(normalized));
}

Permissions& Permissions::AllowFsRead(std::string path) {
  Grant(fs_read_, std::move(path));
  return *this;
}

Permissions& Permissions::AllowFsWrite(std::string path) {
  Grant(fs_write_, std::move(path));
  return *this;
}

bool Permissions::LeadsToGrant(Capability capability, absl::string_view directory) const {
  const PathGrants& grants = capability == Capability::kFsWrite ? fs_write_ : fs_read_;
  if (grants.everything) return true;
  if (!absl::StartsWith(directory, "/")) return false;
  return grants.ancestors.contains(Normalized(std::string(directory)));
}

// Whether `resource` is a granted path or lies below one: "/a" covers "/a" and
// "/a/b" but not "/ab". A relative resource is never covered.
bool Permissions::Covers(const PathGrants& grants, absl::string_view resource) {
  // "*" covers every path: no need to normalize this one (fs checks each call).
  if (grants.everything) return true;
  if (!absl::StartsWith(resource, "/") || grants.paths.empty()) return false;
  std::string path = Normalized(std::string(resource));
  absl::string_view ancestor = path;
  while (true) {
    if (grants.paths.contains(ancestor)) return true;
    if (ancestor == "/") return false;
    size_t slash = ancestor.rfind('/');
    ancestor = slash == 0 ? absl::string_view("/") : ancestor.substr(0, slash);
  }
}

Permissions& Permissions::AllowNet(std::string peer) {
  net_.push_back(std::move(peer));
  return *this;
}

absl::Status Permissions::Check(Capability capability, absl::string_view resource) const {
  bool allowed = false;
  switch (capability) {
    case Capability::kFsRead:
      allowed = Covers(fs_read_, resource);
      break;
    case Capability::kFsWrite:
      allowed = Covers(fs_write_, resource);
      break;
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
