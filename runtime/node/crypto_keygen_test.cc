// Key-pair generation beyond RSA/EC/EdDSA (crypto_keygen.cc), CCM/OCB and key
// wrapping (crypto_cipher.cc) inside a Runtime, fresh and restored from a
// snapshot whose module generated RSA-PSS, DSA, DH and explicit-EC pairs:
// they work after the restore; hostile options and data give errors, not
// crashes; a runtime destroyed with generations in flight (each holding its
// two key handles) lets them finish without calling into JS.
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

constexpr char kMain[] = "/crypto_keygen_test/main.mjs";
constexpr char kModule[] = R"(import crypto from 'node:crypto';
globalThis.crypto2 = crypto;
globalThis.pss = crypto.generateKeyPairSync('rsa-pss', { modulusLength: 1024, hashAlgorithm: 'sha256', saltLength: 16 });
globalThis.dsa = crypto.generateKeyPairSync('dsa', { modulusLength: 1024 });
globalThis.dh = crypto.generateKeyPairSync('dh', { group: 'modp2' });
globalThis.ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256', paramEncoding: 'explicit' });
)";

using Mode = RuntimeMode;

class CryptoKeygenTest : public ::testing::TestWithParam<Mode> {
 protected:
  std::unique_ptr<Runtime> Make() {
    return RuntimeWithModuleOrFail(GetParam(), QuietRuntimeOptions(), kMain, kModule);
  }
};

TEST_P(CryptoKeygenTest, PairsMadeByTheModuleWork) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(AwaitOrError(*runtime, R"(
    const m = Buffer.from('m');
    const signs = (pair) => crypto2.verify('sha256', m, pair.publicKey, crypto2.sign('sha256', m, pair.privateKey));
    JSON.stringify([signs(pss), signs(dsa), signs(ec), pss.privateKey.asymmetricKeyDetails.saltLength,
      pss.publicKey.asymmetricKeyDetails.hashAlgorithm, dsa.publicKey.asymmetricKeyDetails,
      dh.privateKey.asymmetricKeyType, ec.publicKey.asymmetricKeyDetails.namedCurve]))"),
            R"([true,true,true,16,"sha256",{"modulusLength":1024,"divisorLength":224},"dh","prime256v1"])");
}

TEST_P(CryptoKeygenTest, HostileInputGivesErrors) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(AwaitOrError(*runtime, R"(
    const results = [];
    const key = Buffer.alloc(16);
    const attempts = [
      () => crypto2.generateKeyPairSync('dh', { prime: Buffer.alloc(4096, 0xff) }),
      () => crypto2.generateKeyPairSync('dh', { prime: Buffer.alloc(0) }),
      () => crypto2.generateKeyPairSync('dh', { primeLength: 64, generator: 0 }),
      () => crypto2.generateKeyPairSync('dsa', { modulusLength: 0 }),
      () => crypto2.generateKeyPairSync('rsa-pss', { modulusLength: 512, saltLength: 2 ** 31 - 1 }).publicKey.type,
      () => crypto2.generateKeyPairSync('ec', { namedCurve: 'P-256', paramEncoding: 'explicit', publicKeyEncoding: { format: 'jwk' } }).publicKey.kty,
      () => crypto2.createCipheriv('aes-128-ccm', key, Buffer.alloc(12), { authTagLength: 16 }).setAAD(Buffer.alloc(1), { plaintextLength: 2 ** 32 - 1 }),
      () => crypto2.createDecipheriv('aes-128-ocb', key, Buffer.alloc(12), { authTagLength: 16 }).setAuthTag(Buffer.alloc(15)),
      () => crypto2.createDecipheriv('id-aes128-wrap', key, Buffer.alloc(8)).update(Buffer.alloc(7)),
      () => crypto2.createCipheriv('id-aes128-wrap-pad', key, Buffer.alloc(4)).update(Buffer.alloc(0)),
      () => crypto2.createPublicKey({ key: Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]), format: 'der', type: 'pkcs1' }),
      () => crypto2.createPublicKey('-----BEGIN PUBLIC KEY-----\n' + 'A'.repeat(5000) + '\n-----END PUBLIC KEY-----\n'),
    ];
    for (const attempt of attempts) {
      try { results.push(String(attempt())); } catch (e) { results.push(e.code ?? e.message.slice(0, 40)); }
    }
    results.join(' '))"),
            // What Node gives for each (its own CCM check aborts on 2 ** 32 - 1).
            "error:02800067:Diffie-Hellman routines:: error:0280007E:Diffie-Hellman routines:: "
            "error:0280007E:Diffie-Hellman routines:: Key generation job failed public EC "
            "ERR_CRYPTO_INVALID_MESSAGELEN ERR_CRYPTO_INVALID_AUTH_TAG Trying to add data in unsupported state  "
            "ERR_OSSL_UNSUPPORTED ERR_OSSL_ASN1_WRONG_TAG");
}

// Generations still on the thread pool when the runtime goes finish; their
// completions see the runtime gone, never call into JS, and free their keys.
TEST_P(CryptoKeygenTest, ARuntimeDestroyedWithGenerationsInFlightLetsThemFinish) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_TRUE(runtime
                  ->ExecuteScript("inflight.js", R"(
    for (let i = 0; i < 4; i++) {
      crypto2.generateKeyPair('rsa-pss', { modulusLength: 1024 }, () => { throw new Error('called'); });
      crypto2.generateKeyPair('dsa', { modulusLength: 1024 }, () => { throw new Error('called'); });
      crypto2.generateKeyPair('dh', { group: 'modp14' }, () => { throw new Error('called'); });
      crypto2.generateKeyPair('ec', { namedCurve: 'P-384', paramEncoding: 'explicit' }, () => { throw new Error('called'); });
    })")
                  .ok());
  runtime.reset();
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, CryptoKeygenTest, ::testing::Values(Mode::kFresh, Mode::kRestored),
                         [](const ::testing::TestParamInfo<Mode>& info) { return RuntimeModeName(info.param); });

}  // namespace
}  // namespace toysnap
