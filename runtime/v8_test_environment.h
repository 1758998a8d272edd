// For gtest binaries that use V8: initializes it once for the whole binary
// (V8 allows one initialization per process). Include from tests only.
#ifndef TOYSNAP_RUNTIME_V8_TEST_ENVIRONMENT_H_
#define TOYSNAP_RUNTIME_V8_TEST_ENVIRONMENT_H_

#include <memory>

#include "gtest/gtest.h"
#include "runtime/v8_process.h"

namespace toysnap {

class V8TestEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { Slot() = V8Process::Initialize(); }
  void TearDown() override { Slot().reset(); }

  // The binary's V8Process, for Runtime::Create and friends; valid in tests.
  static const V8Process& Process() { return *Slot(); }

 private:
  static std::unique_ptr<V8Process>& Slot() {
    static std::unique_ptr<V8Process> process;
    return process;
  }
};

// Shorthand for tests.
inline const V8Process& TestV8() { return V8TestEnvironment::Process(); }

// Registers the environment; use once per test binary at namespace scope:
//   const auto* const kV8 = RegisterV8TestEnvironment();
inline ::testing::Environment* RegisterV8TestEnvironment() {
  return ::testing::AddGlobalTestEnvironment(new V8TestEnvironment);
}

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_V8_TEST_ENVIRONMENT_H_
