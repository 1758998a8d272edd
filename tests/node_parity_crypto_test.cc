// crypto against Node: fixtures in tests/node_parity/crypto/ run by the pinned
// Node and by toysnap from source and from a snapshot (whose module scope
// made hashes and HMACs at build time), and the build that must refuse a
// hash still in use.
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::MakeTempDir;
using toysnap::testing::ProcessResult;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

// Every digest and encoding, copy(), XOF lengths, streams, crypto.hash, errors.
TEST(NodeParityCryptoTest, HashesInEveryEncoding) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto/hash.mjs"), {});
}

TEST(NodeParityCryptoTest, HmacsAndRandomness) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto/hmac_random.mjs"), {});
}

// Sync forms, then callbacks completing from libuv's thread pool.
TEST(NodeParityCryptoTest, KeyDerivation) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto/kdf.mjs"), {});
}

// AES (CBC, CTR, GCM, ...) and ChaCha20-Poly1305 round trips, tags, AAD,
// padding, encodings, streams, getCipherInfo and Node's errors.
TEST(NodeParityCryptoTest, CiphersAndDeciphers) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto/cipher.mjs"), {});
}

// KeyObjects from PEM, DER and JWK and back, generated pairs, Ed25519, ECDSA
// and RSA signatures one-shot and streamed, with Node's errors; keys made at
// build time sign after the restore.
TEST(NodeParityCryptoTest, KeysAndSignatures) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto/keys_sign.mjs"), {});
}

// crypto.subtle: digest, HMAC, AES-GCM, ECDSA, Ed25519 and CryptoKey; a key
// imported by top-level await at build time signs after the restore.
TEST(NodeParityCryptoTest, WebCryptoSubtle) {
  ExpectSameAsNode(Runfile("tests/node_parity/crypto/webcrypto.mjs"), {});
}

// OpenSSL's running state cannot enter a snapshot: a build that ends with a
// hash updated and not digested fails, naming where it was made; one only
// created (or already digested) builds and works after the restore.
TEST(NodeParityCryptoTest, BuildRefusesAHashInUse) {
  std::string dir = MakeTempDir();
  std::string entry = dir + "/app.mjs";
  WriteTextFile(entry, R"(import crypto from 'node:crypto';
const idle = crypto.createHash('sha256');
const pending = crypto.createHmac('sha1', 'key');
pending.update('half');
const cipher = crypto.createCipheriv('aes-128-ctr', Buffer.alloc(16), Buffer.alloc(16));
export function main() { console.log(idle.digest('hex'), pending.digest('hex'), cipher.final('hex')); }
)");
  std::string toysnap = Runfile("tools/toysnap");
  ProcessResult build = RunProcess({toysnap, "build", entry, "-o", dir + "/app.snap"}, dir);
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_THAT(build.err, ::testing::HasSubstr(absl::StrCat(
                             "crypto.Hmac ('sha1', updated and not yet digested: OpenSSL state "
                             "cannot enter a snapshot) created at file://",
                             entry, ":3:24")));
  EXPECT_THAT(build.err, ::testing::HasSubstr(absl::StrCat(
                             "crypto.Cipheriv ('aes-128-ctr', not yet finalized: OpenSSL state "
                             "cannot enter a snapshot) created at file://",
                             entry, ":5:23")));
  EXPECT_THAT(build.err, ::testing::Not(::testing::HasSubstr("'sha256'")));
  ProcessResult source = RunProcess({toysnap, "run", entry}, dir);
  EXPECT_EQ(source.exit_code, 0) << source.err;
  EXPECT_EQ(source.out,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 "
            "59fb6c99cc53c4e8c3c901c250ed200aad044474 \n");
}

}  // namespace
}  // namespace toysnap
