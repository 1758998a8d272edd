// Parses `toysnap <command> [options] FILE [args...]`.
#include "tools/cli_args.h"

#include <sys/stat.h>

#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "snapshot/base/file_io.h"

namespace toysnap {
namespace {

absl::Status Usage(absl::string_view message) {
  return absl::InvalidArgumentError(message);
}

// Splits "--name=value" or takes the value from the next argument.
absl::StatusOr<std::string> OptionValue(const std::vector<std::string>& argv, size_t& i,
                                        absl::string_view name) {
  const std::string& arg = argv[i];
  if (arg.size() > name.size() && arg[name.size()] == '=') return arg.substr(name.size() + 1);
  if (i + 1 >= argv.size()) return Usage(absl::StrCat(name, " needs a value"));
  return argv[++i];
}

bool IsOption(const std::string& arg, absl::string_view name) {
  return arg == name || absl::StartsWith(arg, absl::StrCat(name, "="));
}

// --max-heap-mb and --timeout-ms, shared by build and run. False if `arg` is
// neither.
absl::StatusOr<bool> ParseLimitOption(const std::vector<std::string>& argv, size_t& i,
                                      Command& command) {
  const std::string& arg = argv[i];
  for (absl::string_view name : {"--max-heap-mb", "--timeout-ms"}) {
    if (!IsOption(arg, name)) continue;
    absl::StatusOr<std::string> value = OptionValue(argv, i, name);
    if (!value.ok()) return value.status();
    int64_t number = 0;
    if (!absl::SimpleAtoi(*value, &number) || number <= 0 || number > (int64_t{1} << 40)) {
      return Usage(absl::StrCat(name, " must be a positive whole number, not '", *value, "'"));
    }
    if (name == "--max-heap-mb") {
      command.max_heap_mb = static_cast<size_t>(number);
    } else {
      command.timeout_ms = number;
    }
    return true;
  }
  return false;
}

// The permission options, shared by build and run. False if `arg` is none.
absl::StatusOr<bool> ParsePermissionOption(const std::vector<std::string>& argv, size_t& i,
                                           Command& command) {
  const std::string& arg = argv[i];
  if (arg == "--permission" || arg == "--experimental-permission") {
    command.permission = true;
    return true;
  }
  if (arg == "--allow-child-process") {
    command.allow_child_process = true;
    return true;
  }
  if (arg == "--allow-worker") {
    command.allow_worker = true;
    return true;
  }
  const std::pair<absl::string_view, std::vector<std::string>*> lists[] = {
      {"--allow-fs-read", &command.allow_fs_read},
      {"--allow-fs-write", &command.allow_fs_write},
      {"--allow-net", &command.allow_net},
  };
  for (const auto& [name, values] : lists) {
    if (!IsOption(arg, name)) continue;
    absl::StatusOr<std::string> value = OptionValue(argv, i, name);
    if (!value.ok()) return value.status();
    if (value->empty()) return Usage(absl::StrCat(name, " needs a value"));
    values->push_back(*value);
    return true;
  }
  return false;
}

absl::Status ParseBuildOption(const std::vector<std::string>& argv, size_t& i, Command& command,
                              absl::string_view verb) {
  const std::string& arg = argv[i];
  if (IsOption(arg, "-o") || IsOption(arg, "--output")) {
    absl::StatusOr<std::string> value = OptionValue(argv, i, arg[1] == 'o' ? "-o" : "--output");
    if (!value.ok()) return value.status();
    command.output = *value;
  } else if (IsOption(arg, "--env")) {
    absl::StatusOr<std::string> value = OptionValue(argv, i, "--env");
    if (!value.ok()) return value.status();
    if (value->empty() || absl::StrContains(*value, '=')) {
      return Usage(absl::StrCat("--env takes a variable name, not '", *value, "'"));
    }
    command.env_names.push_back(*value);
  } else if (IsOption(arg, "--compression")) {
    absl::StatusOr<std::string> value = OptionValue(argv, i, "--compression");
    if (!value.ok()) return value.status();
    if (*value == "zstd") {
      command.encode.compression = Compression::kZstd;
    } else if (*value == "none") {
      command.encode.compression = Compression::kNone;
    } else {
      return Usage(absl::StrCat("--compression must be zstd or none, not '", *value, "'"));
    }
  } else if (IsOption(arg, "--level")) {
    absl::StatusOr<std::string> value = OptionValue(argv, i, "--level");
    if (!value.ok()) return value.status();
    int level = 0;
    if (!absl::SimpleAtoi(*value, &level) || level < 1 || level > 19) {
      return Usage(absl::StrCat("--level must be a zstd level from 1 to 19, not '", *value, "'"));
    }
    command.encode.level = level;
  } else if (arg == "--quiet" || arg == "-q") {
    command.quiet = true;
  } else if (IsOption(arg, "--path-prefix-map")) {
    absl::StatusOr<std::string> value = OptionValue(argv, i, "--path-prefix-map");
    if (!value.ok()) return value.status();
    if (value->find('=') == std::string::npos) {
      return Usage(absl::StrCat("--path-prefix-map takes OLD=NEW, not '", *value, "'"));
    }
    command.path_prefix_maps.push_back(*value);
  } else if (arg == "--force") {
    command.force = true;
  } else if (arg == "--preserve-symlinks") {
    command.preserve_symlinks = true;
  } else if (IsOption(arg, "--runtime")) {
    if (verb != "compile") return Usage("--runtime is an option of compile");
    absl::StatusOr<std::string> value = OptionValue(argv, i, "--runtime");
    if (!value.ok()) return value.status();
    if (value->empty()) return Usage("--runtime needs the path of a toysnap executable");
    command.runtime = *value;
  } else if (IsOption(arg, "--seed-salt")) {
    absl::StatusOr<std::string> value = OptionValue(argv, i, "--seed-salt");
    if (!value.ok()) return value.status();
    command.seed_salt = *value;
  } else {
    return Usage(absl::StrCat("unknown option for ", verb, ": ", arg));
  }
  return absl::OkStatus();
}

}  // namespace

std::string UsageText() {
  return R"(usage: toysnap <command> [options]

commands:
  build ENTRY -o OUT.snap   evaluate ENTRY's module graph and write a warm V8 snapshot
        --env NAME          expose environment variable NAME at build time (repeatable)
        --compression=none|zstd  none (default) starts fastest; zstd makes
                            files ~4x smaller, --level=N (default 3)
        --quiet             no progress output
        --force             rebuild even if OUT is up to date (same toolchain,
                            options and input files)
        --path-prefix-map=OLD=NEW  record files under OLD as under NEW (reproducible
                            builds in any directory; repeatable)
        --preserve-symlinks keep module paths' symlinks instead of resolving them
        --seed-salt=TEXT    mixed into the heap's hash seed (see README: reproducible
                            builds)
        @FILE               read more options from FILE, one per line
  compile ENTRY -o EXE      like build, but write one executable file that embeds the
                            snapshot: `EXE ARGS...` runs it like `toysnap run`, with
                            every ARG for main; takes build's options, always rebuilds
        --runtime=TOYSNAP   the toysnap executable to copy instead of this one (one
                            built for the machine the app will run on)
  run [options] FILE [ARGS...]
                            run a snapshot (*.snap) or a module from source: calls the
                            entry module's exported main(ARGS) and runs the event loop
  info FILE.snap            print the snapshot's header, metadata and checksum status
  [OPTIONS...] FILE.js [ARGS...]
                            run a script as `node FILE.js ARGS...` does: process.argv
                            is set before its top level, which is all that runs (no
                            main()); .js is CommonJS unless package.json says "module";
                            FILE may omit .js; OPTIONS become process.execArgv (Node's
                            and V8's flags are accepted and ignored, the limit and
                            permission options below apply)
  [OPTIONS...] -e CODE [ARGS...]   run CODE as `node -e` does; -p CODE prints its value

options of build, compile and run:
  --max-heap-mb=N           end the program with an error when its heap exceeds N MiB
  --timeout-ms=N            end the program with an error after N milliseconds
  --permission              grant only what the --allow-* options name (Node's
                            permission model; --experimental-permission too):
    --allow-fs-read=PATH[,PATH...]   read files under PATH (* for all)
    --allow-fs-write=PATH[,PATH...]  write files under PATH (* for all)
    --allow-child-process   start child processes
    --allow-worker          start worker threads
    --allow-net=HOST[:PORT][,...]    connect to and listen on HOST (* for all)
                            a denied call throws ERR_ACCESS_DENIED

  --help, --version

exit codes: 0 success, 1 uncaught JS error or refused file, 2 usage error
)";
}

absl::StatusOr<std::optional<int64_t>> ParseSourceDateEpoch(const char* value) {
  if (value == nullptr || *value == '\0') return std::nullopt;
  absl::string_view text(value);
  // JavaScript dates reach 8.64e15 ms either side of the epoch.
  constexpr int64_t kMaxSeconds = 8'640'000'000'000;
  int64_t seconds = 0;
  if (text.find_first_not_of("0123456789") != absl::string_view::npos ||
      !absl::SimpleAtoi(text, &seconds) || seconds > kMaxSeconds) {
    return Usage(absl::StrCat("SOURCE_DATE_EPOCH must be whole seconds since 1970 (as date +%s "
                              "prints them), not '", text, "'"));
  }
  return seconds;
}

// build's and compile's `@FILE`: more options, one per line, as Bazel writes
// its parameter files (the rules grant thousands of inputs this way, more than
// a command line holds). Not for run: its program's arguments are its own.
absl::StatusOr<std::vector<std::string>> ExpandParamFiles(const std::vector<std::string>& argv) {
  constexpr size_t kMaxParamFileBytes = 64 << 20;
  std::vector<std::string> expanded;
  for (size_t i = 0; i < argv.size(); ++i) {
    if (i == 0 || argv[i].size() < 2 || argv[i][0] != '@') {
      expanded.push_back(argv[i]);
      continue;
    }
    std::string path = argv[i].substr(1);
    absl::StatusOr<std::string> text = ReadFile(path);
    if (!text.ok()) {
      return Usage(absl::StrCat("cannot read options file ", path, ": ", text.status().message()));
    }
    if (text->size() > kMaxParamFileBytes) {
      return Usage(absl::StrCat("options file ", path, " is larger than 64 MiB"));
    }
    for (absl::string_view line : absl::StrSplit(*text, '\n', absl::SkipEmpty())) {
      expanded.emplace_back(line);
    }
  }
  return expanded;
}

bool IsScriptPath(absl::string_view arg) {
  return absl::EndsWith(arg, ".js") || absl::EndsWith(arg, ".mjs") || absl::EndsWith(arg, ".cjs");
}

bool IsFile(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

// Node's lookup of a main script: the file, else with ".js", else the
// directory's index.js (`node fixtures/child` runs fixtures/child.js).
std::optional<std::string> FindScript(const std::string& path) {
  if (path.empty()) return std::nullopt;
  for (const std::string& candidate : {path, path + ".js", path + "/index.js"}) {
    if (IsFile(candidate)) return candidate;
  }
  return std::nullopt;
}

// Node's options that take their value as the next argument (`-r mod`);
// every other one is a flag or carries its value after '='.
bool TakesSeparateValue(absl::string_view option) {
  static constexpr absl::string_view kWithValue[] = {
      "-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions",
      "--title", "--inspect-port", "--env-file", "--input-type", "--disable-warning",
      "--redirect-warnings", "--unhandled-rejections", "--stack-trace-limit",
      "--max-http-header-size", "--dns-result-order", "--icu-data-dir", "--openssl-config",
      "--diagnostic-dir", "--report-dir", "--report-directory", "--report-filename",
      "--heapsnapshot-signal", "--trace-event-categories", "--trace-event-file-pattern",
  };
  for (absl::string_view known : kWithValue) {
    if (option == known) return true;
  }
  return false;
}

// `toysnap [OPTIONS...] FILE.js [ARGS...]`: the options become execArgv;
// toysnap's limits and permission options are honoured.
absl::StatusOr<Command> ParseScriptCommand(const std::vector<std::string>& argv) {
  Command command;
  command.kind = Command::Kind::kScript;
  size_t i = 0;
  for (; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "--") {
      ++i;
      break;
    }
    if (!absl::StartsWith(arg, "-") || arg == "-") break;
    size_t first = i;
    bool print = arg == "-p" || arg == "--print" || absl::StartsWith(arg, "--print=");
    if (print || arg == "-e" || arg == "--eval" || absl::StartsWith(arg, "--eval=")) {
      size_t equals = arg.find('=');
      if (equals != std::string::npos) {
        command.eval_source = arg.substr(equals + 1);
      } else if (i + 1 < argv.size()) {
        command.eval_source = argv[++i];
      } else {
        return Usage(absl::StrCat(arg, " needs the code to run"));
      }
      command.eval_print = command.eval_print || print;
      for (size_t k = first; k <= i; ++k) command.exec_argv.push_back(argv[k]);
      continue;
    }
    if (arg == "--input-type" || absl::StartsWith(arg, "--input-type=")) {
      size_t equals = arg.find('=');
      if (equals == std::string::npos && i + 1 >= argv.size()) {
        return Usage("--input-type needs a value");
      }
      command.input_type = equals != std::string::npos ? arg.substr(equals + 1) : argv[++i];
      if (command.input_type != "module" && command.input_type != "commonjs") {
        return Usage("--input-type must be \"module\" or \"commonjs\"");
      }
      for (size_t k = first; k <= i; ++k) command.exec_argv.push_back(argv[k]);
      continue;
    }
    absl::StatusOr<bool> limit = ParseLimitOption(argv, i, command);
    if (!limit.ok()) return limit.status();
    if (!*limit) {
      absl::StatusOr<bool> permission = ParsePermissionOption(argv, i, command);
      if (!permission.ok()) return permission.status();
      if (!*permission && TakesSeparateValue(arg) && i + 1 < argv.size()) ++i;
    }
    for (size_t k = first; k <= i; ++k) command.exec_argv.push_back(argv[k]);
  }
  if (command.eval_source) {
    command.args.assign(argv.begin() + static_cast<std::ptrdiff_t>(i), argv.end());
    return command;
  }
  if (i >= argv.size()) return Usage("missing script: toysnap [OPTIONS...] FILE.js [ARGS...]");
  command.file = FindScript(argv[i]).value_or(argv[i]);
  command.args.assign(argv.begin() + static_cast<std::ptrdiff_t>(i) + 1, argv.end());
  return command;
}

absl::StatusOr<Command> ParseCommandLine(const std::vector<std::string>& given) {
  Command command;
  if (given.empty()) return Usage("missing command");
  std::vector<std::string> argv = given;
  if (given[0] == "build" || given[0] == "compile") {
    absl::StatusOr<std::vector<std::string>> expanded = ExpandParamFiles(given);
    if (!expanded.ok()) return expanded.status();
    argv = *std::move(expanded);
  }
  const std::string& verb = argv[0];
  if (verb == "--help" || verb == "-h" || verb == "help") return command;
  if (verb == "--version" || verb == "-v" || verb == "version") {
    command.kind = Command::Kind::kVersion;
    return command;
  }
  if (verb == "build") {
    command.kind = Command::Kind::kBuild;
  } else if (verb == "run") {
    command.kind = Command::Kind::kRun;
  } else if (verb == "compile") {
    command.kind = Command::Kind::kCompile;
  } else if (verb == "info") {
    command.kind = Command::Kind::kInfo;
  } else if (IsScriptPath(verb) || (absl::StartsWith(verb, "-") && verb != "-") ||
             (!absl::EndsWith(verb, ".snap") && FindScript(verb))) {
    // As `node [OPTIONS] FILE ARGS...`: programs, fork() and Node's own tests
    // start process.execPath with a script; every later argument is the script's.
    return ParseScriptCommand(argv);
  } else {
    return Usage(absl::StrCat("unknown command '", verb, "'"));
  }
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (command.kind == Command::Kind::kRun && !command.file.empty()) {
      command.args.push_back(arg);  // everything after FILE belongs to the program
    } else if (arg == "--help" || arg == "-h") {
      command.kind = Command::Kind::kHelp;
      return command;
    } else if (absl::StartsWith(arg, "-") && arg != "-") {
      if (command.kind != Command::Kind::kInfo) {
        size_t first = i;
        absl::StatusOr<bool> limit = ParseLimitOption(argv, i, command);
        if (!limit.ok()) return limit.status();
        absl::StatusOr<bool> permission = false;
        if (!*limit) permission = ParsePermissionOption(argv, i, command);
        if (!permission.ok()) return permission.status();
        if (*limit || *permission) {
          // A run's execArgv, so fork() starts its children under the same
          // limits and permissions (Node passes --permission on the same way).
          if (command.kind == Command::Kind::kRun) {
            for (size_t k = first; k <= i; ++k) command.exec_argv.push_back(argv[k]);
          }
          continue;
        }
      }
      if (command.kind != Command::Kind::kBuild && command.kind != Command::Kind::kCompile) {
        return Usage(absl::StrCat("unknown option for ", verb, ": ", arg));
      }
      absl::Status status = ParseBuildOption(argv, i, command, verb);
      if (!status.ok()) return status;
    } else if (command.file.empty()) {
      command.file = arg;
    } else {
      return Usage(absl::StrCat("unexpected argument '", arg, "'"));
    }
  }
  if (command.file.empty()) return Usage(absl::StrCat(verb, " needs a file"));
  if (command.kind == Command::Kind::kBuild && command.output.empty()) {
    return Usage("build needs -o OUT.snap");
  }
  if (command.kind == Command::Kind::kCompile && command.output.empty()) {
    return Usage("compile needs -o EXE");
  }
  return command;
}

}  // namespace toysnap
