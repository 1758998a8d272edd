// The embedding API: one Runtime type whether created fresh, for snapshotting, or
// restored from a snapshot. Embedders and the CLI include this header.
#ifndef TOYSNAP_RUNTIME_RUNTIME_H_
#define TOYSNAP_RUNTIME_RUNTIME_H_

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "runtime/clock.h"
#include "runtime/embedder_module_loader.h"
#include "runtime/event_loop.h"
#include "runtime/execution_guard.h"
#include "runtime/extension.h"
#include "runtime/extension_registry.h"
#include "runtime/isolate_data.h"
#include "runtime/module_loader.h"
#include "runtime/natives.h"
#include "runtime/path_map.h"
#include "runtime/permissions.h"
#include "runtime/snapshot_array_buffers.h"
#include "runtime/v8_process.h"
#include "snapshot/container.h"
#include "snapshot/base/shared_bytes.h"
#include "v8-array-buffer.h"
#include "v8-context.h"
#include "v8-exception.h"
#include "v8-isolate.h"
#include "v8-persistent-handle.h"
#include "v8-snapshot.h"

namespace toysnap {

class ExternalSources;

struct RuntimeOptions {
  // Whether console output reaches stdout/stderr; without it process.stdout
  // and stderr write nowhere and process.stdin is empty.
  bool console = true;
  // What process.env and toysnap.env hold. The CLI passes the real environment at
  // run time and only the --env variables at build time.
  std::map<std::string, std::string> env;
  // process.argv[0].
  std::string exec_path = "toysnap";
  // process.execArgv: the options the executable was started with before the
  // script (`toysnap --flag FILE.js`); fork() passes them on to its children.
  std::vector<std::string> exec_argv;
  // Extra classic script run after the runtime's own bootstrap (fresh and
  // snapshotting runtimes; a restored heap already holds its effects).
  std::string bootstrap_code;
  // Heap limit in MiB; exceeding it ends execution with kResourceExhausted.
  size_t max_heap_mb = 0;
  // The host's answer when the heap reaches its limit (max_heap_mb, or V8's
  // own when that is 0): called with the limit and the heap's size in bytes,
  // it returns a higher limit to go on with, or 0 to end execution as the
  // limit does. Called during garbage collection, on the runtime's thread: it
  // must not call into V8. Unset: the limit ends execution.
  NearHeapLimitCallback on_near_heap_limit;
  // Time limit in ms for everything the runtime runs, counted from creation;
  // exceeding it ends execution with kDeadlineExceeded. 0: none.
  int64_t timeout_ms = 0;
  // Where imports resolve and module sources come from, before the default
  // loader (Node's resolution on the file system): embedder_module_loader.h.
  // Shared by the runtimes made with these options (and their workers).
  std::shared_ptr<ModuleSourceLoader> module_loader;
  // How disk paths are recorded in module URLs (builds independent of their
  // directory), and whether module paths keep symlinks instead of realpaths.
  PathMap path_map;
  bool preserve_symlinks = false;
  // What the program may touch outside its heap: files, child processes,
  // workers, network, and `env` above. Nothing unless granted; the CLI grants
  // everything unless --permission narrows it.
  Permissions permissions;
  // A fixed clock for reproducible builds (clock.h): Date.now(), new Date(),
  // performance.now()/timeOrigin and timers start at this many milliseconds
  // since the Unix epoch (performance.now() at 0) and move only as timers fire,
  // without waiting for them. Unset: the system's clocks. The CLI sets it for
  // builds under SOURCE_DATE_EPOCH, never for runs.
  std::optional<int64_t> fixed_clock_ms;
  // The embedder's own extensions (embedder_extension.h: HostExtension::
  // extension(); not owned, they outlive the runtime), registered after the
  // built-in ones. A snapshot restores only into a runtime with the same set:
  // another set is refused with the extension that is missing, extra or of
  // another version named.
  std::vector<const Extension*> extensions;
};

// Ends a runtime's JavaScript from any thread, and may outlive the runtime
// (Runtime::termination_handle()).
class TerminationHandle {
 public:
  // Stops the JavaScript running now, or the next to run; the runtime then
  // refuses every call with kAborted. False once the runtime is gone.
  bool Terminate();
  bool terminated() const { return terminated_; }

 private:
  friend class Runtime;
  void Attach(v8::Isolate* isolate);
  void Detach();

  std::mutex mutex_;
  v8::Isolate* isolate_ = nullptr;  // guarded by mutex_; not owned
  std::atomic<bool> terminated_{false};
};

// How a program's run ended when it called process.exit() / toysnap.exit().
inline constexpr absl::string_view kExitRequested = "exit requested";

// A runtime's isolate and context: created fresh from the embedded runtime JS or
// restored from a snapshot. A heap that is to become a snapshot is built by a
// SnapshottingRuntime (snapshotting_runtime.h), a different type, so a fresh or
// restored runtime can never be handed to a SnapshotCreator.
class Runtime : public NativeHost {
 public:
  // A new isolate and context, bootstrapped from the embedded runtime JS.
  // `process` (not owned) outlives the runtime.
  static absl::StatusOr<std::unique_ptr<Runtime>> Create(const V8Process& process,
                                                         const RuntimeOptions& options);

  // A warm isolate and context restored from a V8 startup blob that a
  // SnapshottingRuntime wrote; `metadata` comes from the same container or
  // build, its `sources` included: the heap reads those bytes in place, for as
  // long as the runtime (and its workers) live. The blob and sources are
  // read-only and may be shared by any number of runtimes on any threads.
  static absl::StatusOr<std::unique_ptr<Runtime>> CreateFromSnapshot(
      const V8Process& process, SharedBytes blob, const SnapshotMetadata& metadata,
      const RuntimeOptions& options);
  static absl::StatusOr<std::unique_ptr<Runtime>> CreateFromSnapshot(
      const V8Process& process, std::string blob, const SnapshotMetadata& metadata,
      const RuntimeOptions& options);

  ~Runtime() override;
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  v8::Isolate* isolate() const { return isolate_; }
  // Needs a HandleScope on the caller's stack.
  v8::Local<v8::Context> context() const;

  // Runs a classic script; the value of its last expression.
  absl::StatusOr<v8::Global<v8::Value>> ExecuteScript(absl::string_view name,
                                                      absl::string_view source);

  // Whether code given as a string (`-e`) needs an ES module, by Node 20's
  // rule for input of no declared type: it fails to compile as a script for
  // syntax only a module allows (import, export, import.meta), or for
  // top-level await and then compiles as a module. Compiles, never runs.
  absl::StatusOr<bool> HasModuleSyntax(absl::string_view source);

  // Loads and instantiates a module graph without evaluating it; returns the
  // module's URL. `source`, when given, is used instead of reading the file.
  absl::StatusOr<std::string> LoadMainModule(absl::string_view path,
                                             std::optional<std::string> source = std::nullopt);
  absl::StatusOr<std::string> LoadSideModule(absl::string_view path,
                                             std::optional<std::string> source = std::nullopt);

  // Evaluates a loaded module, running the event loop until its top-level await
  // (if any) settles.
  absl::Status EvaluateModule(absl::string_view url);

  // A snapshot build's: loads core-js's built-ins (language.js) into the heap
  // when a file read so far names one of them, so the restored program does
  // not compile core-js at its first call; a heap that never uses them stays
  // ~230 KB smaller (hello's restore: 1.05M fewer instructions). Likewise
  // compiles process.stdout's and stderr's stream code when a file names
  // them (their first write after a restore: 62 M -> 14 M instructions).
  absl::Status PreloadNamedBuiltins();

  // Whether the main module exports a function named `main`.
  bool MainHasMainExport();
  // The build-time warm-up hook: calls the main module's `warmup()`, if it
  // exports one, and awaits it. Returns whether there was one. `build` calls it
  // before writing the heap (so what it compiles and computes is in the
  // snapshot) and `run` from source calls it at the same point.
  absl::StatusOr<bool> CallWarmUp();
  const std::string& main_module_url() const { return main_url_; }
  // How many modules the module map holds (ES, JSON, CommonJS, builtin).
  size_t LoadedModuleCount() const { return modules_ ? modules_->urls().size() : 0; }

  // Sets toysnap.args and process.argv ([execPath, entry_path, ...args]), as
  // CallMain does; for a script run as Node runs one, before its top level.
  absl::Status SetArgs(const std::vector<std::string>& args, absl::string_view entry_path);

  // Calls the main module's `main(args)` and awaits the result. Also sets
  // toysnap.args and process.argv.
  absl::Status CallMain(const std::vector<std::string>& args);

  // What a program's process lives through after main(), as under Node: the
  // event loop until it empties, 'beforeExit' (whose listeners may add work,
  // and the loop goes on) until none does, then 'exit'. Not at build time:
  // the program goes on after the restore.
  absl::Status RunUntilExit();

  // Runs microtasks and due timers once; true while work is pending.
  absl::StatusOr<bool> PollEventLoop();
  absl::Status RunEventLoop(LoopMode mode = LoopMode::kUntilIdle);
  // Describes pending timers and other work keeping the loop alive.
  std::vector<std::string> DescribePendingWork();

  // Runs the event loop until `value`, if a promise, settles; its result.
  absl::StatusOr<v8::Global<v8::Value>> ResolveValue(const v8::Global<v8::Value>& value);

  absl::StatusOr<v8::Global<v8::Value>> CallFunction(const v8::Global<v8::Function>& function,
                                                     const std::vector<v8::Global<v8::Value>>& args);

  // Set once JS called process.exit()/toysnap.exit(); further calls return an
  // error status whose message is kExitRequested.
  std::optional<int> exit_code() const { return exit_code_; }
  // process.exitCode as set by the program (0 when unset).
  int RequestedExitCode();

  // NativeHost:
  void Print(int fd, absl::string_view text) override;
  void RequestExit(int code) override;
  const PathMap& path_map() const override { return options_.path_map; }
  bool preserve_symlinks() const override { return options_.preserve_symlinks; }
  bool console_enabled() const override { return options_.console; }
  void RecordFileRead(absl::string_view path, absl::string_view content) override;
  void RecordFileProbe(absl::string_view path, int kind) override;
  absl::StatusOr<std::unique_ptr<SiblingRuntime>> NewSibling(SiblingOptions options) override;

  // What the program read or probed so far, by recorded path, sorted; only a
  // runtime whose heap becomes a snapshot records them.
  std::vector<FileInput> FileInputs() const;

  // Thread-safe: TerminationHandle::Terminate() on this runtime. Every call
  // running or made later then fails with kAborted, "terminated by the host".
  void Terminate() { termination_->Terminate(); }
  std::shared_ptr<TerminationHandle> termination_handle() const { return termination_; }

  static Runtime* From(v8::Isolate* isolate);
  // For the isolate's promise-reject and message callbacks.
  EventLoop* loop() const { return loop_.get(); }

 private:
  struct IsolateDeleter {
    void operator()(v8::Isolate* isolate) const { isolate->Dispose(); }
  };

  friend class SnapshottingRuntime;
  friend class Sibling;  // sibling.cc

  Runtime(const V8Process& process, const RuntimeOptions& options, v8::Isolate* isolate);
  // The built-in extensions and the embedder's, composed; check its status().
  static std::unique_ptr<ExtensionRegistry> NewRegistry(const RuntimeOptions& options);
  // A runtime on the isolate of a SnapshotCreator, which owns the isolate; the
  // creator's owner also owns `registry` and `isolate_data`, attached to it.
  static absl::StatusOr<std::unique_ptr<Runtime>> CreateOnCreatorIsolate(
      const V8Process& process, v8::SnapshotCreator* creator, const RuntimeOptions& options,
      const ExtensionRegistry* registry, IsolateData* isolate_data);
  // Hands the context and module graph to `creator`; the metadata the container
  // needs. Only SnapshottingRuntime calls it, and destroys the runtime after;
  // `repairs` (not owned, may be null) counts CreateBlob's empty-buffer repairs.
  absl::StatusOr<SnapshotMetadata> HandToCreator(v8::SnapshotCreator* creator,
                                                 ArrayBufferRepairs* repairs = nullptr);
  // Creates and owns the registry and isolate data (fresh and restored runtimes).
  absl::Status OwnExtensions();
  void InstallIsolateHooks();
  // Evaluates the runtime's JavaScript, then the embedder's bootstrap code;
  // `snapshotting` for a SnapshotCreator's isolate.
  absl::Status Bootstrap(bool snapshotting);
  absl::Status RestoreFromSnapshot(const SnapshotMetadata& metadata);
  absl::Status AttachInternals(v8::Local<v8::Object> internals);
  // setArgs with `args` as a JS array (returned in `out`, main's argument).
  absl::Status PassArgs(v8::Local<v8::Context> context, const std::vector<std::string>& args,
                        absl::string_view entry_path, v8::Local<v8::Array>* out);
  absl::Status CallInternal(absl::string_view name, std::vector<v8::Local<v8::Value>> args,
                            v8::Local<v8::Value>* result = nullptr);
  absl::Status StatusFromTryCatch(const v8::TryCatch& try_catch);
  absl::StatusOr<v8::Local<v8::Value>> AwaitLocal(v8::Local<v8::Value> value);
  // The main module's export `name` if it is a function; needs a ContextScope.
  v8::MaybeLocal<v8::Function> MainExportedFunction(const char* name);
  absl::StatusOr<std::string> LoadModule(absl::string_view path, std::optional<std::string> source);
  absl::Status CheckUsable() const;
  // Files in the CommonJS require cache (empty if the bootstrap has none).
  std::vector<std::string> CommonJsModules();
  // Names why JS stopped (exit(), heap or time limit) when it was terminated.
  absl::Status Explain(absl::Status status) const;
  // For siblings (sibling.cc): calls internals[name]() and awaits its result;
  // runs `work` with the context entered.
  absl::Status CallStartHook(absl::string_view name);
  void InContext(const std::function<void(v8::Local<v8::Context>)>& work);

  const V8Process& process_;
  RuntimeOptions options_;
  Clock clock_;  // what JS reads as time; IsolateData and the loop point here
  // The registry's table and the isolate data outlive the isolate: the
  // destructor disposes the isolate before these members go.
  // Null when snapshotting or when the runtime has only the built-in extensions.
  std::unique_ptr<ExtensionRegistry> owned_registry_;
  const ExtensionRegistry* registry_ = nullptr;
  std::unique_ptr<IsolateData> owned_isolate_data_;  // null when snapshotting
  IsolateData* isolate_data_ = nullptr;
  SharedBytes blob_;  // shared, immutable; outlives the isolate
  // A restored runtime's source slots (reading the container's bytes) and the
  // external-reference table that names them; both outlive the isolate.
  std::unique_ptr<ExternalSources> sources_;
  std::vector<intptr_t> references_;
  // What a restored runtime was restored with (its file inputs left out), so
  // a sibling can be restored from the same blob; null for fresh runtimes.
  std::shared_ptr<const SnapshotMetadata> metadata_;
  v8::StartupData startup_data_{nullptr, 0};
  // Shared with every ArrayBuffer's memory, which may move to another
  // runtime's isolate (postMessage transfers) and outlive this one.
  std::shared_ptr<v8::ArrayBuffer::Allocator> allocator_;
  std::unique_ptr<v8::Isolate, IsolateDeleter> owned_isolate_;  // null when snapshotting
  v8::Isolate* isolate_;  // owned_isolate_ or the SnapshotCreator's
  v8::Global<v8::Context> context_;
  v8::Global<v8::Object> internals_;  // the bootstrap JS's shared object
  std::unique_ptr<ModuleLoader> modules_;
  std::unique_ptr<ExecutionGuard> guard_;
  std::unique_ptr<EventLoop> loop_;
  std::string main_url_;
  std::optional<int> exit_code_;
  std::map<std::string, FileInput> file_inputs_;  // by recorded path
  bool language_features_named_ = false;  // a recorded file names one (RecordFileRead)
  bool stdio_named_ = false;              // one names process.stdout or stderr
  bool stdio_warmed_ = false;
  // Shared with hosts' threads; detached before the isolate goes.
  std::shared_ptr<TerminationHandle> termination_ = std::make_shared<TerminationHandle>();
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_RUNTIME_H_
