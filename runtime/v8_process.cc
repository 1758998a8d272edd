// Process-wide V8 initialization and the toolchain fingerprint.
#include "runtime/v8_process.h"

#include <string>

#include "absl/strings/str_cat.h"

#include "v8-initialization.h"

namespace toysnap {

absl::string_view V8Flags() {
  // Import assertions carry `assert { type: 'json' }`, which Node 18 also enables.
  // Eager source positions: an Error created at build time whose stack is first
  // read after restore otherwise reports every frame at 1:1.
  // No snapshot checksum in V8: the container's XXH3 checksum has verified these
  // bytes before V8 sees them, and V8's adler32 pass cost ~11% of a large restore.
  // No Sparkplug: it compiles baseline code on the main thread in batches as
  // soon as functions warm up, which a restored heap's first call pays for (3 of
  // 46 ms for TypeScript) and a short-lived CLI never earns back. The
  // interpreter and TurboFan for hot code remain.
  return "--harmony-import-assertions --no-enable-lazy-source-positions "
         "--no-verify-snapshot-checksum --no-sparkplug";
}

std::unique_ptr<V8Process> V8Process::Initialize() {
  std::string flags(V8Flags());
  v8::V8::SetFlagsFromString(flags.data(), flags.size());
  return Start();
}

std::unique_ptr<V8Process> V8Process::InitializeForBuild(uint32_t seed) {
  std::string flags = absl::StrCat(V8Flags(), " --random-seed=",
                                   static_cast<int32_t>(seed & 0x7fffffff) | 1);
  v8::V8::SetFlagsFromString(flags.data(), flags.size());
  return Start();
}

std::unique_ptr<V8Process> V8Process::Start() {
  auto platform = std::make_unique<LoopPlatform>(v8::platform::NewDefaultPlatform());
  v8::V8::InitializePlatform(platform.get());
  v8::V8::Initialize();
  return std::unique_ptr<V8Process>(new V8Process(std::move(platform)));
}

V8Process::V8Process(std::unique_ptr<LoopPlatform> platform) : platform_(std::move(platform)) {}

void V8Process::NotifyIsolateShutdown(v8::Isolate* isolate) const {
  platform_->ForgetIsolate(isolate);
  v8::platform::NotifyIsolateShutdown(platform_->inner(), isolate);
}

V8Process::~V8Process() {
  v8::V8::Dispose();
  v8::V8::DisposePlatform();
}

}  // namespace toysnap
