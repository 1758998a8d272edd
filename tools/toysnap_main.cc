// The toysnap command-line tool: build, compile, run, info; and the entry point
// of the single-file apps `compile` writes.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "runtime/builtin_extensions.h"
#include "runtime/extension_registry.h"
#include "runtime/js_error.h"
#include "runtime/path_map.h"
#include "runtime/permissions.h"
#include "runtime/module_resolver.h"
#include "runtime/runtime.h"
#include "runtime/toolchain.h"
#include "runtime/v8_process.h"
#include "snapshot/base/checksum.h"
#include "snapshot/container.h"
#include "snapshot/base/file_io.h"
#include "snapshot/base/mapped_file.h"
#include "snapshot/base/shared_bytes.h"
#include "snapshot/builder/snapshot_builder.h"
#include "tools/cli_args.h"
#include "tools/embedded_snapshot.h"
#include "tools/process_guards.h"
#include "v8-initialization.h"

extern char** environ;

namespace toysnap {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

// This process's own executable: what `compile` copies and where an app's
// snapshot is.
constexpr char kSelfExecutable[] = "/proc/self/exe";

// JS errors arrive formatted like Node's report; other errors get our prefix.
int ReportError(const absl::Status& status, absl::string_view context = "") {
  if (GetJsErrorInfo(status)) {
    std::cerr << status.message() << "\n";
  } else {
    std::cerr << "toysnap: " << context << (context.empty() ? "" : ": ") << status.message()
              << "\n";
  }
  return kExitError;
}

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    absl::string_view text(*entry);
    size_t eq = text.find('=');
    if (eq == absl::string_view::npos) continue;
    env.emplace(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
  }
  return env;
}

// Everything, as Node grants, unless --permission narrows it.
absl::StatusOr<Permissions> CommandPermissions(const Command& command) {
  absl::StatusOr<std::string> cwd = AbsolutePath(".");
  return PermissionsFromFlags(command.permission, command.allow_fs_read, command.allow_fs_write,
                              command.allow_child_process, command.allow_worker,
                              command.allow_net, cwd.ok() ? *cwd : "");
}

std::string MiB(size_t bytes) { return absl::StrFormat("%.2f MiB", bytes / 1048576.0); }

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// V8's random seed for a build: a digest of the entry's text and the user's
// salt, so the same inputs give the same bytes and different apps get
// different hash seeds. (A snapshot holding modules cannot be rehashed at
// restore; its processes all use the seed it was built with.)
uint32_t BuildSeed(const Command& command) {
  absl::StatusOr<std::string> entry = ReadFile(command.file);
  return static_cast<uint32_t>(
      Checksum64(absl::StrCat(entry.ok() ? *entry : command.file, std::string(1, '\0'),
                              command.seed_salt)));
}

// Everything but the input files that decides a build's output.
std::string BuildOptionsKey(const Command& command, const RuntimeOptions& runtime) {
  std::string key = absl::StrCat("entry=", command.file, "\ncompression=",
                                 static_cast<int>(command.encode.compression), ":",
                                 command.encode.level, "\nheap=", command.max_heap_mb,
                                 "\nsymlinks=", command.preserve_symlinks,
                                 "\nsalt=", command.seed_salt, "\n");
  for (const std::string& map : command.path_prefix_maps) absl::StrAppend(&key, "map=", map, "\n");
  for (const auto& [name, value] : runtime.env) {
    absl::StrAppend(&key, "env ", name, "=", value, "\n");
  }
  if (runtime.fixed_clock_ms) absl::StrAppend(&key, "clock=", *runtime.fixed_clock_ms, "\n");
  return key;
}

// build writes the container; compile, a copy of this executable (or of the
// one --runtime names) holding it.
absl::Status WriteOutput(const Command& command, absl::string_view container) {
  if (command.kind == Command::Kind::kCompile) {
    return WriteCompiledExecutable(command.runtime.empty() ? kSelfExecutable : command.runtime,
                                   container, command.output);
  }
  return WriteFileAtomically(command.output, container);
}

int Build(const V8Process& process, const Command& command) {
  auto start = std::chrono::steady_clock::now();
  BuildOptions options;
  options.entry = command.file;
  options.encode = command.encode;
  options.runtime.max_heap_mb = command.max_heap_mb;
  options.runtime.timeout_ms = command.timeout_ms;
  options.runtime.preserve_symlinks = command.preserve_symlinks;
  absl::StatusOr<PathMap> path_map = PathMap::Parse(command.path_prefix_maps);
  if (!path_map.ok()) {
    std::cerr << "toysnap: " << path_map.status().message() << "\n";
    return kExitUsage;
  }
  options.runtime.path_map = *std::move(path_map);
  absl::StatusOr<Permissions> permissions = CommandPermissions(command);
  if (!permissions.ok()) {
    std::cerr << "toysnap: " << permissions.status().message() << "\n";
    return kExitUsage;
  }
  options.runtime.permissions = *std::move(permissions);
  // The build's clock: fixed under SOURCE_DATE_EPOCH, so programs that read the
  // time at build (lodash-es, TypeScript) still give the same bytes.
  absl::StatusOr<std::optional<int64_t>> epoch = ParseSourceDateEpoch(getenv("SOURCE_DATE_EPOCH"));
  if (!epoch.ok()) {
    std::cerr << "toysnap: " << epoch.status().message() << "\n";
    return kExitUsage;
  }
  if (*epoch) options.runtime.fixed_clock_ms = **epoch * 1000;
  std::map<std::string, std::string> env = ProcessEnvironment();
  for (const std::string& name : command.env_names) {
    auto it = env.find(name);
    if (it != env.end()) options.runtime.env.insert(*it);
  }
  // After the environment and the clock: a new value of either is a rebuild.
  options.options_key = BuildOptionsKey(command, options.runtime);
  if (!command.force && command.kind == Command::Kind::kBuild) {  // compile: always
    absl::StatusOr<std::string> existing = ReadFile(command.output);
    if (existing.ok() && IsUpToDate(*existing, options)) {
      if (!command.quiet) std::cerr << "toysnap: " << command.output << " is up to date\n";
      return kExitOk;
    }
  }
  auto print = [](absl::string_view line) { std::cerr << "toysnap: " << line << "\n"; };
  options.warn = print;
  if (!command.quiet) options.progress = print;
  absl::StatusOr<BuildResult> result = [&]() -> absl::StatusOr<BuildResult> {
    absl::StatusOr<std::unique_ptr<SnapshotBuild>> build = SnapshotBuild::Evaluate(process, options);
    if (!build.ok()) return build.status();
    SerializationAbortGuard guard;  // nothing is written before serialization succeeds
    return std::move(**build).Serialize();
  }();
  if (!result.ok()) {
    if (!GetJsErrorInfo(result.status())) {
      std::cerr << "toysnap: build of " << command.file << " failed\n";
    }
    return ReportError(result.status(), command.file);
  }
  absl::Status written = WriteOutput(command, result->container);
  if (!written.ok()) return ReportError(written);
  if (!command.quiet) {
    std::cerr << absl::StrFormat("toysnap: %s: %zu module(s), heap %s, file %s, %.0f ms\n",
                                 command.output, result->metadata.modules.size(),
                                 MiB(result->blob_size), MiB(result->container.size()),
                                 MsSince(start));
  }
  return kExitOk;
}

// Ends like Node: process.exit(n) wins, else process.exitCode, else 0.
int Finish(Runtime& runtime, const absl::Status& status) {
  if (absl::IsCancelled(status) && runtime.exit_code()) return *runtime.exit_code();
  if (!status.ok()) return ReportError(status);
  return runtime.RequestedExitCode();
}

int RunRuntime(Runtime& runtime, const Command& command, bool call_main) {
  absl::Status status;
  if (call_main) status = runtime.CallMain(command.args);
  if (status.ok()) status = runtime.RunUntilExit();
  return Finish(runtime, status);
}

// A finished program ends the process here. Tearing down its heap (freeing,
// unmapping, joining V8's threads) costs milliseconds and nothing the program
// can observe: console output is unbuffered, C++ streams are flushed. ASan
// builds tear down, so LeakSanitizer still checks every run's cleanup.
int ExitNow(int code) {
#if defined(__SANITIZE_ADDRESS__)
  return code;
#else
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  _exit(code);
#endif
}

int RunSnapshot(const V8Process& process, const Command& command, const SharedBytes& file,
                RuntimeOptions options) {
  absl::StatusOr<std::unique_ptr<Runtime>> runtime;
  bool has_main = false;
  {
    // The file is mapped: checking it and restoring from it read its pages.
    TruncationGuard guard(command.file);
    absl::StatusOr<OpenedContainer> opened = OpenContainer(file, CurrentToolchain());
    if (!opened.ok()) return ReportError(opened.status(), command.file);
    has_main = opened->metadata.has_main;
    runtime =
        Runtime::CreateFromSnapshot(process, std::move(opened->blob), opened->metadata, options);
  }
  if (!runtime.ok()) return ReportError(runtime.status(), command.file);
  // What restore hooks queued (node:test's tests registered at build time)
  // finishes before main(), as a source run's top level does; with nothing
  // queued the loop returns at once.
  absl::Status restored = (*runtime)->RunEventLoop(LoopMode::kUntilOnlyIntervals);
  if (!restored.ok()) return ExitNow(Finish(**runtime, restored));
  return ExitNow(RunRuntime(**runtime, command, has_main));
}

int RunSource(const V8Process& process, const Command& command, std::string contents,
              RuntimeOptions options) {
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(process, options);
  if (!runtime.ok()) return ReportError(runtime.status());
  absl::StatusOr<std::string> url = (*runtime)->LoadMainModule(command.file, std::move(contents));
  absl::Status status = url.status();
  // What `build` does before it writes the heap, so both ways run alike.
  if (status.ok()) status = (*runtime)->EvaluateModule(*url);
  if (status.ok()) status = (*runtime)->RunEventLoop(LoopMode::kUntilOnlyIntervals);
  absl::StatusOr<bool> warmed = false;
  if (status.ok()) warmed = (*runtime)->CallWarmUp();
  if (!warmed.ok()) status = warmed.status();
  if (status.ok() && *warmed) status = (*runtime)->RunEventLoop(LoopMode::kUntilOnlyIntervals);
  if (!status.ok()) return ExitNow(Finish(**runtime, status));
  return ExitNow(RunRuntime(**runtime, command, (*runtime)->MainHasMainExport()));
}

// `toysnap FILE.js ARGS...`, as `node FILE.js ARGS...`: process.argv is set
// before the script's top level runs, the script's format is Node's (a
// synthetic ES module imports it, and the loader's rules decide: .js is
// CommonJS unless its package.json says "module"), and no main() is called.
int RunScript(const V8Process& process, const Command& command, RuntimeOptions options) {
  absl::StatusOr<std::string> script = AbsolutePath(command.file);
  if (!script.ok()) return ReportError(script.status(), command.file);
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(process, options);
  if (!runtime.ok()) return ReportError(runtime.status());
  absl::Status status = (*runtime)->SetArgs(command.args, *script);
  std::string url = PathToFileUrl(*script);
  std::string quoted;
  for (char c : url) {
    if (c == '\\' || c == '\'') quoted.push_back('\\');
    quoted.push_back(c);
  }
  std::string entry = absl::StrCat("import '", quoted, "';\n");
  absl::StatusOr<std::string> loaded =
      status.ok() ? (*runtime)->LoadMainModule(*script + ".toysnap-script.mjs", entry) : status;
  status = loaded.status();
  if (status.ok()) status = (*runtime)->EvaluateModule(*loaded);
  if (!status.ok()) return ExitNow(Finish(**runtime, status));
  return ExitNow(RunRuntime(**runtime, command, /*call_main=*/false));
}

// `text` as a JavaScript string literal.
std::string JsStringLiteral(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppend(&out, "\\x", absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
        } else {
          out.push_back(c);
        }
    }
  }
  out += "\"";
  return out;
}

// What Node's eval sets up before the code, in a module of its own
// ("[eval]-wrapper", also Node's name for its frame): process.argv
// [execPath, ARGS...], and every builtin module whose name has no '/' or
// leading '_' as a global of that name, loaded on first use and replaced by
// an assignment, as Node's -e and REPL have them.
constexpr absl::string_view kEvalPrelude = R"(import { builtinModules, createRequire } from 'node:module';
const requireBuiltin = createRequire(process.cwd() + '/[eval]');
process.argv.splice(1, 1);
for (const name of builtinModules) {
  if (name[0] === '_' || name.includes('/') || Object.hasOwn(globalThis, name)) continue;
  const setReal = (value) => { delete globalThis[name]; globalThis[name] = value; };
  Object.defineProperty(globalThis, name, {
    get() {
      const lib = requireBuiltin(name);
      Object.defineProperty(globalThis, name,
        { get: () => lib, set: setReal, configurable: true, enumerable: false });
      return lib;
    },
    set: setReal,
    configurable: true,
    enumerable: false,
  });
}
)";

// `toysnap -e CODE` / `-p CODE`, as Node's eval. CommonJS code runs as a
// sloppy script in the global scope, with require, module, exports,
// __filename '[eval]' and __dirname '.'; -p prints its value. Module code
// (--input-type=module, or code only a module allows when no type is given)
// is the ES module file://CWD/[eval1], and -p refuses it as Node does.
int RunEval(const V8Process& process, const Command& command, RuntimeOptions options) {
  absl::StatusOr<std::string> cwd = AbsolutePath(".");
  if (!cwd.ok()) return ReportError(cwd.status());
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(process, options);
  if (!runtime.ok()) return ReportError(runtime.status());
  absl::Status status = (*runtime)->SetArgs(command.args, "[eval]");
  bool module = command.input_type == "module";
  if (status.ok() && command.input_type.empty()) {
    absl::StatusOr<bool> detected = (*runtime)->HasModuleSyntax(*command.eval_source);
    status = detected.status();
    module = detected.value_or(false);
  }
  std::string wrapper(kEvalPrelude);
  if (module && command.eval_print) {
    absl::StrAppend(&wrapper,
                    "const error = new Error('--print cannot be used with ESM input');\n"
                    "error.name = 'Error [ERR_EVAL_ESM_CANNOT_PRINT]';\n"
                    "error.stack;\n"  // formats the stack with Node's "Error [CODE]" name
                    "delete error.name;\n"
                    "error.code = 'ERR_EVAL_ESM_CANNOT_PRINT';\n"
                    "throw error;\n");
  } else if (!module) {
    // The code compiles as its own script named "[eval]", as Node names it,
    // so errors and stacks point at "[eval]:LINE:COL".
    absl::StrAppend(
        &wrapper,
        "const module = { id: '[eval]', path: '.', exports: {}, filename: null, loaded: false,\n"
        "                 children: [], paths: [] };\n"
        "Object.assign(globalThis, { module, exports: module.exports, __filename: '[eval]',\n"
        "  __dirname: '.', require: createRequire(process.cwd() + '/[eval]') });\n"
        "const { runInThisContext } = requireBuiltin('vm');\n"
        "const result = runInThisContext(", JsStringLiteral(*command.eval_source),
        ", { filename: '[eval]' });\n", command.eval_print ? "console.log(result);\n" : "");
  }
  absl::StatusOr<std::string> loaded =
      status.ok() ? (*runtime)->LoadMainModule(*cwd + "/[eval]-wrapper", wrapper) : status;
  status = loaded.status();
  if (status.ok()) status = (*runtime)->EvaluateModule(*loaded);
  if (status.ok() && module && !command.eval_print) {
    // Node's URL for the code: the directory's, then "[eval1]" as it is.
    std::string url = absl::StrCat(PathToFileUrl(*cwd), "/[eval1]");
    absl::StatusOr<std::string> code = (*runtime)->LoadSideModule(url, *command.eval_source);
    status = code.status();
    if (status.ok()) status = (*runtime)->EvaluateModule(*code);
  }
  if (!status.ok()) return ExitNow(Finish(**runtime, status));
  return ExitNow(RunRuntime(**runtime, command, /*call_main=*/false));
}

// What a run (of a snapshot, a module, a script or -e code) gets.
// `invoked_as` is argv[0], process.argv0 as under Node.
absl::StatusOr<RuntimeOptions> RunOptions(const Command& command, const char* invoked_as) {
  RuntimeOptions options;
  if (invoked_as != nullptr) options.exec_path = invoked_as;
  options.env = ProcessEnvironment();
  options.max_heap_mb = command.max_heap_mb;
  options.timeout_ms = command.timeout_ms;
  options.exec_argv = command.exec_argv;
  absl::StatusOr<Permissions> permissions = CommandPermissions(command);
  if (!permissions.ok()) return permissions.status();
  options.permissions = *std::move(permissions);
  return options;
}

int Run(const V8Process& process, const Command& command, const char* invoked_as) {
  if (command.eval_source) {
    absl::StatusOr<RuntimeOptions> options = RunOptions(command, invoked_as);
    if (!options.ok()) return ReportError(options.status());
    return RunEval(process, command, *std::move(options));
  }
  absl::StatusOr<SharedBytes> contents = MapFile(command.file);
  if (!contents.ok()) return ReportError(contents.status());
  absl::StatusOr<RuntimeOptions> run_options = RunOptions(command, invoked_as);
  if (!run_options.ok()) return ReportError(run_options.status());
  RuntimeOptions options = *std::move(run_options);
  if (command.kind == Command::Kind::kScript) return RunScript(process, command, std::move(options));
  bool is_snapshot = absl::EndsWith(command.file, ".snap") || HasContainerMagic(contents->view());
  if (is_snapshot) return RunSnapshot(process, command, *contents, std::move(options));
  return RunSource(process, command, std::string(contents->view()), std::move(options));
}

std::string Printable(const std::string& text) { return text.empty() ? "(none)" : text; }

int Info(const Command& command) {
  absl::StatusOr<std::string> contents = ReadFile(command.file);
  if (!contents.ok()) return ReportError(contents.status());
  absl::StatusOr<InspectedContainer> inspected = InspectContainer(*contents, CurrentToolchain());
  if (!inspected.ok()) return ReportError(inspected.status(), command.file);
  const ContainerHeader& header = inspected->header;
  const SnapshotMetadata& metadata = inspected->metadata;
  std::string compression = header.compression == Compression::kZstd
                                ? absl::StrCat("zstd (level ", header.compression_level, ")")
                                : "none";
  std::cout << absl::StrFormat(
      "file:                %s\n"
      "format version:      %u\n"
      "toysnap version:     %s\n"
      "V8 version:          %s\n"
      "V8 flags:            %s (fingerprint %016x)\n"
      "external references: fingerprint %016x\n"
      "compression:         %s\n"
      "size raw:            %u bytes (%s)\n"
      "size stored:         %u bytes (%s)\n"
      "metadata:            %u bytes\n"
      "header checksum:     %016x ok\n"
      "body checksum:       %016x %s\n"
      "compatible:          %s\n"
      "entry module:        %s\n"
      "has main():          %s\n"
      "modules (%zu):\n",
      command.file, header.format_version, header.toolchain.toysnap_version,
      header.toolchain.v8_version, Printable(metadata.v8_flags),
      header.toolchain.v8_flags_fingerprint, header.toolchain.external_refs_fingerprint,
      compression, header.raw_size, MiB(header.raw_size), header.stored_size,
      MiB(header.stored_size), header.metadata_size, header.header_checksum,
      header.body_checksum,
      inspected->body_status.ok() ? "ok" : std::string(inspected->body_status.message()),
      inspected->compatibility_status.ok()
          ? "yes"
          : std::string(inspected->compatibility_status.message()),
      DisplayPath(metadata.entry_module), metadata.has_main ? "yes" : "no",
      metadata.modules.size());
  for (const std::string& module : metadata.modules) std::cout << "  " << DisplayPath(module) << "\n";
  // Big module sources the heap refers to in place (the payload's tail).
  uint64_t source_bytes = 0;
  for (uint64_t length : inspected->source_lengths) source_bytes += length;
  std::cout << absl::StrFormat("sources (%zu, %u bytes, after the blob):\n",
                               inspected->source_lengths.size(), source_bytes);
  for (size_t i = 0; i < inspected->source_lengths.size(); ++i) {
    std::cout << absl::StrFormat("  slot %zu: %u bytes\n", i, inspected->source_lengths[i]);
  }
  // Which part of the runtime differs, when the external references do.
  ExtensionRegistry here(BuiltinExtensions());
  std::cout << "extensions (" << metadata.extensions.size() << "):\n";
  for (const ExtensionStamp& stamp : metadata.extensions) {
    std::string verdict = "not in this toysnap";
    for (const ExtensionStamp& own : here.stamps()) {
      if (own.name != stamp.name) continue;
      verdict = own.version == stamp.version && own.fingerprint == stamp.fingerprint
                    ? "ok"
                    : absl::StrFormat("differs (here: version %u, %016x)", own.version,
                                      own.fingerprint);
    }
    std::cout << absl::StrFormat("  %-12s version %u, %016x %s\n", stamp.name, stamp.version,
                                 stamp.fingerprint, verdict);
  }
  if (!metadata.commonjs_modules.empty()) {
    std::cout << "CommonJS modules (" << metadata.commonjs_modules.size() << "):\n";
    for (const std::string& file : metadata.commonjs_modules) std::cout << "  " << file << "\n";
  }
  return inspected->body_status.ok() && inspected->compatibility_status.ok() ? kExitOk : kExitError;
}

// A single-file app (`toysnap compile`) runs its embedded snapshot like `toysnap
// run`, and every argument goes to main(). nullopt: this is a plain toysnap.
std::optional<int> RunEmbeddedApp(int argc, char** argv) {
  absl::StatusOr<std::optional<SharedBytes>> container = ReadEmbeddedSnapshot(kSelfExecutable);
  if (absl::IsNotFound(container.status())) return std::nullopt;  // no /proc: not an app
  Command command;
  command.kind = Command::Kind::kRun;
  command.file = argc > 0 ? argv[0] : kSelfExecutable;  // names the app in errors
  if (!container.ok()) return ReportError(container.status(), command.file);
  if (!container->has_value()) return std::nullopt;
  if (argc > 1) command.args.assign(argv + 1, argv + argc);
  IgnoreSigxfsz();
  std::unique_ptr<V8Process> v8 = V8Process::Initialize();
  RuntimeOptions options;
  options.env = ProcessEnvironment();
  options.permissions = Permissions::All();  // an app's arguments are all main's
  return RunSnapshot(*v8, command, **container, std::move(options));
}

int Main(int argc, char** argv) {
  IgnoreSigpipe();
  TuneMallocForLargeBuffers();
  if (std::optional<int> app_exit = RunEmbeddedApp(argc, argv)) return *app_exit;
  std::vector<std::string> args(argv + 1, argv + argc);
  absl::StatusOr<Command> command = ParseCommandLine(args);
  if (!command.ok()) {
    std::cerr << "toysnap: " << command.status().message() << "\n\n" << UsageText();
    return kExitUsage;
  }
  switch (command->kind) {
    case Command::Kind::kHelp:
      std::cout << UsageText();
      return kExitOk;
    case Command::Kind::kVersion:
      std::cout << "toysnap " << kToysnapVersion << " (V8 " << v8::V8::GetVersion() << ")\n";
      return kExitOk;
    case Command::Kind::kInfo:
      return Info(*command);
    case Command::Kind::kBuild:
    case Command::Kind::kCompile:
    case Command::Kind::kRun:
    case Command::Kind::kScript:
      break;
  }
  if (command->kind == Command::Kind::kBuild || command->kind == Command::Kind::kCompile) {
    std::unique_ptr<V8Process> v8 = V8Process::InitializeForBuild(BuildSeed(*command));
    return Build(*v8, *command);
  }
  IgnoreSigxfsz();
  std::unique_ptr<V8Process> v8 = V8Process::Initialize();
  return Run(*v8, *command, argc > 0 ? argv[0] : nullptr);
}

}  // namespace
}  // namespace toysnap

int main(int argc, char** argv) { return toysnap::Main(argc, argv); }
