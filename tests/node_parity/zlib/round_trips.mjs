// Every mode in its sync, callback, promisified and stream forms, with Node's
// options. Compressed bytes are printed only where Node's bundled zlib
// (Chromium's 1.3.1 fork) and Debian's 1.2.13 agree: stored blocks (level 0),
// Z_HUFFMAN_ONLY and Z_RLE, small inputs, and brotli qualities 0, 1 and 5-11.
import zlib from 'node:zlib';
import util from 'node:util';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';

const text = Buffer.from(Array.from({ length: 3000 }, (_, i) => `line ${i} ${(i * 7919) % 1000}\n`).join(''));
const digest = (b) => `${b.length}:${b.toString('base64').slice(-16)}`;

const pairs = [
  ['deflate', 'inflate'], ['gzip', 'gunzip'], ['deflateRaw', 'inflateRaw'],
  ['gzip', 'unzip'], ['deflate', 'unzip'], ['brotliCompress', 'brotliDecompress'],
];

async function collect(stream, input, chunk) {
  const out = [];
  const sink = new Writable({ write(c, e, cb) { out.push(c); cb(); } });
  const parts = [];
  for (let i = 0; i < input.length; i += chunk) parts.push(input.subarray(i, i + chunk));
  await pipeline(Readable.from(parts), stream, sink);
  return Buffer.concat(out);
}

export async function main() {
  for (const [c, d] of pairs) {
    const sync = zlib[`${c}Sync`](text);
    const viaCallback = await new Promise((resolve, reject) =>
      zlib[c](text, (err, out) => (err ? reject(err) : resolve(out))));
    const viaPromise = await util.promisify(zlib[d])(viaCallback);
    const Class = c[0].toUpperCase() + c.slice(1);
    const viaStream = await collect(new zlib[Class === 'DeflateRaw' ? 'DeflateRaw' : Class](), text, 1000);
    const back = await collect(zlib[`create${d[0].toUpperCase()}${d.slice(1)}`](), viaStream, 77);
    console.log(c, d, sync.equals(viaCallback), viaPromise.equals(text), back.equals(text),
                zlib[`${d}Sync`](sync).equals(text));
  }
  // Byte-exact output for the same options.
  for (let level = -1; level <= 9; level++) {
    for (const strategy of [zlib.constants.Z_HUFFMAN_ONLY, zlib.constants.Z_RLE]) {
      console.log('deflate', level, strategy, digest(zlib.deflateSync(text, { level, strategy })));
    }
  }
  console.log('stored', digest(zlib.deflateSync(text, { level: 0 })), digest(zlib.gzipSync(text, { level: 0 })));
  for (const windowBits of [8, 9, 12, 15]) {
    for (const memLevel of [1, 5, 9]) {
      const options = { windowBits, memLevel, strategy: zlib.constants.Z_RLE };
      const out = zlib.deflateRawSync(text, options);
      console.log('raw', windowBits, memLevel, digest(out), zlib.inflateRawSync(out, { windowBits: 15 }).equals(text));
    }
  }
  console.log('small', digest(zlib.gzipSync('hi')), digest(zlib.deflateSync('hello world')),
              digest(zlib.deflateRawSync('abcabcabc')), digest(zlib.gzipSync('')));
  for (const quality of [0, 1, 5, 9, 11]) {
    const out = zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } });
    console.log('brotli', quality, digest(out), zlib.brotliDecompressSync(out).equals(text));
  }
  const sized = zlib.brotliCompressSync(text, { params: {
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.length, [zlib.constants.BROTLI_PARAM_LGWIN]: 18,
  } });
  console.log('brotli params', digest(sized), zlib.brotliDecompressSync(sized).equals(text));
  // Dictionaries, small chunks, info, inputs of every kind.
  const dictionary = Buffer.from('line 1 2 3 4 5 6 7 8 9 0');
  const withDict = zlib.deflateSync(text, { dictionary, strategy: zlib.constants.Z_RLE });
  console.log('dictionary', digest(withDict), zlib.inflateSync(withDict, { dictionary }).equals(text),
              zlib.inflateRawSync(zlib.deflateRawSync(text, { dictionary }), { dictionary }).equals(text));
  const tiny = zlib.gzipSync(text, { chunkSize: 64, level: 0 });
  console.log('chunkSize', digest(tiny), zlib.gunzipSync(tiny, { chunkSize: 64 }).equals(text));
  const info = zlib.deflateSync('abc', { info: true });
  console.log('info', Object.keys(info), info.engine.constructor.name, info.engine.bytesWritten, digest(info.buffer));
  const asyncInfo = await util.promisify(zlib.gzip)('abc', { info: true });
  console.log('async info', asyncInfo.engine instanceof zlib.Gzip, digest(asyncInfo.buffer));
  const u16 = new Uint16Array([1, 2, 3, 4]);
  console.log('inputs', digest(zlib.deflateSync(u16)), digest(zlib.deflateSync(u16.buffer)),
              digest(zlib.deflateSync(new DataView(u16.buffer))), digest(zlib.deflateSync('text')));
  console.log('concatenated', zlib.gunzipSync(Buffer.concat([zlib.gzipSync('ab'), zlib.gzipSync('cd'), Buffer.alloc(8)])).toString(),
              zlib.unzipSync(Buffer.concat([zlib.gzipSync('ab'), zlib.gzipSync('cd')])).toString());
  const cut = zlib.gzipSync(text).subarray(0, 200);
  console.log('finishFlush', zlib.gunzipSync(cut, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).length > 0);
  console.log('crc32', zlib.crc32('hello'), zlib.crc32(Buffer.from('world'), zlib.crc32('hello ')),
              zlib.crc32(''), zlib.crc32(new Uint8Array(text)));
}
