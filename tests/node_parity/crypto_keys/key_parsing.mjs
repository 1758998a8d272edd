// Key parsing edges against Node: PKCS#1 DER that holds a private key where a
// public key is consumed, public-key PEM with an algorithm OpenSSL 3.0 does
// not know, a labelled block among other text, an encrypted private key read
// as public (no passphrase prompt), bad input that must throw; getFips,
// setFips(false) and secureHeapUsed.
import crypto from 'node:crypto';

function show(label, fn) {
  try {
    const result = fn();
    console.log(label, Buffer.isBuffer(result) ? result.toString('hex') : JSON.stringify(result));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), e.library ?? '', e.reason ?? '');
  }
}
const pem = (label, der) => `-----BEGIN ${label}-----\n${der.toString('base64').match(/.{1,64}/g).join('\n')}\n-----END ${label}-----\n`;

export function main() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  const privateDer = privateKey.export({ type: 'pkcs1', format: 'der' });
  const publicDer = publicKey.export({ type: 'pkcs1', format: 'der' });
  const plaintext = Buffer.from('secret text');
  show('pkcs1 private as public', () => {
    const sealed = crypto.publicEncrypt({ key: privateDer, format: 'der', type: 'pkcs1' }, plaintext);
    return crypto.privateDecrypt(privateKey, sealed).toString();
  });
  show('pkcs1 public', () => {
    const sealed = crypto.publicEncrypt({ key: publicDer, format: 'der', type: 'pkcs1' }, plaintext);
    return crypto.privateDecrypt({ key: privateDer, format: 'der', type: 'pkcs1' }, sealed).toString();
  });
  show('pkcs1 createPublicKey', () => crypto.createPublicKey({ key: privateDer, format: 'der', type: 'pkcs1' }).type);
  show('pkcs1 garbage', () => crypto.createPublicKey({ key: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]), format: 'der', type: 'pkcs1' }));
  show('pkcs1 truncated', () => crypto.createPublicKey({ key: Buffer.from([0x30, 0x82]), format: 'der', type: 'pkcs1' }));

  // Lengths that do not add up, and a SubjectPublicKeyInfo with OID 1.2.3.4
  // (no such algorithm).
  const malformed = Buffer.from('300c300506032a0304030300010203', 'hex');
  const unknownSpki = Buffer.from('300e300506032a030403050000010203', 'hex');
  show('unknown spki pem', () => crypto.createPublicKey(pem('PUBLIC KEY', unknownSpki)));
  show('unknown spki der', () => crypto.createPublicKey({ key: unknownSpki, format: 'der', type: 'spki' }));
  show('bad spki pem', () => crypto.createPublicKey(pem('PUBLIC KEY', malformed)));
  show('bad certificate pem', () => crypto.createPublicKey(pem('CERTIFICATE', Buffer.from('3003020100', 'hex'))));
  show('no key pem', () => crypto.createPublicKey(pem('SOMETHING ELSE', Buffer.from('3003020100', 'hex'))));
  const spkiPem = publicKey.export({ type: 'spki', format: 'pem' });
  show('block among text', () => crypto.createPublicKey(`preamble\n${spkiPem}trailer\n`).equals(publicKey));
  const rsaPublicPem = publicKey.export({ type: 'pkcs1', format: 'pem' });
  show('rsa public pem', () => crypto.createPublicKey(rsaPublicPem).equals(publicKey));
  const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' });
  show('encrypted as public', () => crypto.createPublicKey(encrypted));
  show('encrypted as public with passphrase', () => crypto.createPublicKey({ key: encrypted, passphrase: 'pw' }).equals(publicKey));
  // FIPS mode off (the machine has no FIPS provider) and the secure heap.
  show('fips', () => [crypto.getFips(), crypto.setFips(false), crypto.setFips(0), crypto.getFips(), crypto.secureHeapUsed()]);
  show('encrypted verify', () => crypto.verify('sha256', plaintext, encrypted, Buffer.alloc(128)));
}
