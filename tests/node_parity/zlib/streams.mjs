// The stream forms: flush(), params(), reset(), close(), bytesWritten,
// backpressure with a slow reader, pipes, destroy mid-stream, events' order.
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';

const once = (emitter, name) => new Promise((resolve) => emitter.once(name, resolve));
const text = Buffer.from('stream data '.repeat(20000));

export async function main() {
  // flush() emits what was written so far, each flag as zlib spells it.
  const deflate = zlib.createDeflate({ strategy: zlib.constants.Z_RLE });
  deflate.write('abc');
  await new Promise((resolve) => deflate.flush(resolve));
  console.log('flush', deflate.read().toString('hex'));
  deflate.write('def');
  await new Promise((resolve) => deflate.flush(zlib.constants.Z_SYNC_FLUSH, resolve));
  console.log('sync flush', deflate.read().toString('hex'));
  await new Promise((resolve) => deflate.params(0, zlib.constants.Z_DEFAULT_STRATEGY, resolve));
  console.log('params', deflate._level, deflate._strategy, deflate.read()?.toString('hex'));
  const closed = once(deflate, 'close');
  deflate.end('ghi');
  const rest = [];
  deflate.on('data', (c) => rest.push(c));
  await once(deflate, 'end');
  console.log('end', Buffer.concat(rest).toString('hex'), deflate.bytesWritten);
  await closed;
  console.log('closed', deflate._closed, deflate.destroyed);

  // Backpressure: a slow reader, a small chunkSize, and every byte arrives.
  const gzip = zlib.createGzip({ chunkSize: 1024, level: 1 });
  const gunzip = zlib.createGunzip({ chunkSize: 256 });
  let received = 0;
  let writes = 0;
  const slow = new Writable({
    highWaterMark: 1024,
    write(chunk, encoding, callback) { received += chunk.length; writes++; setImmediate(callback); },
  });
  const parts = [];
  for (let i = 0; i < text.length; i += 5000) parts.push(text.subarray(i, i + 5000));
  await pipeline(Readable.from(parts), gzip, gunzip, slow);
  console.log('backpressure', received, writes > 100, gzip.bytesWritten, gunzip.bytesWritten > 0);

  // A readable that is never read pauses the compressor once its buffer fills.
  const paused = zlib.createInflate({ chunkSize: 64 });
  const packed = zlib.deflateSync(Buffer.alloc(100000, 'x'));
  paused.write(packed);
  await new Promise((resolve) => setTimeout(resolve, 50));
  console.log('paused', paused.readableLength > 0, paused.readableLength < 100000);
  let total = 0;
  paused.on('data', (c) => { total += c.length; });
  paused.end();
  await once(paused, 'end');
  console.log('paused total', total);

  // reset() starts a new stream on the same handle.
  const r = zlib.createDeflateRaw({ strategy: zlib.constants.Z_HUFFMAN_ONLY });
  r.write('first');
  await new Promise((resolve) => r.flush(resolve));
  const first = r.read();
  r.reset();
  r.end('first');
  const second = [];
  r.on('data', (c) => second.push(c));
  await once(r, 'end');
  console.log('reset', first.toString('hex'), Buffer.concat(second).toString('hex'));

  // close() and destroy() mid-stream.
  const c = zlib.createGzip();
  c.write('some');
  const events = [];
  c.on('close', () => events.push('close'));
  c.on('end', () => events.push('end'));
  await new Promise((resolve) => c.close(() => { events.push('close callback'); resolve(); }));
  await new Promise((resolve) => setImmediate(resolve));
  console.log('close', events.join(','), c._closed, c.destroyed);
  const d = zlib.createBrotliCompress();
  d.on('error', (e) => console.log('never', e));
  d.write(text);
  d.destroy();
  await once(d, 'close');
  console.log('destroyed', d._closed, d.destroyed);

  // Brotli flush.
  const b = zlib.createBrotliCompress();
  b.write('brotli flushed');
  await new Promise((resolve) => b.flush(resolve));
  const flushed = b.read();
  console.log('brotli flush', zlib.brotliDecompressSync(flushed, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }).toString());
  b.end();

  // Unzip detecting the container from bytes that arrive one at a time.
  for (const input of [zlib.gzipSync('gzip bytes'), zlib.deflateSync('zlib bytes')]) {
    const u = zlib.createUnzip();
    const out = [];
    u.on('data', (chunk) => out.push(chunk));
    for (const byte of input) u.write(Buffer.from([byte]));
    u.end();
    await once(u, 'end');
    console.log('unzip', Buffer.concat(out).toString());
  }

  // Classes without `new`, subclassing, the prototype chain.
  const plain = zlib.Gzip();
  console.log('classes', plain instanceof zlib.Gzip, plain instanceof Readable, zlib.Gzip.name,
              typeof zlib.Gzip.prototype.params, typeof zlib.BrotliCompress.prototype.params,
              zlib.createGzip.name, zlib.gzipSync.name, zlib.gzip.name);
  plain.destroy();
  class Mine extends zlib.Deflate { constructor() { super({ level: 0 }); this.mine = true; } }
  const mine = new Mine();
  mine.end('subclass');
  const mineOut = [];
  mine.on('data', (chunk) => mineOut.push(chunk));
  await once(mine, 'end');
  console.log('subclass', mine.mine, zlib.inflateSync(Buffer.concat(mineOut)).toString());
}
