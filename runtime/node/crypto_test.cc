// The crypto extension inside a Runtime, fresh and restored from a snapshot
// whose module made hashes, HMACs, keys and a finished cipher at build time:
// they work after the restore; a runtime destroyed with key derivations on
// the thread pool lets them finish without calling into JS (ASan checks the
// rest); hostile key material and arguments give errors, not crashes.
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;

const auto* const kV8 = RegisterV8TestEnvironment();

constexpr char kMain[] = "/crypto_test/main.mjs";
constexpr char kModule[] = R"(import crypto from 'node:crypto';
globalThis.crypto2 = crypto;
globalThis.idle = crypto.createHash('sha256');
globalThis.hmac = crypto.createHmac('sha1', 'key');
globalThis.done = crypto.createHash('md5').update('x');
globalThis.doneHex = globalThis.done.digest('hex');
globalThis.secret = crypto.createSecretKey(Buffer.from('k'));
globalThis.pair = crypto.generateKeyPairSync('ed25519');
const cipher = crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16));
globalThis.sealed = Buffer.concat([cipher.update('sealed'), cipher.final()]).toString('hex');
)";

using Mode = RuntimeMode;

class CryptoTest : public ::testing::TestWithParam<Mode> {
 protected:
  std::unique_ptr<Runtime> Make() {
    return RuntimeWithModuleOrFail(GetParam(), QuietRuntimeOptions(), kMain, kModule);
  }
};

TEST_P(CryptoTest, ObjectsMadeByTheModuleWork) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(AwaitOrError(*runtime, "idle.update('abc').digest('hex')"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(AwaitOrError(*runtime, "hmac.update('m').digest('base64')"), "mzPYHbohNP9oiZUYtiseb764UwY=");
  EXPECT_EQ(AwaitOrError(*runtime, "doneHex"), "9dd4e461268c8034f5c8564e155c67a6");
  EXPECT_EQ(AwaitOrError(*runtime, "try { done.update('y'); } catch (e) { e.code }"),
            "ERR_CRYPTO_HASH_FINALIZED");
  EXPECT_EQ(AwaitOrError(*runtime, "crypto2.createHmac('sha256', secret).update('').digest('hex').length"),
            "64");
  EXPECT_EQ(AwaitOrError(*runtime, R"(
    const message = Buffer.from('m');
    crypto2.verify(null, message, pair.publicKey, crypto2.sign(null, message, pair.privateKey)) &&
      pair.privateKey.asymmetricKeyType)"),
            "ed25519");
  EXPECT_EQ(AwaitOrError(*runtime, R"(
    const decipher = crypto2.createDecipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16));
    decipher.update(sealed, 'hex', 'utf8') + decipher.final('utf8'))"),
            "sealed");
  EXPECT_EQ(AwaitOrError(*runtime, R"(new Promise((resolve, reject) =>
      crypto2.pbkdf2('pw', 'salt', 1, 8, 'sha256', (e, key) => e ? reject(e) : resolve(key.toString('hex')))))"),
            "6f4ad8c78ec365c0");
}

TEST_P(CryptoTest, HostileInputGivesErrors) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(AwaitOrError(*runtime, R"(
    const results = [];
    const attempts = [
      () => crypto2.createPrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'),
      () => crypto2.createPublicKey({ key: Buffer.alloc(300, 0x30), format: 'der', type: 'spki' }),
      () => crypto2.createPrivateKey({ key: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', d: 'AA' }, format: 'jwk' }),
      () => crypto2.createPrivateKey({ key: { kty: 'RSA', n: 'AA', e: 'AA', d: '', p: '', q: '', dp: '', dq: '', qi: '' }, format: 'jwk' }),
      () => crypto2.verify('sha256', Buffer.from('x'), pair.publicKey, Buffer.alloc(3)),
      () => crypto2.createDecipheriv('aes-256-gcm', Buffer.alloc(32), Buffer.alloc(12)).setAuthTag(Buffer.alloc(99)),
      () => crypto2.createHash('shake256', { outputLength: 2 ** 31 }),
      () => crypto2.scryptSync('p', 's', 16, { N: 2 ** 40 }),
      () => crypto2.createHash('md5').update('zz', 'hex').digest('base64'),
    ];
    for (const attempt of attempts) {
      try { results.push(String(attempt())); } catch (e) { results.push(e.code ?? e.message); }
    }
    results.join(' '))"),
            // As Node: an RSA JWK of nonsense numbers still makes a key.
            "ERR_OSSL_UNSUPPORTED ERR_OSSL_ASN1_TOO_LONG ERR_CRYPTO_INVALID_JWK [object KeyObject] "
            "ERR_OSSL_INVALID_DIGEST ERR_CRYPTO_INVALID_AUTH_TAG ERR_OUT_OF_RANGE ERR_OUT_OF_RANGE "
            "1B2M2Y8AsgTpgAmY7PhCfg==");
}

// Derivations still on the thread pool when the runtime goes finish; their
// completions see the runtime gone and never call into JS.
TEST_P(CryptoTest, ARuntimeDestroyedWithJobsInFlightLetsThemFinish) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_TRUE(runtime
                  ->ExecuteScript("inflight.js", R"(
    for (let i = 0; i < 8; i++) {
      crypto2.pbkdf2('pw', 'salt', 20000, 32, 'sha512', () => { throw new Error('called'); });
      crypto2.scrypt('pw', 'salt', 32, () => { throw new Error('called'); });
      crypto2.randomBytes(64, () => { throw new Error('called'); });
      crypto2.generateKeyPair('ec', { namedCurve: 'P-384' }, () => { throw new Error('called'); });
    })")
                  .ok());
  runtime.reset();
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, CryptoTest, ::testing::Values(Mode::kFresh, Mode::kRestored),
                         [](const ::testing::TestParamInfo<Mode>& info) { return RuntimeModeName(info.param); });

}  // namespace
}  // namespace toysnap
