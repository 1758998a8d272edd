// The node extension: Node builtins for npm code (path, events, util, os, url,
// module, timers, crypto) in runtime/js/builtins.js, EventEmitter in
// runtime/js/events.js, util.types in runtime/js/util_types_impl.js. Registered in
// builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_BUILTINS_H_
#define TOYSNAP_RUNTIME_NODE_BUILTINS_H_

#include "runtime/extension.h"

namespace toysnap {

const Extension& NodeBuiltinsExtension();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_NODE_BUILTINS_H_
