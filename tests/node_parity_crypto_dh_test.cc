// Diffie-Hellman, ECDH and the legacy Certificate against Node: fixtures in
// tests/node_parity/crypto_dh/ run by the pinned Node and by toysnap from
// source and from a snapshot (whose module scope made keys and objects at
// build time), compared byte for byte.
#include "gtest/gtest.h"
#include "tests/node_parity.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

// createDiffieHellman in every argument form, the modp groups, fixed-key
// secrets and their padding, verifyError, util.inspect and Node's errors.
TEST(NodeParityCryptoDhTest, DiffieHellmanAndGroups) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto_dh/dh.mjs"), {});
}

// ECDH on every curve, point formats, convertKey, the point and key checks,
// and crypto.diffieHellman on DH, EC, X25519 and X448 KeyObjects.
TEST(NodeParityCryptoDhTest, EcdhAndStatelessDiffieHellman) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto_dh/ecdh.mjs"), {});
}

// crypto.Certificate's SPKAC functions, static and on instances.
TEST(NodeParityCryptoDhTest, LegacyCertificate) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto_dh/certificate.mjs"), {});
}

}  // namespace
}  // namespace toysnap
