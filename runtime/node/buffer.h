// The buffer extension: Node's `buffer` module (runtime/js/buffer*.js) with
// its encoders, decoders and searches native, where Node has them native.
// Registered in builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_BUFFER_H_
#define TOYSNAP_RUNTIME_NODE_BUFFER_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& BufferExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_BUFFER_H_
