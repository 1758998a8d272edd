// The fs natives that are one libuv request each (open, read, stat, rename,
// ...). Arguments arrive validated by runtime/js/fs*.js; each native's last
// argument says which form runs (fs_job.h).
#include <fcntl.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "runtime/binding.h"
#include "runtime/isolate_data.h"
#include "runtime/native_util.h"
#include "runtime/node/fs_internal.h"
#include "runtime/node/fs_job.h"
#include "runtime/v8_strings.h"
#include "v8-array-buffer.h"
#include "v8-container.h"
#include "v8-primitive.h"
#include "v8-typed-array.h"

namespace toysnap::node {
namespace {

using ResultFn = UvFsJob::ResultFn;

void Run(NativeCall& call, const char* syscall, const FsPath* path, const FsPath* dest,
         UvFsJob::StartFn start, v8::Local<v8::Value> req, ResultFn result = nullptr) {
  RunFsJob(call,
           std::make_unique<UvFsJob>(syscall, path ? path->shown : "", dest ? dest->shown : "",
                                     std::move(start), std::move(result)),
           req);
}

ResultFn IntResult() {
  return [](v8::Local<v8::Context> context, uv_fs_t* request) -> v8::MaybeLocal<v8::Value> {
    return v8::Number::New(context->GetIsolate(), static_cast<double>(request->result));
  };
}

// A name from libuv as a string, or as an ArrayBuffer of its bytes.
v8::MaybeLocal<v8::Value> Name(v8::Isolate* isolate, const char* name, bool as_bytes) {
  size_t length = strlen(name);
  if (!as_bytes) {
    v8::Local<v8::String> text;
    if (!NewStringOrThrow(isolate, absl::string_view(name, length), "file name").ToLocal(&text)) {
      return {};
    }
    return text;
  }
  v8::Local<v8::ArrayBuffer> bytes = v8::ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(bytes->Data(), name, length);
  return bytes;
}

ResultFn NameResult(bool as_bytes, bool from_path) {
  return [as_bytes, from_path](v8::Local<v8::Context> context,
                               uv_fs_t* request) -> v8::MaybeLocal<v8::Value> {
    const char* name = from_path ? request->path : static_cast<const char*>(request->ptr);
    return Name(context->GetIsolate(), name != nullptr ? name : "", as_bytes);
  };
}

// Node's stat array: dev, mode, nlink, uid, gid, rdev, blksize, ino, size,
// blocks, then seconds and nanoseconds of atime, mtime, ctime, birthtime.
constexpr int kStatFields = 18;

template <typename Array, typename T>
v8::Local<v8::Value> StatArray(v8::Isolate* isolate, const uv_stat_t& s) {
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, kStatFields * sizeof(T));
  T* out = static_cast<T*>(buffer->Data());
  const uint64_t fields[] = {s.st_dev,     s.st_mode,  s.st_nlink, s.st_uid,  s.st_gid,
                             s.st_rdev,    s.st_blksize, s.st_ino, s.st_size, s.st_blocks};
  for (int i = 0; i < 10; ++i) out[i] = static_cast<T>(fields[i]);
  const uv_timespec_t times[] = {s.st_atim, s.st_mtim, s.st_ctim, s.st_birthtim};
  for (int i = 0; i < 4; ++i) {
    out[10 + 2 * i] = static_cast<T>(times[i].tv_sec);
    out[11 + 2 * i] = static_cast<T>(times[i].tv_nsec);
  }
  return Array::New(buffer, 0, kStatFields);
}

v8::Local<v8::Value> Stats(v8::Isolate* isolate, const uv_stat_t& stat, bool bigint) {
  return bigint ? StatArray<v8::BigInt64Array, int64_t>(isolate, stat)
                : StatArray<v8::Float64Array, double>(isolate, stat);
}

ResultFn StatsResult(bool bigint) {
  return [bigint](v8::Local<v8::Context> context, uv_fs_t* request) -> v8::MaybeLocal<v8::Value> {
    return Stats(context->GetIsolate(), request->statbuf, bigint);
  };
}

// Bytes of `view`'s [offset, offset + length), kept alive by `job`; false
// (with a RangeError thrown) when the range is not inside the view.
bool AddBuffer(v8::Isolate* isolate, v8::Local<v8::Value> view, double offset, double length,
               UvFsJob* job) {
  if (!view->IsArrayBufferView()) {
    ThrowInvalidArgType(isolate, "buffer", "an instance of Buffer, TypedArray, or DataView", view);
    return false;
  }
  v8::Local<v8::ArrayBufferView> array = view.As<v8::ArrayBufferView>();
  size_t size = array->ByteLength();
  if (!(offset >= 0 && length >= 0 && offset + length <= static_cast<double>(size))) {
    ThrowError(isolate, ErrorKind::kRangeError, "offset and length are outside the buffer",
               "ERR_OUT_OF_RANGE");
    return false;
  }
  std::shared_ptr<v8::BackingStore> store = array->Buffer()->GetBackingStore();
  char* base = static_cast<char*>(store->Data());
  char* data = base == nullptr ? nullptr : base + array->ByteOffset() + static_cast<size_t>(offset);
  job->buffers.push_back(uv_buf_init(data, static_cast<unsigned>(length)));
  job->stores.push_back(std::move(store));
  return true;
}

bool AddBuffers(v8::Isolate* isolate, v8::Local<v8::Value> list, UvFsJob* job) {
  if (!list->IsArray()) {
    ThrowInvalidArgType(isolate, "buffers", "an instance of ArrayBufferView[]", list);
    return false;
  }
  v8::Local<v8::Array> array = list.As<v8::Array>();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  for (uint32_t i = 0; i < array->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!array->Get(context, i).ToLocal(&item)) return false;
    size_t size = item->IsArrayBufferView() ? item.As<v8::ArrayBufferView>()->ByteLength() : 0;
    if (!AddBuffer(isolate, item, 0, static_cast<double>(size), job)) return false;
  }
  return true;
}

// ---- paths ------------------------------------------------------------------

void Access(NativeCall& call, v8::Local<v8::Value> path_arg, int32_t mode,
            v8::Local<v8::Value> req) {
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsRead, &path, req)) return;
  Run(call, "access", &path, nullptr,
      [disk = path.disk, mode](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_access(loop, r, disk.c_str(), mode, cb);
      },
      req);
}
constexpr const char* kAccessArgs[] = {"path", "mode", "req"};

// existsSync(path): never throws for a missing file, as Node's.
bool Exists(NativeCall& call, v8::Local<v8::Value> path_arg) {
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsRead, &path)) return false;
  // A stat rather than access(F_OK): the same answer, and what the path is
  // for a build's record of its inputs.
  uv_fs_t request;
  int result = uv_fs_stat(FsLoop(call.isolate), &request, path.disk.c_str(), nullptr);
  RecordProbe(call.isolate, path, result, request.statbuf);
  uv_fs_req_cleanup(&request);
  return result == 0;
}
constexpr const char* kExistsArgs[] = {"path"};

// open(path, flags, mode, track): `track` 1 records the fd as a "file
// descriptor", 2 as a "FileHandle" (the build refuses either left open).
void Open(NativeCall& call, v8::Local<v8::Value> path_arg, int32_t flags, int32_t mode,
          int32_t track, v8::Local<v8::Value> req) {
  int access = flags & O_ACCMODE;
  bool writes = access != O_RDONLY || (flags & (O_CREAT | O_TRUNC | O_APPEND)) != 0;
  bool reads = access != O_WRONLY;
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", reads ? Capability::kFsRead : Capability::kFsWrite,
               &path, req) ||
      (reads && writes && !CheckPath(call.isolate, Capability::kFsWrite, path, req))) {
    return;
  }
  ResultFn result = IntResult();
  if (track != 0) {
    std::string kind = track == 2 ? "FileHandle" : "file descriptor";
    std::string where = UserCallSite(call.isolate);
    result = [kind, where, shown = path.shown](v8::Local<v8::Context> context,
                                               uv_fs_t* request) -> v8::MaybeLocal<v8::Value> {
      int fd = static_cast<int>(request->result);
      TrackFd(context->GetIsolate(), fd, absl::StrCat(kind, " ", fd, " ('", shown, "')"), where);
      return v8::Integer::New(context->GetIsolate(), fd);
    };
  }
  Run(call, "open", &path, nullptr,
      [disk = path.disk, flags, mode](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_open(loop, r, disk.c_str(), flags | O_CLOEXEC, mode, cb);
      },
      req, std::move(result));
}
constexpr const char* kOpenArgs[] = {"path", "flags", "mode", "track", "req"};

void Close(NativeCall& call, int32_t fd, v8::Local<v8::Value> req) {
  UntrackFd(call.isolate, fd);
  Run(call, "close", nullptr, nullptr,
      [fd](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) { return uv_fs_close(loop, r, fd, cb); }, req);
}
constexpr const char* kFdReqArgs[] = {"fd", "req"};

// rmdir and unlink; Node's rmdir throws a denial even in the callback form.
template <Capability kCapability, const char* kSyscall,
          int (*kCall)(uv_loop_t*, uv_fs_t*, const char*, uv_fs_cb), bool kDenialCalledBack>
void PathOnly(NativeCall& call, v8::Local<v8::Value> path_arg, v8::Local<v8::Value> req) {
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", kCapability, &path,
               kDenialCalledBack ? req : v8::Local<v8::Value>())) {
    return;
  }
  Run(call, kSyscall, &path, nullptr,
      [disk = path.disk](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return kCall(loop, r, disk.c_str(), cb);
      },
      req);
}
constexpr const char* kPathReqArgs[] = {"path", "req"};
constexpr Capability kWrite = Capability::kFsWrite;
constexpr char kRmdir[] = "rmdir";
constexpr char kUnlink[] = "unlink";

// stat/lstat(path, bigint, throwIfNoEntry): with throwIfNoEntry false, a
// missing file gives undefined instead of ENOENT/ENOTDIR (sync form only).
template <bool kLstat>
void StatPath(NativeCall& call, v8::Local<v8::Value> path_arg, bool bigint, bool throw_if_missing,
              v8::Local<v8::Value> req) {
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsRead, &path, req)) return;
  if (!throw_if_missing && req->IsUndefined()) {
    uv_fs_t request;
    uv_loop_t* loop = FsLoop(call.isolate);
    int result = kLstat ? uv_fs_lstat(loop, &request, path.disk.c_str(), nullptr)
                        : uv_fs_stat(loop, &request, path.disk.c_str(), nullptr);
    uv_stat_t stat = request.statbuf;
    uv_fs_req_cleanup(&request);
    if (!kLstat) RecordProbe(call.isolate, path, result, stat);
    if (result == UV_ENOENT || result == UV_ENOTDIR) return;
    if (result < 0) {
      call.isolate->ThrowException(
          UvException(call.isolate, result, kLstat ? "lstat" : "stat", &path.shown, nullptr));
      return;
    }
    call.info.GetReturnValue().Set(Stats(call.isolate, stat, bigint));
    return;
  }
  auto job = std::make_unique<UvFsJob>(
      kLstat ? "lstat" : "stat", path.shown, "",
      [disk = path.disk](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return kLstat ? uv_fs_lstat(loop, r, disk.c_str(), cb)
                      : uv_fs_stat(loop, r, disk.c_str(), cb);
      },
      StatsResult(bigint));
  // A build records what it stat()ed (lstat's answer is not what a rebuild checks).
  if (!kLstat) {
    job->on_settled = [path](v8::Isolate* isolate, const uv_fs_t& request) {
      RecordProbe(isolate, path, static_cast<int>(request.result), request.statbuf);
    };
  }
  RunFsJob(call, std::move(job), req);
}
constexpr const char* kStatArgs[] = {"path", "bigint", "throwIfNoEntry", "req"};

void Fstat(NativeCall& call, int32_t fd, bool bigint, v8::Local<v8::Value> req) {
  Run(call, "fstat", nullptr, nullptr,
      [fd](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) { return uv_fs_fstat(loop, r, fd, cb); }, req,
      StatsResult(bigint));
}
constexpr const char* kFstatArgs[] = {"fd", "bigint", "req"};

// statfs: type, bsize, blocks, bfree, bavail, files, ffree.
void Statfs(NativeCall& call, v8::Local<v8::Value> path_arg, bool bigint,
            v8::Local<v8::Value> req) {
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsRead, &path, req)) return;
  Run(call, "statfs", &path, nullptr,
      [disk = path.disk](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_statfs(loop, r, disk.c_str(), cb);
      },
      req, [bigint](v8::Local<v8::Context> context, uv_fs_t* request) -> v8::MaybeLocal<v8::Value> {
        const uv_statfs_t& s = *static_cast<uv_statfs_t*>(request->ptr);
        const uint64_t fields[] = {s.f_type,   s.f_bsize, s.f_blocks, s.f_bfree,
                                   s.f_bavail, s.f_files, s.f_ffree};
        v8::Isolate* isolate = context->GetIsolate();
        v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, 7 * 8);
        for (int i = 0; i < 7; ++i) {
          if (bigint) {
            static_cast<int64_t*>(buffer->Data())[i] = static_cast<int64_t>(fields[i]);
          } else {
            static_cast<double*>(buffer->Data())[i] = static_cast<double>(fields[i]);
          }
        }
        if (bigint) return v8::BigInt64Array::New(buffer, 0, 7).As<v8::Value>();
        return v8::Float64Array::New(buffer, 0, 7).As<v8::Value>();
      });
}
constexpr const char* kStatfsArgs[] = {"path", "bigint", "req"};

void Rename(NativeCall& call, v8::Local<v8::Value> from_arg, v8::Local<v8::Value> to_arg,
            v8::Local<v8::Value> req) {
  // As Node: the old path must be readable and writable, the new writable.
  FsPath from, to;
  if (!ReadPath(call.isolate, from_arg, "oldPath", &from) ||
      !ReadPath(call.isolate, to_arg, "newPath", &to) ||
      !CheckPath(call.isolate, Capability::kFsRead, from, req) ||
      !CheckPath(call.isolate, Capability::kFsWrite, from, req) ||
      !CheckPath(call.isolate, Capability::kFsWrite, to, req)) {
    return;
  }
  Run(call, "rename", &from, &to,
      [a = from.disk, b = to.disk](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_rename(loop, r, a.c_str(), b.c_str(), cb);
      },
      req);
}
constexpr const char* kRenameArgs[] = {"oldPath", "newPath", "req"};

void Link(NativeCall& call, v8::Local<v8::Value> from_arg, v8::Local<v8::Value> to_arg,
          v8::Local<v8::Value> req) {
  FsPath from, to;
  if (!GetPath(call.isolate, from_arg, "existingPath", Capability::kFsRead, &from, req) ||
      !GetPath(call.isolate, to_arg, "newPath", Capability::kFsWrite, &to, req)) {
    return;
  }
  Run(call, "link", &from, &to,
      [a = from.disk, b = to.disk](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_link(loop, r, a.c_str(), b.c_str(), cb);
      },
      req);
}
constexpr const char* kLinkArgs[] = {"existingPath", "newPath", "req"};

// symlink(target, path, flags): as in Node, only with full fs permissions
// (the target is text stored in the link and may point anywhere).
void Symlink(NativeCall& call, v8::Local<v8::Value> target_arg, v8::Local<v8::Value> path_arg,
             int32_t flags, v8::Local<v8::Value> req) {
  FsPath target, path;
  if (!CheckSymlinkAllowed(call.isolate, req) ||
      !GetPathText(call.isolate, target_arg, "target", &target.shown) ||
      !GetPath(call.isolate, path_arg, "path", Capability::kFsWrite, &path, req)) {
    return;
  }
  Run(call, "symlink", &target, &path,
      [a = target.shown, b = path.disk, flags](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_symlink(loop, r, a.c_str(), b.c_str(), flags, cb);
      },
      req);
}
constexpr const char* kSymlinkArgs[] = {"target", "path", "flags", "req"};

void CopyFile(NativeCall& call, v8::Local<v8::Value> src_arg, v8::Local<v8::Value> dest_arg,
              int32_t mode, v8::Local<v8::Value> req) {
  FsPath src, dest;
  if (!GetPath(call.isolate, src_arg, "src", Capability::kFsRead, &src, req) ||
      !GetPath(call.isolate, dest_arg, "dest", Capability::kFsWrite, &dest, req)) {
    return;
  }
  Run(call, "copyfile", &src, &dest,
      [a = src.disk, b = dest.disk, mode](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_copyfile(loop, r, a.c_str(), b.c_str(), mode, cb);
      },
      req);
}
constexpr const char* kCopyFileArgs[] = {"src", "dest", "mode", "req"};

void Mkdtemp(NativeCall& call, v8::Local<v8::Value> prefix_arg, bool as_bytes,
             v8::Local<v8::Value> req) {
  FsPath prefix;
  if (!ReadPath(call.isolate, prefix_arg, "prefix", &prefix)) return;
  prefix.shown += "XXXXXX";  // what Node's errors name
  prefix.disk += "XXXXXX";
  if (!CheckPath(call.isolate, Capability::kFsWrite, prefix, req)) return;
  Run(call, "mkdtemp", &prefix, nullptr,
      [tpl = prefix.disk](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_mkdtemp(loop, r, tpl.c_str(), cb);
      },
      req, NameResult(as_bytes, /*from_path=*/true));
}
constexpr const char* kMkdtempArgs[] = {"prefix", "asBytes", "req"};

void Readlink(NativeCall& call, v8::Local<v8::Value> path_arg, bool as_bytes,
              v8::Local<v8::Value> req) {
  FsPath path;
  // Node's readlink throws a denial even in the callback form.
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsRead, &path)) return;
  Run(call, "readlink", &path, nullptr,
      [disk = path.disk](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_readlink(loop, r, disk.c_str(), cb);
      },
      req, NameResult(as_bytes, /*from_path=*/false));
}
constexpr const char* kNameArgs[] = {"path", "asBytes", "req"};

void Realpath(NativeCall& call, v8::Local<v8::Value> path_arg, bool as_bytes,
              v8::Local<v8::Value> req) {
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsRead, &path, req)) return;
  Run(call, "realpath", &path, nullptr,
      [disk = path.disk](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_realpath(loop, r, disk.c_str(), cb);
      },
      req, NameResult(as_bytes, /*from_path=*/false));
}

constexpr char kScandir[] = "scandir";
constexpr char kOpendir[] = "opendir";

// readdir(path, asBytes, withTypes) -> names in libuv's order (sorted by
// bytes), or [names, types] with UV_DIRENT_* types. fsOpendir is the same
// read for a Dir (fs_dir.js), whose errors name opendir.
template <const char* kSyscall>
void Readdir(NativeCall& call, v8::Local<v8::Value> path_arg, bool as_bytes, bool with_types,
             v8::Local<v8::Value> req) {
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsRead, &path, req)) return;
  // Node's opendir errors name no path.
  Run(call, kSyscall, kSyscall == kOpendir ? nullptr : &path, nullptr,
      [disk = path.disk](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_scandir(loop, r, disk.c_str(), 0, cb);
      },
      req, [as_bytes, with_types](v8::Local<v8::Context> context,
                                  uv_fs_t* request) -> v8::MaybeLocal<v8::Value> {
        v8::Isolate* isolate = context->GetIsolate();
        v8::Local<v8::Array> names = v8::Array::New(isolate);
        v8::Local<v8::Array> types = v8::Array::New(isolate);
        uv_dirent_t entry;
        uint32_t count = 0;
        while (uv_fs_scandir_next(request, &entry) != UV_EOF) {
          v8::Local<v8::Value> name;
          if (!Name(isolate, entry.name, as_bytes).ToLocal(&name) ||
              names->Set(context, count, name).IsNothing() ||
              (with_types &&
               types->Set(context, count, v8::Integer::New(isolate, entry.type)).IsNothing())) {
            return {};
          }
          ++count;
        }
        if (!with_types) return names;
        v8::Local<v8::Value> pair[] = {names, types};
        return v8::Array::New(isolate, pair, 2);
      });
}
constexpr const char* kReaddirArgs[] = {"path", "asBytes", "withTypes", "req"};

void Chmod(NativeCall& call, v8::Local<v8::Value> path_arg, int32_t mode,
           v8::Local<v8::Value> req) {
  FsPath path;
  // Node's chmod throws a denial even in the callback form.
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsWrite, &path)) return;
  Run(call, "chmod", &path, nullptr,
      [disk = path.disk, mode](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_chmod(loop, r, disk.c_str(), mode, cb);
      },
      req);
}
constexpr const char* kChmodArgs[] = {"path", "mode", "req"};

void Fchmod(NativeCall& call, int32_t fd, int32_t mode, v8::Local<v8::Value> req) {
  Run(call, "fchmod", nullptr, nullptr,
      [fd, mode](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_fchmod(loop, r, fd, mode, cb);
      },
      req);
}
constexpr const char* kFchmodArgs[] = {"fd", "mode", "req"};

template <bool kLchown>
void Chown(NativeCall& call, v8::Local<v8::Value> path_arg, double uid, double gid,
           v8::Local<v8::Value> req) {
  FsPath path;
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsWrite, &path, req)) return;
  auto u = static_cast<uv_uid_t>(static_cast<int64_t>(uid));
  auto g = static_cast<uv_gid_t>(static_cast<int64_t>(gid));
  Run(call, kLchown ? "lchown" : "chown", &path, nullptr,
      [disk = path.disk, u, g](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return kLchown ? uv_fs_lchown(loop, r, disk.c_str(), u, g, cb)
                       : uv_fs_chown(loop, r, disk.c_str(), u, g, cb);
      },
      req);
}
constexpr const char* kChownArgs[] = {"path", "uid", "gid", "req"};

void Fchown(NativeCall& call, int32_t fd, double uid, double gid, v8::Local<v8::Value> req) {
  auto u = static_cast<uv_uid_t>(static_cast<int64_t>(uid));
  auto g = static_cast<uv_gid_t>(static_cast<int64_t>(gid));
  Run(call, "fchown", nullptr, nullptr,
      [fd, u, g](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_fchown(loop, r, fd, u, g, cb);
      },
      req);
}
constexpr const char* kFchownArgs[] = {"fd", "uid", "gid", "req"};

// A job that fails with `code` once the thread pool has run it: for
// arguments libuv must not see, whose error still arrives as Node's would.
class FailingJob final : public WorkJob {
 public:
  FailingJob(const char* syscall, std::string path, int code)
      : WorkJob(syscall, std::move(path)), code_(code) {}

 protected:
  void Work() override { Fail(code_, error().syscall); }

 private:
  int code_;
};

// An invalid Date's NaN: libuv 1.44 would convert it to a time_t (undefined
// behaviour); Node's libuv hands the kernel a time it refuses with EINVAL.
bool BadTime(double atime, double mtime) { return std::isnan(atime) || std::isnan(mtime); }

// utimes/lutimes(path, atime, mtime): seconds since the epoch, fractional.
template <bool kLutimes>
void Utimes(NativeCall& call, v8::Local<v8::Value> path_arg, double atime, double mtime,
            v8::Local<v8::Value> req) {
  FsPath path;
  // Node's utimes and lutimes throw a denial even in the callback form.
  if (!GetPath(call.isolate, path_arg, "path", Capability::kFsWrite, &path)) return;
  if (BadTime(atime, mtime)) {
    return RunFsJob(call, std::make_unique<FailingJob>(kLutimes ? "lutime" : "utime", path.shown,
                                                       UV_EINVAL),
                    req);
  }
  Run(call, kLutimes ? "lutime" : "utime", &path, nullptr,
      [disk = path.disk, atime, mtime](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return kLutimes ? uv_fs_lutime(loop, r, disk.c_str(), atime, mtime, cb)
                        : uv_fs_utime(loop, r, disk.c_str(), atime, mtime, cb);
      },
      req);
}
constexpr const char* kUtimesArgs[] = {"path", "atime", "mtime", "req"};

void Futimes(NativeCall& call, int32_t fd, double atime, double mtime, v8::Local<v8::Value> req) {
  if (BadTime(atime, mtime)) {
    return RunFsJob(call, std::make_unique<FailingJob>("futime", "", UV_EINVAL), req);
  }
  Run(call, "futime", nullptr, nullptr,
      [fd, atime, mtime](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_futime(loop, r, fd, atime, mtime, cb);
      },
      req);
}
constexpr const char* kFutimesArgs[] = {"fd", "atime", "mtime", "req"};

// ---- file descriptors -------------------------------------------------------

template <const char* kSyscall, int (*kCall)(uv_loop_t*, uv_fs_t*, uv_file, uv_fs_cb)>
void FdOnly(NativeCall& call, int32_t fd, v8::Local<v8::Value> req) {
  Run(call, kSyscall, nullptr, nullptr,
      [fd](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) { return kCall(loop, r, fd, cb); }, req);
}
constexpr char kFsync[] = "fsync";
constexpr char kFdatasync[] = "fdatasync";

void Ftruncate(NativeCall& call, int32_t fd, double length, v8::Local<v8::Value> req) {
  auto size = static_cast<int64_t>(length);
  Run(call, "ftruncate", nullptr, nullptr,
      [fd, size](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
        return uv_fs_ftruncate(loop, r, fd, size, cb);
      },
      req);
}
constexpr const char* kFtruncateArgs[] = {"fd", "len", "req"};

// read/write(fd, buffer, offset, length, position): position -1 reads or
// writes at the file's current offset.
UvFsJob::StartFn ReadOrWrite(bool write, UvFsJob* job, int32_t fd, double position) {
  auto at = static_cast<int64_t>(position);
  return [write, job, fd, at](uv_loop_t* loop, uv_fs_t* r, uv_fs_cb cb) {
    auto count = static_cast<unsigned>(job->buffers.size());
    return write ? uv_fs_write(loop, r, fd, job->buffers.data(), count, at, cb)
                 : uv_fs_read(loop, r, fd, job->buffers.data(), count, at, cb);
  };
}

template <bool kWrite>
void ReadWrite(NativeCall& call, int32_t fd, v8::Local<v8::Value> buffer, double offset,
               double length, double position, v8::Local<v8::Value> req) {
  auto job = std::make_unique<UvFsJob>(kWrite ? "write" : "read", "", "", nullptr, IntResult());
  if (!AddBuffer(call.isolate, buffer, offset, length, job.get())) return;
  job->set_start(ReadOrWrite(kWrite, job.get(), fd, position));
  RunFsJob(call, std::move(job), req);
}
constexpr const char* kReadArgs[] = {"fd", "buffer", "offset", "length", "position", "req"};

// readv/writev(fd, buffers, position): position null uses the current offset.
template <bool kWrite>
void ReadWriteBuffers(NativeCall& call, int32_t fd, v8::Local<v8::Value> buffers,
                      v8::Local<v8::Value> position, v8::Local<v8::Value> req) {
  auto job = std::make_unique<UvFsJob>(kWrite ? "write" : "read", "", "", nullptr, IntResult());
  if (!AddBuffers(call.isolate, buffers, job.get())) return;
  double at = position->IsNumber() ? position.As<v8::Number>()->Value() : -1;
  job->set_start(ReadOrWrite(kWrite, job.get(), fd, at));
  RunFsJob(call, std::move(job), req);
}
constexpr const char* kBuffersArgs[] = {"fd", "buffers", "position", "req"};

// writeString(fd, text, position): the UTF-8 bytes of `text`.
void WriteString(NativeCall& call, int32_t fd, std::string text, v8::Local<v8::Value> position,
                 v8::Local<v8::Value> req) {
  double at = position->IsNumber() ? position.As<v8::Number>()->Value() : -1;
  IsolateData* data = IsolateData::From(call.isolate);
  if (req->IsUndefined() && data != nullptr && data->loop != nullptr) {
    // writeSync: one write(2), as the job below would make, without the job
    // (a process.stdout.write to a file is one of these per line).
    uv_buf_t buf = uv_buf_init(text.data(), static_cast<unsigned>(text.size()));
    uv_fs_t request;
    int written = uv_fs_write(nullptr, &request, fd, &buf, 1, static_cast<int64_t>(at), nullptr);
    uv_fs_req_cleanup(&request);
    if (written < 0) {
      call.isolate->ThrowException(UvException(call.isolate, written, "write", nullptr, nullptr));
      return;
    }
    call.info.GetReturnValue().Set(written);
    return;
  }
  auto job = std::make_unique<UvFsJob>("write", "", "", nullptr, IntResult());
  job->text = std::move(text);
  job->buffers.push_back(
      uv_buf_init(job->text.data(), static_cast<unsigned>(job->text.size())));
  job->set_start(ReadOrWrite(true, job.get(), fd, at));
  RunFsJob(call, std::move(job), req);
}
constexpr const char* kWriteStringArgs[] = {"fd", "text", "position", "req"};

}  // namespace

v8::Local<v8::Value> StatsValue(v8::Isolate* isolate, const uv_stat_t& stat, bool bigint) {
  return Stats(isolate, stat, bigint);
}

absl::Span<const NativeFunction> FsOpFunctions() {
  static constexpr NativeFunction kFunctions[] = {
      {"fsAccess", Bind<Access, kAccessArgs>, 3},
      {"fsExists", Bind<Exists, kExistsArgs>, 1},
      {"fsOpen", Bind<Open, kOpenArgs>, 5},
      {"fsClose", Bind<Close, kFdReqArgs>, 2},
      {"fsRmdir", Bind<PathOnly<kWrite, kRmdir, uv_fs_rmdir, false>, kPathReqArgs>, 2},
      {"fsUnlink", Bind<PathOnly<kWrite, kUnlink, uv_fs_unlink, true>, kPathReqArgs>, 2},
      {"fsStat", Bind<StatPath<false>, kStatArgs>, 4},
      {"fsLstat", Bind<StatPath<true>, kStatArgs>, 4},
      {"fsFstat", Bind<Fstat, kFstatArgs>, 3},
      {"fsStatfs", Bind<Statfs, kStatfsArgs>, 3},
      {"fsRename", Bind<Rename, kRenameArgs>, 3},
      {"fsLink", Bind<Link, kLinkArgs>, 3},
      {"fsSymlink", Bind<Symlink, kSymlinkArgs>, 4},
      {"fsCopyFile", Bind<CopyFile, kCopyFileArgs>, 4},
      {"fsMkdtemp", Bind<Mkdtemp, kMkdtempArgs>, 3},
      {"fsReadlink", Bind<Readlink, kNameArgs>, 3},
      {"fsRealpath", Bind<Realpath, kNameArgs>, 3},
      {"fsReaddir", Bind<Readdir<kScandir>, kReaddirArgs>, 4},
      {"fsOpendir", Bind<Readdir<kOpendir>, kReaddirArgs>, 4},
      {"fsChmod", Bind<Chmod, kChmodArgs>, 3},
      {"fsFchmod", Bind<Fchmod, kFchmodArgs>, 3},
      {"fsChown", Bind<Chown<false>, kChownArgs>, 4},
      {"fsLchown", Bind<Chown<true>, kChownArgs>, 4},
      {"fsFchown", Bind<Fchown, kFchownArgs>, 4},
      {"fsUtimes", Bind<Utimes<false>, kUtimesArgs>, 4},
      {"fsLutimes", Bind<Utimes<true>, kUtimesArgs>, 4},
      {"fsFutimes", Bind<Futimes, kFutimesArgs>, 4},
      {"fsFsync", Bind<FdOnly<kFsync, uv_fs_fsync>, kFdReqArgs>, 2},
      {"fsFdatasync", Bind<FdOnly<kFdatasync, uv_fs_fdatasync>, kFdReqArgs>, 2},
      {"fsFtruncate", Bind<Ftruncate, kFtruncateArgs>, 3},
      {"fsRead", Bind<ReadWrite<false>, kReadArgs>, 6},
      {"fsWriteBuffer", Bind<ReadWrite<true>, kReadArgs>, 6},
      {"fsReadBuffers", Bind<ReadWriteBuffers<false>, kBuffersArgs>, 4},
      {"fsWriteBuffers", Bind<ReadWriteBuffers<true>, kBuffersArgs>, 4},
      {"fsWriteString", Bind<WriteString, kWriteStringArgs>, 4},
  };
  return kFunctions;
}

}  // namespace toysnap::node
