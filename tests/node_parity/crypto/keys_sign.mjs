// KeyObject, key import/export (PEM, DER, JWK; PKCS#8, SPKI, SEC1, PKCS#1),
// generateKeyPair(Sync) for ed25519/ec/x25519, and sign/verify (one-shot,
// callbacks, createSign/createVerify; DER and IEEE P1363 ECDSA) against Node,
// with fixed keys so outputs are deterministic. Keys made at build time
// (module scope) are used after the restore.
import crypto from 'node:crypto';
import util from 'node:util';

const kEc256 = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgmduUuC+OPzQpoEAy\nrscr2MnyZC1m00uaPcIizosvdT2hRANCAATIa1MBIl6w8CjVXH7ODD6CLBSuIBMB\n3xlv1Ah23hFGwsX0TuS6OkuZucgBE2HYTrkuEs7m8FMWwoxj7jZXYqwB\n-----END PRIVATE KEY-----\n';
const kRsa = '-----BEGIN PRIVATE KEY-----\nMIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAMhyLgXNEqjRBD8p\nhJo+WYVPIwwXQh7Czw1QI3uQF3P+NF7abZu8fBp8jJeyrHaeL2b10mhgwTOidIy/\nyJmgKCmw0tYqXNdvtYnJ7Yfzr6KZ7bqvO+S9+utxZl7QurOwUhYcSdfOsKoDDjPs\nafE478PVpooh1/FEuXHJm98mYZRVAgMBAAECgYAo0nAjCE/Lh73oqyjxTM9ogeRu\nWvJBV4VZfb+sM31DRzsdMjjuZaWUs1bisiXDhpW6z0eJsGLIhEZeP9S3zNFAyBIR\nkNLYec7JMtiHIULjv/7EgWx38ewjF0hva80E1hmzloYFZo3vs9OpKe4eUrIhMSt7\n/iCJAy03xz1JU777wQJBAOfkNV+UxhC4t9GmBp+y8zMxkg84ZOVA9rQeU1o6iGZK\nahz8RqATjJOO4z9FgXaEZpBfQuSzG3B9qBFMs7YbyVECQQDdSQ0bBi/ulfS2Zmyi\n8781RzTgq8zAk6cR89lIWCWNTeWmKQevtcuPKDenYgAnEbLKPiUzgVbhQKkfsKcJ\nOtnFAkAgmice3w3RwAaoBQ2dWk1y/x8n4Kfey3lj7XeOkfgnWYL9vEI5s0XqYQZ2\nGNGQ1iCNX7dJ7ByJfkEo3X3Otq1hAkADSQtdxFi/1RAeCSVBwharptP9Je/TSB3p\n4VHvhgeAspBfSCqqDCvqgzFYVdckvVmHMScCPcBZdclNBCVmuK31AkEAvEyDX/H1\nronVV/597Ya1+ttHPSHoB3Fxy3FGW7i7c/ZIFiL0vlYFNcaBxwzovZTn8FSLI5Qo\n4imZtm91XGqcxw==\n-----END PRIVATE KEY-----\n';
const kEd = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIOdOP5AYyESv5qTkSlgL13MbfxzU8jPb775LUl/0V70i\n-----END PRIVATE KEY-----\n';
const kEc384 = '-----BEGIN EC PRIVATE KEY-----\nMIGkAgEBBDAvRT0lnR8lkErVFO07LZlOtRHg5PL5+ik0zVm7RH1IapdAu2B4zXrG\n3SMZrwUhVkmgBwYFK4EEACKhZANiAAQD7+ReY7MJpPYXx+c0mSs/VDtnUvhItDYf\n30COeqoTp0KdlOzvfXn7OJ0IhCBUBAmTXn/uqd20yf5uCXaxqo4tW8w2K6/Mzd77\nNDSRzESKcTJjOFqLnzS32oWG1WfUGP8=\n-----END EC PRIVATE KEY-----\n';

const builtEd = crypto.createPrivateKey(kEd);
const builtPair = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const builtSecret = crypto.createSecretKey(Buffer.from('build secret'));

function show(label, fn) {
  try {
    const result = fn();
    console.log(label, Buffer.isBuffer(result) ? `<Buffer ${result.toString('hex')}>` : typeof result === 'object' && result !== null && !Array.isArray(result) ? util.inspect(result, { depth: 4 }) : JSON.stringify(result));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
  }
}

export async function main() {
  const message = Buffer.from('a message to sign');
  show('built ed25519', () => crypto.sign(null, message, builtEd).toString('base64'));
  show('built pair', () => crypto.verify('sha256', message, builtPair.publicKey, crypto.sign('sha256', message, builtPair.privateKey)));
  show('built secret', () => [builtSecret.export().toString(), crypto.createHmac('sha256', builtSecret).update('x').digest('hex')]);

  const ed = crypto.createPrivateKey(kEd);
  const edPublic = crypto.createPublicKey(ed);
  const ec = crypto.createPrivateKey(kEc256);
  const ecPublic = crypto.createPublicKey(kEc256);
  const rsa = crypto.createPrivateKey({ key: kRsa, format: 'pem' });
  const ec384 = crypto.createPrivateKey({ key: kEc384, type: 'sec1', format: 'pem' });
  show('inspect', () => [util.inspect(ed), util.inspect(edPublic), util.inspect(crypto.createSecretKey(Buffer.alloc(3)))]);
  show('types', () => [ed.type, ed.asymmetricKeyType, edPublic.type, ec.asymmetricKeyType, rsa.asymmetricKeyType,
    ec384.asymmetricKeyType, ed.constructor.name, Object.getPrototypeOf(ed.constructor).name,
    ed instanceof crypto.KeyObject, util.types.isKeyObject(ed), util.types.isKeyObject({}), Object.keys(ed)]);
  show('details', () => [ed.asymmetricKeyDetails, ec.asymmetricKeyDetails, ec384.asymmetricKeyDetails, rsa.asymmetricKeyDetails]);
  show('ed pem', () => [ed.export({ type: 'pkcs8', format: 'pem' }), edPublic.export({ type: 'spki', format: 'pem' })]);
  show('ed der', () => [ed.export({ type: 'pkcs8', format: 'der' }).toString('hex'), edPublic.export({ type: 'spki', format: 'der' }).toString('hex')]);
  show('ed jwk', () => [ed.export({ format: 'jwk' }), edPublic.export({ format: 'jwk' })]);
  show('ec exports', () => [ec.export({ type: 'sec1', format: 'pem' }), ecPublic.export({ type: 'spki', format: 'pem' }),
    ec.export({ format: 'jwk' }), ec384.export({ type: 'pkcs8', format: 'pem' }), ec384.export({ format: 'jwk' })]);
  show('rsa exports', () => [rsa.export({ type: 'pkcs1', format: 'pem' }), crypto.createPublicKey(rsa).export({ type: 'pkcs1', format: 'pem' }),
    crypto.createPublicKey(rsa).export({ type: 'spki', format: 'der' }).length, rsa.export({ format: 'jwk' })]);
  show('round trips', () => [
    crypto.createPrivateKey({ key: ed.export({ type: 'pkcs8', format: 'der' }), format: 'der', type: 'pkcs8' }).equals(ed),
    crypto.createPublicKey({ key: edPublic.export({ type: 'spki', format: 'der' }), format: 'der', type: 'spki' }).equals(edPublic),
    crypto.createPrivateKey({ key: ed.export({ format: 'jwk' }), format: 'jwk' }).equals(ed),
    crypto.createPublicKey({ key: ec.export({ format: 'jwk' }), format: 'jwk' }).equals(ecPublic),
    crypto.createPrivateKey({ key: ec.export({ format: 'jwk' }), format: 'jwk' }).equals(ec),
    crypto.createPrivateKey({ key: rsa.export({ format: 'jwk' }), format: 'jwk' }).equals(rsa),
    crypto.createPrivateKey({ key: ec.export({ type: 'sec1', format: 'der' }), format: 'der', type: 'sec1' }).equals(ec),
    crypto.createPublicKey(Buffer.from(edPublic.export({ type: 'spki', format: 'pem' }))).equals(edPublic),
    ed.equals(edPublic), ec.equals(ec384)]);
  show('encrypted pem', () => {
    const pem = ec.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'top secret' });
    return [pem.split('\n')[0], crypto.createPrivateKey({ key: pem, passphrase: 'top secret' }).equals(ec)];
  });
  show('secret', () => {
    const key = crypto.createSecretKey('00ff', 'hex');
    return [key.type, key.symmetricKeySize, key.export(), key.export({ format: 'jwk' }), key.asymmetricKeyType,
      key.equals(crypto.createSecretKey(Buffer.from([0, 255]))), key.equals(crypto.createSecretKey(Buffer.from([0])))];
  });

  show('ed sign', () => crypto.sign(null, message, ed).toString('hex'));
  show('ed verify', () => [crypto.verify(null, message, edPublic, crypto.sign(null, message, ed)),
    crypto.verify(undefined, Buffer.from('other'), edPublic, crypto.sign(null, message, ed)),
    crypto.verify(null, message, kEd, crypto.sign(null, message, kEd))]);
  show('rsa sign', () => crypto.sign('sha256', message, rsa).toString('base64'));
  show('rsa createSign', () => crypto.createSign('RSA-SHA256').update(message).sign(kRsa, 'base64'));
  show('rsa verify', () => crypto.createVerify('sha256').update('a message ').update('to sign').verify(crypto.createPublicKey(rsa),
    crypto.sign('sha256', message, rsa)));
  show('ecdsa', () => {
    const der = crypto.sign('sha256', message, ec);
    const raw = crypto.sign('sha384', message, { key: ec384, dsaEncoding: 'ieee-p1363' });
    const signer = crypto.createSign('sha512');
    signer.write('streamed ');
    signer.end('message');
    const streamed = signer.sign({ key: ec, dsaEncoding: 'ieee-p1363' }, 'hex');
    const verifier = crypto.createVerify('sha512');
    verifier.update('streamed message');
    return [der[0], raw.length, crypto.verify('sha256', message, ecPublic, der),
      crypto.verify('sha384', message, { key: crypto.createPublicKey(ec384), dsaEncoding: 'ieee-p1363' }, raw),
      crypto.verify('sha384', message, { key: ec384, dsaEncoding: 'der' }, raw), streamed.length,
      verifier.verify({ key: ecPublic, dsaEncoding: 'ieee-p1363' }, streamed, 'hex'),
      crypto.verify(null, message, ecPublic, crypto.sign(null, message, ec))];
  });
  await new Promise((resolve) => crypto.sign(null, message, ed, (error, signature) => {
    console.log('sign cb', error, signature.toString('hex'));
    crypto.verify(null, message, edPublic, signature, (error2, ok) => {
      console.log('verify cb', error2, ok);
      resolve();
    });
  }));

  show('generated', () => {
    const pair = crypto.generateKeyPairSync('ed25519');
    const ecPair = crypto.generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const x = crypto.generateKeyPairSync('x25519');
    const encoded = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'sec1', format: 'der' } });
    const jwk = crypto.generateKeyPairSync('ed25519', { publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { format: 'jwk' } });
    return [pair.publicKey.asymmetricKeyType, pair.privateKey.type, ecPair.publicKey.asymmetricKeyDetails,
      x.privateKey.asymmetricKeyType, crypto.verify(null, message, pair.publicKey, crypto.sign(null, message, pair.privateKey)),
      encoded.publicKey.split('\n')[0], Buffer.isBuffer(encoded.privateKey), Object.keys(jwk.publicKey), Object.keys(jwk.privateKey)];
  });
  await new Promise((resolve) => crypto.generateKeyPair('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'der' } },
    (error, publicKey, privateKey) => {
      console.log('generateKeyPair cb', error, publicKey.length, privateKey.type);
      resolve();
    }));

  show('rsa generated', () => {
    const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
    const e3 = crypto.generateKeyPairSync('rsa', { modulusLength: 512, publicExponent: 3 });
    return [pair.publicKey.asymmetricKeyDetails, e3.privateKey.asymmetricKeyDetails,
      crypto.verify('sha256', message, pair.publicKey, crypto.sign('sha256', message, pair.privateKey))];
  });
  show('rsa no length', () => crypto.generateKeyPairSync('rsa', {}));
  show('rsa bad exponent', () => crypto.generateKeyPairSync('rsa', { modulusLength: 512, publicExponent: 'x' }));
  show('rsa too small', () => crypto.generateKeyPairSync('rsa', { modulusLength: 100 }));
  show('unparsable signature', () => [crypto.verify('sha256', message, ecPublic, Buffer.alloc(64, 0x30)),
    crypto.verify(null, message, edPublic, Buffer.alloc(3)),
    crypto.createVerify('sha256').update(message).verify(crypto.createPublicKey(rsa), Buffer.alloc(5))]);
  show('rsa encryption', () => {
    const rsaPublic = crypto.createPublicKey(rsa);
    const { RSA_PKCS1_PADDING, RSA_NO_PADDING } = crypto.constants;
    return [crypto.privateDecrypt(rsa, crypto.publicEncrypt(rsaPublic, message)).toString(),
      crypto.privateDecrypt({ key: kRsa, oaepHash: 'sha256', oaepLabel: Buffer.from('L') },
        crypto.publicEncrypt({ key: rsaPublic, oaepHash: 'sha256', oaepLabel: Buffer.from('L') }, message)).toString(),
      crypto.privateEncrypt(rsa, message).toString('base64'),
      crypto.publicDecrypt(rsaPublic, crypto.privateEncrypt(kRsa, message)).toString(),
      crypto.publicEncrypt({ key: rsaPublic, padding: RSA_NO_PADDING }, Buffer.alloc(128, 1)).toString('base64'),
      crypto.constants.RSA_PKCS1_PSS_PADDING, typeof crypto.constants.OPENSSL_VERSION_NUMBER];
  });
  show('rsa pkcs1 decryption', () => crypto.privateDecrypt({ key: rsa, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.alloc(128)));
  show('rsa too long', () => crypto.publicEncrypt(rsa, Buffer.alloc(200)));
  show('rsa bad oaepHash', () => crypto.publicEncrypt({ key: rsa, oaepHash: 'nope' }, message));
  show('rsa oaep decoding', () => crypto.privateDecrypt(rsa, Buffer.alloc(128, 3)));
  show('rsa with ec key', () => crypto.publicEncrypt(ecPublic, message));
  show('curves', () => [crypto.getCurves().length, crypto.getCurves().slice(0, 5), crypto.getCurves().includes('prime256v1')]);
  show('secret keys', () => [crypto.generateKeySync('hmac', { length: 128 }).symmetricKeySize,
    crypto.generateKeySync('aes', { length: 256 }).symmetricKeySize, crypto.generateKeySync('hmac', { length: 15 }).symmetricKeySize]);
  show('aes key length', () => crypto.generateKeySync('aes', { length: 100 }));
  show('hmac key length', () => crypto.generateKeySync('hmac', { length: 7 }));
  show('secret key type', () => crypto.generateKeySync('nope', { length: 7 }));
  await new Promise((resolve) => crypto.generateKey('hmac', { length: 64 }, (error, key) => {
    console.log('generateKey cb', error, key.symmetricKeySize);
    resolve();
  }));
  const promised = await util.promisify(crypto.generateKeyPair)('ed25519');
  console.log('promisified', Object.keys(promised), promised.privateKey.type);
  show('rsa pss', () => {
    const rsaPublic = crypto.createPublicKey(rsa);
    const { RSA_PKCS1_PSS_PADDING: PSS } = crypto.constants;
    const pss = crypto.sign('sha256', message, { key: rsa, padding: PSS });
    const salted = crypto.createSign('sha256').update(message).sign({ key: kRsa, padding: PSS, saltLength: 10 });
    return [crypto.verify('sha256', message, { key: rsaPublic, padding: PSS }, pss),
      crypto.verify('sha256', message, rsaPublic, pss),
      crypto.createVerify('sha256').update(message).verify({ key: rsaPublic, padding: PSS, saltLength: 10 }, salted),
      crypto.verify('sha256', message, { key: rsaPublic, padding: PSS, saltLength: 11 }, salted),
      crypto.sign('sha256', message, { key: rsa, padding: 1 }).equals(crypto.sign('sha256', message, rsa))];
  });
  show('rsa padding fraction', () => crypto.sign('sha256', message, { key: rsa, padding: 1.5 }));
  show('rsa salt type', () => crypto.sign('sha256', message, { key: rsa, padding: 6, saltLength: 'x' }));
  show('rsa unknown padding', () => crypto.sign('sha256', message, { key: rsa, padding: 99 }));
  show('gen bad type', () => crypto.generateKeyPairSync('nope'));
  show('gen type type', () => crypto.generateKeyPairSync(5));
  show('gen ec no options', () => crypto.generateKeyPairSync('ec'));
  show('gen ec no curve', () => crypto.generateKeyPairSync('ec', {}));
  show('gen ec bad curve', () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-999' }));
  show('gen bad encoding', () => crypto.generateKeyPairSync('ed25519', { publicKeyEncoding: 'pem' }));
  show('gen bad format', () => crypto.generateKeyPairSync('ed25519', { publicKeyEncoding: { format: 'txt', type: 'spki' } }));
  show('gen sec1 for ed', () => crypto.generateKeyPairSync('ed25519', { privateKeyEncoding: { format: 'pem', type: 'sec1' } }));
  show('gen no callback', () => crypto.generateKeyPair('ed25519', {}));
  show('export no options', () => ed.export());
  show('export no type', () => ed.export({ format: 'pem' }));
  show('export spki private', () => ed.export({ format: 'pem', type: 'spki' }));
  show('export pkcs1 ed', () => edPublic.export({ format: 'pem', type: 'pkcs1' }));
  show('export passphrase no cipher', () => ec.export({ format: 'pem', type: 'pkcs8', passphrase: 'x' }));
  show('export jwk passphrase', () => ec.export({ format: 'jwk', passphrase: 'x' }));
  show('export unknown cipher', () => ec.export({ format: 'pem', type: 'pkcs8', cipher: 'nope', passphrase: 'x' }));
  show('secret export bad', () => crypto.createSecretKey(Buffer.alloc(2)).export({ format: 'pem' }));
  show('import garbage', () => crypto.createPrivateKey('garbage'));
  show('import number', () => crypto.createPrivateKey(5));
  show('import public as private', () => crypto.createPrivateKey(edPublic));
  show('public from public object', () => crypto.createPublicKey(edPublic));
  show('import bad jwk kty', () => crypto.createPublicKey({ key: { kty: 'oct' }, format: 'jwk' }));
  show('import bad jwk x', () => crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }, format: 'jwk' }));
  show('import bad jwk crv', () => crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-1', x: 'AA', y: 'AA' }, format: 'jwk' }));
  show('import der without type', () => crypto.createPublicKey({ key: Buffer.alloc(4), format: 'der' }));
  show('secret bad', () => crypto.createSecretKey(5));
  show('equals bad', () => ed.equals('x'));
  show('sign no key', () => crypto.sign(null, message));
  show('sign with public', () => crypto.sign(null, message, edPublic));
  show('sign ed with digest', () => crypto.sign('sha256', message, ed));
  show('sign bad digest', () => crypto.sign('nope', message, ec));
  show('sign data type', () => crypto.sign(null, 5, ed));
  show('sign bad dsaEncoding', () => crypto.sign('sha256', message, { key: ec, dsaEncoding: 'x' }));
  show('verify signature type', () => crypto.verify(null, message, edPublic, 'sig'));
  show('createSign ed', () => crypto.createSign('sha256').update('x').sign(ed));
  show('createSign no key', () => crypto.createSign('sha256').update('x').sign());
  show('createSign bad update', () => crypto.createSign('sha256').update(5));
  show('createSign algorithm type', () => crypto.createSign(5));
}
