// The stream extension: Node's `stream`, `stream/promises` and `string_decoder`
// builtins, npm's readable-stream and string_decoder built in (runtime/js/stream.js
// over the packages' files that //runtime/node:stream_packages_js embeds).
// Registered in runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_STREAM_H_
#define TOYSNAP_RUNTIME_NODE_STREAM_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& StreamExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_STREAM_H_
