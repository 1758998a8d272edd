// Node's errors: zlib's and brotli's own, option checks, argument types,
// maxOutputLength against a zip bomb, and garbage never crashing.
import zlib from 'node:zlib';

function show(label, fn) {
  try {
    const out = fn();
    console.log(label, 'ok', Buffer.isBuffer(out) ? out.length : out);
  } catch (e) {
    console.log(label, e.name, e.code, e.errno, e.message);
  }
}
const callback = (label, fn, input, options = {}) => new Promise((resolve) =>
  fn(input, options, (err, out) => {
    console.log(label, err ? `${err.name} ${err.code} ${err.errno} ${err.message}` : `ok ${out.length}`);
    resolve();
  }));

export async function main() {
  const gz = zlib.gzipSync('hello world');
  show('bad header', () => zlib.inflateSync(Buffer.from('garbage')));
  show('bad gzip header', () => zlib.gunzipSync(Buffer.from('garbage data')));
  show('truncated', () => zlib.gunzipSync(gz.subarray(0, 10)));
  show('truncated raw', () => zlib.inflateRawSync(zlib.deflateRawSync('x'.repeat(100)).subarray(0, 3)));
  show('bad brotli', () => zlib.brotliDecompressSync(Buffer.from('garbage!!')));
  show('truncated brotli', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('hello world').subarray(0, 5)));
  const withDict = zlib.deflateSync('abc', { dictionary: Buffer.from('abc') });
  show('missing dictionary', () => zlib.inflateSync(withDict));
  show('bad dictionary', () => zlib.inflateSync(withDict, { dictionary: Buffer.from('xyz') }));
  show('bad checksum', () => { const b = Buffer.from(gz); b[b.length - 6] ^= 1; return zlib.gunzipSync(b); });
  show('level', () => zlib.deflateSync('x', { level: 12 }));
  show('level type', () => zlib.deflateSync('x', { level: '3' }));
  show('level NaN', () => zlib.deflateSync('x', { level: NaN }));
  show('windowBits', () => zlib.deflateSync('x', { windowBits: Infinity }));
  show('windowBits 8', () => zlib.deflateSync('x', { windowBits: 8 }));
  show('gzip windowBits 8', () => zlib.gzipSync('x', { windowBits: 8 }));
  show('raw windowBits 8', () => zlib.deflateRawSync('x', { windowBits: 8 }));
  show('memLevel', () => zlib.deflateSync('x', { memLevel: 0 }));
  show('strategy', () => zlib.deflateSync('x', { strategy: 5 }));
  show('chunkSize', () => zlib.deflateSync('x', { chunkSize: 10 }));
  show('flush', () => zlib.deflateSync('x', { flush: 7 }));
  show('finishFlush', () => zlib.deflateSync('x', { finishFlush: -1 }));
  show('maxOutputLength', () => zlib.deflateSync('x', { maxOutputLength: 0 }));
  show('dictionary type', () => zlib.deflateSync('x', { dictionary: 'abc' }));
  show('buffer type', () => zlib.deflateSync(1));
  show('buffer null', () => zlib.gzipSync(null));
  show('brotli param', () => zlib.brotliCompressSync('x', { params: { 99: 1 } }));
  show('brotli param key', () => zlib.brotliCompressSync('x', { params: { abc: 1 } }));
  show('brotli param type', () => zlib.brotliCompressSync('x', { params: { 1: 'a' } }));
  show('brotli bad decoder param', () => zlib.brotliDecompressSync('x', { params: { 5: 1 } }));
  show('crc32 type', () => zlib.crc32(1));
  show('crc32 value', () => zlib.crc32('a', -1));
  show('callback', () => zlib.gzip('x'));
  show('async level', () => zlib.gzip('x', { level: 99 }, () => {}));
  show('params', () => zlib.createDeflate().params(10, 0, () => {}));
  // A zip bomb: 64 MiB of zeros in ~64 KiB; a limit stops every form.
  const bomb = zlib.gzipSync(Buffer.alloc(64 << 20), { level: 9, strategy: zlib.constants.Z_RLE });
  console.log('bomb', bomb.length);
  show('bomb sync', () => zlib.gunzipSync(bomb, { maxOutputLength: 1 << 20 }));
  await callback('bomb callback', zlib.gunzip, bomb, { maxOutputLength: 1 << 20 });
  show('brotli bomb', () => zlib.brotliDecompressSync(zlib.brotliCompressSync(Buffer.alloc(1 << 22)), { maxOutputLength: 1000 }));
  await callback('callback bad header', zlib.inflate, Buffer.from('garbage'));
  await callback('callback truncated', zlib.gunzip, gz.subarray(0, 12));
  await callback('callback brotli', zlib.brotliDecompress, Buffer.from([1, 2, 3, 4, 5]));
  const stream = zlib.createGunzip();
  await new Promise((resolve) => {
    stream.on('error', (e) => { console.log('stream error', e.code, e.errno, e.message, stream.destroyed); resolve(); });
    stream.end(Buffer.from('not gzip at all'));
  });
  // Garbage in every decoder: errors or output, never a crash.
  let seed = 14;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
  const outcomes = {};
  for (let round = 0; round < 200; round++) {
    const input = Buffer.from(gz);
    if (round % 2) input[random() % input.length] ^= 1 + (random() % 255);
    else for (let i = 0; i < input.length; i++) input[i] = random();
    for (const name of ['inflateSync', 'gunzipSync', 'unzipSync', 'brotliDecompressSync']) {
      let outcome;
      try { outcome = `ok`; zlib[name](input); } catch (e) { outcome = e.code; }
      outcomes[`${name} ${outcome}`] = (outcomes[`${name} ${outcome}`] ?? 0) + 1;
    }
  }
  console.log(Object.keys(outcomes).sort().map((k) => `${k}=${outcomes[k]}`).join('\n'));
}
