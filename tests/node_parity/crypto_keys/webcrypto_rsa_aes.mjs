// crypto.subtle's RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP, AES-CBC and AES-CTR
// against Node: import/export (spki, pkcs8, jwk, raw), generateKey, sign and
// verify, encrypt and decrypt (fixed keys where outputs are deterministic),
// and the DOMExceptions for bad input. A key imported at build time works
// after the restore.
import crypto from 'node:crypto';
import util from 'node:util';

const { subtle } = globalThis.crypto;
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
const spki = rsa.publicKey.export({ type: 'spki', format: 'der' });
const pkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'der' });
const aesRaw = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const builtCbc = await subtle.importKey('raw', aesRaw, 'AES-CBC', true, ['encrypt', 'decrypt']);

async function show(label, fn) {
  try {
    const result = await fn();
    const text = result instanceof ArrayBuffer ? Buffer.from(result).toString('hex')
      : typeof result === 'object' && result !== null ? util.inspect(result, { depth: 4 }) : JSON.stringify(result);
    console.log(label, text);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
  }
}
const hex = (buffer) => Buffer.from(buffer).toString('hex');
const data = Buffer.from('attack at dawn, or maybe at noon');

export async function main() {
  await show('built cbc', async () => hex(await subtle.encrypt({ name: 'AES-CBC', iv: Buffer.alloc(16, 1) }, builtCbc, data)));
  for (const name of ['RSASSA-PKCS1-v1_5', 'RSA-PSS']) {
    const pub = await subtle.importKey('spki', spki, { name, hash: 'SHA-256' }, true, ['verify']);
    const priv = await subtle.importKey('pkcs8', pkcs8, { name, hash: 'SHA-256' }, false, ['sign']);
    const params = { name, saltLength: 32 };
    await show(`${name} keys`, () => [pub.algorithm, pub.type, pub.usages, priv.extractable]);
    await show(`${name} sign verify`, async () => {
      const signature = await subtle.sign(params, priv, data);
      return [signature.byteLength, await subtle.verify(params, pub, signature, data),
        await subtle.verify(params, pub, signature, Buffer.from('other'))];
    });
    await show(`${name} jwk`, async () => {
      const jwk = await subtle.exportKey('jwk', pub);
      return [jwk.kty, jwk.alg, jwk.key_ops, jwk.ext, jwk.e, Object.keys(jwk)];
    });
    await show(`${name} wrong key type`, () => subtle.sign(params, pub, data));
    await show(`${name} bad usage`, () => subtle.importKey('spki', spki, { name, hash: 'SHA-256' }, true, ['sign']));
    await show(`${name} not extractable`, () => subtle.exportKey('pkcs8', priv));
  }
  {
    const pss = await subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
    await show('pss salt too long', () => subtle.sign({ name: 'RSA-PSS', saltLength: 1000 }, pss, data));
    const pkcs1 = await subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, ['sign']);
    await show('pkcs1 deterministic', async () => hex(await subtle.sign('RSASSA-PKCS1-v1_5', pkcs1, data)) ===
      crypto.sign('sha1', data, rsa.privateKey).toString('hex'));
  }
  for (const hash of ['SHA-1', 'SHA-256']) {
    const pub = await subtle.importKey('spki', spki, { name: 'RSA-OAEP', hash }, false, ['encrypt']);
    const priv = await subtle.importKey('pkcs8', pkcs8, { name: 'RSA-OAEP', hash }, false, ['decrypt']);
    await show(`oaep ${hash}`, async () => {
      const sealed = await subtle.encrypt({ name: 'RSA-OAEP', label: Buffer.from('l') }, pub, data);
      const empty = await subtle.encrypt('RSA-OAEP', pub, new Uint8Array(0));
      return [sealed.byteLength, Buffer.from(await subtle.decrypt({ name: 'RSA-OAEP', label: Buffer.from('l') }, priv, sealed)).toString(),
        (await subtle.decrypt('RSA-OAEP', priv, empty)).byteLength];
    });
    await show(`oaep ${hash} wrong label`, async () => {
      const sealed = await subtle.encrypt({ name: 'RSA-OAEP', label: Buffer.from('a') }, pub, data);
      return subtle.decrypt({ name: 'RSA-OAEP', label: Buffer.from('b') }, priv, sealed);
    });
    await show(`oaep ${hash} private encrypts`, () => subtle.encrypt('RSA-OAEP', priv, data));
  }
  await show('rsa generate', async () => {
    const { publicKey, privateKey } = await subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024,
      publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);
    const sealed = await subtle.encrypt('RSA-OAEP', publicKey, data);
    return [publicKey.algorithm, publicKey.usages, privateKey.usages,
      Buffer.from(await subtle.decrypt('RSA-OAEP', privateKey, sealed)).toString()];
  });
  await show('rsa generate exponent', () => subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024,
    publicExponent: new Uint8Array([1, 0, 0, 0, 0, 1]), hash: 'SHA-256' }, true, ['sign']));
  await show('rsa generate usages', () => subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024,
    publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt']));
  await show('rsa jwk import', async () => {
    const jwk = rsa.publicKey.export({ format: 'jwk' });
    const key = await subtle.importKey('jwk', { ...jwk, alg: 'PS256' }, { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']);
    return [key.algorithm.name, key.type];
  });
  await show('rsa jwk alg mismatch', () => subtle.importKey('jwk', { ...rsa.publicKey.export({ format: 'jwk' }), alg: 'RS1' },
    { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']));
  await show('rsa jwk kty', () => subtle.importKey('jwk', { kty: 'EC' }, { name: 'RSA-OAEP', hash: 'SHA-256' }, true, ['encrypt']));
  await show('rsa raw', () => subtle.importKey('raw', spki, { name: 'RSA-OAEP', hash: 'SHA-256' }, true, ['encrypt']));
  await show('rsa bad der', () => subtle.importKey('spki', Buffer.from([1, 2, 3]), { name: 'RSA-OAEP', hash: 'SHA-256' }, true, ['encrypt']));
  await show('rsa ec key', async () => subtle.importKey('spki', crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }),
    { name: 'RSA-OAEP', hash: 'SHA-256' }, true, ['encrypt']));

  // AES-CBC and AES-CTR with a fixed key.
  const cbc = await subtle.importKey('raw', aesRaw, 'AES-CBC', true, ['encrypt', 'decrypt']);
  const ctr = await subtle.importKey('raw', aesRaw, { name: 'AES-CTR' }, true, ['encrypt', 'decrypt']);
  await show('cbc', async () => {
    const sealed = await subtle.encrypt({ name: 'AES-CBC', iv: Buffer.alloc(16, 2) }, cbc, data);
    return [hex(sealed), Buffer.from(await subtle.decrypt({ name: 'AES-CBC', iv: Buffer.alloc(16, 2) }, cbc, sealed)).toString()];
  });
  await show('cbc bad padding', () => subtle.decrypt({ name: 'AES-CBC', iv: Buffer.alloc(16) }, cbc, Buffer.alloc(16)));
  await show('cbc short iv', () => subtle.encrypt({ name: 'AES-CBC', iv: Buffer.alloc(8) }, cbc, data));
  for (const [length, counter] of [[64, Buffer.alloc(16, 3)], [128, Buffer.alloc(16, 0xff)], [8, Buffer.from('000000000000000000000000000000fe', 'hex')]]) {
    await show(`ctr ${length}`, async () => {
      const sealed = await subtle.encrypt({ name: 'AES-CTR', counter, length }, ctr, data);
      return [hex(sealed), Buffer.from(await subtle.decrypt({ name: 'AES-CTR', counter, length }, ctr, sealed)).toString()];
    });
  }
  await show('ctr length 0', () => subtle.encrypt({ name: 'AES-CTR', counter: Buffer.alloc(16), length: 0 }, ctr, data));
  await show('ctr too long', () => subtle.encrypt({ name: 'AES-CTR', counter: Buffer.alloc(16), length: 1 }, ctr, Buffer.alloc(33)));
  await show('aes jwk', async () => [await subtle.exportKey('jwk', cbc), await subtle.exportKey('jwk', ctr)]);
  await show('aes raw export', () => subtle.exportKey('raw', ctr));
  await show('aes jwk import', async () => (await subtle.importKey('jwk', { kty: 'oct', k: aesRaw.toString('base64url'), alg: 'A128CTR' },
    'AES-CTR', false, ['encrypt'])).algorithm);
  await show('aes jwk alg mismatch', () => subtle.importKey('jwk', { kty: 'oct', k: aesRaw.toString('base64url'), alg: 'A128CBC' },
    'AES-CTR', false, ['encrypt']));
  await show('aes bad length', () => subtle.importKey('raw', Buffer.alloc(10), 'AES-CBC', false, ['encrypt']));
  await show('aes bad usage', () => subtle.importKey('raw', aesRaw, 'AES-CBC', false, ['sign']));
  await show('aes spki', () => subtle.importKey('spki', aesRaw, 'AES-CBC', false, ['encrypt']));
  await show('aes generate', async () => {
    const key = await subtle.generateKey({ name: 'AES-CTR', length: 192 }, true, ['encrypt']);
    return [key.algorithm, key.usages, (await subtle.exportKey('raw', key)).byteLength];
  });
  await show('aes generate length', () => subtle.generateKey({ name: 'AES-CBC', length: 100 }, true, ['encrypt']));
  await show('KeyObject.from', async () => {
    const key = await subtle.generateKey({ name: 'AES-CBC', length: 128 }, false, ['encrypt']);
    const keyObject = crypto.KeyObject.from(key);
    return [keyObject.type, keyObject.symmetricKeySize, crypto.KeyObject.from(key) === keyObject,
      crypto.KeyObject.from(cbc).export().toString('hex')];
  });
  await show('KeyObject.from other', () => crypto.KeyObject.from({}));
  await show('aes wrong algorithm', () => subtle.encrypt({ name: 'AES-CTR', counter: Buffer.alloc(16), length: 64 }, cbc, data));
}
