// Signal handlers for the CLI (see process_guards.h). A handler may only
// write(2) and _exit(2), so each message is built before its signal can arrive.
#include "tools/process_guards.h"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace toysnap {
namespace {

char truncation_message[512];
size_t truncation_message_size = 0;

void OnSigbus(int) {
  ssize_t ignored = write(2, truncation_message, truncation_message_size);
  (void)ignored;
  _exit(1);
}

constexpr int kAbortSignals[] = {SIGTRAP, SIGABRT, SIGILL};

void OnSerializationAbort(int) {
  static const char kMessage[] =
      "\ntoysnap: V8 could not serialize the heap: it holds an object a snapshot cannot "
      "contain (an Intl formatter or collator, a FinalizationRegistry registration, a "
      "WeakRef target kept alive, ...). Create such objects in main() instead.\n";
  ssize_t ignored = write(2, kMessage, sizeof(kMessage) - 1);
  (void)ignored;
  _exit(1);
}

struct sigaction HandlerAction(void (*handler)(int)) {
  struct sigaction action = {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  return action;
}

}  // namespace

TruncationGuard::TruncationGuard(const std::string& path) {
  std::string message =
      absl::StrCat("toysnap: ", path, ": the file was truncated while it was being read\n");
  truncation_message_size = std::min(message.size(), sizeof(truncation_message));
  std::memcpy(truncation_message, message.data(), truncation_message_size);
  struct sigaction action = HandlerAction(OnSigbus);
  sigaction(SIGBUS, &action, &previous_);
}

TruncationGuard::~TruncationGuard() { sigaction(SIGBUS, &previous_, nullptr); }

void IgnoreSigpipe() { signal(SIGPIPE, SIG_IGN); }

void IgnoreSigxfsz() { signal(SIGXFSZ, SIG_IGN); }

void TuneMallocForLargeBuffers() {
  // Both together: setting either one turns off glibc's dynamic threshold,
  // and alone each is slower than the default.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum on 64-bit
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

SerializationAbortGuard::SerializationAbortGuard() {
  static_assert(sizeof(kAbortSignals) / sizeof(kAbortSignals[0]) == kSignals);
  struct sigaction action = HandlerAction(OnSerializationAbort);
  for (int i = 0; i < kSignals; ++i) sigaction(kAbortSignals[i], &action, &previous_[i]);
}

SerializationAbortGuard::~SerializationAbortGuard() {
  for (int i = 0; i < kSignals; ++i) sigaction(kAbortSignals[i], &previous_[i], nullptr);
}

}  // namespace toysnap
