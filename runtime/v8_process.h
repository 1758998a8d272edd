// Process-wide V8 set-up. Exactly one V8Process lives in main() (or a test
// environment); everything else takes isolates from it, never from a global.
#ifndef TOYSNAP_RUNTIME_V8_PROCESS_H_
#define TOYSNAP_RUNTIME_V8_PROCESS_H_

#include <memory>

#include "absl/strings/string_view.h"
#include "libplatform/libplatform.h"
#include "v8-platform.h"

namespace toysnap {

inline constexpr absl::string_view kToysnapVersion = "0.1.0";

// Flags set before V8 starts, identically for building and restoring: V8 refuses a
// snapshot made under other flags, so they are fingerprinted into the container.
absl::string_view V8Flags();

class V8Process {
 public:
  // Initializes V8 and its platform; V8 allows this once per process.
  static std::unique_ptr<V8Process> Initialize();
  ~V8Process();

  V8Process(const V8Process&) = delete;
  V8Process& operator=(const V8Process&) = delete;

  v8::Platform* platform() const { return platform_.get(); }

 private:
  explicit V8Process(std::unique_ptr<v8::Platform> platform);
  std::unique_ptr<v8::Platform> platform_;  // owned; outlives every isolate
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_V8_PROCESS_H_
