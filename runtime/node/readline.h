// The readline extension: Node's `readline` and `readline/promises`
// (runtime/js/readline*.js, JavaScript only, compiled on first require).
// Registered in runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_READLINE_H_
#define TOYSNAP_RUNTIME_NODE_READLINE_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& ReadlineExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_READLINE_H_
