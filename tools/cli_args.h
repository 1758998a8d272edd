// Command-line parsing for the toysnap CLI: turns argv into a Command or a usage
// error. No V8 here, so it is unit-tested on its own. Included by toysnap_main.cc.
#ifndef TOYSNAP_TOOLS_CLI_ARGS_H_
#define TOYSNAP_TOOLS_CLI_ARGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "snapshot/container.h"

namespace toysnap {

struct Command {
  // kScript: `toysnap FILE.js [ARGS...]`, a script run as Node runs one.
  enum class Kind { kHelp, kVersion, kBuild, kRun, kInfo, kCompile, kScript };
  Kind kind = Kind::kHelp;
  std::string file;                    // build: entry; run, info: the file
  std::string output;                  // build, compile: -o (compile takes every build option)
  std::vector<std::string> env_names;  // build: --env NAME (repeatable)
  // Uncompressed by default: `run` then maps the blob and hands it to V8 as is,
  // where zstd costs a decompression per start (17 of 64 ms for TypeScript).
  EncodeOptions encode = {Compression::kNone, 3};
  std::vector<std::string> args;       // run, script: everything after FILE
  // script: the options before FILE, as process.execArgv (`toysnap --flag
  // FILE.js`, the way fork() starts a child with its parent's execArgv).
  // toysnap's limits and Node's permission flags among them take effect;
  // other Node and V8 flags are accepted and ignored.
  std::vector<std::string> exec_argv;
  // script: `-e CODE` / `-p CODE` (--eval, --print): CODE runs instead of a
  // file, as Node's eval does (in the global scope, with require), and -p
  // prints its value; every argument after the options is the program's.
  std::optional<std::string> eval_source;
  bool eval_print = false;
  // script: --input-type (module or commonjs) for -e/-p code; empty: Node's
  // detection (a module when the code has syntax only a module allows).
  std::string input_type;
  bool quiet = false;                  // build: --quiet
  size_t max_heap_mb = 0;              // build, run: --max-heap-mb (0: V8's default)
  int64_t timeout_ms = 0;              // build, run: --timeout-ms (0: none)
  std::vector<std::string> path_prefix_maps;  // build: --path-prefix-map OLD=NEW
  bool preserve_symlinks = false;             // build: --preserve-symlinks
  std::string seed_salt;                      // build: --seed-salt
  bool force = false;                         // build: --force (no up-to-date check)
  // build, run: Node's permission model. Without --permission everything is
  // granted; with it, only what the --allow-* options name.
  bool permission = false;                    // --permission (--experimental-permission)
  std::vector<std::string> allow_fs_read;     // --allow-fs-read=PATH[,PATH...]
  std::vector<std::string> allow_fs_write;    // --allow-fs-write=PATH[,PATH...]
  bool allow_child_process = false;           // --allow-child-process
  bool allow_worker = false;                  // --allow-worker
  std::vector<std::string> allow_net;         // --allow-net=HOST[:PORT][,...]
  // compile: --runtime, the toysnap executable the app is a copy of (under
  // Bazel, the one built for the target configuration); empty: this one.
  std::string runtime;
};

// `argv` without the program name. Errors are usage errors (exit code 2).
absl::StatusOr<Command> ParseCommandLine(const std::vector<std::string>& argv);

std::string UsageText();

// SOURCE_DATE_EPOCH (reproducible-builds.org): seconds since the Unix epoch in
// decimal, as `date +%s` prints them; a build's clock is fixed there. Unset or
// empty: nullopt. Anything else is a usage error, since a silently ignored
// value would give a build that is not reproducible.
absl::StatusOr<std::optional<int64_t>> ParseSourceDateEpoch(const char* value);

}  // namespace toysnap

#endif  // TOYSNAP_TOOLS_CLI_ARGS_H_
