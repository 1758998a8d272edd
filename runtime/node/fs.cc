// The fs extension: its natives (fs_ops.cc, fs_whole.cc), its JavaScript,
// fs.constants, path arguments with their permission checks, and the
// per-runtime record of open file descriptors.
#include "runtime/node/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "runtime/binding.h"
#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/module_resolver.h"
#include "runtime/native_util.h"
#include "runtime/natives.h"
#include "runtime/node/fs_internal.h"
#include "runtime/permission_check.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-object.h"
#include "v8-primitive.h"
#include "v8-typed-array.h"

namespace toysnap::node {
namespace {

// What a runtime's fs remembers in C++: the descriptors the program opened
// through fs.open/openSync and fs.promises.open, by fd -> loop resource id.
// Never in a snapshot: a restored runtime starts with none.
class FsState final : public ExtensionState {
 public:
  std::map<int, int> open_fds;
};

FsState* StateOf(v8::Isolate* isolate) {
  IsolateData* data = IsolateData::From(isolate);
  if (data == nullptr) return nullptr;
  return static_cast<FsState*>(data->StateOf(FsExtension()));
}

// Node's fs.constants, in Node's order (Linux).
struct Constant {
  const char* name;
  int value;
};
constexpr Constant kConstants[] = {
    {"UV_FS_SYMLINK_DIR", UV_FS_SYMLINK_DIR},
    {"UV_FS_SYMLINK_JUNCTION", UV_FS_SYMLINK_JUNCTION},
    {"O_RDONLY", O_RDONLY},
    {"O_WRONLY", O_WRONLY},
    {"O_RDWR", O_RDWR},
    {"UV_DIRENT_UNKNOWN", UV_DIRENT_UNKNOWN},
    {"UV_DIRENT_FILE", UV_DIRENT_FILE},
    {"UV_DIRENT_DIR", UV_DIRENT_DIR},
    {"UV_DIRENT_LINK", UV_DIRENT_LINK},
    {"UV_DIRENT_FIFO", UV_DIRENT_FIFO},
    {"UV_DIRENT_SOCKET", UV_DIRENT_SOCKET},
    {"UV_DIRENT_CHAR", UV_DIRENT_CHAR},
    {"UV_DIRENT_BLOCK", UV_DIRENT_BLOCK},
    {"EXTENSIONLESS_FORMAT_JAVASCRIPT", 0},
    {"EXTENSIONLESS_FORMAT_WASM", 1},
    {"S_IFMT", S_IFMT},
    {"S_IFREG", S_IFREG},
    {"S_IFDIR", S_IFDIR},
    {"S_IFCHR", S_IFCHR},
    {"S_IFBLK", S_IFBLK},
    {"S_IFIFO", S_IFIFO},
    {"S_IFLNK", S_IFLNK},
    {"S_IFSOCK", S_IFSOCK},
    {"O_CREAT", O_CREAT},
    {"O_EXCL", O_EXCL},
    {"UV_FS_O_FILEMAP", 0},
    {"O_NOCTTY", O_NOCTTY},
    {"O_TRUNC", O_TRUNC},
    {"O_APPEND", O_APPEND},
    {"O_DIRECTORY", O_DIRECTORY},
    {"O_NOATIME", O_NOATIME},
    {"O_NOFOLLOW", O_NOFOLLOW},
    {"O_SYNC", O_SYNC},
    {"O_DSYNC", O_DSYNC},
    {"O_DIRECT", O_DIRECT},
    {"O_NONBLOCK", O_NONBLOCK},
    {"S_IRWXU", S_IRWXU},
    {"S_IRUSR", S_IRUSR},
    {"S_IWUSR", S_IWUSR},
    {"S_IXUSR", S_IXUSR},
    {"S_IRWXG", S_IRWXG},
    {"S_IRGRP", S_IRGRP},
    {"S_IWGRP", S_IWGRP},
    {"S_IXGRP", S_IXGRP},
    {"S_IRWXO", S_IRWXO},
    {"S_IROTH", S_IROTH},
    {"S_IWOTH", S_IWOTH},
    {"S_IXOTH", S_IXOTH},
    {"F_OK", F_OK},
    {"R_OK", R_OK},
    {"W_OK", W_OK},
    {"X_OK", X_OK},
    {"UV_FS_COPYFILE_EXCL", UV_FS_COPYFILE_EXCL},
    {"COPYFILE_EXCL", UV_FS_COPYFILE_EXCL},
    {"UV_FS_COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE},
    {"COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE},
    {"UV_FS_COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE},
    {"COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE},
};

// constants() -> a null-prototype object of kConstants.
v8::Local<v8::Value> Constants(NativeCall& call) {
  v8::Local<v8::Object> object = v8::Object::New(call.isolate);
  object->SetPrototype(call.context, v8::Null(call.isolate)).IsJust();
  for (const Constant& constant : kConstants) {
    v8::Local<v8::String> name;
    if (!v8::String::NewFromUtf8(call.isolate, constant.name).ToLocal(&name)) continue;
    object->CreateDataProperty(call.context, name, v8::Integer::New(call.isolate, constant.value))
        .IsJust();
  }
  return object;
}

std::vector<NativeFunction> AllFunctions() {
  std::vector<NativeFunction> functions = {{"fsConstants", Bind<Constants>, 0}};
  for (absl::Span<const NativeFunction> part :
       {FsOpFunctions(), FsWholeFunctions(), FsWatchFunctions()}) {
    functions.insert(functions.end(), part.begin(), part.end());
  }
  return functions;
}

}  // namespace

bool GetPathText(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
                 std::string* text) {
  if (value->IsString()) {
    v8::String::Utf8Value utf8(isolate, value);
    text->assign(*utf8, utf8.length());
    return true;
  }
  if (value->IsUint8Array()) {
    v8::Local<v8::Uint8Array> bytes = value.As<v8::Uint8Array>();
    text->resize(bytes->ByteLength());
    bytes->CopyContents(text->data(), text->size());
    return true;
  }
  ThrowInvalidArgType(isolate, name, "of type string or an instance of Buffer or URL", value);
  return false;
}

// Runs `check`, which throws when it fails; in the callback form (`req` a
// function) the exception is passed to the callback instead.
template <typename Check>
bool CheckOrCallBack(v8::Isolate* isolate, v8::Local<v8::Value> req, Check check) {
  if (req.IsEmpty() || !req->IsFunction()) return check();
  v8::Local<v8::Value> error;
  {
    v8::TryCatch try_catch(isolate);
    if (check()) return true;
    if (!try_catch.HasCaught() || try_catch.HasTerminated()) {
      try_catch.ReThrow();
      return false;
    }
    error = try_catch.Exception();
  }
  // The callback's own exception, if any, propagates to the caller.
  v8::Local<v8::Value> ignored;
  bool returned = req.As<v8::Function>()
                      ->Call(isolate->GetCurrentContext(), v8::Undefined(isolate), 1, &error)
                      .ToLocal(&ignored);
  static_cast<void>(returned);
  return false;
}

bool ReadPath(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, FsPath* path) {
  if (!GetPathText(isolate, value, name, &path->shown)) return false;
  NativeHost* host = NativeHost::From(isolate);
  path->disk = host != nullptr ? host->path_map().ToDisk(path->shown) : path->shown;
  return true;
}

bool CheckPath(v8::Isolate* isolate, Capability capability, const FsPath& path,
               v8::Local<v8::Value> req) {
  // Permissions::Check normalizes an absolute path itself; a relative one
  // is made absolute first.
  std::string absolute;
  if (path.disk.empty() || path.disk[0] != '/') {
    absl::StatusOr<std::string> made = AbsolutePath(path.disk);
    absolute = made.ok() ? *std::move(made) : path.disk;
  }
  const std::string& resource = absolute.empty() ? path.disk : absolute;
  return CheckOrCallBack(isolate, req, [&] {
    return CheckAccess(isolate, capability, resource, path.shown);
  });
}

bool GetPath(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             Capability capability, FsPath* path, v8::Local<v8::Value> req) {
  return ReadPath(isolate, value, name, path) && CheckPath(isolate, capability, *path, req);
}

bool CheckSymlinkAllowed(v8::Isolate* isolate, v8::Local<v8::Value> req) {
  return CheckOrCallBack(isolate, req, [&] {
    if (AccessStatus(isolate, Capability::kFsRead, "/").ok() &&
        AccessStatus(isolate, Capability::kFsWrite, "/").ok()) {
      return true;
    }
    ThrowError(isolate, ErrorKind::kError,
               "fs.symlink API requires full fs.read and fs.write permissions.",
               "ERR_ACCESS_DENIED");
    return false;
  });
}

void RecordProbe(v8::Isolate* isolate, const FsPath& path, int error, const uv_stat_t& stat) {
  NativeHost* host = NativeHost::From(isolate);
  if (host == nullptr || (error < 0 && error != UV_ENOENT && error != UV_ENOTDIR)) return;
  int kind = error < 0 ? 0 : S_ISREG(stat.st_mode) ? 1 : S_ISDIR(stat.st_mode) ? 2 : 0;
  if (!path.shown.empty() && path.shown[0] == '/') return host->RecordFileProbe(path.shown, kind);
  absl::StatusOr<std::string> absolute = AbsolutePath(path.shown);
  if (absolute.ok()) host->RecordFileProbe(*absolute, kind);
}

uv_loop_t* FsLoop(v8::Isolate* isolate) {
  IsolateData* data = IsolateData::From(isolate);
  return data != nullptr && data->loop != nullptr ? data->loop->uv_loop() : nullptr;
}

void TrackFd(v8::Isolate* isolate, int fd, const std::string& kind, const std::string& where) {
  FsState* state = StateOf(isolate);
  IsolateData* data = IsolateData::From(isolate);
  if (state == nullptr || data == nullptr || data->loop == nullptr) return;
  UntrackFd(isolate, fd);  // a number closed behind fs's back and reused
  state->open_fds[fd] = data->loop->TrackResource(kind, where);
}

void UntrackFd(v8::Isolate* isolate, int fd) {
  FsState* state = StateOf(isolate);
  IsolateData* data = IsolateData::From(isolate);
  if (state == nullptr) return;
  auto it = state->open_fds.find(fd);
  if (it == state->open_fds.end()) return;
  if (data != nullptr && data->loop != nullptr) data->loop->UntrackResource(it->second);
  state->open_fds.erase(it);
}

const Extension& FsExtension() {
  static const std::vector<NativeFunction>* const kFunctions =
      new std::vector<NativeFunction>(AllFunctions());
  static constexpr absl::string_view kJs[] = {"fs_builtins.js"};
  // Compiled on first use (fs_builtins.js, fs.js): most of fs's code.
  static constexpr absl::string_view kLazyJs[] = {
      "fs_utils.js",         "fs.js",         "fs_dir.js",      "fs_promises.js",
      "fs_cp.js",            "fs_streams.js", "fs_watchers.js", "fs_watch_recursive.js",
      "fs_realpath_walk.js"};
  static const Extension kExtension{
      "fs",     1,
      *kFunctions, {},
      {},       {},
      kJs,      []() -> std::unique_ptr<ExtensionState> { return std::make_unique<FsState>(); },
      kLazyJs,  FsWatchClasses()};
  return kExtension;
}

}  // namespace toysnap::node
