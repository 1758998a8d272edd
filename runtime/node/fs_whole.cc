// The fs natives made of several system calls, each one job on libuv's thread
// pool (or inline for the synchronous form): a whole file read or written,
// `mkdir -p`, `rm -r`. Their errors name the system call that failed, as
// Node's do ("EISDIR: illegal operation on a directory, read").
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "runtime/binding.h"
#include "runtime/module_resolver.h"
#include "runtime/native_util.h"
#include "runtime/natives.h"
#include "runtime/node/fs_internal.h"
#include "runtime/node/fs_job.h"
#include "runtime/v8_strings.h"
#include "v8-array-buffer.h"
#include "v8-exception.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

// Node's kIoMaxLength: no single read or file buffer beyond 2 GiB - 1.
constexpr int64_t kIoMaxLength = 2147483647;
constexpr size_t kUnknownSizeChunk = 64 * 1024;

// A file named by path (opened and closed by the job) or by a descriptor
// (left open, read or written from its current offset).
struct FileArg {
  FsPath path;
  int fd = -1;
};

bool GetFileArg(v8::Isolate* isolate, v8::Local<v8::Value> value, Capability capability,
                FileArg* file, v8::Local<v8::Value> req) {
  if (value->IsInt32()) {
    file->fd = value.As<v8::Int32>()->Value();
    return true;
  }
  return GetPath(isolate, value, "path", capability, &file->path, req);
}

// write(2) until every byte is out; false (errno set) on failure.
bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t written = write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    size -= static_cast<size_t>(written);
  }
  return true;
}

// readFile(pathOrFd, flags, asText): the file's bytes as an ArrayBuffer, or
// its UTF-8 text as a string.
class ReadFileJob final : public WorkJob {
 public:
  ReadFileJob(FileArg file, int flags, bool as_text)
      : WorkJob("open", file.path.shown), file_(std::move(file)), flags_(flags),
        as_text_(as_text) {}

  v8::Local<v8::Value> Exception(v8::Isolate* isolate) const override {
    if (too_large_ < 0) return WorkJob::Exception(isolate);
    v8::Local<v8::String> message;
    if (!NewString(isolate, absl::StrCat("File size (", too_large_, ") is greater than 2 GiB"))
             .ToLocal(&message)) {
      message = v8::String::Empty(isolate);
    }
    v8::Local<v8::Value> error = v8::Exception::RangeError(message);
    if (error->IsObject()) {
      SetNodeErrorCode(isolate, error.As<v8::Object>(), "ERR_FS_FILE_TOO_LARGE");
    }
    return error;
  }

  // A build records what it read, or that the file was missing.
  void Settled(v8::Isolate* isolate) override {
    NativeHost* host = NativeHost::From(isolate);
    if (file_.fd >= 0 || host == nullptr) return;
    if (error().code < 0) {
      if (error().code == UV_ENOENT || error().code == UV_ENOTDIR) {
        RecordProbe(isolate, file_.path, error().code, uv_stat_t{});
      }
      return;
    }
    const std::string& shown = file_.path.shown;
    absl::string_view bytes(data_.get(), size_);
    if (!shown.empty() && shown[0] == '/') {
      host->RecordFileRead(shown, bytes);
    } else if (absl::StatusOr<std::string> absolute = AbsolutePath(shown); absolute.ok()) {
      host->RecordFileRead(*absolute, bytes);
    }
  }

  v8::MaybeLocal<v8::Value> Result(v8::Local<v8::Context> context) override {
    v8::Isolate* isolate = context->GetIsolate();
    absl::string_view bytes(data_.get(), size_);
    if (as_text_) {
      v8::Local<v8::String> text;
      if (!NewStringOrThrow(isolate, bytes, "file contents").ToLocal(&text)) return {};
      return text;
    }
    // The ArrayBuffer takes the memory the bytes were read into: no copy.
    std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        data_.release(), size_, [](void* data, size_t, void*) { free(data); }, nullptr);
    return v8::ArrayBuffer::New(isolate, std::move(store));
  }

 protected:
  void Work() override {
    int fd = file_.fd;
    if (fd < 0) {
      fd = open(file_.path.disk.c_str(), flags_ | O_CLOEXEC, 0666);
      if (fd < 0) return FailErrno("open");
    }
    ReadAll(fd);
    if (file_.fd < 0 && close(fd) != 0 && errno != EINTR) FailErrno("close", false);
  }

 private:
  // Uninitialized memory for the bytes, as Node's Buffer.allocUnsafe: a whole
  // file is read straight into what becomes the ArrayBuffer.
  bool Reserve(size_t capacity) {
    void* grown = realloc(data_.get(), capacity == 0 ? 1 : capacity);
    if (grown == nullptr) return false;
    data_.release();
    data_.reset(static_cast<char*>(grown));
    return true;
  }

  void ReadAll(int fd) {
    struct stat st;
    if (fstat(fd, &st) != 0) return FailErrno("fstat", false);
    int64_t size = S_ISREG(st.st_mode) ? st.st_size : 0;
    if (size > kIoMaxLength) {
      too_large_ = size;
      return Fail(UV_EFBIG, "read", false);
    }
    // The kernel does not know the size of a pipe or a /proc file: read in
    // chunks until the end.
    size_t capacity = size > 0 ? static_cast<size_t>(size) : kUnknownSizeChunk;
    if (!Reserve(capacity)) return Fail(UV_ENOMEM, "read", false);
    while (true) {
      if (size_ == capacity) {
        if (size > 0) break;  // as Node: a file that grew is read to its stat size
        capacity += kUnknownSizeChunk;
        if (!Reserve(capacity)) return Fail(UV_ENOMEM, "read", false);
      }
      ssize_t got = read(fd, data_.get() + size_, capacity - size_);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return FailErrno("read", false);
      if (got == 0) break;
      size_ += static_cast<size_t>(got);
    }
  }

  struct Free {
    void operator()(char* data) const { free(data); }
  };

  FileArg file_;
  int flags_;
  bool as_text_;
  int64_t too_large_ = -1;
  // Filled on the thread pool, handed to JS in Result().
  std::unique_ptr<char, Free> data_;
  size_t size_ = 0;
};

void ReadFile(NativeCall& call, v8::Local<v8::Value> file_arg, int32_t flags, bool as_text,
              v8::Local<v8::Value> req) {
  FileArg file;
  if (!GetFileArg(call.isolate, file_arg, Capability::kFsRead, &file, req)) return;
  RunFsJob(call, std::make_unique<ReadFileJob>(std::move(file), flags, as_text), req);
}
constexpr const char* kReadFileArgs[] = {"path", "flags", "asText", "req"};

// writeFile(pathOrFd, data, flags, mode, flush): `data` a string (written as
// UTF-8) or an ArrayBufferView.
class WriteFileJob final : public WorkJob {
 public:
  WriteFileJob(FileArg file, int flags, int mode, bool flush)
      : WorkJob("open", file.path.shown), file_(std::move(file)), flags_(flags), mode_(mode),
        flush_(flush) {}

  std::string text;                       // string data, as UTF-8
  std::shared_ptr<v8::BackingStore> store;  // or the view's memory, kept alive
  const char* bytes = nullptr;
  size_t size = 0;

 protected:
  void Work() override {
    int fd = file_.fd;
    if (fd < 0) {
      fd = open(file_.path.disk.c_str(), flags_ | O_CLOEXEC, mode_);
      if (fd < 0) return FailErrno("open");
    }
    if (!WriteAll(fd, bytes, size)) {
      FailErrno("write", false);
    } else if (flush_ && fsync(fd) != 0) {
      FailErrno("fsync", false);
    }
    if (file_.fd < 0 && close(fd) != 0 && errno != EINTR) FailErrno("close", false);
  }

 private:
  FileArg file_;
  int flags_;
  int mode_;
  bool flush_;
};

void WriteFile(NativeCall& call, v8::Local<v8::Value> file_arg, v8::Local<v8::Value> data,
               int32_t flags, int32_t mode, bool flush, v8::Local<v8::Value> req) {
  FileArg file;
  if (!GetFileArg(call.isolate, file_arg, Capability::kFsWrite, &file, req)) return;
  auto job = std::make_unique<WriteFileJob>(std::move(file), flags, mode, flush);
  if (data->IsString()) {
    v8::Local<v8::String> string = data.As<v8::String>();
    job->text.resize(static_cast<size_t>(string->Utf8Length(call.isolate)));
    string->WriteUtf8(call.isolate, job->text.data(), static_cast<int>(job->text.size()), nullptr,
                      v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    job->bytes = job->text.data();
    job->size = job->text.size();
  } else if (data->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = data.As<v8::ArrayBufferView>();
    job->store = view->Buffer()->GetBackingStore();
    job->size = view->ByteLength();
    if (job->store->Data() != nullptr) {
      job->bytes = static_cast<const char*>(job->store->Data()) + view->ByteOffset();
    }
  } else {
    return ThrowInvalidArgType(call.isolate, "data",
                               "of type string or an instance of Buffer, TypedArray, or DataView",
                               data);
  }
  RunFsJob(call, std::move(job), req);
}
constexpr const char* kWriteFileArgs[] = {"path", "data", "flags", "mode", "flush", "req"};

// mkdir(path, mode, recursive): with `recursive`, Node's MKDirp: parents are
// made first, and the result is the first directory made (undefined if none).
class MkdirJob final : public WorkJob {
 public:
  MkdirJob(FsPath path, int mode, bool recursive)
      : WorkJob("mkdir", path.shown), path_(std::move(path)), mode_(mode),
        recursive_(recursive) {}

  v8::MaybeLocal<v8::Value> Result(v8::Local<v8::Context> context) override {
    v8::Isolate* isolate = context->GetIsolate();
    if (!recursive_ || first_.empty()) return v8::Undefined(isolate);
    NativeHost* host = NativeHost::From(isolate);
    std::string shown = host != nullptr ? host->path_map().ToRecorded(first_) : first_;
    v8::Local<v8::String> text;
    if (!NewStringOrThrow(isolate, shown, "path").ToLocal(&text)) return {};
    return text;
  }

 protected:
  void Work() override {
    if (!recursive_) {
      if (mkdir(path_.disk.c_str(), mode_) != 0) FailErrno("mkdir");
      return;
    }
    std::vector<std::string> stack = {path_.disk};
    while (!stack.empty()) {
      std::string next = stack.back();
      int err = mkdir(next.c_str(), mode_) == 0 ? 0 : -errno;
      if (err == 0) {
        if (first_.empty()) first_ = next;
        stack.pop_back();
        continue;
      }
      if (err == UV_EACCES || err == UV_ENOSPC || err == UV_ENOTDIR || err == UV_EPERM) {
        return Fail(err, "mkdir");
      }
      if (err == UV_ENOENT) {
        std::string parent = next.substr(0, next.find_last_of('/'));
        if (parent == next || parent.empty()) return Fail(err, "mkdir");
        stack.push_back(parent);
        continue;
      }
      stack.pop_back();
      struct stat st;
      if (stat(next.c_str(), &st) != 0) return FailErrno("mkdir");
      if (!S_ISDIR(st.st_mode)) {
        return Fail(err == UV_EEXIST && !stack.empty() ? UV_ENOTDIR : UV_EEXIST, "mkdir");
      }
    }
  }

 private:
  FsPath path_;
  int mode_;
  bool recursive_;
  std::string first_;  // on disk
};

void Mkdir(NativeCall& call, v8::Local<v8::Value> path_arg, int32_t mode, bool recursive,
           v8::Local<v8::Value> req) {
  // Node's mkdir throws a denial even in the callback form.
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsWrite, &path)) return;
  RunFsJob(call, std::make_unique<MkdirJob>(std::move(path), mode, recursive), req);
}
constexpr const char* kMkdirArgs[] = {"path", "mode", "recursive", "req"};

// rm(path, maxRetries, retryDelay): Node's rimraf, once the options are
// checked (fs.js): files are unlinked, directories emptied then removed,
// a missing path is no error. EBUSY, EMFILE, ENFILE, ENOTEMPTY and EPERM are
// retried `maxRetries` times, after i * retryDelay ms.
class RmJob final : public WorkJob {
 public:
  RmJob(FsPath path, int max_retries, int retry_delay)
      : WorkJob("rm", path.shown), path_(std::move(path)), max_retries_(max_retries),
        retry_delay_(retry_delay) {}

 protected:
  void Work() override { Remove(path_.disk, path_.shown); }

 private:
  static bool Retryable(int err) {
    return err == UV_EBUSY || err == UV_EMFILE || err == UV_ENFILE || err == UV_ENOTEMPTY ||
           err == UV_EPERM;
  }

  // Runs `call` (a system call returning 0 or -1) with the retries; 0 or -errno.
  template <typename Call>
  int WithRetries(Call call) {
    for (int attempt = 1;; ++attempt) {
      if (call() == 0) return 0;
      int err = -errno;
      if (!Retryable(err) || attempt > max_retries_ || retry_delay_ <= 0) return err;
      usleep(static_cast<useconds_t>(attempt * retry_delay_) * 1000);
    }
  }

  void Remove(const std::string& disk, const std::string& shown) {
    struct stat st;
    int stat_err = lstat(disk.c_str(), &st) == 0 ? 0 : -errno;
    if (stat_err == UV_ENOENT) return;
    bool is_dir = stat_err == 0 && S_ISDIR(st.st_mode);
    if (is_dir) return RemoveDir(disk, shown, 0);
    int err = WithRetries([&] { return unlink(disk.c_str()); });
    if (err == 0 || err == UV_ENOENT) return;
    if (err == UV_EPERM || err == UV_EISDIR) return RemoveDir(disk, shown, err);
    FailAt(err, "unlink", shown);
  }

  // `original`: the unlink error that sent us here, reported if this is no directory.
  void RemoveDir(const std::string& disk, const std::string& shown, int original) {
    if (rmdir(disk.c_str()) == 0) return;
    int err = -errno;
    if (err == UV_ENOENT) return;
    if (err == UV_ENOTDIR) {
      return FailAt(original != 0 ? original : err, original != 0 ? "unlink" : "rmdir", shown);
    }
    if (err != UV_ENOTEMPTY && err != UV_EEXIST && err != UV_EPERM) {
      return FailAt(original != 0 ? original : err, original != 0 ? "unlink" : "rmdir", shown);
    }
    DIR* dir = opendir(disk.c_str());
    if (dir == nullptr) return FailAt(-errno, "scandir", shown);
    std::vector<std::string> names;
    while (dirent* entry = readdir(dir)) {
      std::string name = entry->d_name;
      if (name != "." && name != "..") names.push_back(std::move(name));
    }
    closedir(dir);
    for (const std::string& name : names) {
      Remove(absl::StrCat(disk, "/", name), absl::StrCat(shown, "/", name));
      if (error().code < 0) return;
    }
    err = WithRetries([&] { return rmdir(disk.c_str()); });
    if (err != 0 && err != UV_ENOENT) FailAt(err, "rmdir", shown);
  }

  FsPath path_;
  int max_retries_;
  int retry_delay_;
};

void Rm(NativeCall& call, v8::Local<v8::Value> path_arg, int32_t max_retries,
        int32_t retry_delay, v8::Local<v8::Value> req) {
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsWrite, &path, req)) return;
  RunFsJob(call, std::make_unique<RmJob>(std::move(path), max_retries, retry_delay), req);
}
constexpr const char* kRmArgs[] = {"path", "maxRetries", "retryDelay", "req"};

}  // namespace

absl::Span<const NativeFunction> FsWholeFunctions() {
  static constexpr NativeFunction kFunctions[] = {
      {"fsReadFile", Bind<ReadFile, kReadFileArgs>, 4},
      {"fsWriteFile", Bind<WriteFile, kWriteFileArgs>, 6},
      {"fsMkdir", Bind<Mkdir, kMkdirArgs>, 4},
      {"fsRm", Bind<Rm, kRmArgs>, 4},
  };
  return kFunctions;
}

}  // namespace toysnap::node
