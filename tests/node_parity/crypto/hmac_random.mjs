// createHmac and the random functions against Node: HMAC vectors (RFC 4231
// case 2 among them), keys of every kind, output encodings, streams, the
// finalized rules; random bytes' shapes and ranges (not their values), the
// callback forms, timingSafeEqual, getHashes/getCiphers; argument errors.
import crypto from 'node:crypto';

const buildKey = crypto.createHmac('sha256', 'made at build');  // used after restore
const buildInt = crypto.randomInt(2 ** 40);

function show(label, fn) {
  try {
    const result = fn();
    console.log(label, Buffer.isBuffer(result) ? `<Buffer ${result.toString('hex')}>` : JSON.stringify(result));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
  }
}

export async function main() {
  show('build hmac', () => buildKey.update('x').digest('hex'));
  show('rfc4231 2', () => crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex'));
  for (const algorithm of ['md5', 'sha1', 'sha224', 'sha384', 'sha512', 'sha512-256', 'sha3-256', 'ripemd160', 'SHA1']) {
    show(`hmac ${algorithm}`, () => crypto.createHmac(algorithm, 'key').update('data').digest('base64'));
  }
  for (const encoding of ['hex', 'base64', 'base64url', 'latin1', 'ucs2', 'buffer', undefined, 'nope']) {
    show(`hmac digest ${encoding}`, () => crypto.createHmac('sha1', 'k').update('m').digest(encoding));
  }
  show('keys', () => [
    crypto.createHmac('sha256', '').update('').digest('hex'),
    crypto.createHmac('sha256', Buffer.alloc(200, 1)).update('long key').digest('hex'),
    crypto.createHmac('sha256', new Uint8Array([1, 2])).digest('hex'),
    crypto.createHmac('sha256', new ArrayBuffer(3)).digest('hex'),
    crypto.createHmac('sha256', 'a2V5', { encoding: 'base64' }).digest('hex'),
  ]);
  show('digest twice', () => { const h = crypto.createHmac('md5', 'k'); h.digest(); return [h.digest('hex'), h.digest()]; });
  show('update after digest', () => { const h = crypto.createHmac('md5', 'k'); h.digest(); h.update('x'); });
  show('no key', () => crypto.createHmac('sha256'));
  show('number key', () => crypto.createHmac('sha256', 5));
  show('bad digest', () => crypto.createHmac('nope', 'k'));
  show('digest not string', () => crypto.createHmac(null, 'k'));
  show('Hmac without new', () => crypto.Hmac('md5', 'k').update('a').digest('hex'));
  await new Promise((resolve) => {
    const hmac = crypto.createHmac('sha256', 'stream key');
    hmac.setEncoding('hex');
    hmac.on('data', (chunk) => { console.log('hmac stream', chunk); resolve(); });
    hmac.write('some ');
    hmac.end('data');
  });

  show('randomBytes', () => [crypto.randomBytes(0).length, crypto.randomBytes(33).length,
    Buffer.isBuffer(crypto.randomBytes(1))]);
  show('randomFillSync', () => {
    const buffer = Buffer.alloc(16);
    crypto.randomFillSync(buffer, 4, 8);
    const untouched = buffer.subarray(0, 4).every((b) => b === 0) && buffer.subarray(12).every((b) => b === 0);
    const words = crypto.randomFillSync(new Uint32Array(4), 1, 2);
    return [untouched, words.length, words[0] === 0 && words[3] === 0,
      crypto.randomFillSync(new ArrayBuffer(4)).byteLength];
  });
  show('randomInt', () => {
    const values = new Set();
    for (let i = 0; i < 500; i++) values.add(crypto.randomInt(-3, 3));
    return [[...values].sort().join(','), crypto.randomInt(1), crypto.randomInt(7, 8),
      Number.isSafeInteger(crypto.randomInt(2 ** 48 - 1))];
  });
  show('build randomInt differs', () => {
    for (let i = 0; i < 5; i++) if (crypto.randomInt(2 ** 40) !== buildInt) return true;
    return false;
  });
  show('randomUUID', () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(
    crypto.randomUUID({ disableEntropyCache: true })));
  show('getRandomValues', () => [crypto.getRandomValues(new Uint8Array(5)).length,
    crypto.webcrypto === globalThis.crypto]);
  show('timingSafeEqual', () => [crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')),
    crypto.timingSafeEqual(new Uint8Array([1]), new Uint8Array([2])),
    crypto.timingSafeEqual(new ArrayBuffer(0), new Uint8Array(0))]);
  show('lists', () => [crypto.getHashes().length, crypto.getHashes().includes('sha256'),
    crypto.getCiphers().includes('aes-256-gcm'), crypto.getHashes() !== crypto.getHashes()]);
  show('hashes', () => crypto.getHashes().join(' '));

  await new Promise((resolve) => crypto.randomBytes(12, (error, bytes) => {
    console.log('randomBytes cb', error, bytes.length);
    resolve();
  }));
  for (const [offset, size] of [[1, undefined], [3, undefined], [1, 2], [0, 0]]) {
    await new Promise((resolve) => {
      const done = (error, array) => {
        console.log('randomFill cb', offset, size, error, array.length, array[0], array[2] !== 0);
        resolve();
      };
      if (size === undefined) crypto.randomFill(new Uint16Array(4), offset, done);
      else crypto.randomFill(new Uint16Array(4), offset, size, done);
    });
  }
  show('randomFill offset elements', () => crypto.randomFill(new Uint16Array(4), 5, () => {}));
  await new Promise((resolve) => crypto.randomFill(Buffer.alloc(0), (error, buffer) => {
    console.log('randomFill empty', error, buffer.length);
    resolve();
  }));
  await new Promise((resolve) => crypto.randomInt(5, 10, (error, n) => {
    console.log('randomInt cb', error, n >= 5 && n < 10);
    resolve();
  }));

  show('randomBytes -1', () => crypto.randomBytes(-1));
  show('randomBytes string', () => crypto.randomBytes('1'));
  show('randomBytes too big', () => crypto.randomBytes(2 ** 31));
  show('randomBytes bad callback', () => crypto.randomBytes(1, 'x'));
  show('randomFillSync offset', () => crypto.randomFillSync(Buffer.alloc(4), 5));
  show('randomFillSync size', () => crypto.randomFillSync(Buffer.alloc(4), 1, 4));
  show('randomFillSync buf', () => crypto.randomFillSync('x'));
  show('randomFill no callback', () => crypto.randomFill(Buffer.alloc(4)));
  show('randomInt order', () => crypto.randomInt(10, 5));
  show('randomInt range', () => crypto.randomInt(2 ** 48));
  show('randomInt range min', () => crypto.randomInt(-1, 2 ** 48));
  show('randomInt fraction', () => crypto.randomInt(1.5));
  show('randomInt string', () => crypto.randomInt('1'));
  show('randomInt min string', () => crypto.randomInt('1', 5));
  show('randomInt callback', () => crypto.randomInt(1, 5, 'x'));
  show('randomUUID options', () => crypto.randomUUID(1));
  show('randomUUID cache', () => crypto.randomUUID({ disableEntropyCache: 1 }));
  show('timingSafeEqual length', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
  show('timingSafeEqual type', () => crypto.timingSafeEqual('a', Buffer.from('a')));
  show('timingSafeEqual type 2', () => crypto.timingSafeEqual(Buffer.from('a'), 7));
}
