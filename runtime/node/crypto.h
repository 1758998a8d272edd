// The crypto extension: Node's `crypto` on OpenSSL 3 (runtime/node/crypto*.cc,
// runtime/js/crypto*.js, compiled on first require). Registered in
// runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_CRYPTO_H_
#define TOYSNAP_RUNTIME_NODE_CRYPTO_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& CryptoExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CRYPTO_H_
