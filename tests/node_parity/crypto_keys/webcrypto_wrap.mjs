// crypto.subtle's AES-KW and wrapKey/unwrapKey against Node: raw and JWK keys
// wrapped by AES-KW (RFC 3394 vectors are deterministic), AES-GCM, AES-CBC and
// RSA-OAEP, and the errors for wrong usages, corrupt data and bad JWK.
import crypto from 'node:crypto';
import util from 'node:util';

const { subtle } = globalThis.crypto;

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

export async function main() {
  // RFC 3394 4.1: 128-bit KEK, 128-bit key data.
  const kek = await subtle.importKey('raw', Buffer.from('000102030405060708090A0B0C0D0E0F', 'hex'), 'AES-KW', true, ['wrapKey', 'unwrapKey']);
  const data = await subtle.importKey('raw', Buffer.from('00112233445566778899AABBCCDDEEFF', 'hex'), 'AES-CBC', true, ['encrypt', 'decrypt']);
  await show('kw key', () => [kek.algorithm, kek.usages]);
  await show('kw wrap raw', () => subtle.wrapKey('raw', data, kek, 'AES-KW'));
  await show('kw unwrap raw', async () => {
    const wrapped = await subtle.wrapKey('raw', data, kek, 'AES-KW');
    const key = await subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-CBC', true, ['encrypt']);
    return [key.algorithm, key.usages, Buffer.from(await subtle.exportKey('raw', key)).toString('hex')];
  });
  await show('kw wrap jwk', async () => {
    const wrapped = await subtle.wrapKey('jwk', data, kek, 'AES-KW');
    const key = await subtle.unwrapKey('jwk', wrapped, kek, 'AES-KW', 'AES-CBC', true, ['decrypt']);
    return [wrapped.byteLength, Buffer.from(wrapped).toString('hex'), key.usages];
  });
  await show('kw corrupt', () => subtle.unwrapKey('raw', Buffer.alloc(24, 1), kek, 'AES-KW', 'AES-CBC', true, ['encrypt']));
  await show('kw encrypt', () => subtle.encrypt('AES-KW', kek, Buffer.alloc(16)));
  await show('kw usages', () => subtle.importKey('raw', Buffer.alloc(16), 'AES-KW', true, ['encrypt']));
  await show('kw jwk export', () => subtle.exportKey('jwk', kek));
  await show('kw generate', async () => (await subtle.generateKey({ name: 'AES-KW', length: 256 }, true, ['wrapKey'])).algorithm);
  await show('wrap without usage', () => subtle.wrapKey('raw', data, data, { name: 'AES-CBC', iv: Buffer.alloc(16) }));

  // Wrapping with AES-GCM, AES-CBC and RSA-OAEP.
  const gcm = await subtle.importKey('raw', Buffer.alloc(16, 7), 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
  const hmac = await subtle.importKey('raw', Buffer.alloc(32, 1), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
  await show('gcm wrap', async () => {
    const params = { name: 'AES-GCM', iv: Buffer.alloc(12, 3) };
    const wrapped = await subtle.wrapKey('jwk', hmac, gcm, params);
    const key = await subtle.unwrapKey('jwk', wrapped, gcm, params, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return [Buffer.from(wrapped).toString('hex'), key.algorithm, key.extractable];
  });
  await show('gcm bad jwk', async () => {
    const params = { name: 'AES-GCM', iv: Buffer.alloc(12, 3) };
    const wrapped = await subtle.wrapKey('raw', hmac, gcm, params);
    return subtle.unwrapKey('jwk', wrapped, gcm, params, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  });
  const cbc = await subtle.importKey('raw', Buffer.alloc(32, 9), 'AES-CBC', false, ['wrapKey', 'unwrapKey']);
  await show('cbc wrap', () => subtle.wrapKey('raw', hmac, cbc, { name: 'AES-CBC', iv: Buffer.alloc(16) }));
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  const oaepPublic = await subtle.importKey('spki', rsa.publicKey.export({ type: 'spki', format: 'der' }), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
  const oaepPrivate = await subtle.importKey('pkcs8', rsa.privateKey.export({ type: 'pkcs8', format: 'der' }), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['unwrapKey']);
  await show('oaep wrap', async () => {
    const wrapped = await subtle.wrapKey('raw', data, oaepPublic, 'RSA-OAEP');
    const key = await subtle.unwrapKey('raw', wrapped, oaepPrivate, 'RSA-OAEP', { name: 'AES-CTR' }, true, ['encrypt']);
    return [wrapped.byteLength, key.algorithm, Buffer.from(await subtle.exportKey('raw', key)).toString('hex')];
  });
  await show('not extractable', () => subtle.wrapKey('raw', gcm, kek, 'AES-KW'));
}
