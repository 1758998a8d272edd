// generateKeyPair(Sync) for rsa-pss, dsa, dh and EC with explicit parameters
// against Node: asymmetricKeyDetails, exports, signing with the keys, the
// option checks and OpenSSL's errors, callbacks and promisify. Keys are
// random, so only what does not depend on the bits is printed. Pairs made at
// build time (module scope) are used after the restore.
import crypto from 'node:crypto';
import util from 'node:util';

const builtPss = crypto.generateKeyPairSync('rsa-pss', { modulusLength: 1024, hashAlgorithm: 'sha256', saltLength: 16 });
const builtDsa = crypto.generateKeyPairSync('dsa', { modulusLength: 1024 });
const builtDh = crypto.generateKeyPairSync('dh', { group: 'modp5' });
const builtEc = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256', paramEncoding: 'explicit' });

function show(label, fn) {
  try {
    const result = fn();
    console.log(label, typeof result === 'object' && result !== null ? util.inspect(result, { depth: 4 }) : JSON.stringify(result));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), e.library ?? '', e.reason ?? '');
  }
}

const message = Buffer.from('a message to sign');
function signs(pair, options = {}) {
  const signature = crypto.sign('sha256', message, { key: pair.privateKey, ...options });
  return crypto.verify('sha256', message, { key: pair.publicKey, ...options }, signature);
}
const pemHead = (pem) => pem.split('\n')[0];

export async function main() {
  // The warnings' text, on stdout (stderr would carry the process id).
  process.emitWarning = (text, type, code) => console.log('warning', type, code, text);
  show('built pss', () => [builtPss.publicKey.asymmetricKeyDetails, signs(builtPss)]);
  show('built dsa', () => [builtDsa.privateKey.asymmetricKeyDetails, signs(builtDsa)]);
  show('built dh', () => [builtDh.publicKey.asymmetricKeyType, builtDh.privateKey.asymmetricKeyDetails,
    builtDh.publicKey.export({ type: 'spki', format: 'pem' }).length > 0]);
  show('built ec', () => [builtEc.publicKey.asymmetricKeyDetails, signs(builtEc),
    builtEc.publicKey.export({ type: 'spki', format: 'der' }).length]);

  // RSA-PSS: restrictions, defaults, and what the key refuses.
  const pss = crypto.generateKeyPairSync('rsa-pss', { modulusLength: 1024, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha384', saltLength: 20 });
  show('pss details', () => [pss.publicKey.asymmetricKeyType, pss.publicKey.asymmetricKeyDetails, pss.privateKey.asymmetricKeyDetails]);
  show('pss hash only', () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, hashAlgorithm: 'sha512' }).publicKey.asymmetricKeyDetails);
  show('pss mgf1 only', () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, mgf1HashAlgorithm: 'sha1' }).publicKey.asymmetricKeyDetails);
  const plain = crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, publicExponent: 3 });
  show('pss no params', () => [plain.publicKey.asymmetricKeyDetails, plain.publicKey.export({ format: 'der', type: 'spki' })[3]]);
  show('pss signs', () => [signs(pss), signs(pss, { saltLength: 32 })]);
  show('pss short salt', () => crypto.sign('sha256', message, { key: pss.privateKey, saltLength: 8 }));
  show('pss wrong digest', () => crypto.sign('sha1', message, pss.privateKey));
  show('pss pkcs1 padding', () => crypto.sign('sha256', message, { key: pss.privateKey, padding: crypto.constants.RSA_PKCS1_PADDING }));
  show('pss encrypt', () => crypto.publicEncrypt(pss.publicKey, Buffer.from('x')));
  show('pss jwk', () => pss.publicKey.export({ format: 'jwk' }));
  show('pss pem', () => [pemHead(pss.publicKey.export({ type: 'spki', format: 'pem' })),
    pemHead(pss.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }))]);
  show('pss reimport', () => crypto.createPublicKey(pss.publicKey.export({ type: 'spki', format: 'pem' })).asymmetricKeyDetails);
  show('pss bad digest', () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, hashAlgorithm: 'nope' }));
  show('pss bad mgf1', () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, mgf1HashAlgorithm: 'nope' }));
  show('pss salt type', () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, saltLength: 'x' }));
  show('pss salt range', () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, saltLength: -1 }));
  show('pss hash type', () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, hashAlgorithm: 1 }));
  show('pss conflicting hash', () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, hash: 'sha1', hashAlgorithm: 'sha256' }));
  show('pss deprecated hash', () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, hash: 'sha256', mgf1Hash: 'sha256' }).publicKey.asymmetricKeyDetails);
  show('pss too small', () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 1 }));

  // DSA.
  const dsa = crypto.generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
  show('dsa details', () => [dsa.publicKey.asymmetricKeyType, dsa.publicKey.asymmetricKeyDetails, signs(dsa), signs(dsa, { dsaEncoding: 'ieee-p1363' })]);
  show('dsa encrypted der', () => {
    const der = dsa.privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-128-cbc', passphrase: 'secret' });
    let missing;
    try { crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }); } catch (e) { missing = [e.name, e.code, e.message]; }
    const back = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8', passphrase: 'secret' });
    return [missing, back.asymmetricKeyDetails, back.equals(dsa.privateKey)];
  });
  show('dsa jwk', () => crypto.generateKeyPairSync('dsa', { modulusLength: 1024, publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { format: 'jwk' } }));
  show('dsa divisor type', () => crypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 'x' }));
  show('dsa bad sizes', () => crypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 3 }));
  show('dsa modulus', () => crypto.generateKeyPairSync('dsa', {}));

  // DH: a group, a prime, a prime length; their conflicts.
  const dh = crypto.generateKeyPairSync('dh', { group: 'modp14' });
  show('dh group', () => [dh.publicKey.asymmetricKeyType, dh.privateKey.asymmetricKeyType, dh.publicKey.asymmetricKeyDetails,
    pemHead(dh.privateKey.export({ type: 'pkcs8', format: 'pem' })), pemHead(dh.publicKey.export({ type: 'spki', format: 'pem' }))]);
  show('dh jwk', () => dh.publicKey.export({ format: 'jwk' }));
  show('dh unknown group', () => crypto.generateKeyPairSync('dh', { group: 'modp99' }));
  show('dh group and prime', () => crypto.generateKeyPairSync('dh', { group: 'modp14', prime: Buffer.from([23]) }));
  show('dh group and length', () => crypto.generateKeyPairSync('dh', { group: 'modp14', primeLength: 512 }));
  show('dh group and generator', () => crypto.generateKeyPairSync('dh', { group: 'modp14', generator: 5 }));
  show('dh prime and length', () => crypto.generateKeyPairSync('dh', { prime: Buffer.from([23]), primeLength: 512 }));
  show('dh nothing', () => crypto.generateKeyPairSync('dh', {}));
  show('dh prime type', () => crypto.generateKeyPairSync('dh', { prime: 'x' }));
  show('dh group type', () => crypto.generateKeyPairSync('dh', { group: 5 }));
  show('dh small prime', () => crypto.generateKeyPairSync('dh', { prime: Buffer.from([23]) }));
  show('dh small length', () => crypto.generateKeyPairSync('dh', { primeLength: 1 }));
  show('dh generator range', () => crypto.generateKeyPairSync('dh', { primeLength: 512, generator: -1 }));
  show('dh prime length 512', () => crypto.generateKeyPairSync('dh', { primeLength: 512 }).privateKey.asymmetricKeyType);

  // EC with explicit parameters, and a curve without an OID.
  const explicit = crypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1', paramEncoding: 'explicit' });
  show('ec explicit', () => [explicit.privateKey.asymmetricKeyDetails, signs(explicit),
    explicit.publicKey.export({ type: 'spki', format: 'der' }).length,
    explicit.privateKey.export({ type: 'sec1', format: 'der' }).length,
    pemHead(explicit.privateKey.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }))]);
  show('ec explicit encoded', () => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384', paramEncoding: 'explicit',
      publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'top' } });
    const back = crypto.createPrivateKey({ key: privateKey, passphrase: 'top' });
    return [pemHead(publicKey), pemHead(privateKey), back.asymmetricKeyDetails, crypto.createPublicKey(publicKey).asymmetricKeyDetails];
  });
  show('ec bad encoding', () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256', paramEncoding: 'other' }));
  if (crypto.getCurves().includes('Oakley-EC2N-3')) {
    const oakley = crypto.generateKeyPairSync('ec', { namedCurve: 'Oakley-EC2N-3' });
    show('no oid key', () => [oakley.privateKey.asymmetricKeyType, oakley.publicKey.type]);
    show('no oid export', () => oakley.publicKey.export({ type: 'spki', format: 'der' }));
    show('no oid encoding', () => crypto.generateKeyPairSync('ec', { namedCurve: 'Oakley-EC2N-3', publicKeyEncoding: { type: 'spki', format: 'der' } }));
  }

  // Callbacks and promisify.
  const generate = util.promisify(crypto.generateKeyPair);
  const asyncPss = await generate('rsa-pss', { modulusLength: 512, saltLength: 8, hashAlgorithm: 'sha1' });
  show('async pss', () => asyncPss.privateKey.asymmetricKeyDetails);
  const asyncDh = await generate('dh', { group: 'modp2', publicKeyEncoding: { type: 'spki', format: 'pem' } });
  show('async dh', () => [pemHead(asyncDh.publicKey), asyncDh.privateKey.asymmetricKeyType]);
  await new Promise((resolve) => crypto.generateKeyPair('dh', { prime: Buffer.from([23]) }, (error) => {
    show('async dh error', () => { throw error; });
    resolve();
  }));
  await new Promise((resolve) => crypto.generateKeyPair('ec', { namedCurve: 'Oakley-EC2N-4', publicKeyEncoding: { type: 'spki', format: 'der' } }, (error) => {
    show('async no oid', () => { if (error) throw error; return 'no error'; });
    resolve();
  }));
}
