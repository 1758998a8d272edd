// Diffie-Hellman for the crypto extension: the native classes DiffieHellman,
// DiffieHellmanGroup (crypto_dh.cc) and ECDH (crypto_ecdh.cc), and the functions of crypto_dh.cc, crypto_ecdh.cc and
// crypto_spkac.cc (crypto.diffieHellman, ECDH.convertKey, Certificate).
// Included by crypto.cc, which lists them in the extension, and by those files.
#ifndef TOYSNAP_RUNTIME_NODE_CRYPTO_DH_H_
#define TOYSNAP_RUNTIME_NODE_CRYPTO_DH_H_

#include <openssl/bn.h>

#include <cstdint>
#include <memory>

#include "absl/types/span.h"
#include "runtime/extension.h"
#include "runtime/native_classes.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-value.h"

namespace toysnap::node {

const NativeClass& CryptoDhClass();
const NativeClass& CryptoDhGroupClass();  // after CryptoDhClass(): its subclass
const NativeClass& CryptoEcdhClass();
absl::Span<const NativeFunction> CryptoDhFunctions();    // crypto_dh.cc
absl::Span<const NativeFunction> CryptoEcdhFunctions();  // crypto_ecdh.cc
absl::Span<const NativeFunction> CryptoSpkacFunctions(); // crypto_spkac.cc

// The bytes of an ArrayBuffer, SharedArrayBuffer or view in `value`, not
// copied: valid until JS runs again. False with an exception pending for
// anything else (a TypeError: the JS callers check types first), or with
// Node's RangeError ERR_OUT_OF_RANGE `too_big` ("prime is too big") when
// there are more bytes than an int32 counts, which Node refuses.
bool DhBytesArg(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* too_big,
                absl::Span<const uint8_t>* out);

// An owned BIGNUM, cleared when freed: it may hold a private key.
struct BnFree {
  void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CRYPTO_DH_H_
