// Runtime::NewSibling: a runtime made like this one for another thread
// (sibling_runtime.h), restored from the same snapshot blob where it can be.
#include <algorithm>
#include <utility>

#include "runtime/runtime.h"

namespace toysnap {

class Sibling final : public SiblingRuntime {
 public:
  Sibling(const V8Process& process, RuntimeOptions options, SharedBytes blob,
          std::shared_ptr<const SnapshotMetadata> metadata, SiblingOptions sibling)
      : process_(process),
        options_(std::move(options)),
        blob_(std::move(blob)),
        metadata_(std::move(metadata)),
        sibling_(std::move(sibling)),
        thread_id_(process.NewThreadId()) {}

  int thread_id() const override { return thread_id_; }

  SiblingExit Run() override {
    SiblingExit exit;
    exit.restored = metadata_ != nullptr;
    absl::StatusOr<std::unique_ptr<Runtime>> made =
        metadata_ != nullptr ? Runtime::CreateFromSnapshot(process_, blob_, *metadata_, options_)
                             : Runtime::Create(process_, options_);
    if (!made.ok()) {
      exit.code = 1;
      exit.status = made.status();
      return exit;
    }
    Runtime& runtime = **made;
    if (sibling_.on_created) sibling_.on_created(runtime.isolate());
    absl::Status status = runtime.CallStartHook(sibling_.start_hook);
    if (status.ok()) status = runtime.RunUntilExit();
    // As a process ends: exit(n) wins, then a failure, then process.exitCode.
    if (absl::IsCancelled(status) && runtime.exit_code()) {
      exit.code = *runtime.exit_code();
      status = absl::OkStatus();
    } else if (!status.ok()) {
      exit.code = 1;
    } else {
      exit.code = runtime.RequestedExitCode();
    }
    exit.status = status;
    if (sibling_.on_ended) {
      runtime.InContext([&](v8::Local<v8::Context> context) { sibling_.on_ended(context, status); });
    }
    made->reset();
    return exit;
  }

 private:
  const V8Process& process_;
  RuntimeOptions options_;
  SharedBytes blob_;
  std::shared_ptr<const SnapshotMetadata> metadata_;  // null: bootstrap fresh
  SiblingOptions sibling_;
  const int thread_id_;
};

absl::StatusOr<std::unique_ptr<SiblingRuntime>> Runtime::NewSibling(SiblingOptions sibling) {
  RuntimeOptions options = options_;
  options.env = sibling.env;
  if (sibling.max_heap_mb) options.max_heap_mb = *sibling.max_heap_mb;
  std::shared_ptr<const SnapshotMetadata> metadata = metadata_;
  if (metadata != nullptr) {
    const std::vector<std::string>& esm = metadata->modules;
    const std::vector<std::string>& cjs = metadata->commonjs_modules;
    bool in_graph =
        (!sibling.entry_url.empty() &&
         std::find(esm.begin(), esm.end(), sibling.entry_url) != esm.end()) ||
        (!sibling.entry_path.empty() &&
         std::find(cjs.begin(), cjs.end(), sibling.entry_path) != cjs.end());
    if (in_graph) metadata = nullptr;
  }
  SharedBytes blob = metadata != nullptr ? blob_ : SharedBytes();
  return std::unique_ptr<SiblingRuntime>(new Sibling(process_, std::move(options), std::move(blob),
                                                     std::move(metadata), std::move(sibling)));
}

}  // namespace toysnap
