// Diffie-Hellman in a Runtime, fresh and restored from a snapshot whose
// module made DiffieHellman, DiffieHellmanGroup and ECDH objects at build
// time (their numbers and points are their snapshot state): they keep their
// keys and agree after the restore; hostile primes, keys, points, SPKACs and
// forged receivers or handles give errors, never a crash (ASan in tools/test).
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

constexpr char kMain[] = "/crypto_dh_test/main.mjs";
constexpr char kModule[] = R"(import crypto from 'node:crypto';
globalThis.crypto2 = crypto;
const modp2 = crypto.getDiffieHellman('modp2');
globalThis.dh = crypto.createDiffieHellman(modp2.getPrime(), 2);
dh.setPrivateKey(Buffer.alloc(16, 0xa1));
globalThis.dhPublic = dh.generateKeys('hex');
globalThis.bare = crypto.createDiffieHellman(modp2.getPrime(), 5);
globalThis.group = crypto.createDiffieHellmanGroup('modp5');
group.generateKeys();
globalThis.ecdh = crypto.createECDH('secp256k1');
ecdh.setPrivateKey('cafebabe'.repeat(8), 'hex');
globalThis.publicOnly = crypto.createECDH('prime256v1');
publicOnly.setPublicKey(crypto.createECDH('prime256v1').generateKeys());
globalThis.empty = crypto.createECDH('secp384r1');
)";

using Mode = RuntimeMode;

class CryptoDhTest : public ::testing::TestWithParam<Mode> {
 protected:
  std::unique_ptr<Runtime> Make() {
    return RuntimeWithModuleOrFail(GetParam(), QuietRuntimeOptions(), kMain, kModule);
  }
};

TEST_P(CryptoDhTest, ObjectsMadeByTheModuleKeepTheirKeys) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(AwaitOrError(*runtime, "dh.getPrivateKey('hex') + ' ' + (dh.getPublicKey('hex') === dhPublic)"),
            "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1 true");
  EXPECT_EQ(AwaitOrError(*runtime, R"(
    const dhPeer = crypto2.createDiffieHellman(dh.getPrime(), dh.getGenerator());
    dhPeer.generateKeys();
    dh.computeSecret(dhPeer.getPublicKey()).equals(dhPeer.computeSecret(dhPublic, 'hex')) + ' ' + dh.verifyError)"),
            "true 0");
  EXPECT_EQ(AwaitOrError(*runtime, "[bare.getGenerator('hex'), bare.verifyError, "
                                   "(() => { try { bare.getPublicKey(); } catch (e) { return e.code; } })()].join()"),
            "05,0,ERR_CRYPTO_INVALID_STATE");
  EXPECT_EQ(AwaitOrError(*runtime, R"(
    const other = crypto2.getDiffieHellman('modp5');
    other.generateKeys();
    group.computeSecret(other.getPublicKey()).equals(other.computeSecret(group.getPublicKey())) &&
      group instanceof crypto2.DiffieHellmanGroup && group.setPublicKey === undefined)"),
            "true");
  EXPECT_EQ(AwaitOrError(*runtime, "ecdh.getPublicKey('hex', 'compressed')"),
            "03672a31bfc59d3f04548ec9b7daeeba2f61814e8ccc40448045007f5479f693a3");
  EXPECT_EQ(AwaitOrError(*runtime, R"(
    const ecdhPeer = crypto2.createECDH('secp256k1');
    ecdhPeer.setPrivateKey('deadbeef'.repeat(8), 'hex');
    ecdh.computeSecret(ecdhPeer.getPublicKey(), null, 'hex'))"),
            "1da220b5329bbe8bfd19ceef5a5898593f411a6f12ea40f2a8eead9a5cf59970");
  EXPECT_EQ(AwaitOrError(*runtime, R"(
    const codes = [];
    for (const f of [() => publicOnly.getPrivateKey(), () => empty.getPublicKey(), () => empty.getPrivateKey()]) {
      try { f(); codes.push('none'); } catch (e) { codes.push(e.message); }
    }
    [publicOnly.getPublicKey().length, ...codes].join())"),
            "65,Failed to get ECDH private key,Failed to get ECDH public key,Failed to get ECDH private key");
}

TEST_P(CryptoDhTest, HostileInputGivesErrors) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(AwaitOrError(*runtime, R"(
    const handle = (object) => object[Object.getOwnPropertySymbols(object)[0]];
    const dhHandle = handle(dh);
    const ecdhHandle = handle(ecdh);
    const results = [];
    const attempts = [
      () => crypto2.createDiffieHellman(Buffer.alloc(5000, 0xff)),
      () => crypto2.createDiffieHellman(2 ** 31 - 1),
      () => crypto2.createDiffieHellman(-5, 2),
      () => crypto2.createDiffieHellman(Buffer.alloc(64, 0xff), Buffer.alloc(4096, 0xff)).verifyError,
      () => dh.computeSecret(Buffer.alloc(1 << 16, 0x55)).length,
      () => crypto2.createDiffieHellman(dh.getPrime()).setPrivateKey(Buffer.alloc(0)).generateKeys().length,
      () => ecdh.computeSecret(Buffer.alloc(1 << 16, 4)),
      () => ecdh.setPublicKey(Buffer.from([4, 1, 2])),
      () => crypto2.ECDH.convertKey(Buffer.alloc(33, 0xff), 'prime256v1'),
      () => crypto2.Certificate.verifySpkac(Buffer.alloc(1 << 16, 0x41)),
      () => String(crypto2.Certificate.exportChallenge('MII' + 'A'.repeat(400))),
      () => dhHandle.computeSecret('not bytes'),
      () => dhHandle.setPublicKey(5),
      () => new dhHandle.constructor(),
      () => new dhHandle.constructor({}, {}),
      () => new ecdhHandle.constructor(Symbol('curve')),
      () => new ecdhHandle.constructor({ toString() { throw new Error('ran'); } }),
      () => dhHandle.getPrime.call(ecdhHandle),
      () => ecdhHandle.getPublicKey(99),
      () => crypto2.DiffieHellman.prototype.generateKeys.call({}),
      () => crypto2.ECDH.prototype.getPublicKey.call(Object.create(crypto2.ECDH.prototype)),
    ];
    for (const attempt of attempts) {
      try { results.push(String(attempt())); } catch (e) { results.push(e.code ?? e.message); }
    }
    results.join(' '))"),
            "ERR_OSSL_DH_MODULUS_TOO_LARGE ERR_OSSL_DH_MODULUS_TOO_LARGE ERR_OSSL_DH_MODULUS_TOO_SMALL 9 128 1 "
            "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY ERR_CRYPTO_OPERATION_FAILED ERR_CRYPTO_OPERATION_FAILED false  "
            "expected an ArrayBuffer or a view of one expected an ArrayBuffer or a view of one "
            "Initialization failed expected an ArrayBuffer or a view of one "
            "ERR_CRYPTO_INVALID_CURVE ERR_CRYPTO_INVALID_CURVE "
            "Illegal invocation Invalid ECDH format "
            "Cannot read properties of undefined (reading 'generateKeys') "
            "Cannot read properties of undefined (reading 'getPublicKey')");
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, CryptoDhTest, ::testing::Values(Mode::kFresh, Mode::kRestored),
                         [](const ::testing::TestParamInfo<Mode>& info) { return RuntimeModeName(info.param); });

}  // namespace
}  // namespace toysnap
