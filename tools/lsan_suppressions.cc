// LeakSanitizer suppressions, compiled into every binary that starts V8 (through
// //runtime:v8_process), so `--config=asan` holds for a test in any package: a
// suppressions file named in LSAN_OPTIONS is looked up relative to the
// binary's directory, which depends on the package depth. Empty without ASan.
#if defined(__SANITIZE_ADDRESS__)

// LeakSanitizer calls this at start-up when the executable defines it.
extern "C" __attribute__((visibility("default"), used)) const char*
__lsan_default_suppressions() {
  // Only leaks whose allocation stack is inside V8/Node's uninstrumented
  // libnode: V8 keeps process-lifetime allocations (platform, ICU, code pages)
  // it never frees. A leak allocated by our own code alone is never
  // suppressed here.
  return "leak:libnode.so\n";
}

#endif  // defined(__SANITIZE_ADDRESS__)
