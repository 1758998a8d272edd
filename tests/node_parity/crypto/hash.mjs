// createHash, crypto.hash and Hash streams against Node: every digest, every
// output encoding, input strings in every encoding, copy(), XOF lengths, and
// the errors for bad arguments. A Hash made at build time (module scope) is
// used in main(), after the restore.
import crypto from 'node:crypto';
import { Transform, pipeline } from 'node:stream';

const kAlgorithms = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224',
  'sha512-256', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'shake128', 'shake256',
  'ripemd160', 'blake2b512', 'blake2s256', 'sm3', 'SHA256', 'RSA-SHA1', 'sha256WithRSAEncryption'];
const kEncodings = ['hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'utf8', 'ucs2',
  'utf16le', 'buffer', undefined, 'HEX', 'bogus'];

const atBuild = crypto.createHash('sha256');                 // made now, used after restore
const builtDigest = crypto.createHash('md5').update('at build').digest('hex');

function show(label, fn) {
  try {
    const result = fn();
    console.log(label, Buffer.isBuffer(result) ? `<Buffer ${result.toString('hex')}>` : JSON.stringify(result));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
  }
}

export async function main() {
  console.log('built', builtDigest, atBuild.update('after').digest('hex'));
  const input = 'The quick brown fox jumps over the lazy dog';
  for (const algorithm of kAlgorithms) {
    show(algorithm, () => crypto.createHash(algorithm).update(input).digest('hex'));
    show(`${algorithm} empty`, () => crypto.createHash(algorithm).digest('base64'));
  }
  for (const encoding of kEncodings) {
    show(`digest ${encoding}`, () => crypto.createHash('sha256').update('abc').digest(encoding));
  }
  const text = 'h\u00e9llo \u20ac \ud83d\ude00 \ud800 end';
  for (const encoding of ['utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'ucs2', 'utf16le', 'hex',
    'base64', 'base64url', 'buffer', 'bogus', undefined]) {
    show(`update ${encoding}`, () => crypto.createHash('md5').update(text, encoding).digest('hex'));
  }
  show('hex input', () => crypto.createHash('md5').update('00ff10', 'hex').digest('hex'));
  show('hex bad pair', () => crypto.createHash('md5').update('00zz10', 'hex').digest('hex'));
  show('hex odd', () => crypto.createHash('md5').update('abc', 'hex').digest('hex'));
  show('base64 loose', () => crypto.createHash('md5').update('aGV s\nbG8-_+/==x', 'base64').digest('hex'));
  show('typed arrays', () => [
    crypto.createHash('sha1').update(new Uint16Array([1, 2, 3])).digest('hex'),
    crypto.createHash('sha1').update(new DataView(new ArrayBuffer(5))).digest('hex'),
    crypto.createHash('sha1').update(Buffer.from('xyz').subarray(1)).digest('hex'),
    crypto.createHash('sha1').update(new Float64Array([1.5])).digest('hex'),
  ]);
  show('chained', () => crypto.createHash('sha512').update('a').update(Buffer.from('b')).update('63', 'hex').digest('hex'));
  show('big', () => crypto.createHash('sha256').update(Buffer.alloc(3 << 20, 7)).digest('hex'));

  const running = crypto.createHash('sha256').update('part one');
  const copy = running.copy();
  running.update(' and two');
  show('copy', () => [running.digest('hex'), copy.digest('hex')]);
  show('copy of fresh', () => crypto.createHash('md5').copy().digest('hex'));
  const xof = crypto.createHash('shake256', { outputLength: 40 }).update('x');
  show('xof copies', () => [xof.copy({ outputLength: 5 }).digest('hex'), xof.copy().digest('hex'), xof.digest('hex')]);
  show('shake128 length 0', () => crypto.createHash('shake128', { outputLength: 0 }).digest('hex'));
  show('shake128 length 100', () => crypto.createHash('shake128', { outputLength: 100 }).digest('base64'));
  show('sha256 own length', () => crypto.createHash('sha256', { outputLength: 32 }).digest('hex'));

  show('crypto.hash', () => [crypto.hash('sha1', 'abc'), crypto.hash('md5', Buffer.from('abc'), 'base64'),
    crypto.hash('sha256', 'abc', 'buffer'), crypto.hash('sha256', 'abc', 'BASE64URL')]);
  show('crypto.hash bad encoding', () => crypto.hash('sha1', 'abc', 'nope'));
  show('crypto.hash bad input', () => crypto.hash('sha1', 5));
  show('crypto.hash bad algorithm', () => crypto.hash('nope', 'abc'));
  show('Hash without new', () => crypto.Hash('md5').update('').digest('hex'));
  show('is a Transform', () => [crypto.createHash('md5') instanceof Transform, typeof crypto.Hash]);

  // Errors, as Node words them.
  show('unknown algorithm', () => crypto.createHash('nope'));
  show('algorithm not string', () => crypto.createHash(42));
  show('outputLength not xof', () => crypto.createHash('sha256', { outputLength: 5 }));
  show('outputLength type', () => crypto.createHash('shake128', { outputLength: '5' }));
  show('outputLength range', () => crypto.createHash('shake128', { outputLength: -1 }));
  show('outputLength fraction', () => crypto.createHash('shake128', { outputLength: 1.5 }));
  show('update number', () => crypto.createHash('md5').update(1));
  show('update undefined', () => crypto.createHash('md5').update());
  show('update object', () => crypto.createHash('md5').update({}));
  show('update ArrayBuffer', () => crypto.createHash('md5').update(new ArrayBuffer(2)));
  for (const [label, after] of [['digest twice', (h) => h.digest()], ['update after digest', (h) => h.update('x')],
    ['copy after digest', (h) => h.copy()]]) {
    show(label, () => { const h = crypto.createHash('md5'); h.digest(); return after(h); });
  }

  // As streams: write/end then read, pipeline, setEncoding.
  const stream = crypto.createHash('sha256');
  stream.write('ab');
  stream.end('c');
  console.log('stream read', stream.read().toString('hex'));
  await new Promise((resolve) => {
    const hash = crypto.createHash('sha1');
    hash.setEncoding('base64');
    let out = '';
    hash.on('data', (chunk) => { out += chunk; });
    hash.on('end', () => { console.log('stream data', out); resolve(); });
    hash.write(Buffer.from('stream '));
    hash.end('data');
  });
  await new Promise((resolve) => {
    const source = new Transform({ transform(chunk, encoding, callback) { callback(null, chunk); } });
    const hash = crypto.createHash('md5');
    pipeline(source, hash, (error) => {
      console.log('pipeline', error, hash.read().toString('hex'));
      resolve();
    });
    source.write('piped ');
    source.end('input');
  });
}
