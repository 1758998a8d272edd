// POSIX implementation of file_io.h.
#include "snapshot/file_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "snapshot/status_macros.h"

namespace toysnap {
namespace {

// Closes a descriptor on scope exit unless released.
class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;
  ~FdCloser() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }
  // Closes now and reports the result: close() can surface a delayed write
  // error, which matters before a rename makes the file visible.
  int CloseNow() {
    int fd = fd_;
    fd_ = -1;
    return close(fd);
  }

 private:
  int fd_;  // Owned; -1 once closed.
};

absl::Status ErrnoError(int error, absl::string_view what,
                        const std::string& path) {
  return absl::ErrnoToStatus(error, absl::StrCat(what, " ", path));
}

absl::Status WriteAll(int fd, absl::string_view contents,
                      const std::string& path) {
  while (!contents.empty()) {
    ssize_t n = write(fd, contents.data(), contents.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoError(errno, "cannot write", path);
    }
    contents.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

// Directory part of `path` ("." for a bare file name).
std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Writes, syncs and closes the already-open temp file.
absl::Status FillTempFile(int fd, absl::string_view contents,
                          const std::string& path, mode_t mode) {
  FdCloser closer(fd);
  // mkstemp creates 0600; snapshots are meant to be shared like binaries.
  if (fchmod(fd, mode) != 0) return ErrnoError(errno, "cannot chmod", path);
  RETURN_IF_ERROR(WriteAll(fd, contents, path));
  if (fsync(fd) != 0) return ErrnoError(errno, "cannot fsync", path);
  if (closer.CloseNow() != 0) return ErrnoError(errno, "cannot close", path);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError(errno, "cannot open", path);
  FdCloser closer(fd);
  struct stat st;
  if (fstat(fd, &st) != 0) return ErrnoError(errno, "cannot stat", path);
  if (S_ISDIR(st.st_mode)) return ErrnoError(EISDIR, "cannot read", path);

  std::string contents;
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    contents.reserve(static_cast<size_t>(st.st_size));
  }
  // Read to EOF rather than trusting st_size: pipes report 0 and files can
  // grow.
  char buffer[64 * 1024];
  while (true) {
    ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoError(errno, "cannot read", path);
    }
    if (n == 0) break;
    contents.append(buffer, static_cast<size_t>(n));
  }
  return contents;
}

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view contents, mode_t mode) {
  // Same directory as the target, so rename() stays within one file system.
  const std::string dir = DirName(path);
  std::string temp_path =
      absl::StrCat(dir, "/.", BaseName(path), ".tmp.XXXXXX");
  int fd = mkostemp(temp_path.data(), O_CLOEXEC);
  if (fd < 0) {
    return ErrnoError(errno, "cannot create a temporary file to write", path);
  }
  absl::Status status = FillTempFile(fd, contents, path, mode);
  if (status.ok() && rename(temp_path.c_str(), path.c_str()) != 0) {
    status = ErrnoError(errno, "cannot replace", path);
  }
  if (!status.ok()) {
    unlink(temp_path.c_str());
    return status;
  }
  // Persist the rename itself. Best effort: the new file is already in place
  // and complete, so failing here would misreport what happened.
  int dir_fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    fsync(dir_fd);
    close(dir_fd);
  }
  return absl::OkStatus();
}

}  // namespace toysnap
