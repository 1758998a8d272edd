// crypto.subtle's HKDF and PBKDF2 against Node: raw import, deriveBits with
// fixed inputs (deterministic), deriveKey into HMAC and AES keys, and the
// DOMExceptions for bad lengths, usages and keys.
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
  const secret = Buffer.from('a shared secret');
  const hkdf = await subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const pbkdf2 = await subtle.importKey('raw', secret, { name: 'PBKDF2' }, false, ['deriveBits', 'deriveKey']);
  await show('keys', () => [hkdf.algorithm, hkdf.usages, hkdf.extractable, pbkdf2.type]);
  const hkdfParams = { name: 'HKDF', hash: 'SHA-256', salt: Buffer.from('salt'), info: Buffer.from('info') };
  const pbkdf2Params = { name: 'PBKDF2', hash: 'SHA-512', salt: Buffer.from('salt'), iterations: 1000 };
  await show('hkdf bits', () => subtle.deriveBits(hkdfParams, hkdf, 256));
  await show('hkdf sha1', () => subtle.deriveBits({ ...hkdfParams, hash: 'SHA-1', info: new Uint8Array(0) }, hkdf, 128));
  await show('pbkdf2 bits', () => subtle.deriveBits(pbkdf2Params, pbkdf2, 384));
  await show('zero length', () => subtle.deriveBits(hkdfParams, hkdf, 0));
  await show('null length', () => subtle.deriveBits(hkdfParams, hkdf, null));
  await show('odd length', () => subtle.deriveBits(pbkdf2Params, pbkdf2, 12));
  await show('zero iterations', () => subtle.deriveBits({ ...pbkdf2Params, iterations: 0 }, pbkdf2, 128));
  await show('hkdf too long', () => subtle.deriveBits(hkdfParams, hkdf, 256 * 8 * 32 * 2));
  await show('mismatch', () => subtle.deriveBits(pbkdf2Params, hkdf, 128));
  await show('no usage', async () => subtle.deriveBits(hkdfParams, await subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']), 128));
  await show('derive aes', async () => {
    const key = await subtle.deriveKey(hkdfParams, hkdf, { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    return [key.algorithm, key.usages, Buffer.from(await subtle.exportKey('raw', key)).toString('hex')];
  });
  await show('derive hmac', async () => {
    const key = await subtle.deriveKey(pbkdf2Params, pbkdf2, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
    return [key.algorithm, Buffer.from(await subtle.exportKey('raw', key)).toString('hex')];
  });
  await show('derive cbc', async () => (await subtle.deriveKey(pbkdf2Params, pbkdf2, { name: 'AES-CBC', length: 128 }, false, ['decrypt'])).algorithm);
  await show('derive bad length', () => subtle.deriveKey(hkdfParams, hkdf, { name: 'AES-CTR', length: 100 }, true, ['encrypt']));
  await show('derive hmac zero', () => subtle.deriveKey(hkdfParams, hkdf, { name: 'HMAC', hash: 'SHA-256', length: 0 }, true, ['sign']));
  await show('extractable', () => subtle.importKey('raw', secret, 'HKDF', true, ['deriveBits']));
  await show('bad usage', () => subtle.importKey('raw', secret, 'PBKDF2', false, ['sign']));
  await show('jwk', () => subtle.importKey('jwk', { kty: 'oct', k: 'AA' }, 'HKDF', false, ['deriveBits']));
  await show('length option', () => subtle.importKey('raw', secret, { name: 'HKDF', length: 8 }, false, ['deriveBits']));
  await show('export', () => subtle.exportKey('raw', hkdf));
}
