// Linux implementation of file_io.h (O_TMPFILE, with a POSIX fallback).
#include "snapshot/base/file_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <ctime>
#include <string>

#include "absl/strings/str_cat.h"
#include "snapshot/base/status_macros.h"

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

// Sets the mode, writes and syncs an open temporary file. Its mode is set
// before the file gets a name: mkostemp creates 0600, O_TMPFILE whatever the
// umask leaves, and snapshots are meant to be shared like binaries.
absl::Status FillTempFile(int fd, absl::string_view contents,
                          const std::string& path, mode_t mode) {
  if (fchmod(fd, mode) != 0) return ErrnoError(errno, "cannot chmod", path);
  RETURN_IF_ERROR(WriteAll(fd, contents, path));
  if (fsync(fd) != 0) return ErrnoError(errno, "cannot fsync", path);
  return absl::OkStatus();
}

// Renames the complete temporary file over `path` and persists the rename;
// removes the temporary file if the rename fails.
absl::Status RenameOver(const std::string& temp_path, const std::string& path,
                        const std::string& dir) {
  if (rename(temp_path.c_str(), path.c_str()) != 0) {
    absl::Status status = ErrnoError(errno, "cannot replace", path);
    unlink(temp_path.c_str());
    return status;
  }
  // Best effort: the new file is already in place and complete, so failing
  // here would misreport what happened.
  int dir_fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    fsync(dir_fd);
    close(dir_fd);
  }
  return absl::OkStatus();
}

// The named-file way: the temporary file exists under its name while it is
// written, so a SIGKILL then leaves it behind (ordinary failures remove it).
absl::Status WriteViaNamedFile(const std::string& path, const std::string& dir,
                               absl::string_view contents, mode_t mode) {
  std::string temp_path =
      absl::StrCat(dir, "/.", BaseName(path), ".tmp.XXXXXX");
  int fd = mkostemp(temp_path.data(), O_CLOEXEC);
  if (fd < 0) {
    return ErrnoError(errno, "cannot create a temporary file to write", path);
  }
  FdCloser closer(fd);
  absl::Status status = FillTempFile(fd, contents, path, mode);
  if (closer.CloseNow() != 0 && status.ok()) {
    status = ErrnoError(errno, "cannot close", path);
  }
  if (!status.ok()) {
    unlink(temp_path.c_str());
    return status;
  }
  return RenameOver(temp_path, path, dir);
}

// `.NAME.tmp.` and a suffix no other writer is likely to pick: process id,
// clock and a per-process counter. A collision only costs a retry (EEXIST).
std::string UniqueTempPath(const std::string& path, const std::string& dir) {
  static std::atomic<uint64_t> counter{0};
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  uint64_t nanos = static_cast<uint64_t>(now.tv_sec) * 1000000000u +
                   static_cast<uint64_t>(now.tv_nsec);
  return absl::StrCat(dir, "/.", BaseName(path), ".tmp.", getpid(), "-",
                      absl::Hex(nanos), "-", counter.fetch_add(1));
}

// Gives the anonymous file `fd` the name `temp_path`. AT_EMPTY_PATH needs
// CAP_DAC_READ_SEARCH; without it, link the fd's /proc/self/fd entry instead.
int LinkAnonymousFile(int fd, const std::string& temp_path) {
  if (linkat(fd, "", AT_FDCWD, temp_path.c_str(), AT_EMPTY_PATH) == 0) return 0;
  if (errno != ENOENT && errno != EPERM) return -1;
  const std::string self = absl::StrCat("/proc/self/fd/", fd);
  return linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp_path.c_str(),
                AT_SYMLINK_FOLLOW);
}

// The O_TMPFILE way: the data lives in an inode with no name until it is
// complete and synced, so a process killed while writing leaves nothing (the
// kernel frees the inode with the last descriptor). Takes ownership of `fd`.
absl::Status WriteViaAnonymousFile(int fd, const std::string& path,
                                   const std::string& dir,
                                   absl::string_view contents, mode_t mode) {
  FdCloser closer(fd);
  RETURN_IF_ERROR(FillTempFile(fd, contents, path, mode));
  // linkat cannot replace an existing name, so link under a fresh name and
  // rename that over the target: a kill between the two syscalls is the one
  // moment a temporary file would stay behind, so nothing else runs there.
  std::string temp_path;
  for (int attempt = 0;; ++attempt) {
    temp_path = UniqueTempPath(path, dir);
    if (LinkAnonymousFile(fd, temp_path) == 0) break;
    if (errno != EEXIST || attempt == 99) {
      return ErrnoError(errno, "cannot link the temporary file to write", path);
    }
  }
  // `closer` closes after the rename: the data is synced by then, so a close
  // error could not mean the file is incomplete.
  return RenameOver(temp_path, path, dir);
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
  return file_io_internal::WriteFileAtomically(
      path, contents, mode, file_io_internal::TempFile::kAnonymousOrNamed);
}

namespace file_io_internal {

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view contents, mode_t mode,
                                 TempFile temp_file) {
  // Same directory as the target, so rename() stays within one file system.
  const std::string dir = DirName(path);
  if (temp_file == TempFile::kAnonymousOrNamed) {
    int fd = open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) return WriteViaAnonymousFile(fd, path, dir, contents, mode);
    // The file system (EOPNOTSUPP) or the kernel (EISDIR, EINVAL: O_TMPFILE
    // read as O_DIRECTORY) cannot make anonymous files; anything else, such
    // as a missing directory, is the caller's error.
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
      return ErrnoError(errno, "cannot create a temporary file to write",
                        path);
    }
  }
  return WriteViaNamedFile(path, dir, contents, mode);
}

}  // namespace file_io_internal

}  // namespace toysnap
