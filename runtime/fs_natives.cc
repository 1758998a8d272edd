// File-system natives for the module system; errors become undefined or JS
// exceptions, never aborts.
#include "runtime/fs_natives.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "runtime/external_sources.h"
#include "runtime/module_resolver.h"
#include "runtime/native_util.h"
#include "runtime/natives.h"
#include "runtime/path_map.h"
#include "runtime/permission_check.h"
#include "runtime/v8_strings.h"
#include "snapshot/base/file_io.h"
#include "v8-array-buffer.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-isolate.h"
#include "v8-primitive.h"
#include "v8-script.h"

namespace toysnap {
namespace {

const PathMap& MapOf(v8::Isolate* isolate) {
  static const PathMap* const identity = new PathMap();
  NativeHost* host = NativeHost::From(isolate);
  return host != nullptr ? host->path_map() : *identity;
}

bool PathString(const v8::FunctionCallbackInfo<v8::Value>& info, std::string* path) {
  v8::Isolate* isolate = info.GetIsolate();
  if (info.Length() < 1 || !info[0]->IsString()) {
    isolate->ThrowException(v8::Exception::TypeError(
        v8::String::NewFromUtf8Literal(isolate, "path must be a string")));
    return false;
  }
  v8::String::Utf8Value utf8(isolate, info[0]);
  *path = std::string(*utf8, utf8.length());
  return true;
}

// What module resolution may learn of a path it may not read: as in Node 20,
// a denied path is missing, except a directory on the way to a granted path.
enum class Visibility { kReadable, kDirectoryOnly, kMissing };

Visibility VisibilityOf(v8::Isolate* isolate, const std::string& disk) {
  if (AccessStatus(isolate, Capability::kFsRead, disk).ok()) return Visibility::kReadable;
  return LeadsToGrant(isolate, Capability::kFsRead, disk) ? Visibility::kDirectoryOnly
                                                           : Visibility::kMissing;
}

// A file the runtime is to read: true once it may. A denied path that does
// not exist is no error: resolution probes candidates and moves on (false,
// nothing thrown). A denied file that exists throws ERR_ACCESS_DENIED naming
// it, so a build under the Bazel rules that would read an undeclared input
// fails instead of silently depending on it.
bool ReadablePath(const v8::FunctionCallbackInfo<v8::Value>& info, std::string* path) {
  if (!PathString(info, path)) return false;
  v8::Isolate* isolate = info.GetIsolate();
  std::string disk = MapOf(isolate).ToDisk(*path);
  if (AccessStatus(isolate, Capability::kFsRead, disk).ok()) return true;
  struct stat st;
  if (stat(disk.c_str(), &st) != 0 || S_ISDIR(st.st_mode)) {
    if (NativeHost* host = NativeHost::From(isolate)) host->RecordFileProbe(*path, 0);
    return false;
  }
  CheckAccess(isolate, Capability::kFsRead, disk);
  return false;
}

}  // namespace

void ReadFileText(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string path;
  if (!ReadablePath(info, &path)) return;
  absl::StatusOr<std::string> text = ReadFile(MapOf(info.GetIsolate()).ToDisk(path));
  if (NativeHost* host = NativeHost::From(info.GetIsolate())) {
    if (text.ok()) {
      host->RecordFileRead(path, *text);
    } else {
      host->RecordFileProbe(path, 0);
    }
  }
  v8::Local<v8::String> result;
  if (text.ok() && NewString(info.GetIsolate(), *text).ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

void ReadFileBytes(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string path;
  if (!ReadablePath(info, &path)) return;
  v8::Isolate* isolate = info.GetIsolate();
  std::string disk = MapOf(isolate).ToDisk(path);
  // Node's limit (kIoMaxLength), checked before the read as Node does.
  constexpr off_t kMaxBytes = 2147483647;
  struct stat st;
  if (stat(disk.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > kMaxBytes) {
    return ThrowError(isolate, ErrorKind::kRangeError,
                      absl::StrCat("File size (", st.st_size, ") is greater than 2 GiB"),
                      "ERR_FS_FILE_TOO_LARGE");
  }
  absl::StatusOr<std::string> bytes = ReadFile(disk);
  NativeHost* host = NativeHost::From(isolate);
  if (!bytes.ok()) {
    if (host != nullptr) host->RecordFileProbe(path, 0);
    return;
  }
  if (host != nullptr) host->RecordFileRead(path, *bytes);
  // The buffer owns the string that holds the bytes: no copy, and no text
  // decoding on the way.
  auto owned = std::make_unique<std::string>(*std::move(bytes));
  size_t length = owned->size();
  void* data = owned->data();
  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      data, length,
      [](void*, size_t, void* holder) { delete static_cast<std::string*>(holder); },
      owned.release());
  info.GetReturnValue().Set(v8::ArrayBuffer::New(isolate, std::move(store)));
}

void FileKind(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string path;
  if (!PathString(info, &path)) return;
  struct stat st;
  int kind = 0;
  std::string disk = MapOf(info.GetIsolate()).ToDisk(path);
  Visibility visibility = VisibilityOf(info.GetIsolate(), disk);
  if (stat(disk.c_str(), &st) == 0) kind = S_ISREG(st.st_mode) ? 1 : S_ISDIR(st.st_mode) ? 2 : 0;
  // -1: there, but hidden by the permissions (the resolver says so in its
  // list of paths tried); missing as far as resolution goes.
  bool hidden = visibility == Visibility::kMissing ||
                (visibility == Visibility::kDirectoryOnly && kind != 2);
  if (hidden && kind != 0) kind = -1;
  if (NativeHost* host = NativeHost::From(info.GetIsolate())) {
    host->RecordFileProbe(path, kind < 0 ? 0 : kind);
  }
  info.GetReturnValue().Set(kind);
}

void RealPath(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string path;
  if (!PathString(info, &path)) return;
  v8::Isolate* isolate = info.GetIsolate();
  const PathMap& map = MapOf(isolate);
  std::string disk = map.ToDisk(path);
  if (VisibilityOf(isolate, disk) == Visibility::kMissing) return;
  char resolved[PATH_MAX];
  if (realpath(disk.c_str(), resolved) == nullptr) return;
  // With --preserve-symlinks (Bazel's sandbox is a tree of symlinks) a path
  // that exists keeps its own, normalized name.
  NativeHost* host = NativeHost::From(isolate);
  absl::StatusOr<std::string> kept = AbsolutePath(path);
  std::string name = host != nullptr && host->preserve_symlinks() && kept.ok()
                         ? *kept
                         : map.ToRecorded(resolved);
  v8::Local<v8::String> result;
  if (NewString(isolate, name).ToLocal(&result)) info.GetReturnValue().Set(result);
}

void Cwd(const v8::FunctionCallbackInfo<v8::Value>& info) {
  char cwd[PATH_MAX];
  v8::Local<v8::String> result;
  if (getcwd(cwd, sizeof(cwd)) != nullptr &&
      NewString(info.GetIsolate(), MapOf(info.GetIsolate()).ToRecorded(cwd)).ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

void CompileCjs(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (info.Length() < 2 || !info[0]->IsString() || !info[1]->IsString()) {
    isolate->ThrowException(v8::Exception::TypeError(v8::String::NewFromUtf8Literal(
        isolate, "compileCjs(source, filename) expects two strings")));
    return;
  }
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  // At build time a big source moves out of the heap before V8 keeps it as
  // the script's source (external_sources.h); not for a probe (a third
  // argument, true), whose function is dropped.
  bool probe = info.Length() > 2 && info[2]->IsTrue();
  ExternalSources* sources = probe ? nullptr : ExternalSources::OfBuild(isolate);
  if (sources != nullptr) {
    sources->Externalize(isolate, info[0].As<v8::String>());
  }
  v8::ScriptOrigin origin(isolate, info[1]);
  v8::ScriptCompiler::Source source(info[0].As<v8::String>(), origin);
  v8::Local<v8::String> params[] = {
      v8::String::NewFromUtf8Literal(isolate, "exports"),
      v8::String::NewFromUtf8Literal(isolate, "require"),
      v8::String::NewFromUtf8Literal(isolate, "module"),
      v8::String::NewFromUtf8Literal(isolate, "__filename"),
      v8::String::NewFromUtf8Literal(isolate, "__dirname"),
  };
  v8::Local<v8::Function> function;
  // On a syntax error the exception is already pending; it propagates.
  if (v8::ScriptCompiler::CompileFunction(context, &source, 5, params, 0, nullptr)
          .ToLocal(&function)) {
    info.GetReturnValue().Set(function);
  }
}

}  // namespace toysnap
