// The snapshot builder: a SnapshottingRuntime evaluated, then its heap in a container.
#include "snapshot/builder/snapshot_builder.h"

#include <sys/stat.h>

#include <chrono>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/match.h"
#include "runtime/snapshotting_runtime.h"
#include "runtime/toolchain.h"
#include "snapshot/base/checksum.h"
#include "snapshot/base/file_io.h"
#include "snapshot/base/status_macros.h"

namespace toysnap {
namespace {

// Runs the loop until nothing is pending. An interval would keep it alive
// forever, so it is refused by name instead of waited on; so is anything
// still open (a file), which a snapshot cannot hold.
absl::Status DrainEventLoop(Runtime& runtime) {
  RETURN_IF_ERROR(runtime.RunEventLoop(LoopMode::kUntilOnlyIntervals));
  std::vector<std::string> work = runtime.DescribePendingWork();
  if (work.empty()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "work is still pending or open at build time, and a snapshot cannot hold it:\n  ",
      absl::StrJoin(work, "\n  "),
      "\nclear intervals and close files before the entry module finishes, "
      "or create them in main()"));
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
  explicit StageTimer(const BuildOptions& options,
                      std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now())
      : options_(options), start_(start) {}
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
  std::chrono::steady_clock::time_point start_;
};

std::string MiB(size_t bytes) { return absl::StrFormat("%.2f MiB", bytes / 1048576.0); }

// Loads, evaluates, warms up and drains: everything before the heap is written.
absl::Status EvaluateProgram(Runtime& runtime, const BuildOptions& options, StageTimer& timer) {
  timer.Done("bootstrapped the runtime");
  absl::StatusOr<std::string> url = runtime.LoadMainModule(options.entry);
  if (!url.ok()) return url.status();
  timer.Done(absl::StrCat("resolved and compiled the module graph (",
                          runtime.LoadedModuleCount(), " modules)"));
  // Before the program's code runs (core-js takes the built-ins as it finds
  // them), and again after for the files it required or imported dynamically.
  absl::Status status = runtime.PreloadNamedBuiltins();
  if (status.ok()) status = runtime.EvaluateModule(*url);
  if (status.ok()) status = DrainEventLoop(runtime);
  if (!status.ok()) return ExplainExit(status, runtime);
  timer.Done("evaluated it and drained the event loop");
  absl::StatusOr<bool> warmed = runtime.CallWarmUp();
  status = warmed.status();
  if (status.ok() && *warmed) status = DrainEventLoop(runtime);
  if (!status.ok()) return ExplainExit(status, runtime);
  if (*warmed) timer.Done("ran warmup() and drained the event loop");
  // Its warm-ups' stream callbacks run now, not after a restore.
  status = runtime.PreloadNamedBuiltins();
  if (status.ok()) status = DrainEventLoop(runtime);
  if (!status.ok()) return ExplainExit(status, runtime);
  if (!runtime.MainHasMainExport() && options.warn) {
    options.warn(absl::StrCat("warning: ", options.entry,
                              " exports no main function; `toysnap run` will only restore it"));
  }
  return absl::OkStatus();
}

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

SnapshotBuild::SnapshotBuild(const BuildOptions& options,
                             std::unique_ptr<SnapshottingRuntime> snapshotting)
    : options_(options), snapshotting_(std::move(snapshotting)) {}

SnapshotBuild::~SnapshotBuild() = default;

absl::StatusOr<std::unique_ptr<SnapshotBuild>> SnapshotBuild::Evaluate(
    const V8Process& process, const BuildOptions& options) {
  auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::unique_ptr<SnapshottingRuntime> snapshotting,
                   SnapshottingRuntime::Create(process, options.runtime));
  std::unique_ptr<SnapshotBuild> build(new SnapshotBuild(options, std::move(snapshotting)));
  StageTimer timer(options, start);
  RETURN_IF_ERROR(EvaluateProgram(build->snapshotting_->runtime(), options, timer));
  return build;
}

absl::StatusOr<BuildResult> SnapshotBuild::Serialize() && {
  StageTimer timer(options_);
  ASSIGN_OR_RETURN(SerializedSnapshot serialized, std::move(*snapshotting_).Serialize());
  snapshotting_.reset();
  serialized.metadata.options_hash = OptionsHash(options_);
  BuildResult result;
  result.blob_size = serialized.blob.size();
  size_t source_bytes = 0;
  for (const SharedBytes& source : serialized.metadata.sources) source_bytes += source.size();
  timer.Done(absl::StrCat(
      "serialized a ", MiB(result.blob_size), " heap",
      serialized.metadata.sources.empty()
          ? ""
          : absl::StrCat(" (", serialized.metadata.sources.size(), " module sources, ",
                         MiB(source_bytes), ", kept outside it)")));
  ASSIGN_OR_RETURN(result.container, EncodeContainer(CurrentToolchain(), serialized.metadata,
                                                     serialized.blob.view(), options_.encode));
  timer.Done(options_.encode.compression == Compression::kZstd
                 ? absl::StrCat("compressed to ", MiB(result.container.size()), " (zstd -",
                                options_.encode.level, ")")
                 : absl::StrCat("stored ", MiB(result.container.size()), " uncompressed"));
  result.metadata = std::move(serialized.metadata);
  return result;
}

absl::StatusOr<BuildResult> BuildSnapshot(const V8Process& process, const BuildOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<SnapshotBuild> build, SnapshotBuild::Evaluate(process, options));
  return std::move(*build).Serialize();
}

}  // namespace toysnap
