// The node extension: Node builtins for npm code (path, events, util, assert,
// os, url, module, fs, timers, crypto) in runtime/js/builtins.js, EventEmitter
// in runtime/js/events.js. Registered in builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_BUILTINS_H_
#define TOYSNAP_RUNTIME_NODE_BUILTINS_H_

#include "runtime/extension.h"

namespace toysnap {

const Extension& NodeBuiltinsExtension();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_NODE_BUILTINS_H_
