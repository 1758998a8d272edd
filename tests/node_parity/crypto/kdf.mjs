// pbkdf2, scrypt and hkdf against Node: RFC vectors, sync and callback forms
// (callbacks run after the sync code, from libuv's thread pool), every
// argument error.
import crypto from 'node:crypto';

function show(label, fn) {
  try {
    const result = fn();
    if (Buffer.isBuffer(result)) console.log(label, `<Buffer ${result.toString('hex')}>`);
    else if (result instanceof ArrayBuffer) console.log(label, `<ArrayBuffer ${Buffer.from(result).toString('hex')}>`);
    else console.log(label, JSON.stringify(result));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
  }
}
// Each result is printed once all are in: the thread pool finishes them in
// any order (in Node too).
const callback = (label, resolve) => (error, key) => {
  resolve(`${label} ${error ? `${error.code} ${error.message}` : null} ${
    key instanceof ArrayBuffer ? `ArrayBuffer ${Buffer.from(key).toString('hex')}` : key.toString('hex')}`);
};

export async function main() {
  show('pbkdf2 rfc6070', () => crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1'));
  show('pbkdf2 sha256', () => crypto.pbkdf2Sync('pw', Buffer.from('salt'), 3, 40, 'sha256'));
  show('pbkdf2 sha512 views', () => crypto.pbkdf2Sync(new Uint8Array([1, 2]), new ArrayBuffer(4), 1, 64, 'SHA512'));
  show('pbkdf2 keylen 0', () => crypto.pbkdf2Sync('pw', 'salt', 1, 0, 'sha1'));
  show('scrypt rfc7914', () => crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }));
  show('scrypt default', () => crypto.scryptSync('pw', 'salt', 16));
  show('scrypt aliases', () => crypto.scryptSync('pw', 'salt', 16, { cost: 16, blockSize: 2, parallelization: 3 }));
  show('scrypt zeros', () => crypto.scryptSync('pw', 'salt', 8, { N: 0, r: 0, p: 0, maxmem: 0 }));
  show('scrypt keylen 0', () => crypto.scryptSync('pw', 'salt', 0));
  show('hkdf rfc5869', () => crypto.hkdfSync('sha256', Buffer.from('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'hex'),
    Buffer.from('000102030405060708090a0b0c', 'hex'), Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'), 42));
  show('hkdf empty salt', () => crypto.hkdfSync('sha1', 'key', '', '', 10));
  show('hkdf length 0', () => crypto.hkdfSync('sha1', 'key', 'salt', 'info', 0));
  show('hkdf max', () => crypto.hkdfSync('md5', 'key', 'salt', 'info', 255 * 16).byteLength);

  console.log('async start');
  const done = [
    new Promise((resolve) => crypto.pbkdf2('password', 'salt', 2, 20, 'sha1', callback('pbkdf2 cb', resolve))),
    new Promise((resolve) => crypto.scrypt('password', 'NaCl', 16, { N: 16 }, callback('scrypt cb', resolve))),
    new Promise((resolve) => crypto.scrypt('pw', 'salt', 8, callback('scrypt cb defaults', resolve))),
    new Promise((resolve) => crypto.hkdf('sha512', 'key', 'salt', 'info', 16, callback('hkdf cb', resolve))),
  ];
  console.log('async queued');
  for (const line of await Promise.all(done)) console.log(line);

  show('pbkdf2 iterations 0', () => crypto.pbkdf2Sync('pw', 'salt', 0, 16, 'sha256'));
  show('pbkdf2 keylen -1', () => crypto.pbkdf2Sync('pw', 'salt', 1, -1, 'sha256'));
  show('pbkdf2 keylen fraction', () => crypto.pbkdf2Sync('pw', 'salt', 1, 1.5, 'sha256'));
  show('pbkdf2 bad digest', () => crypto.pbkdf2Sync('pw', 'salt', 1, 16, 'nope'));
  show('pbkdf2 no digest', () => crypto.pbkdf2Sync('pw', 'salt', 1, 16));
  show('pbkdf2 password', () => crypto.pbkdf2Sync(1, 'salt', 1, 16, 'sha1'));
  show('pbkdf2 salt', () => crypto.pbkdf2Sync('pw', null, 1, 16, 'sha1'));
  show('pbkdf2 no callback', () => crypto.pbkdf2('pw', 'salt', 1, 16, 'sha1'));
  show('pbkdf2 digest as callback', () => crypto.pbkdf2('pw', 'salt', 1, 16, () => {}));
  show('scrypt N', () => crypto.scryptSync('pw', 'salt', 16, { N: 3 }));
  show('scrypt memory', () => crypto.scryptSync('pw', 'salt', 16, { N: 2 ** 20 }));
  show('scrypt N and cost', () => crypto.scryptSync('pw', 'salt', 16, { cost: 16, N: 16 }));
  show('scrypt r and blockSize', () => crypto.scryptSync('pw', 'salt', 16, { r: 1, blockSize: 1 }));
  show('scrypt p type', () => crypto.scryptSync('pw', 'salt', 16, { p: '1' }));
  show('scrypt maxmem', () => crypto.scryptSync('pw', 'salt', 16, { maxmem: -1 }));
  show('scrypt keylen', () => crypto.scryptSync('pw', 'salt', -1));
  show('scrypt no callback', () => crypto.scrypt('pw', 'salt', 16));
  show('scrypt bad params async', () => crypto.scrypt('pw', 'salt', 16, { N: 2 ** 20 }, () => {}));
  show('hkdf bad digest', () => crypto.hkdfSync('nope', 'key', 'salt', 'info', 16));
  show('hkdf digest type', () => crypto.hkdfSync(1, 'key', 'salt', 'info', 16));
  show('hkdf key', () => crypto.hkdfSync('sha256', 1, 'salt', 'info', 16));
  show('hkdf salt', () => crypto.hkdfSync('sha256', 'key', 1, 'info', 16));
  show('hkdf info', () => crypto.hkdfSync('sha256', 'key', 'salt', {}, 16));
  show('hkdf info long', () => crypto.hkdfSync('sha256', 'key', 'salt', 'x'.repeat(1025), 16));
  show('hkdf too long', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 255 * 32 + 1));
  show('hkdf length', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', -1));
  show('hkdf no callback', () => crypto.hkdf('sha256', 'key', 'salt', 'info', 16));
}
