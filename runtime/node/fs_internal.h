// What the files of the fs extension share: path arguments and their
// permission checks, the tracking of open file descriptors, and the native
// functions fs.cc registers. Included by runtime/node/fs*.cc only.
#ifndef TOYSNAP_RUNTIME_NODE_FS_INTERNAL_H_
#define TOYSNAP_RUNTIME_NODE_FS_INTERNAL_H_

#include <uv.h>

#include <string>

#include "absl/types/span.h"
#include "runtime/extension.h"
#include "runtime/permissions.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-value.h"

namespace toysnap::node {

// A path the program named: `shown` as it gave it (for errors), `disk` where
// it is on the disk (the build's --path-prefix-map undone).
struct FsPath {
  std::string shown;
  std::string disk;
};

// The text of a path argument (a string as UTF-8, or the bytes of a
// Uint8Array), with no permission check; false with ERR_INVALID_ARG_TYPE thrown.
bool GetPathText(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
                 std::string* text);

// Reads a path argument (a string, or the bytes of a Uint8Array); false with
// ERR_INVALID_ARG_TYPE thrown.
bool ReadPath(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name, FsPath* path);

// Whether the runtime may `capability` `path` (checked absolute and
// normalized, named in the error as the program wrote it); false with
// ERR_ACCESS_DENIED thrown. As in Node 20, most callback forms (`req` a
// function) are called back with the denial at once instead: pass `req` for
// those, nothing for the sync form and for those that throw.
bool CheckPath(v8::Isolate* isolate, Capability capability, const FsPath& path,
               v8::Local<v8::Value> req = {});

// ReadPath, then CheckPath.
bool GetPath(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
             Capability capability, FsPath* path, v8::Local<v8::Value> req = {});

// Node allows fs.symlink only with full read and write permissions (a link
// can point anywhere); false with its ERR_ACCESS_DENIED thrown or called back.
bool CheckSymlinkAllowed(v8::Isolate* isolate, v8::Local<v8::Value> req);

// For a build's record of its inputs (NativeHost::RecordFileProbe): that
// `path` was looked at and what it was (0 missing, 1 file, 2 directory,
// symlinks followed), from a stat of it or its failure.
void RecordProbe(v8::Isolate* isolate, const FsPath& path, int error, const uv_stat_t& stat);

// The runtime's libuv loop (for synchronous requests too), or null.
uv_loop_t* FsLoop(v8::Isolate* isolate);

// Open file descriptors the build must not leave open: `kind` names what
// opened it ("FileHandle", "file descriptor"), `where` the user's
// file:line:col. Closing untracks.
void TrackFd(v8::Isolate* isolate, int fd, const std::string& kind, const std::string& where);
void UntrackFd(v8::Isolate* isolate, int fd);

// The native functions of fs.js, fs_promises.js and fs_cp.js: fs_ops.cc has
// the single system calls, fs_whole.cc the compound ones.
absl::Span<const NativeFunction> FsOpFunctions();
absl::Span<const NativeFunction> FsWholeFunctions();
// fs_watch.cc: natives.loadWatchClasses and the lazy classes it installs.
absl::Span<const NativeFunction> FsWatchFunctions();
absl::Span<const NativeClass* const> FsWatchClasses();

// Node's stat array (Float64Array, or BigInt64Array with `bigint`).
v8::Local<v8::Value> StatsValue(v8::Isolate* isolate, const uv_stat_t& stat, bool bigint);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_FS_INTERNAL_H_
