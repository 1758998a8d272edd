// tar-stream with zlib: packs a few files into a tar stream, gzips it through
// zlib.createGzip() (default and byte-comparable settings), then gunzips and
// extracts it again, printing each entry and CRCs of the bytes. The default
// level's bytes differ between Node's bundled zlib and the system's, so only
// stored (level 0) and Z_RLE archives are compared byte for byte.
import tar from 'tar-stream';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';

const files = [
  ['README.md', '# packed by tar-stream\n'.repeat(40)],
  ['src/index.js', 'export const answer = 42;\n'.repeat(500)],
  ['data/numbers.txt', Array.from({ length: 5000 }, (_, i) => `${i * i}`).join('\n')],
  ['empty.txt', ''],
];

function pack() {
  const archive = tar.pack();
  for (const [name, body] of files) {
    archive.entry({ name, mtime: new Date(1700000000000), mode: 0o644, uid: 0, gid: 0 }, body);
  }
  archive.finalize();
  return archive;
}

function collect(into) {
  return new Writable({ write(chunk, encoding, callback) { into.push(chunk); callback(); } });
}

async function gzipped(options) {
  const out = [];
  await pipeline(pack(), zlib.createGzip(options), collect(out));
  return Buffer.concat(out);
}

async function extract(gz) {
  const entries = [];
  const extractor = tar.extract();
  extractor.on('entry', (header, stream, next) => {
    const parts = [];
    stream.on('data', (c) => parts.push(c));
    stream.on('end', () => {
      const body = Buffer.concat(parts);
      entries.push(`${header.name} ${header.size} ${header.mode.toString(8)} crc=${zlib.crc32(body)}`);
      next();
    });
  });
  const input = zlib.createGunzip();
  input.end(gz);
  await pipeline(input, extractor);
  return entries;
}

export async function main() {
  const plain = [];
  await pipeline(pack(), collect(plain));
  const tarBytes = Buffer.concat(plain);
  console.log('tar', tarBytes.length, zlib.crc32(tarBytes));
  const byDefault = await gzipped();
  console.log('default', byDefault.length < tarBytes.length / 2, zlib.gunzipSync(byDefault).equals(tarBytes));
  for (const options of [{ level: 0 }, { strategy: zlib.constants.Z_RLE }, { level: 1, strategy: zlib.constants.Z_HUFFMAN_ONLY, chunkSize: 1024 }]) {
    const gz = await gzipped(options);
    console.log(JSON.stringify(options), gz.length, zlib.crc32(gz));
  }
  for (const line of await extract(byDefault)) console.log(line);
  const brotli = zlib.brotliCompressSync(tarBytes);
  console.log('brotli', zlib.brotliDecompressSync(brotli).equals(tarBytes));
}
