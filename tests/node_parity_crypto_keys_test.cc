// crypto's key pairs beyond RSA/EC/EdDSA, AEAD and key-wrap ciphers, key
// parsing edges and WebCrypto's RSA and AES-CBC/CTR against Node: fixtures in tests/node_parity/crypto_keys/ run
// by the pinned Node and by toysnap from source and from a snapshot (whose
// module scope generated RSA-PSS, DSA, DH and explicit-EC pairs).
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

// generateKeyPair(Sync) and promisify for rsa-pss, dsa, dh and explicit EC:
// details, exports, signing, option checks, OpenSSL's errors.
TEST(NodeParityCryptoKeysTest, KeyPairGeneration) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto_keys/keygen.mjs"), {});
}

// CCM and OCB (tags, AAD with plaintextLength, limits, tampering) and
// AES/3DES key wrapping.
TEST(NodeParityCryptoKeysTest, AeadAndKeyWrapCiphers) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto_keys/aead_wrap.mjs"), {});
}

// PKCS#1 private DER read as public, unknown-algorithm SPKI, labelled PEM
// blocks, encrypted keys without a passphrase, malformed DER.
TEST(NodeParityCryptoKeysTest, KeyParsingEdges) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto_keys/key_parsing.mjs"), {});
}

// crypto.subtle's RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP, AES-CBC and AES-CTR
// (CTR's counter wrapping too) and their DOMExceptions; a key imported by
// top-level await at build time encrypts after the restore.
TEST(NodeParityCryptoKeysTest, WebCryptoRsaAndAes) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto_keys/webcrypto_rsa_aes.mjs"), {});
}

// crypto.subtle's HKDF and PBKDF2: import, deriveBits, deriveKey into HMAC
// and AES keys, and their DOMExceptions.
TEST(NodeParityCryptoKeysTest, WebCryptoKeyDerivation) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto_keys/webcrypto_derive.mjs"), {});
}

// crypto.subtle's AES-KW (RFC 3394's vector) and wrapKey/unwrapKey with
// AES-KW, AES-GCM, AES-CBC and RSA-OAEP, raw and JWK.
TEST(NodeParityCryptoKeysTest, WebCryptoKeyWrapping) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto_keys/webcrypto_wrap.mjs"), {});
}

}  // namespace
}  // namespace toysnap
