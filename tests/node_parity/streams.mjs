// Node's streams and string_decoder, as toysnap builds them in from npm's
// readable-stream and string_decoder: each case prints what it saw, in the
// order it saw it, and must print exactly what Node 20 prints.
import stream, {
  Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished,
} from 'node:stream';
import { pipeline as pipelinePromise, finished as finishedPromise } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import EventEmitter, { once, on } from 'node:events';

const log = (...args) => console.log(...args);
// Node 20 passes null where readable-stream (Node 18.19's code) passes
// undefined to a write callback; the README lists such differences.
const describe = (error) => (error ? `${error.name} ${error.code} ${error.message}` : 'no error');
const tick = () => new Promise((resolve) => process.nextTick(resolve));
// Resolves when `emitter` emits `event`, with what it saw.
const settled = (emitter, event) => new Promise((resolve) => emitter.once(event, resolve));

// A Writable that records what reaches it; `delay` ticks before each callback.
function recorder(name, options = {}) {
  const seen = [];
  const writable = new Writable({
    highWaterMark: options.highWaterMark,
    objectMode: options.objectMode,
    decodeStrings: options.decodeStrings,
    write(chunk, encoding, callback) {
      seen.push(Buffer.isBuffer(chunk) ? `${chunk}` : chunk);
      // (In object mode Node 20 passes no encoding, readable-stream 'utf8'.)
      log(`${name} write`, Buffer.isBuffer(chunk) ? `<Buffer ${chunk}>` : JSON.stringify(chunk),
        options.objectMode ? '' : encoding);
      if (options.fail === seen.length) callback(new Error(`${name} refused chunk ${seen.length}`));
      else if (options.sync) callback();
      else process.nextTick(callback);
    },
    final(callback) {
      log(`${name} final`);
      callback();
    },
  });
  writable.seen = seen;
  for (const event of ['finish', 'close']) writable.on(event, () => log(`${name} ${event}`));
  return writable;
}

async function readablePausedMode() {
  log('-- Readable: push, read, readable events (paused mode)');
  const r = new Readable({ read() {} });
  log('readable state', r.readable, r.readableFlowing, r.readableLength, r.readableHighWaterMark);
  r.push('ab');
  r.push(Buffer.from('cd'));
  log('after push', r.readableLength, r.readableFlowing);
  r.on('readable', () => {
    let chunk;
    while ((chunk = r.read()) !== null) log('read', chunk, r.readableLength);
    log('read returned null; ended:', r.readableEnded);
  });
  r.on('end', () => log('end event'));
  await tick();
  r.push('ef');
  r.push(null);
  await settled(r, 'close');
  log('after close', r.destroyed, r.readableEnded, r.readable);

  const sized = new Readable({ read() {} });
  sized.push('hello world');
  sized.push(null);
  log('read(5)', `${sized.read(5)}`, 'read(100)', `${sized.read(100)}`, 'read()', sized.read());
  const decoded = new Readable({ read() {} });
  decoded.setEncoding('utf8');
  decoded.push(Buffer.from([0xe2, 0x82]));
  decoded.push(Buffer.from([0xac, 0x21]));
  decoded.push(null);
  log('setEncoding joins split characters:', JSON.stringify(decoded.read()), decoded.readableEncoding);
}

async function readableFlowingMode() {
  log('-- Readable: flowing mode, pause and resume');
  let n = 0;
  const r = new Readable({
    read() {
      n++;
      log('_read called', n);
      if (n <= 3) this.push(`chunk${n}`); else this.push(null);
    },
  });
  r.on('data', (chunk) => {
    log('data', `${chunk}`, 'flowing', r.readableFlowing, r.isPaused());
    if (`${chunk}` === 'chunk1') {
      r.pause();
      log('paused', r.isPaused());
      process.nextTick(() => { log('resuming'); r.resume(); });
    }
  });
  r.on('pause', () => log('pause event'));
  r.on('resume', () => log('resume event'));
  r.on('end', () => log('end'));
  r.on('close', () => log('close'));
  await settled(r, 'close');
}

async function readableAsyncIteration() {
  log('-- Readable: for await, object mode, Readable.from');
  let count = 0;
  const numbers = new Readable({
    objectMode: true,
    highWaterMark: 2,
    read() {
      count++;
      this.push(count <= 4 ? { n: count } : null);
    },
  });
  log('objectMode hwm', numbers.readableHighWaterMark, numbers.readableObjectMode);
  for await (const item of numbers) log('item', item);
  log('destroyed after loop', numbers.destroyed);

  const early = Readable.from([1, 2, 3, 4]);
  for await (const item of early) {
    log('early item', item);
    if (item === 2) break;
  }
  log('break destroys the stream', early.destroyed);

  async function* generate() {
    yield 'x';
    await null;
    yield 'y';
  }
  const fromGenerator = Readable.from(generate());
  log('from(generator) objectMode', fromGenerator.readableObjectMode);
  log('toArray', await fromGenerator.toArray());
  log('from(string)', await Readable.from('one string').toArray());
  log('from(buffer)', await Readable.from(Buffer.from('bytes')).toArray());
  log('from(array, objectMode false)',
    (await Readable.from(['a', 'b'], { objectMode: false }).toArray()).map(String));

  const failing = new Readable({ read() { this.destroy(new Error('read failed')); } });
  try {
    for await (const chunk of failing) log('unexpected', chunk);
  } catch (error) {
    log('for await rejects with', describe(error));
  }
  const mapped = await Readable.from([1, 2, 3, 4])
    .filter((x) => x % 2 === 0).map((x) => x * 10).toArray();
  log('filter/map/toArray', mapped);
}

async function writableBackpressure() {
  log('-- Writable: backpressure, drain, final, finish');
  const w = recorder('w', { highWaterMark: 4 });
  log('hwm', w.writableHighWaterMark, 'length', w.writableLength);
  log('write ab ->', w.write('ab'), w.writableLength, w.writableNeedDrain);
  log('write cd ->', w.write('cd'), w.writableLength, w.writableNeedDrain);
  log('write ef ->', w.write('ef'), w.writableLength);
  w.on('drain', () => log('drain', w.writableLength, w.writableNeedDrain));
  await settled(w, 'drain');
  log('write after drain ->', w.write('gh', () => log('write callback gh')));
  w.end('ij', () => log('end callback'));
  log('writableEnded', w.writableEnded, 'writableFinished', w.writableFinished);
  await settled(w, 'close');
  log('seen', w.seen, 'finished', w.writableFinished);

  const objects = recorder('obj', { objectMode: true, highWaterMark: 2, sync: true });
  log('object writes', objects.write({ a: 1 }), objects.write([2]), objects.write('three'));
  objects.end();
  await settled(objects, 'close');

  const kept = recorder('kept', { decodeStrings: false, sync: true });
  kept.write('text', 'utf8');
  kept.write(Buffer.from('buf'));
  kept.end();
  await settled(kept, 'close');

  const corked = new Writable({
    writev(chunks, callback) {
      log('writev', chunks.map(({ chunk, encoding }) => `${chunk}:${encoding}`));
      callback();
    },
  });
  corked.cork();
  corked.write('1');
  corked.write('2');
  corked.write('3');
  log('corked', corked.writableCorked, corked.writableLength);
  process.nextTick(() => corked.uncork());
  corked.end();
  await finishedPromise(corked);
  log('corked stream finished');
}

async function writableErrors() {
  log('-- Writable: errors and destroy');
  const w = recorder('fails', { fail: 2 });
  w.on('error', (error) => log('error event', describe(error), w.destroyed, w.errored === error));
  w.write('one', (error) => log('callback one', describe(error)));
  w.write('two', (error) => log('callback two', describe(error)));
  w.write('three', (error) => log('callback three', describe(error)));
  await settled(w, 'close');

  const ended = new Writable({ write(chunk, encoding, callback) { callback(); } });
  ended.on('error', (error) => log('write after end:', describe(error)));
  ended.end('last');
  ended.write('more', (error) => log('callback:', describe(error)));
  await settled(ended, 'close');

  const destroyed = new Writable({
    write(chunk, encoding, callback) { callback(); },
    destroy(error, callback) {
      log('_destroy with', describe(error));
      callback(error);
    },
  });
  destroyed.on('error', (error) => log('destroy error event', describe(error)));
  destroyed.on('close', () => log('destroy close; errored:', describe(destroyed.errored)));
  destroyed.destroy(new Error('destroyed on purpose'));
  log('destroyed now', destroyed.destroyed, 'writable', destroyed.writable);
  await settled(destroyed, 'close');
  destroyed.write('x', (error) => log('write after destroy:', describe(error)));
  await tick();

  const quiet = new Writable({ write(chunk, encoding, callback) { callback(); } });
  quiet.on('close', () => log('destroy() without error closes; errored', quiet.errored));
  quiet.destroy();
  await settled(quiet, 'close');

  for (const [what, act] of [
    ['write(null)', (s) => s.write(null)],
    ['write(5)', (s) => s.write(5)],
    ['hwm -1', () => new Writable({ highWaterMark: -1 })],
  ]) {
    const s = new Writable({ write(chunk, encoding, callback) { callback(); } });
    try {
      act(s);
      log(what, 'did not throw');
    } catch (error) {
      log(what, 'throws', error.name, error.code);
    }
  }
  const wrongChunk = new Readable({ read() {} });
  wrongChunk.on('error', (error) => log('push(5) emits', error.name, error.code));
  wrongChunk.push(5);  // (returns false in Node 20, true in readable-stream)
  await settled(wrongChunk, 'close');
  try {
    new Writable().write('x');
  } catch (error) {
    log('no _write:', describe(error));
  }
}

async function duplexAndTransform() {
  log('-- Duplex, Transform, PassThrough');
  const received = [];
  const duplex = new Duplex({
    read() {},
    write(chunk, encoding, callback) {
      received.push(`${chunk}`);
      this.push(`echo:${chunk}`);
      callback();
    },
    final(callback) {
      this.push(null);
      callback();
    },
  });
  duplex.on('data', (chunk) => log('duplex data', `${chunk}`));
  duplex.on('finish', () => log('duplex finish'));
  duplex.on('end', () => log('duplex end'));
  duplex.write('a');
  duplex.end('b');
  await settled(duplex, 'close');
  log('duplex received', received, duplex.allowHalfOpen);

  const halfOpen = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
  halfOpen.on('finish', () => log('half-open duplex finished after its readable ended'));
  halfOpen.resume();
  halfOpen.push(null);
  await settled(halfOpen, 'close');

  const upper = new Transform({
    transform(chunk, encoding, callback) { callback(null, `${chunk}`.toUpperCase()); },
    flush(callback) {
      this.push('!');
      callback();
    },
  });
  upper.setEncoding('utf8');
  const pieces = [];
  upper.on('data', (chunk) => pieces.push(chunk));
  upper.write('hello ');
  upper.write(Buffer.from('world'));
  upper.end();
  await settled(upper, 'end');
  log('transform', pieces);

  const counter = new Transform({
    objectMode: true,
    transform(item, encoding, callback) {
      if (item.skip) callback();
      else callback(null, { ...item, seen: true });
    },
  });
  counter.write({ id: 1 });
  counter.write({ id: 2, skip: true });
  counter.end({ id: 3 });
  log('object transform', await counter.toArray());

  const failing = new Transform({
    transform(chunk, encoding, callback) { callback(new Error(`cannot take ${chunk}`)); },
  });
  failing.on('error', (error) => log('transform error', describe(error)));
  failing.write('x');
  await settled(failing, 'close');

  const pass = new PassThrough();
  pass.end('through');
  log('passthrough', `${await pass.toArray()}`, pass instanceof Transform, pass instanceof Duplex,
    pass instanceof Readable, pass instanceof Writable, pass instanceof stream,
    pass instanceof EventEmitter);
}

async function pipelines() {
  log('-- pipeline (callback), pipe, finished');
  const sink = recorder('sink', { sync: true });
  pipeline(
    Readable.from(['a', 'b', 'c']),
    new Transform({ transform(chunk, encoding, callback) { callback(null, `${chunk}${chunk}`); } }),
    sink,
    (error) => log('pipeline done', describe(error)),
  );
  await settled(sink, 'close');
  await tick();

  const source = Readable.from(['1', '2', '3']);
  const broken = new Transform({
    transform(chunk, encoding, callback) {
      callback(`${chunk}` === '2' ? new Error('transform failed at 2') : null, chunk);
    },
  });
  const target = recorder('target', { sync: true });
  await new Promise((resolve) => {
    pipeline(source, broken, target, (error) => {
      log('pipeline error', describe(error));
      log('destroyed', source.destroyed, broken.destroyed, target.destroyed);
      resolve();
    });
  });

  try {
    pipeline(Readable.from(['x']), () => {});
  } catch (error) {
    // (readable-stream 4.8 garbles this message: "undefinedThe \" argument ...")
    log('pipeline with one stream', error.name, error.code);
  }

  const out = recorder('piped', { sync: true });
  const readable = Readable.from(['p1', 'p2']);
  log('pipe returns its destination', readable.pipe(out) === out);
  await settled(out, 'close');

  const ending = Readable.from(['e']);
  finished(ending, (error) => log('finished (ended)', describe(error)));
  ending.resume();
  await settled(ending, 'close');
  const cut = new Readable({ read() {} });
  finished(cut, (error) => log('finished (premature)', describe(error)));
  cut.destroy();
  await settled(cut, 'close');
  await tick();
}

async function promisePipelines() {
  log('-- stream/promises');
  const sink = recorder('psink', { sync: true });
  await pipelinePromise(
    Readable.from(['q', 'r']),
    async function* (source) {
      for await (const chunk of source) yield `<${chunk}>`;
    },
    sink,
  );
  log('pipeline resolved', sink.seen);

  try {
    await pipelinePromise(
      Readable.from(['s']),
      async function* (source) {
        for await (const chunk of source) throw new Error(`generator refused ${chunk}`);
      },
      recorder('unused', { sync: true }),
    );
  } catch (error) {
    log('pipeline rejected', describe(error));
  }

  const controller = new AbortController();
  const slow = new Readable({ read() {} });
  slow.push('first');
  const aborted = pipelinePromise(slow, recorder('aborted', { sync: true }),
    { signal: controller.signal });
  await tick();
  controller.abort();
  try {
    await aborted;
  } catch (error) {
    log('aborted pipeline', describe(error), slow.destroyed);
  }
  const stopped = new Readable({ read() {} });
  stopped.on('end', () => log('end before finished resolves'));
  stopped.resume();
  stopped.push(null);
  await finishedPromise(stopped);
  log('finished resolved');
  try {
    const broken = new Readable({ read() {} });
    process.nextTick(() => broken.destroy(new Error('gone')));
    await finishedPromise(broken);
  } catch (error) {
    log('finished rejected', describe(error));
  }
  const signal = AbortSignal.abort();
  const withSignal = stream.addAbortSignal(signal, new Readable({ read() {} }));
  withSignal.on('error', (error) => log('addAbortSignal', describe(error)));
  await settled(withSignal, 'close');
}

function decoders() {
  log('-- Buffer.copy and utf16le, which string_decoder uses');
  const source = Buffer.from('abcdef');
  for (const args of [[], [1], [1, 2], [1, 2, 4], [0, 4, 2], [10], [0, 0, 100], [1.7, 0.5, 3.9],
    [NaN, NaN, NaN], [-1], [0, 10], [0, 0, -1]]) {
    const target = Buffer.alloc(4);
    try {
      log('copy', JSON.stringify(args), source.copy(target, ...args), target.toString('hex'));
    } catch (error) {
      log('copy', JSON.stringify(args), describe(error));
    }
  }
  log('utf16le', Buffer.from('h\u20ac\u{1d11e}', 'ucs2'),
    Buffer.from([0x61, 0, 0x62]).toString('utf16le'), Buffer.byteLength('h\u00e9', 'utf-16le'));

  log('-- string_decoder');
  const show = (text) => JSON.stringify(text);
  const euro = Buffer.from('a€𝄞ü', 'utf8');
  for (let split = 0; split <= euro.length; split++) {
    const d = new StringDecoder('utf8');
    const parts = [d.write(euro.subarray(0, split)), d.write(euro.subarray(split)), d.end()];
    log('utf8 split at', split, parts.map(show).join(' '));
  }
  const bytewise = new StringDecoder('utf-8');
  log('utf8 byte by byte',
    [...euro].map((byte) => show(bytewise.write(Buffer.from([byte])))).join(','));
  const incomplete = new StringDecoder('utf8');
  log('utf8 incomplete at end', show(incomplete.write(Buffer.from([0x61, 0xf0, 0x9f]))),
    show(incomplete.end()));
  const invalid = new StringDecoder('utf8');
  log('utf8 invalid', show(invalid.write(Buffer.from([0xe2, 0x41, 0xff, 0xc3]))),
    show(invalid.end(Buffer.from([0xa9]))));

  const utf16 = Buffer.from('h€𝄞', 'utf16le');
  for (let split = 0; split <= utf16.length; split++) {
    const d = new StringDecoder('utf16le');
    const parts = [d.write(utf16.subarray(0, split)), d.write(utf16.subarray(split)), d.end()];
    log('utf16le split at', split, parts.map(show).join(' '));
  }
  const odd = new StringDecoder('ucs2');
  log('utf16le odd byte at end', show(odd.write(Buffer.from([0x68, 0x00, 0x69]))), show(odd.end()));

  const bytes = Buffer.from('toysnap!?');
  for (let split = 0; split <= 4; split++) {
    const d = new StringDecoder('base64');
    const parts = [d.write(bytes.subarray(0, split)), d.write(bytes.subarray(split, split + 2)),
      d.write(bytes.subarray(split + 2)), d.end()];
    log('base64 split at', split, parts.map(show).join(' '));
  }
  const hex = new StringDecoder('hex');
  log('hex', show(hex.write(Buffer.from([1, 171]))), show(hex.end(Buffer.from([255]))));
  const latin1 = new StringDecoder('latin1');
  log('latin1', show(latin1.write(Buffer.from([0x63, 0xe9]))), show(latin1.end()));
  log('encodings', new StringDecoder().encoding, new StringDecoder('UTF-16LE').encoding,
    new StringDecoder('binary').encoding);
  const views = new StringDecoder('utf8');
  log('strings pass, any view is bytes', show(views.write('text')),
    show(views.write(new Uint8Array([0xe2, 0x82]))), show(views.end(new DataView(new ArrayBuffer(1)))));
  for (const make of [() => new StringDecoder('klingon'), () => views.write(5),
    () => new Readable().setEncoding('klingon')]) {
    try {
      make();
    } catch (error) {
      log('refused:', describe(error));
    }
  }
}

async function emittersAndSignals() {
  log('-- events and AbortController, which streams build on');
  const emitter = new EventEmitter();
  emitter.on('x', (v) => log('on x', v));
  emitter.prependListener('x', (v) => log('prepended x', v));
  emitter.once('x', (v) => log('once x', v));
  log('emit', emitter.emit('x', 1), emitter.emit('x', 2), emitter.emit('nobody'),
    emitter.listenerCount('x'));
  log('eventNames', emitter.eventNames(), emitter.rawListeners('x').length);
  emitter.on(EventEmitter.errorMonitor, (error) => log('errorMonitor saw', error.message));
  emitter.on('error', (error) => log('error listener', error.message));
  emitter.emit('error', new Error('monitored'));
  try {
    new EventEmitter().emit('error', 'not an Error');
  } catch (error) {
    log('unhandled error', describe(error), error.context);
  }
  process.nextTick(() => emitter.emit('ready', 'a', 'b'));
  log('events.once', await once(emitter, 'ready'));
  const controller = new AbortController();
  const waiting = once(emitter, 'never', { signal: controller.signal });
  controller.abort();
  try {
    await waiting;
  } catch (error) {
    log('once aborted', describe(error), error.cause?.name);
  }
  log('an emitter as Node shapes it', new EventEmitter());
  process.nextTick(() => {
    emitter.emit('item', 1);
    emitter.emit('item', 2);
    emitter.emit('last');
  });
  for await (const [value] of on(emitter, 'item', { close: ['last'] })) log('on() yields', value);
  function Legacy() { EventEmitter.call(this); }
  Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
  const legacy = new Legacy();
  legacy.on('ping', () => log('legacy constructor emitter works'));
  legacy.emit('ping');

  const signal = controller.signal;
  log('signal', signal.aborted, signal.reason.name, signal.reason.message, controller);
  const fresh = new AbortController();
  fresh.signal.addEventListener('abort', (event) => {
    log('abort event', event.type, event.isTrusted, event.target === fresh.signal, fresh.signal.reason);
  });
  fresh.signal.onabort = () => log('onabort');
  fresh.abort('reason given');
  fresh.abort('second abort ignored');
  log('AbortSignal.abort', AbortSignal.abort(7).reason, AbortSignal.any([fresh.signal]).aborted);
  try {
    fresh.signal.throwIfAborted();
  } catch (reason) {
    log('throwIfAborted throws the reason', reason);
  }
  const watched = new AbortController();
  const disposable = EventEmitter.addAbortListener(watched.signal, () => log('addAbortListener'));
  log('listeners', EventEmitter.getEventListeners(watched.signal, 'abort').length,
    typeof disposable[Symbol.dispose]);
  watched.abort();
  const target = new EventTarget();
  target.addEventListener('go', (event) => log('EventTarget', event.type, event.cancelable));
  log('dispatchEvent', target.dispatchEvent(new Event('go', { cancelable: true })));
}

export async function main() {
  log('stream exports', Object.keys(stream).join());
  log('promises', Object.keys(stream.promises).join(),
    stream.promises === (await import('node:stream/promises')).default);
  await readablePausedMode();
  await readableFlowingMode();
  await readableAsyncIteration();
  await writableBackpressure();
  await writableErrors();
  await duplexAndTransform();
  await pipelines();
  await promisePipelines();
  decoders();
  await emittersAndSignals();
  log('done');
}
