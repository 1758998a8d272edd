// POSIX implementation of mapped_file.h.
#include "snapshot/base/mapped_file.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "snapshot/base/file_io.h"
#include "snapshot/base/status_macros.h"

namespace toysnap {
namespace {

absl::Status ErrnoError(int error, absl::string_view what, const std::string& path) {
  return absl::ErrnoToStatus(error, absl::StrCat(what, " ", path));
}

// Owns one mapping; the shared_ptr that holds it unmaps with the last copy.
class Mapping {
 public:
  Mapping(void* address, size_t size) : address_(address), size_(size) {}
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() { munmap(address_, size_); }

 private:
  void* address_;
  size_t size_;
};

}  // namespace

absl::StatusOr<SharedBytes> MapFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError(errno, "cannot open", path);
  struct stat st;
  int stat_result = fstat(fd, &st);
  int stat_errno = errno;
  if (stat_result != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
    close(fd);
    if (stat_result != 0) return ErrnoError(stat_errno, "cannot stat", path);
    ASSIGN_OR_RETURN(std::string contents, ReadFile(path));  // names directories, reads pipes
    return SharedBytes(std::move(contents));
  }
  size_t size = static_cast<size_t>(st.st_size);
  // Prefaulted: one call maps the cached pages instead of a fault per 64 KiB.
  void* address = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  int map_errno = errno;
  close(fd);  // the mapping keeps the file open
  if (address == MAP_FAILED) return ErrnoError(map_errno, "cannot map", path);
  auto mapping = std::make_shared<const Mapping>(address, size);
  return SharedBytes(mapping, absl::string_view(static_cast<const char*>(address), size));
}

}  // namespace toysnap
