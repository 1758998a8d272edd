// The process extension: process.js (the `process` and `toysnap` globals) and
// exit(). Registered in builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_PROCESS_NATIVES_H_
#define TOYSNAP_RUNTIME_PROCESS_NATIVES_H_

#include "runtime/extension.h"

namespace toysnap {

const Extension& ProcessExtension();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_PROCESS_NATIVES_H_
