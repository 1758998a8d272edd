// `stream/web` and `stream/consumers`: the WHATWG stream classes of npm's
// web-streams-polyfill (the spec's reference-derived implementation, built
// in from runtime/npm as web_streams_package.js), plus what Node 20 adds on
// them: TextEncoderStream/TextDecoderStream on the runtime's TextEncoder and
// TextDecoder, CompressionStream/DecompressionStream on zlib's streams, and
// the consumers (text, json, buffer, arrayBuffer, blob). Compiled the first
// time a program touches any of them (runtime/js/web_streams.js).
(function (natives, internals) {
  'use strict';
  const {
    ArrayBufferIsView, ArrayPrototypePush, JSONParse, Promise, StringPrototypeCharCodeAt, StringPrototypeSlice,
    Symbol, TypeError, Uint8Array,
  } = internals.primordials;
  const { TextDecoder, TextEncoder } = internals.textCoders();
  const u = internals.loadFsUtils();

  // The package's one file is a UMD bundle: run it as CommonJS.
  const files = natives.loadScript('web_streams_package.js')(natives, internals);
  const module = { exports: {} };
  const noRequire = (specifier) => {
    throw new TypeError(`web-streams-polyfill requires nothing ('${specifier}')`);
  };
  files[0][2].call(module.exports, module.exports, noRequire, module,
                   '/toysnap/internal/web-streams-polyfill/dist/ponyfill.js',
                   '/toysnap/internal/web-streams-polyfill/dist');
  const ws = module.exports;
  const { ReadableStream, TransformStream } = ws;

  const kTransform = Symbol('kTransform');
  const readableOf = (self) => self[kTransform].readable;
  const writableOf = (self) => self[kTransform].writable;

  // ---- text ----------------------------------------------------------------

  class TextEncoderStream {
    constructor() {
      const encoder = new TextEncoder();
      let pending = '';  // a high surrogate whose pair comes in the next chunk
      this[kTransform] = new TransformStream({
        transform(chunk, controller) {
          let text = pending + `${chunk}`;
          pending = '';
          const last = StringPrototypeCharCodeAt(text, text.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) {
            pending = StringPrototypeSlice(text, -1);
            text = StringPrototypeSlice(text, 0, -1);
          }
          if (text !== '') controller.enqueue(encoder.encode(text));
        },
        flush(controller) {
          if (pending !== '') controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
        },
      });
    }
    get encoding() { return 'utf-8'; }
    get readable() { return readableOf(this); }
    get writable() { return writableOf(this); }
  }

  class TextDecoderStream {
    constructor(encoding = 'utf-8', options = {}) {
      const decoder = new TextDecoder(encoding, options);
      this.#decoder = decoder;
      this[kTransform] = new TransformStream({
        transform(chunk, controller) {
          const text = decoder.decode(chunk, { stream: true });
          if (text !== '') controller.enqueue(text);
        },
        flush(controller) {
          const text = decoder.decode();
          if (text !== '') controller.enqueue(text);
        },
      });
    }
    #decoder;
    get encoding() { return this.#decoder.encoding; }
    get fatal() { return this.#decoder.fatal; }
    get ignoreBOM() { return this.#decoder.ignoreBOM; }
    get readable() { return readableOf(this); }
    get writable() { return writableOf(this); }
  }

  // ---- compression ----------------------------------------------------------

  // A TransformStream whose chunks go through a zlib stream; its output is
  // enqueued as plain Uint8Arrays (copies), as Node's adapter does.
  function throughZlib(zstream) {
    let controller;
    zstream.on('data', (chunk) => controller.enqueue(new Uint8Array(chunk)));
    return new TransformStream({
      start(c) {
        controller = c;
        zstream.once('error', (error) => c.error(error));
      },
      transform(chunk) {
        return new Promise((resolve, reject) => {
          zstream.write(chunk, (error) => (error ? reject(error) : resolve()));
        });
      },
      flush() {
        return new Promise((resolve, reject) => {
          zstream.once('end', resolve);
          zstream.once('error', reject);
          zstream.end();
        });
      },
      cancel() { zstream.destroy(); },
    });
  }

  const kFormats = ['deflate', 'deflate-raw', 'gzip'];
  function zlibFor(format, compress) {
    if (format !== 'deflate' && format !== 'deflate-raw' && format !== 'gzip') {
      throw u.invalidArgValue('format', format);
    }
    const zlib = internals.requireBuiltin('zlib');
    if (format === 'deflate') return compress ? zlib.createDeflate() : zlib.createInflate();
    if (format === 'deflate-raw') return compress ? zlib.createDeflateRaw() : zlib.createInflateRaw();
    return compress ? zlib.createGzip() : zlib.createGunzip();
  }

  class CompressionStream {
    constructor(format) { this[kTransform] = throughZlib(zlibFor(format, true)); }
    get readable() { return readableOf(this); }
    get writable() { return writableOf(this); }
  }
  class DecompressionStream {
    constructor(format) { this[kTransform] = throughZlib(zlibFor(format, false)); }
    get readable() { return readableOf(this); }
    get writable() { return writableOf(this); }
  }

  const web = {
    ReadableStream, ReadableStreamDefaultReader: ws.ReadableStreamDefaultReader,
    ReadableStreamBYOBReader: ws.ReadableStreamBYOBReader,
    ReadableStreamBYOBRequest: ws.ReadableStreamBYOBRequest,
    ReadableByteStreamController: ws.ReadableByteStreamController,
    ReadableStreamDefaultController: ws.ReadableStreamDefaultController,
    TransformStream, TransformStreamDefaultController: ws.TransformStreamDefaultController,
    WritableStream: ws.WritableStream, WritableStreamDefaultWriter: ws.WritableStreamDefaultWriter,
    WritableStreamDefaultController: ws.WritableStreamDefaultController,
    ByteLengthQueuingStrategy: ws.ByteLengthQueuingStrategy,
    CountQueuingStrategy: ws.CountQueuingStrategy,
    TextEncoderStream, TextDecoderStream, CompressionStream, DecompressionStream,
  };

  // ---- stream/consumers -----------------------------------------------------

  async function chunksOf(stream) {
    const chunks = [];
    for await (const chunk of stream) ArrayPrototypePush(chunks, chunk);
    return chunks;
  }
  async function buffer(stream) {
    const { Buffer } = internals.requireBuiltin('buffer');
    const chunks = await chunksOf(stream);
    const parts = [];
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i];
      ArrayPrototypePush(parts, typeof chunk === 'string' ? Buffer.from(chunk)
        : Buffer.from(chunk.buffer ?? chunk, chunk.byteOffset ?? 0, chunk.byteLength));
    }
    return Buffer.concat(parts);
  }
  async function arrayBuffer(stream) {
    const bytes = await buffer(stream);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  async function text(stream) {
    const decoder = new TextDecoder();
    let result = '';
    for await (const chunk of stream) {
      result += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    }
    return result + decoder.decode();
  }
  async function json(stream) { return JSONParse(await text(stream)); }
  async function blob(stream) {
    if (typeof globalThis.Blob !== 'function') {
      throw u.nodeError(TypeError, 'ERR_TOYSNAP_UNSUPPORTED',
                        "toysnap does not support Blob yet (stream/consumers' blob())");
    }
    return new globalThis.Blob(await chunksOf(stream));
  }
  const consumers = { arrayBuffer, blob, buffer, text, json };

  // ---- Readable.toWeb / Readable.fromWeb --------------------------------------

  function toWeb(streamReadable, options = {}) {
    const stream = internals.requireBuiltin('stream');
    if (streamReadable === null || typeof streamReadable !== 'object' ||
        typeof streamReadable._readableState !== 'object') {
      // Node's wording for an expected type that is not a class name.
      throw u.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "streamReadable" argument must be ' +
                        `an stream.Readable. Received ${internals.describeReceived(streamReadable)}`);
    }
    const objectMode = streamReadable.readableObjectMode;
    const highWaterMark = streamReadable.readableHighWaterMark;
    const strategy = options?.strategy ?? (objectMode
      ? new ws.CountQueuingStrategy({ highWaterMark })
      : { highWaterMark, size(chunk) { return chunk.byteLength; } });
    let controller;
    let cancelled = false;
    function onData(chunk) {
      // Buffers become plain Uint8Arrays (copies), as Node's adapter makes them.
      if (!objectMode && ArrayBufferIsView(chunk)) chunk = new Uint8Array(chunk);
      if (cancelled) return;
      controller.enqueue(chunk);
      if (controller.desiredSize <= 0) streamReadable.pause();
    }
    function onFinished(error) {
      cleanup();
      streamReadable.off('data', onData);
      // A reader that cancelled (maybe from a 'close' listener) left nothing to settle.
      if (cancelled) return;
      cancelled = true;
      if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
        controller.error(new internals.AbortError(undefined, { cause: error }));
      } else if (error != null) {
        controller.error(error);
      } else {
        controller.close();
      }
    }
    streamReadable.pause();
    const cleanup = stream.finished(streamReadable, onFinished);
    streamReadable.on('data', onData);
    return new ReadableStream({
      start(c) { controller = c; },
      pull() { streamReadable.resume(); },
      cancel(reason) {
        cancelled = true;
        stream.destroy(streamReadable, reason);
      },
    }, strategy);
  }

  function fromWeb(readableStream, options = {}) {
    const stream = internals.requireBuiltin('stream');
    if (!(readableStream instanceof ReadableStream)) {
      throw u.invalidArgType('readableStream', 'ReadableStream', readableStream);
    }
    u.validateObject(options, 'options');
    const { highWaterMark, encoding, objectMode = false, signal } = options;
    const reader = readableStream.getReader();
    let closed = false;
    const readable = new stream.Readable({
      objectMode, highWaterMark, encoding, signal,
      read() {
        reader.read().then((chunk) => {
          if (chunk.done) readable.push(null);
          else readable.push(chunk.value);
        }, (error) => stream.destroy(readable, error));
      },
      destroy(error, callback) {
        const done = () => callback(error);
        if (!closed) {
          reader.cancel(error).then(done, done);
          return;
        }
        done();
      },
    });
    reader.closed.then(() => { closed = true; },
                       (error) => { closed = true; stream.destroy(readable, error); });
    return readable;
  }

  // ---- Writable.toWeb / fromWeb, Duplex.toWeb / fromWeb ----------------------

  function writableToWeb(streamWritable) {
    const stream = internals.requireBuiltin('stream');
    if (streamWritable === null || typeof streamWritable !== 'object' ||
        typeof streamWritable._writableState !== 'object') {
      throw u.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "streamWritable" argument must be ' +
                        `an stream.Writable. Received ${internals.describeReceived(streamWritable)}`);
    }
    const highWaterMark = streamWritable.writableHighWaterMark;
    const strategy = streamWritable.writableObjectMode
      ? new ws.CountQueuingStrategy({ highWaterMark })
      : { highWaterMark, size(chunk) { return chunk.byteLength; } };
    let controller;
    let closed;        // {resolve, reject} while close() waits for 'finish'
    let backpressure;  // {resolve, reject} while a write waits for 'drain'
    const deferred = () => {
      const result = {};
      result.promise = new Promise((resolve, reject) => {
        result.resolve = resolve;
        result.reject = reject;
      });
      return result;
    };
    const onDrain = () => backpressure?.resolve();
    const cleanup = stream.finished(streamWritable, (error) => {
      if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
        error = new internals.AbortError(undefined, { cause: error });
      }
      cleanup();
      streamWritable.off('drain', onDrain);
      streamWritable.on('error', () => {});  // the web side reports it
      if (error != null) {
        backpressure?.reject(error);
        if (closed !== undefined) closed.reject(error);
        else controller.error(error);
        return;
      }
      if (closed !== undefined) {
        closed.resolve();
        closed = undefined;
        return;
      }
      controller.error(new internals.AbortError());
    });
    streamWritable.on('drain', onDrain);
    return new ws.WritableStream({
      start(c) { controller = c; },
      write(chunk) {
        if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
          backpressure = deferred();
          return backpressure.promise.finally(() => { backpressure = undefined; });
        }
        return undefined;
      },
      abort(reason) { stream.destroy(streamWritable, reason); },
      close() {
        if (closed === undefined && !streamWritable.writableEnded) {
          closed = deferred();
          streamWritable.end();
          return closed.promise;
        }
        return undefined;
      },
    }, strategy);
  }

  function writableFromWeb(writableStream, options = {}) {
    const stream = internals.requireBuiltin('stream');
    if (!(writableStream instanceof ws.WritableStream)) {
      throw u.invalidArgType('writableStream', 'WritableStream', writableStream);
    }
    u.validateObject(options, 'options');
    const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
    const { Buffer } = internals.requireBuiltin('buffer');
    const writer = writableStream.getWriter();
    let closed = false;
    const writable = new stream.Writable({
      highWaterMark, objectMode, decodeStrings, signal,
      write(chunk, encoding, callback) {
        if (typeof chunk === 'string' && decodeStrings && !objectMode) {
          chunk = Buffer.from(chunk, encoding);
        }
        writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
      },
      destroy(error, callback) {
        const done = () => callback(error);
        if (!closed) {
          (error != null ? writer.abort(error) : writer.close()).then(done, done);
          return;
        }
        done();
      },
      final(callback) {
        if (!closed) writer.close().then(() => callback(), callback);
      },
    });
    writer.closed.then(() => {
      closed = true;
      if (!writable.writableEnded) {
        stream.destroy(writable, u.nodeError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
      }
    }, (error) => {
      closed = true;
      stream.destroy(writable, error);
    });
    return writable;
  }

  function duplexToWeb(duplex) {
    return { readable: toWeb(duplex), writable: writableToWeb(duplex) };
  }

  // A Duplex whose readable side reads `pair.readable` and writable side
  // writes `pair.writable`.
  function duplexFromWeb(pair, options = {}) {
    const stream = internals.requireBuiltin('stream');
    u.validateObject(pair, 'pair');
    if (!(pair.readable instanceof ReadableStream)) {
      throw u.invalidArgType('pair.readable', 'ReadableStream', pair.readable);
    }
    if (!(pair.writable instanceof ws.WritableStream)) {
      throw u.invalidArgType('pair.writable', 'WritableStream', pair.writable);
    }
    const { encoding, objectMode = false, decodeStrings = true, signal } = options;
    const readable = fromWeb(pair.readable, { encoding, objectMode, signal });
    const writable = writableFromWeb(pair.writable, { objectMode, decodeStrings, signal });
    return stream.Duplex.from({ readable, writable });
  }

  internals.webStreams = web;
  return {
    web, consumers, kFormats,
    adapters: { toWeb, fromWeb, writableToWeb, writableFromWeb, duplexToWeb, duplexFromWeb },
  };
})
