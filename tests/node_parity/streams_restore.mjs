// Streams made at build time (top level) and used in main() after a restore:
// their buffers, pipes, listeners, pending decoder bytes and abort signals are
// in the snapshot's heap and must carry on exactly as Node carries on.
import { Readable, Writable, Transform, PassThrough, pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { EventEmitter } from 'node:events';

const log = (...args) => console.log(...args);

// Data written before anyone reads: it waits in the PassThrough's buffer.
const buffered = new PassThrough();
buffered.write('written at build time; ');
log('buffered at top level:', buffered.readableLength);

// A pipe connected at top level, with nothing flowing through it yet.
const source = new Readable({ read() {} });
const upper = new Transform({
  transform(chunk, encoding, callback) { callback(null, `${chunk}`.toUpperCase()); },
});
const seen = [];
const sink = new Writable({
  highWaterMark: 2,
  write(chunk, encoding, callback) {
    seen.push(`${chunk}`);
    process.nextTick(callback);
  },
});
let pipelineResult = 'pending';
pipeline(source, upper, sink, (error) => { pipelineResult = error ? error.message : 'done'; });

// Object mode with items already queued, and a paused flowing stream.
const items = new Readable({ objectMode: true, read() {} });
items.push({ id: 1, at: 'build' });
items.push({ id: 2, at: 'build' });
const paused = new Readable({ read() {} });
paused.on('data', (chunk) => log('paused stream data:', `${chunk}`));
paused.pause();
paused.push('pushed while paused');

// Half a character, and listeners on an emitter and on an abort signal.
const decoder = new StringDecoder('utf8');
log('decoder at top level:', JSON.stringify(decoder.write(Buffer.from([0xe2, 0x82]))));
const emitter = new EventEmitter();
emitter.on('restored', (when) => log('listener added at build time heard', when));
const controller = new AbortController();
controller.signal.addEventListener('abort',
  () => log('abort listener from build time:', controller.signal.reason));
const guarded = new Readable({ read() {}, signal: controller.signal });
guarded.on('error', (error) => log('guarded stream:', error.name, error.code));
await new Promise((resolve) => process.nextTick(resolve));
log('top level done; sink saw', seen.length, 'chunks');

export async function main(args) {
  log('main', args);
  buffered.end('and at run time.');
  log('buffered:', `${Buffer.concat(await buffered.toArray())}`);

  for (const word of ['first ', 'second ', 'third']) source.push(word);
  source.push(null);
  await new Promise((resolve) => sink.on('finish', resolve));
  await new Promise((resolve) => process.nextTick(resolve));
  log('through the pipe:', seen, pipelineResult);

  items.push({ id: 3, at: 'run' });
  items.push(null);
  for await (const item of items) log('item', item);

  paused.resume();
  paused.push(null);
  await new Promise((resolve) => paused.on('end', resolve));

  log('decoder completes:', JSON.stringify(decoder.write(Buffer.from([0xac]))),
    JSON.stringify(decoder.end()));
  emitter.emit('restored', 'in main');
  controller.abort('stopped in main');
  await new Promise((resolve) => guarded.on('close', resolve));
  log('guarded destroyed:', guarded.destroyed);
}
