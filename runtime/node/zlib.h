// The `zlib` extension: Node's zlib module on zlib and brotli (the libraries
// libnode itself loads): compression handles as native classes whose work
// runs inline (sync forms) or on libuv's thread pool (callback and stream
// forms), and runtime/js/zlib*.js. Registered by runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_ZLIB_H_
#define TOYSNAP_RUNTIME_NODE_ZLIB_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& ZlibExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_ZLIB_H_
