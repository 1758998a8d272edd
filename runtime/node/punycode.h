// The punycode extension: Node's deprecated `punycode` builtin, which is npm's
// punycode 2.3.0 built in (runtime/js/punycode.js). Registered in
// builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_PUNYCODE_H_
#define TOYSNAP_RUNTIME_NODE_PUNYCODE_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& PunycodeExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_PUNYCODE_H_
