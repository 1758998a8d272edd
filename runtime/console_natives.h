// The console extension: console.js and the util.inspect it formats with, and
// their natives (print, promiseDetails). Registered in builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_CONSOLE_NATIVES_H_
#define TOYSNAP_RUNTIME_CONSOLE_NATIVES_H_

#include "runtime/extension.h"

namespace toysnap {

const Extension& ConsoleExtension();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_CONSOLE_NATIVES_H_
