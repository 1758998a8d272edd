// crypto.subtle against Node: digest, HMAC, AES-GCM, ECDSA and Ed25519 keys
// (generate, import and export as raw, jwk, spki, pkcs8), sign/verify,
// encrypt/decrypt, CryptoKey, and the DOMExceptions for bad input. A key
// imported at build time (top-level await) is used after the restore.
import util from 'node:util';
import nodeCrypto from 'node:crypto';

const { subtle } = globalThis.crypto;
const builtKey = await subtle.importKey('raw', new Uint8Array(16).fill(7), { name: 'HMAC', hash: 'SHA-1' }, true, ['sign']);

const show = async (l, p) => {
  try {
    const r = await p;
    console.log(l, r instanceof ArrayBuffer ? Buffer.from(r).toString('hex') : util.inspect(r));
  } catch (e) {
    console.log(l, 'threw', e.name, e.code, e.message);
  }
};

export async function main() {
  await show('built', subtle.sign('HMAC', builtKey, new Uint8Array([1])));
  const descriptor = (n) => { const x = Object.getOwnPropertyDescriptor(globalThis, n); return [typeof x.get, typeof x.set, x.enumerable, x.configurable]; };
  console.log(descriptor('Crypto'), descriptor('CryptoKey'), descriptor('SubtleCrypto'), typeof Crypto,
    builtKey instanceof CryptoKey, subtle instanceof SubtleCrypto, globalThis.crypto instanceof Crypto);
  await show('new CryptoKey', (async () => new CryptoKey())());
  console.log(nodeCrypto.subtle === subtle, nodeCrypto.webcrypto.subtle === subtle, util.types.isCryptoKey(builtKey),
    util.types.isCryptoKey({}), Object.prototype.toString.call(subtle));
  await show('digest', subtle.digest('SHA-256', new TextEncoder().encode('abc')));
  await show('digest obj', subtle.digest({ name: 'sha-1' }, new Uint8Array([1])));
  await show('digest bad', subtle.digest('MD5', new Uint8Array([1])));
  await show('digest bad data', subtle.digest('SHA-256', 'x'));
  const hk = await subtle.importKey('raw', new Uint8Array(16).fill(1), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  console.log(hk, hk.algorithm, hk.usages, hk.type, hk.extractable, Object.prototype.toString.call(hk));
  await show('hmac sign', subtle.sign('HMAC', hk, new Uint8Array([1, 2])));
  await show('hmac verify', subtle.verify('HMAC', hk, new Uint8Array(32), new Uint8Array([1, 2])));
  await show('export raw', subtle.exportKey('raw', hk));
  await show('export jwk', subtle.exportKey('jwk', hk));
  const ak = await subtle.importKey('raw', new Uint8Array(32).fill(2), 'AES-GCM', false, ['encrypt', 'decrypt']);
  console.log(ak.algorithm);
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, ak, new TextEncoder().encode('hi'));
  await show('gcm', Promise.resolve(ct));
  await show('gcm dec', subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, ak, ct).then((b) => new TextDecoder().decode(b)));
  await show('gcm bad', subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, ak, new Uint8Array(20)));
  await show('export nonextractable', subtle.exportKey('raw', ak));
  await show('wrong usage', subtle.sign('HMAC', ak, new Uint8Array(1)));
  const ec = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  console.log(ec.publicKey.algorithm, ec.privateKey.usages, ec.publicKey.usages);
  const sig = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ec.privateKey, new Uint8Array([5]));
  console.log(sig.byteLength, await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ec.publicKey, sig, new Uint8Array([5])));
  const ed = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  console.log(ed.privateKey.algorithm, (await subtle.exportKey('raw', ed.publicKey)).byteLength, Object.keys(await subtle.exportKey('jwk', ed.privateKey)));
  const esig = await subtle.sign('Ed25519', ed.privateKey, new Uint8Array([5]));
  console.log(esig.byteLength, await subtle.verify('Ed25519', ed.publicKey, esig, new Uint8Array([5])));
  await show('gen bad', subtle.generateKey({ name: 'FOO' }, true, ['sign']));
  const g = await subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt']); console.log(g.algorithm, (await subtle.exportKey('raw', g)).byteLength);
  const h2 = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign']); console.log(h2.algorithm);
  await show('ec spki', subtle.exportKey('spki', ec.publicKey).then((b) => b.byteLength));
  await show('ec pkcs8 round trip', subtle.exportKey('pkcs8', ec.privateKey)
    .then((der) => subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']))
    .then((k) => [k.type, k.extractable, k.usages]));
  await show('ec raw round trip', subtle.exportKey('raw', ec.publicKey)
    .then((raw) => subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']))
    .then((k) => subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, k, sig, new Uint8Array([5]))));
  await show('ed jwk round trip', subtle.exportKey('jwk', ed.publicKey)
    .then((jwk) => subtle.importKey('jwk', jwk, 'Ed25519', true, ['verify']))
    .then((k) => subtle.verify('Ed25519', k, esig, new Uint8Array([5]))));
  await show('aes jwk', subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'AES-GCM', true, ['decrypt'])
    .then((k) => subtle.exportKey('jwk', k)));
  await show('aes bad length', subtle.importKey('raw', new Uint8Array(5), 'AES-GCM', true, ['encrypt']));
  await show('hmac bad usage', subtle.importKey('raw', new Uint8Array(5), { name: 'HMAC', hash: 'SHA-256' }, true, ['encrypt']));
  await show('bad format', subtle.importKey('pem', new Uint8Array(5), 'AES-GCM', true, ['encrypt']));
  await show('gcm aad', subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12), additionalData: new Uint8Array([1]), tagLength: 96 }, ak, new Uint8Array(3)));
}
