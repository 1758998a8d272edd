// Web streams (stream/web, the globals, on the built-in web-streams-polyfill):
// CompressionStream/DecompressionStream on zlib, TextEncoderStream and
// TextDecoderStream (a surrogate pair split across chunks), stream/consumers,
// queuing strategies, Writable/TransformStream, Node's errors for bad formats.
import util from 'node:util';
import web from 'node:stream/web';
import consumers from 'node:stream/consumers';
export async function main() {
  try { new CompressionStream('foo') } catch (e) { console.log(e.name, e.code, e.message) }
  try { new DecompressionStream() } catch (e) { console.log(e.name, e.code, e.message) }
  try { new TextDecoderStream('nope') } catch (e) { console.log(e.name, e.code, e.message) }
  console.log(Object.getOwnPropertyDescriptor(globalThis, 'WritableStream'));
  console.log(Object.keys(web).join(' '));
  console.log(Object.keys(consumers).join(' '));
  console.log(web.ReadableStream === ReadableStream, Object.getOwnPropertyDescriptor(globalThis, 'ReadableStream'));
  const cs = new CompressionStream('gzip');
  const w = cs.writable.getWriter(); w.write(new TextEncoder().encode('hello')); w.write('str'); w.close();
  const out = []; for await (const c of cs.readable) out.push(c);
  console.log(out.map((c) => c.constructor.name));
  const all = Buffer.concat(out);
  const ds = new DecompressionStream('gzip');
  const back = await consumers.text(new ReadableStream({ start(c) { c.enqueue(all); c.close(); } }).pipeThrough(ds));
  console.log(back);
  const ds2 = new DecompressionStream('deflate'); const dw = ds2.writable.getWriter(); dw.write(new Uint8Array([1,2,3])).catch(e => console.log('dwrite', e.name, e.code, e.message)); dw.close().catch(()=>{});
  try { for await (const c of ds2.readable); } catch (e) { console.log('dread', e.name, e.code, e.errno, e.message) }
  const enc = new TextEncoderStream(); const dec = new TextDecoderStream();
  const t = await consumers.text(new ReadableStream({ start(c) { c.enqueue('h\ud83d'); c.enqueue('\ude00 é'); c.close(); } }).pipeThrough(enc).pipeThrough(dec));
  console.log(t, enc.encoding, dec.encoding, dec.fatal, dec.ignoreBOM);
  console.log(await consumers.json(new ReadableStream({ start(c) { c.enqueue('{"a":'); c.enqueue('[1,2]}'); c.close(); } })));
  const { Readable } = await import('node:stream');
  console.log((await consumers.buffer(Readable.from([Buffer.from('ab'), Buffer.from('cd')]))).toString(), (await consumers.arrayBuffer(Readable.from(['xyz']))).byteLength);
  const q = new CountQueuingStrategy({ highWaterMark: 3 }); const b = new ByteLengthQueuingStrategy({ highWaterMark: 10 });
  console.log(q.highWaterMark, b.size(new Uint8Array(4)));
  const ws = new WritableStream({ write(chunk) { console.log('wrote', chunk); } });
  const writer = ws.getWriter(); await writer.write('one'); await writer.close();
  const ts = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } });
  console.log(await consumers.text(new ReadableStream({ start(c) { c.enqueue('abc'); c.close(); } }).pipeThrough(ts)));
  await adapters();
  await writableAdapters();
}

// Readable.toWeb / Readable.fromWeb, gzip in between.
export async function adapters() {
  const { Readable } = await import('node:stream');
  const zlib = (await import('node:zlib')).default;
  const web = Readable.toWeb(Readable.from([Buffer.from('to '), Buffer.from('web')]));
  const chunks = [];
  for await (const chunk of web) chunks.push(`${chunk.constructor.name}:${Buffer.from(chunk)}`);
  console.log('toWeb', chunks.join(' '));
  const objects = Readable.toWeb(Readable.from([{ a: 1 }, 'two'], { objectMode: true }));
  const seen = [];
  for await (const item of objects) seen.push(JSON.stringify(item));
  console.log('toWeb objects', seen.join(' '));
  const source = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('from ')); c.enqueue(new TextEncoder().encode('web')); c.close(); } });
  const node = Readable.fromWeb(source.pipeThrough(new CompressionStream('gzip')));
  const packed = [];
  for await (const chunk of node) packed.push(chunk);
  console.log('fromWeb', zlib.gunzipSync(Buffer.concat(packed)).toString(), node.readableEnded);
  const text = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([104, 105])); c.close(); } }), { encoding: 'utf8' });
  for await (const chunk of text) console.log('fromWeb encoding', typeof chunk, chunk);
  for (const bad of [() => Readable.toWeb({}), () => Readable.fromWeb({})]) {
    try { bad(); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  const failing = Readable.fromWeb(new ReadableStream({ pull(c) { c.error(new Error('web failed')); } }));
  await new Promise((resolve) => failing.on('error', (e) => { console.log('fromWeb error', e.message); resolve(); }).resume());
}

// Writable.toWeb / fromWeb and Duplex.toWeb / fromWeb.
export async function writableAdapters() {
  const { Writable, Duplex, PassThrough } = await import('node:stream');
  const got = [];
  const sink = new Writable({ highWaterMark: 4, write(chunk, encoding, callback) { got.push(chunk.toString()); setImmediate(callback); } });
  const webSink = Writable.toWeb(sink);
  const writer = webSink.getWriter();
  for (const word of ['alpha', 'beta', 'gamma']) await writer.write(Buffer.from(word));
  await writer.close();
  console.log('Writable.toWeb', got.join(','), sink.writableFinished);
  const seen = [];
  const nodeSide = Writable.fromWeb(new WritableStream({ write(chunk) { seen.push(`${chunk.constructor.name}:${Buffer.from(chunk)}`); } }));
  nodeSide.write('text');
  nodeSide.write(Buffer.from('bytes'));
  await new Promise((resolve) => nodeSide.end(resolve));
  console.log('Writable.fromWeb', seen.join(' '), nodeSide.writableFinished);
  const pair = Duplex.toWeb(new PassThrough());
  const pw = pair.writable.getWriter();
  pw.write(new TextEncoder().encode('through'));
  pw.close();
  const parts = [];
  for await (const chunk of pair.readable) parts.push(Buffer.from(chunk).toString());
  console.log('Duplex.toWeb', parts.join(''));
  const cs = new CompressionStream('deflate');
  const duplex = Duplex.fromWeb(cs);
  const out = [];
  duplex.on('data', (chunk) => out.push(chunk));
  duplex.end('duplex from web');
  await new Promise((resolve) => duplex.on('end', resolve));
  const zlib = (await import('node:zlib')).default;
  console.log('Duplex.fromWeb', zlib.inflateSync(Buffer.concat(out)).toString());
  for (const bad of [() => Writable.toWeb({}), () => Writable.fromWeb({}), () => Duplex.fromWeb({})]) {
    try { bad(); } catch (e) { console.log(e.name, e.code, e.message); }
  }
}
