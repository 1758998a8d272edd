// Prefix rewriting on whole path components.
#include "runtime/path_map.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "runtime/module_resolver.h"

namespace toysnap {
namespace {

// `path` with `from` replaced by `to`, if `from` is `path` or a parent of it.
bool Rewrite(absl::string_view path, const std::string& from, const std::string& to,
             std::string* out) {
  if (!absl::StartsWith(path, from)) return false;
  // What follows the prefix, starting at a '/' (or empty for the prefix itself).
  absl::string_view rest = from == "/" ? path : path.substr(from.size());
  if (!rest.empty() && rest[0] != '/') return false;
  if (to == "/") {
    *out = rest.empty() ? "/" : std::string(rest);
  } else {
    *out = absl::StrCat(to, rest);
  }
  return true;
}

}  // namespace

absl::StatusOr<PathMap> PathMap::Parse(const std::vector<std::string>& entries) {
  PathMap map;
  for (const std::string& entry : entries) {
    size_t eq = entry.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == entry.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("a path prefix map is OLD=NEW, not '", entry, "'"));
    }
    absl::StatusOr<std::string> disk = AbsolutePath(entry.substr(0, eq));
    if (!disk.ok()) return disk.status();
    std::string recorded = entry.substr(eq + 1);
    if (!absl::StartsWith(recorded, "/")) {
      return absl::InvalidArgumentError(
          absl::StrCat("the NEW side of a path prefix map must be absolute: '", entry, "'"));
    }
    absl::StatusOr<std::string> normalized = AbsolutePath(recorded);
    if (!normalized.ok()) return normalized.status();
    map.entries_.push_back({*disk, *normalized});
  }
  return map;
}

std::string PathMap::ToRecorded(absl::string_view disk_path) const {
  std::string out;
  for (const Entry& entry : entries_) {
    if (Rewrite(disk_path, entry.disk, entry.recorded, &out)) return out;
  }
  return std::string(disk_path);
}

std::string PathMap::ToDisk(absl::string_view recorded_path) const {
  std::string out;
  for (const Entry& entry : entries_) {
    if (Rewrite(recorded_path, entry.recorded, entry.disk, &out)) return out;
  }
  return std::string(recorded_path);
}

}  // namespace toysnap
