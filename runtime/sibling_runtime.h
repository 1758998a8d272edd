// A runtime made like another one, to run on a thread of its own: what
// worker_threads needs from the runtime that creates a Worker. NativeHost::
// NewSibling makes one on the creating runtime's thread (it copies what it
// needs: the snapshot blob and metadata, options, permissions, extensions);
// Run() then creates, runs and destroys the new runtime on the calling thread.
// Included by natives.h and the worker extension.
#ifndef TOYSNAP_RUNTIME_SIBLING_RUNTIME_H_
#define TOYSNAP_RUNTIME_SIBLING_RUNTIME_H_

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "v8-context.h"
#include "v8-isolate.h"

namespace toysnap {

struct SiblingOptions {
  // process.env of the new runtime (granted only if the parent's env is).
  std::map<std::string, std::string> env;
  // Heap limit in MiB; nullopt keeps the parent's.
  std::optional<size_t> max_heap_mb;
  // The program file it will run ("" for code given as text): a runtime
  // restored from the parent's snapshot would find that file's module already
  // evaluated (at build time) and never run its top level again, so a
  // sibling for a file in the snapshot's module graph bootstraps fresh.
  std::string entry_url;   // file: URL, for the snapshot's ES modules
  std::string entry_path;  // path, for the snapshot's CommonJS files
  // The `internals` function that starts the new runtime's program; the
  // promise it may return is awaited, then the loop runs until the runtime
  // exits ('beforeExit', 'exit'), as a program's process does.
  std::string start_hook;
  // Called on Run()'s thread right after the isolate exists, before any of
  // its JS runs, and when the program has ended (JS may still run, unless
  // `status` says execution was terminated) with how it ended.
  std::function<void(v8::Isolate*)> on_created;
  std::function<void(v8::Local<v8::Context>, const absl::Status& status)> on_ended;
};

// How a sibling's program ended: its exit code as a process's would be, and
// the failure that ended it, if one did (OK for a normal end or exit()).
struct SiblingExit {
  int code = 0;
  absl::Status status;
  bool restored = false;  // whether it came from the parent's snapshot
};

class SiblingRuntime {
 public:
  virtual ~SiblingRuntime() = default;
  // Blocks until the program ends and its runtime is destroyed.
  virtual SiblingExit Run() = 0;
  // Unique in the process, never 0 (the main thread's).
  virtual int thread_id() const = 0;
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_SIBLING_RUNTIME_H_
