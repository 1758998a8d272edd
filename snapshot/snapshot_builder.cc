// The snapshot builder: SnapshotCreator + Runtime + container encoding.
#include "snapshot/snapshot_builder.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <memory>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/match.h"
#include "runtime/native_classes.h"
#include "runtime/external_references.h"
#include "runtime/toolchain.h"
#include "runtime/v8_process.h"
#include "snapshot/checksum.h"
#include "snapshot/file_io.h"
#include "snapshot/status_macros.h"
#include "v8-snapshot.h"

namespace toysnap {
namespace {

// Runs the loop until nothing is pending. An interval would keep it alive
// forever, so it is refused by name instead of waited on.
absl::Status DrainEventLoop(Runtime& runtime) {
  RETURN_IF_ERROR(runtime.RunEventLoop(LoopMode::kUntilOnlyIntervals));
  std::vector<std::string> work = runtime.DescribePendingWork();
  if (work.empty()) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("work is still pending at build time and would never finish:\n  ",
                   absl::StrJoin(work, "\n  "),
                   "\nclear intervals before the entry module finishes, or start them in main()"));
}

absl::Status ExplainExit(const absl::Status& status, const Runtime& runtime) {
  if (absl::IsCancelled(status) && runtime.exit_code()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the program called exit(", *runtime.exit_code(),
        ") while the snapshot was being built; call it from main() instead"));
  }
  return status;
}

// Reports "<what> in N ms" for each stage when the caller asked for progress.
class StageTimer {
 public:
  explicit StageTimer(const BuildOptions& options) : options_(options) {}
  void Done(absl::string_view what) {
    auto now = std::chrono::steady_clock::now();
    if (options_.progress) {
      options_.progress(absl::StrFormat(
          "%s in %.0f ms", what, std::chrono::duration<double, std::milli>(now - start_).count()));
    }
    start_ = now;
  }

 private:
  const BuildOptions& options_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

std::string MiB(size_t bytes) { return absl::StrFormat("%.2f MiB", bytes / 1048576.0); }

absl::StatusOr<SnapshotMetadata> EvaluateAndExport(v8::SnapshotCreator& creator,
                                                   const BuildOptions& options,
                                                   StageTimer& timer) {
  ASSIGN_OR_RETURN(std::unique_ptr<Runtime> runtime,
                   Runtime::CreateForSnapshotting(&creator, options.runtime));
  timer.Done("bootstrapped the runtime");
  absl::StatusOr<std::string> url = runtime->LoadMainModule(options.entry);
  if (!url.ok()) return url.status();
  timer.Done(absl::StrCat("resolved and compiled the module graph (",
                          runtime->LoadedModuleCount(), " modules)"));
  absl::Status status = runtime->EvaluateModule(*url);
  if (status.ok()) status = DrainEventLoop(*runtime);
  if (!status.ok()) return ExplainExit(status, *runtime);
  timer.Done("evaluated it and drained the event loop");
  absl::StatusOr<bool> warmed = runtime->CallWarmUp();
  status = warmed.status();
  if (status.ok() && *warmed) status = DrainEventLoop(*runtime);
  if (!status.ok()) return ExplainExit(status, *runtime);
  if (*warmed) timer.Done("ran warmup() and drained the event loop");
  bool has_main = runtime->MainHasMainExport();
  if (!has_main && options.warn) {
    options.warn(absl::StrCat("warning: ", options.entry,
                              " exports no main function; `toysnap run` will only restore it"));
  }
  ASSIGN_OR_RETURN(SnapshotMetadata metadata, runtime->ExportForSnapshot(&creator));
  metadata.has_main = has_main;
  return metadata;
}

// V8 aborts (a failed CHECK: SIGTRAP or SIGABRT) when the heap holds an object
// it cannot serialize, e.g. an Intl formatter or a FinalizationRegistry entry.
// While the blob is created, such an abort ends the build with a message and
// exit code 1 instead; nothing has been written yet.
class SerializationAbortGuard {
 public:
  SerializationAbortGuard() {
    struct sigaction action = {};
    action.sa_handler = OnAbort;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < kSignals; ++i) sigaction(kHandled[i], &action, &previous_[i]);
  }
  ~SerializationAbortGuard() {
    for (int i = 0; i < kSignals; ++i) sigaction(kHandled[i], &previous_[i], nullptr);
  }

 private:
  static constexpr int kSignals = 3;
  static constexpr int kHandled[kSignals] = {SIGTRAP, SIGABRT, SIGILL};

  static void OnAbort(int) {
    static const char kMessage[] =
        "\ntoysnap: V8 could not serialize the heap: it holds an object a snapshot cannot "
        "contain (an Intl formatter or collator, a FinalizationRegistry registration, a "
        "WeakRef target kept alive, ...). Create such objects in main() instead.\n";
    ssize_t ignored = write(2, kMessage, sizeof(kMessage) - 1);
    (void)ignored;
    _exit(1);
  }

  struct sigaction previous_[kSignals];
};

uint64_t OptionsHash(const BuildOptions& options) {
  Toolchain toolchain = CurrentToolchain();
  return Checksum64(absl::StrCat(options.options_key, std::string(1, '\0'),
                                 toolchain.toysnap_version, toolchain.v8_version, " ",
                                 toolchain.v8_flags_fingerprint, " ",
                                 toolchain.external_refs_fingerprint));
}

bool InputUnchanged(const FileInput& input, const PathMap& path_map) {
  std::string disk = path_map.ToDisk(input.path);
  struct stat st;
  int kind = 0;
  if (stat(disk.c_str(), &st) == 0) kind = S_ISREG(st.st_mode) ? 1 : S_ISDIR(st.st_mode) ? 2 : 0;
  if (kind != input.kind) return false;
  if (kind != 1) return true;
  absl::StatusOr<std::string> content = ReadFile(disk);
  return content.ok() && Checksum64(*content) == input.content_hash;
}

}  // namespace

bool IsUpToDate(absl::string_view existing, const BuildOptions& options) {
  absl::StatusOr<InspectedContainer> inspected = InspectContainer(existing, CurrentToolchain());
  if (!inspected.ok() || !inspected->body_status.ok() ||
      !inspected->compatibility_status.ok()) {
    return false;
  }
  const SnapshotMetadata& metadata = inspected->metadata;
  if (metadata.file_inputs.empty() || metadata.options_hash != OptionsHash(options)) return false;
  for (const FileInput& input : metadata.file_inputs) {
    if (!InputUnchanged(input, options.runtime.path_map)) return false;
  }
  return true;
}

absl::StatusOr<BuildResult> BuildSnapshot(const BuildOptions& options) {
  StageTimer timer(options);
  v8::SnapshotCreator creator(ExternalReferences());
  // CreateBlob reads native class states, so they outlive the Runtime; free them
  // (and the platform's per-isolate state) before the creator disposes the isolate.
  absl::Cleanup free_native_states = [&creator] {
    DisposeNativeClasses(creator.GetIsolate());
    NotifyIsolateShutdown(creator.GetIsolate());
  };
  ASSIGN_OR_RETURN(SnapshotMetadata metadata, EvaluateAndExport(creator, options, timer));
  metadata.options_hash = OptionsHash(options);
  // Keep compiled code: the point of the snapshot is a warm start.
  v8::StartupData blob;
  {
    SerializationAbortGuard guard;
    blob = creator.CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
  }
  if (blob.data == nullptr || blob.raw_size <= 0) {
    return absl::InternalError("V8 could not serialize the heap");
  }
  std::unique_ptr<const char[]> blob_owner(blob.data);
  BuildResult result;
  result.blob_size = static_cast<size_t>(blob.raw_size);
  timer.Done(absl::StrCat("serialized a ", MiB(result.blob_size), " heap"));
  ASSIGN_OR_RETURN(result.container,
                   EncodeContainer(CurrentToolchain(), metadata,
                                   absl::string_view(blob.data, result.blob_size), options.encode));
  timer.Done(options.encode.compression == Compression::kZstd
                 ? absl::StrCat("compressed to ", MiB(result.container.size()), " (zstd -",
                                options.encode.level, ")")
                 : absl::StrCat("stored ", MiB(result.container.size()), " uncompressed"));
  result.metadata = std::move(metadata);
  return result;
}

}  // namespace toysnap
