// What crypto_keys.cc shares with key generation (crypto_keygen.cc) and the
// signing code (crypto_sign.cc): the key of a CryptoKeyHandle, its DER, and
// Node's errors for OpenSSL's (crypto_errors.cc). Included by runtime/node/crypto*.cc.
#ifndef TOYSNAP_RUNTIME_NODE_CRYPTO_KEYS_H_
#define TOYSNAP_RUNTIME_NODE_CRYPTO_KEYS_H_

#include <openssl/evp.h>

#include <string>

#include "absl/types/span.h"
#include "runtime/extension.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-value.h"

namespace toysnap::node {

const NativeClass& CryptoKeyHandleClass();
absl::Span<const NativeFunction> CryptoKeyFunctions();
absl::Span<const NativeFunction> CryptoSignFunctions();

// The key's DER: PKCS#8 for a private key, SPKI for a public one ("" on failure).
std::string KeyToDer(EVP_PKEY* pkey, bool is_private);

// Gives `pkey` to an uninitialized CryptoKeyHandle (false: not one, `pkey` not taken).
bool AdoptKey(v8::Local<v8::Value> handle, EVP_PKEY* pkey, bool is_private);

// The asymmetric key of a CryptoKeyHandle (not owned), or null.
EVP_PKEY* KeyOf(v8::Local<v8::Value> handle, bool* is_private);

// Node's `code` for an OpenSSL error: "ERR_OSSL_EVP_INVALID_KEY_LENGTH", or
// "ERR_OSSL_BAD_DECRYPT" for libraries Node does not name; "" if none.
std::string OpenSslErrorCode(unsigned long code);  // NOLINT(runtime/int): OpenSSL's type

// Node's ThrowCryptoError: OpenSSL's oldest queued error as an Error
// ("error:1E08010C:DECODER routines::unsupported", code ERR_OSSL_UNSUPPORTED,
// `library` and `reason`), else an Error with `fallback`. Clears the queue.
void ThrowOpenSslError(v8::Isolate* isolate, const char* fallback);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CRYPTO_KEYS_H_
