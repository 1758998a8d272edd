// What a spawn asks for, read from the options object runtime/js/child_process*.js
// builds (Node's normalized spawn options), and its translation to libuv's
// uv_process_options_t. Included by runtime/node/child_process*.cc only.
#ifndef TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_SPEC_H_
#define TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_SPEC_H_

#include <uv.h>

#include <optional>
#include <string>
#include <vector>

#include "v8-context.h"
#include "v8-local-handle.h"
#include "v8-object.h"

namespace toysnap::node {

// One of the child's file descriptors.
struct StdioSpec {
  // kWrap: an open stream handle of ours (a net.Socket's) the child inherits.
  enum class Kind { kIgnore, kPipe, kFd, kWrap };
  Kind kind = Kind::kIgnore;
  int fd = -1;             // kFd: the parent's descriptor the child inherits
  bool readable = false;   // kPipe: the child reads from it (its stdin)
  bool writable = false;   // kPipe: the child writes to it
  std::string input;       // kPipe, sync form: bytes written to the child
  v8::Local<v8::Object> handle;  // kPipe, kWrap (async form): the JS handle given
};

struct SpawnSpec {
  std::string file;
  std::vector<std::string> args;  // argv, argv[0] included
  std::optional<std::string> cwd;
  std::vector<std::string> env;  // "KEY=value" pairs
  std::vector<StdioSpec> stdio;
  bool detached = false;
  std::optional<int> uid;
  std::optional<int> gid;
  // The sync form only.
  double timeout_ms = 0;  // 0: none
  double max_buffer = 0;  // bytes of output in all; 0 or less: no limit
  int kill_signal = SIGTERM;
};

// Reads `options`; false with an exception pending (ERR_INVALID_ARG_TYPE for a
// field of the wrong type: runtime JS validates first, so this guards only
// against internal misuse).
bool ReadSpawnSpec(v8::Local<v8::Context> context, v8::Local<v8::Object> options,
                   SpawnSpec* spec);

// uv_process_options_t for `spec`, valid while this and `spec` live; the
// stdio containers of pipes are filled in by the caller (`stdio()[i]`).
class UvProcessOptions {
 public:
  explicit UvProcessOptions(const SpawnSpec& spec);
  UvProcessOptions(const UvProcessOptions&) = delete;
  UvProcessOptions& operator=(const UvProcessOptions&) = delete;

  uv_process_options_t* get() { return &options_; }
  std::vector<uv_stdio_container_t>& stdio() { return stdio_; }

 private:
  uv_process_options_t options_{};
  std::vector<char*> args_;  // point into the spec's strings
  std::vector<char*> env_;
  std::vector<uv_stdio_container_t> stdio_;
};

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_SPEC_H_
