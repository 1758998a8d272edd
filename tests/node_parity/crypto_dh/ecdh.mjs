// ECDH and crypto.diffieHellman against Node: keys generated, set and
// converted between point formats on several curves, secrets, the point
// checks, ECDH.convertKey, and crypto.diffieHellman on DH, EC, X25519 and
// X448 KeyObjects, with Node's errors for every bad argument. An ECDH key
// set at build time computes the same secret after the restore.
import crypto from 'node:crypto';
import util from 'node:util';

// Fixed keys (made with `openssl genpkey`): two of each kind.
const pems = {
  dh_a: `-----BEGIN PRIVATE KEY-----
MIH4AgEAMIHVBgkqhkiG9w0BAwEwgccCgcEA///////////JD9qiIWjCNMTGYouA
3BzRKQJOCIpnzHQCC76mOxObIlFKCHmONATd75UZs806QxswKwpt8l8UN0/hNW1t
UcJF5IW1dmJefsb0TELppjftawv/XLb0Brft7jhr+1qJn6WunyQRfEsf5kkoZlHs
5Fs9wgB8uKFjvwWY2kg2HFXTmmkWP6j9JM9fg2VdI9yjrZYcYvNWIIVSu57VKQdw
lpZtZww1Tkq8mATxdGwIyiNzJ///////////AgECBBsCGWDfDZ+fIhgP6D+i6xbJ
cOFtYKXOcClyr7I=
-----END PRIVATE KEY-----\n`,
  x_a: `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VuBCIEICgcDiO657TqLQIlGbRmaNCGGteTuiu5pmZ1zA8UWtpi
-----END PRIVATE KEY-----\n`,
  x448_a: `-----BEGIN PRIVATE KEY-----
MEYCAQAwBQYDK2VvBDoEODh3BtuGeHowPcvTqTR/kh3IlJvAzFmsWNG3j8Jos1GE
lavIVtvPw1tfs8id45P/avM900I0xaP9
-----END PRIVATE KEY-----\n`,
  ec_a: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgjyPtKQ20vZNAAHgw
HRO9L3PeS6cu2/SbLXKgbWZRPKOhRANCAARWM/ZNaEPs6uyvlSCO2Ck/fFxVHhjS
QEB1mLl9z9GvhhrJdFVsvxaA/TjMIpWWds2WIIlzes0ZbTrJ611dmdeK
-----END PRIVATE KEY-----\n`,
  dh_b: `-----BEGIN PRIVATE KEY-----
MIH4AgEAMIHVBgkqhkiG9w0BAwEwgccCgcEA///////////JD9qiIWjCNMTGYouA
3BzRKQJOCIpnzHQCC76mOxObIlFKCHmONATd75UZs806QxswKwpt8l8UN0/hNW1t
UcJF5IW1dmJefsb0TELppjftawv/XLb0Brft7jhr+1qJn6WunyQRfEsf5kkoZlHs
5Fs9wgB8uKFjvwWY2kg2HFXTmmkWP6j9JM9fg2VdI9yjrZYcYvNWIIVSu57VKQdw
lpZtZww1Tkq8mATxdGwIyiNzJ///////////AgECBBsCGSpGj06k/HFNoHRYIf1M
9Hwa7Jl2RHdqWT8=
-----END PRIVATE KEY-----\n`,
  x_b: `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VuBCIEIHg8p0jviT6gmjj/NCY80gNn/DpdJXlxBB8Q+8wH1zhS
-----END PRIVATE KEY-----\n`,
  x448_b: `-----BEGIN PRIVATE KEY-----
MEYCAQAwBQYDK2VvBDoEOBDHq8eipW7GAIW0hEiFHj3oFXzGbB5vMYxDbgHebITj
1MAHLc7cDV+ddS5oGXANiotW7R05xLyu
-----END PRIVATE KEY-----\n`,
  ec_b: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgi2pNS6AXEGyFib+J
u5eUGnT2LQ2frwD8Ui53CsbX/TGhRANCAAQzcJIxVI/kJtzD7SimlR6xE0gpI9Ul
dM4/RbHyDv1eaBAlfv4eyBQlbEgL+l58mGcKkzBisEqe5ZbKFYGwdakP
-----END PRIVATE KEY-----\n`
};
const cafebabe = 'cafebabe'.repeat(8);
const builtEcdh = crypto.createECDH('secp256k1');
builtEcdh.setPrivateKey(cafebabe, 'hex');
const builtX25519 = crypto.createPrivateKey(pems.x_a);

function describe(value) {
  if (Buffer.isBuffer(value)) return `<Buffer ${value.length} ${value.toString('hex').slice(0, 64)}>`;
  return typeof value === 'string' ? JSON.stringify(value) : util.inspect(value);
}
function show(label, fn) {
  try {
    console.log(label, describe(fn()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), String(e), e.library, e.reason,
      Object.keys(e).join(','));
  }
}

export function main() {
  const peer = crypto.createECDH('secp256k1');
  peer.setPrivateKey('deadbeef'.repeat(8), 'hex');
  show('built public', () => builtEcdh.getPublicKey('hex'));
  show('built secret', () => builtEcdh.computeSecret(peer.getPublicKey()).toString('hex'));
  show('built x25519', () => crypto.diffieHellman({ privateKey: builtX25519,
    publicKey: crypto.createPublicKey(pems.x_b) }).toString('hex'));

  // Fixed keys on secp256k1: points in every form, secrets in encodings.
  for (const format of ['uncompressed', 'compressed', 'hybrid', undefined, '']) {
    show(`public ${format}`, () => peer.getPublicKey('hex', format));
  }
  show('private', () => peer.getPrivateKey('base64'));
  show('secret from compressed', () => builtEcdh.computeSecret(peer.getPublicKey('hex', 'compressed'), 'hex', 'hex'));
  show('secret from hybrid', () => builtEcdh.computeSecret(peer.getPublicKey(null, 'hybrid'), null, 'base64'));
  show('secret latin1', () => builtEcdh.computeSecret(peer.getPublicKey('latin1'), 'latin1', 'latin1').length);
  show('setPublicKey compressed', () => {
    const e = crypto.createECDH('secp256k1');
    e.setPublicKey(peer.getPublicKey('hex', 'compressed'), 'hex');
    return e.getPublicKey('hex');
  });
  show('mismatched pair', () => {
    const e = crypto.createECDH('secp256k1');
    e.setPrivateKey(cafebabe, 'hex');
    e.setPublicKey(peer.getPublicKey());
    return e.computeSecret(peer.getPublicKey());
  });
  show('setters return this', () => [peer.setPublicKey(peer.getPublicKey()) === peer,
    peer.setPrivateKey(peer.getPrivateKey()) === peer]);
  for (const hex of ['00'.repeat(32), 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141', 'ff'.repeat(33), '']) {
    show(`private ${hex.slice(0, 8)}`, () => peer.setPrivateKey(hex, 'hex'));
  }
  show('state intact', () => peer.getPrivateKey('hex'));
  show('short private key', () => {
    const e = crypto.createECDH('prime256v1');
    e.setPrivateKey(Buffer.from([0, 0, 1]));
    return [e.getPrivateKey(), e.getPublicKey('hex', 'compressed')];
  });

  // Generated keys agree on every curve OpenSSL has.
  show('curves agree', () => {
    const failed = [];
    for (const curve of crypto.getCurves()) {
      const a = crypto.createECDH(curve);
      const b = crypto.createECDH(curve);
      const aPublic = a.generateKeys();
      const bPublic = b.generateKeys('hex', 'compressed');
      if (!a.computeSecret(bPublic, 'hex').equals(b.computeSecret(aPublic))) failed.push(curve);
    }
    return [crypto.getCurves().length, failed];
  });
  show('generateKeys lengths', () => {
    const e = crypto.createECDH('secp384r1');
    return [e.generateKeys().length, e.generateKeys('hex', 'compressed').length, e.getPrivateKey().length <= 48,
      e.computeSecret(e.getPublicKey()).length];
  });

  // ECDH.convertKey.
  const compressed = peer.getPublicKey('hex', 'compressed');
  for (const format of ['uncompressed', 'compressed', 'hybrid', undefined]) {
    show(`convert ${format}`, () => crypto.ECDH.convertKey(compressed, 'secp256k1', 'hex', 'hex', format));
  }
  show('convert to buffer', () => crypto.ECDH.convertKey(Buffer.from(compressed, 'hex'), 'secp256k1'));
  show('convert empty', () => crypto.ECDH.convertKey('', 'secp256k1', 'hex', 'hex'));
  show('convert empty buffer', () => crypto.ECDH.convertKey(Buffer.alloc(0), 'secp256k1'));
  show('convert bad point', () => crypto.ECDH.convertKey('f'.repeat(128), 'secp521r1', 'hex', 'hex', 'compressed'));
  show('convert no key', () => crypto.ECDH.convertKey());
  show('convert no curve', () => crypto.ECDH.convertKey(compressed));
  show('convert bad curve', () => crypto.ECDH.convertKey(compressed, 'badcurve'));
  show('convert P-256', () => crypto.ECDH.convertKey(compressed, 'P-256'));
  show('convert number', () => crypto.ECDH.convertKey(5, 'secp256k1'));
  show('convert bad format', () => crypto.ECDH.convertKey(compressed, 'secp256k1', 'hex', 'hex', 10));

  // The class and Node's errors.
  show('prototype', () => Object.getOwnPropertyNames(crypto.ECDH.prototype));
  show('shape', () => [crypto.ECDH.length, Object.keys(peer), crypto.ECDH('prime256v1') instanceof crypto.ECDH,
    crypto.createECDH('prime256v1') instanceof crypto.ECDH]);
  show('inspect', () => util.inspect(peer));
  show('no curve', () => crypto.createECDH());
  show('curve number', () => crypto.createECDH(5));
  for (const curve of ['nope', 'P-256', 'secp256r1', 'X25519', 'SM2', 'Oakley-EC2N-3', 'sha256']) {
    show(`curve ${curve}`, () => crypto.createECDH(curve) instanceof crypto.ECDH);
  }
  const empty = crypto.createECDH('prime256v1');
  show('no public key', () => empty.getPublicKey());
  show('no private key', () => empty.getPrivateKey());
  show('secret without keys', () => empty.computeSecret(Buffer.alloc(65)));
  empty.generateKeys();
  show('secret of zeros', () => empty.computeSecret(Buffer.alloc(65)));
  show('secret of nothing', () => empty.computeSecret(Buffer.alloc(0)));
  show('secret of another curve', () => empty.computeSecret(peer.getPublicKey()));
  show('secret of a number', () => empty.computeSecret(5));
  show('set bad public key', () => empty.setPublicKey(Buffer.alloc(3)));
  show('bad format', () => empty.getPublicKey('buffer', 10));
  show('bad format name', () => empty.generateKeys('hex', 'weird'));
  show('format 0', () => empty.getPublicKey(null, 0).length);

  // crypto.diffieHellman on KeyObjects.
  const priv = (name) => crypto.createPrivateKey(pems[name]);
  const pub = (name) => crypto.createPublicKey(pems[name]);
  for (const kind of ['dh', 'ec', 'x', 'x448']) {
    show(`stateless ${kind}`, () => {
      const ab = crypto.diffieHellman({ privateKey: priv(`${kind}_a`), publicKey: pub(`${kind}_b`) });
      const ba = crypto.diffieHellman({ privateKey: priv(`${kind}_b`), publicKey: pub(`${kind}_a`) });
      const fromPrivate = crypto.diffieHellman({ privateKey: priv(`${kind}_b`), publicKey: priv(`${kind}_a`) });
      return [ab.equals(ba), ab.equals(fromPrivate), ab.length, ab.toString('hex').slice(0, 32)];
    });
  }
  show('stateless none', () => crypto.diffieHellman());
  show('stateless null', () => crypto.diffieHellman(null));
  show('stateless array', () => crypto.diffieHellman([]));
  show('stateless no public', () => crypto.diffieHellman({ privateKey: priv('x_a') }));
  show('stateless no private', () => crypto.diffieHellman({ publicKey: pub('x_a') }));
  show('stateless string', () => crypto.diffieHellman({ privateKey: pems.x_a, publicKey: pub('x_b') }));
  show('stateless public as private', () => crypto.diffieHellman({ privateKey: pub('x_a'), publicKey: pub('x_b') }));
  show('stateless secret key', () => crypto.diffieHellman({ privateKey: priv('x_a'),
    publicKey: crypto.createSecretKey(Buffer.alloc(16)) }));
  show('stateless x448 and x25519', () => crypto.diffieHellman({ privateKey: priv('x448_a'), publicKey: pub('x_b') }));
  show('stateless ed25519', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    return crypto.diffieHellman({ privateKey, publicKey });
  });
  show('stateless P-256 and P-384', () => crypto.diffieHellman({ privateKey: priv('ec_a'),
    publicKey: crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey }));
  show('stateless zero point', () => crypto.diffieHellman({ privateKey: priv('x_a'), publicKey: crypto.createPublicKey(
    '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n-----END PUBLIC KEY-----') }));
}
