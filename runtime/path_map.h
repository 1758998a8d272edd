// Rewrites file paths between the disk and what a build records, so a
// snapshot's module URLs and stacks do not depend on where it was built (as a
// compiler's -ffile-prefix-map does). Held by RuntimeOptions.
#ifndef TOYSNAP_RUNTIME_PATH_MAP_H_
#define TOYSNAP_RUNTIME_PATH_MAP_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace toysnap {

class PathMap {
 public:
  PathMap() = default;

  // Entries "OLD=NEW": files under directory OLD (made absolute) are recorded
  // as if under NEW (an absolute path). The first matching entry wins.
  static absl::StatusOr<PathMap> Parse(const std::vector<std::string>& entries);

  // The path to record for a path on disk, and back.
  std::string ToRecorded(absl::string_view disk_path) const;
  std::string ToDisk(absl::string_view recorded_path) const;

  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::string disk;      // absolute, no trailing slash
    std::string recorded;  // absolute, no trailing slash
  };
  std::vector<Entry> entries_;
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_PATH_MAP_H_
