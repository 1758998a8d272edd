// The timers extension: timers.js (setTimeout and friends, kept in the JS heap)
// and the monotonic clock it reads. Registered in builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_TIMERS_NATIVES_H_
#define TOYSNAP_RUNTIME_TIMERS_NATIVES_H_

#include "runtime/extension.h"

namespace toysnap {

const Extension& TimersExtension();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_TIMERS_NATIVES_H_
