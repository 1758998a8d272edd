// Node 20's `zlib` (lib/zlib.js) on the zlib extension's native handles
// (runtime/node/zlib.cc): Transform streams on readable-stream, the sync and
// callback convenience functions, constants and codes. Compiled on the first
// require of zlib. A stream's handle does its work inline for the sync forms
// and on libuv's thread pool otherwise; its errors come from the handle's
// onerror(message, errno, code), as Node's do.
(function (natives, internals) {
  'use strict';
  const {
    ArrayBuffer, ArrayBufferIsView, ArrayPrototypeForEach, ArrayPrototypePush, Error,
    FunctionPrototypeBind, MathMax, NumberIsFinite, NumberIsNaN, ObjectDefineProperties,
    ObjectDefineProperty, ObjectFreeze, ObjectKeys, ObjectSetPrototypeOf, RangeError, ReflectApply,
    StringPrototypeStartsWith, Symbol, TypedArrayPrototypeFill, Uint32Array,
  } = internals.primordials;
  const u = internals.loadFsUtils();
  const buffer = internals.requireBuiltin('buffer');
  const { Buffer } = buffer;
  const { Transform, finished } = internals.requireBuiltin('stream');
  const brands = internals.inspectBrands;
  const { process } = globalThis;
  const { Zlib: ZlibHandle, BrotliEncoder, BrotliDecoder } = natives.zlibClasses();
  const BufferAlloc = Buffer.alloc;
  const BufferAllocUnsafe = Buffer.allocUnsafe;
  const BufferConcat = Buffer.concat;
  const BufferFrom = Buffer.from;

  const constants = ObjectSetPrototypeOf(natives.zlibConstants(), null);
  const {
    Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
    Z_MIN_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL,
    Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_CHUNK, Z_DEFAULT_COMPRESSION, Z_DEFAULT_STRATEGY,
    Z_DEFAULT_WINDOWBITS, Z_DEFAULT_MEMLEVEL, Z_FIXED, DEFLATE, DEFLATERAW, INFLATE, INFLATERAW,
    GZIP, GUNZIP, UNZIP, BROTLI_DECODE, BROTLI_ENCODE, BROTLI_OPERATION_PROCESS,
    BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
  } = constants;
  // As Node, the value when zlib is first required.
  const kMaxLength = buffer.kMaxLength;

  const codes = {
    Z_OK: constants.Z_OK, Z_STREAM_END: constants.Z_STREAM_END, Z_NEED_DICT: constants.Z_NEED_DICT,
    Z_ERRNO: constants.Z_ERRNO, Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
    Z_DATA_ERROR: constants.Z_DATA_ERROR, Z_MEM_ERROR: constants.Z_MEM_ERROR,
    Z_BUF_ERROR: constants.Z_BUF_ERROR, Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
  };
  const codeNames = ObjectKeys(codes);
  for (let i = 0; i < codeNames.length; i++) codes[codes[codeNames[i]]] = codeNames[i];

  // ---- errors and option checks --------------------------------------------

  const bufferTooLarge = (max) =>
    u.nodeError(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${max} bytes`);
  const initializationFailed = () =>
    u.nodeError(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed');
  const kBufferTypes = ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'];
  const isAnyArrayBuffer = (v) => brands.isArrayBuffer(v) || brands.isSharedArrayBuffer(v);

  // false: use the default; a non-number or an infinity throws.
  function validateFiniteNumber(number, name) {
    if (number === undefined) return false;
    if (NumberIsFinite(number)) return true;
    if (NumberIsNaN(number)) return false;
    if (typeof number !== 'number') throw u.invalidArgType(name, 'number', number);
    throw u.outOfRange(name, 'a finite number', number);
  }
  function checkRangesOrGetDefault(number, name, lower, upper, def) {
    if (!validateFiniteNumber(number, name)) return def;
    if (number < lower || number > upper) {
      throw u.outOfRange(name, `>= ${lower} and <= ${upper}`, number);
    }
    return number;
  }

  // ---- the stream ------------------------------------------------------------

  const kError = Symbol('kError');
  const kFlushFlag = Symbol('kFlushFlag');
  const owner = Symbol('owner');
  // How much each flush flag flushes, least first.
  const kFlushFlagList = [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH];
  const flushiness = [];
  for (let i = 0; i < kFlushFlagList.length; i++) flushiness[kFlushFlagList[i]] = i;
  // The empty chunk flush() writes for each flag, made at the first flush:
  // a zero-length ArrayBuffer kept in a snapshot crashes V8 10.2's GC after
  // restore.
  let flushBuffers;
  function flushBuffer(kind) {
    if (flushBuffers === undefined) {
      flushBuffers = [];
      const empty = new ArrayBuffer(0);
      for (let i = 0; i < kFlushFlagList.length; i++) {
        flushBuffers[kFlushFlagList[i]] = BufferFrom(empty);
        flushBuffers[kFlushFlagList[i]][kFlushFlag] = kFlushFlagList[i];
      }
    }
    return flushBuffers[kind];
  }
  const maxFlush = (a, b) => (flushiness[a] > flushiness[b] ? a : b);

  function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
    let chunkSize = Z_DEFAULT_CHUNK;
    let maxOutputLength = kMaxLength;
    if (opts) {
      chunkSize = opts.chunkSize;
      if (!validateFiniteNumber(chunkSize, 'options.chunkSize')) {
        chunkSize = Z_DEFAULT_CHUNK;
      } else if (chunkSize < Z_MIN_CHUNK) {
        throw u.outOfRange('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
      }
      flush = checkRangesOrGetDefault(opts.flush, 'options.flush', Z_NO_FLUSH, Z_BLOCK, flush);
      finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', Z_NO_FLUSH,
                                            Z_BLOCK, finishFlush);
      maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1,
                                                kMaxLength, kMaxLength);
      if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
        opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
      }
    }
    ReflectApply(Transform, this, [{ autoDestroy: true, ...opts }]);
    this[kError] = null;
    this.bytesWritten = 0;
    this._handle = handle;
    handle[owner] = this;
    handle.onerror = onErrorHandler;
    this._outBuffer = BufferAllocUnsafe(chunkSize);
    this._outOffset = 0;
    this._chunkSize = chunkSize;
    this._defaultFlushFlag = flush;
    this._finishFlushFlag = finishFlush;
    this._defaultFullFlushFlag = fullFlush;
    this._info = opts && opts.info;
    this._maxOutputLength = maxOutputLength;
  }
  ObjectSetPrototypeOf(ZlibBase.prototype, Transform.prototype);
  ObjectSetPrototypeOf(ZlibBase, Transform);

  ObjectDefineProperty(ZlibBase.prototype, '_closed', {
    __proto__: null, configurable: true, enumerable: true,
    get() { return !this._handle; },
  });

  ZlibBase.prototype.reset = function () {
    if (!this._handle) throw u.nodeError(Error, 'ERR_ASSERTION', 'zlib binding closed');
    return this._handle.reset();
  };
  // The Transform's end: the last, finishing write.
  ZlibBase.prototype._flush = function (callback) {
    this._transform(BufferAlloc(0), '', callback);
  };
  ZlibBase.prototype.flush = function (kind, callback) {
    if (typeof kind === 'function' || (kind === undefined && !callback)) {
      callback = kind;
      kind = this._defaultFullFlushFlag;
    }
    if (this.writableFinished) {
      if (callback) process.nextTick(callback);
    } else if (this.writableEnded) {
      if (callback) this.once('end', callback);
    } else {
      this.write(flushBuffer(kind), '', callback);
    }
  };
  ZlibBase.prototype.close = function (callback) {
    if (callback) finished(this, callback);
    this.destroy();
  };
  ZlibBase.prototype._destroy = function (err, callback) {
    closeHandle(this);
    callback(err);
  };
  ZlibBase.prototype._transform = function (chunk, encoding, cb) {
    let flushFlag = this._defaultFlushFlag;
    // A flush() asks for its own flag; the last chunk finishes the stream.
    if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
    if (this.writableEnded && this.writableLength === chunk.byteLength) {
      flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
    }
    processChunk(this, chunk, flushFlag, cb);
  };
  ZlibBase.prototype._processChunk = function (chunk, flushFlag, cb) {
    if (typeof cb === 'function') return processChunk(this, chunk, flushFlag, cb);
    return processChunkSync(this, chunk, flushFlag);
  };

  function closeHandle(engine) {
    if (!engine._handle) return;
    engine._handle.close();
    engine._handle = null;
  }

  function onErrorHandler(message, errno, code) {
    // No way to recover: continuing would only hide the problem.
    const self = this[owner];
    const error = new Error(message);
    error.errno = errno;
    error.code = code;
    self.destroy(error);
    self[kError] = error;
  }

  function processChunkSync(self, chunk, flushFlag) {
    let availInBefore = chunk.byteLength;
    let availOutBefore = self._chunkSize - self._outOffset;
    let inOff = 0;
    let buffers = null;
    let nread = 0;
    let inputRead = 0;
    const state = self._writeState;
    const handle = self._handle;
    let buffer = self._outBuffer;
    let offset = self._outOffset;
    const chunkSize = self._chunkSize;
    let error;
    self.on('error', function onError(er) { error = er; });
    while (true) {
      handle.writeSync(flushFlag, chunk, inOff, availInBefore, buffer, offset, availOutBefore);
      if (error) throw error;
      if (self[kError]) throw self[kError];
      const availOutAfter = state[0];
      const availInAfter = state[1];
      const inDelta = availInBefore - availInAfter;
      inputRead += inDelta;
      const have = availOutBefore - availOutAfter;
      if (have > 0) {
        const out = buffer.slice(offset, offset + have);
        offset += have;
        if (!buffers) buffers = [out];
        else ArrayPrototypePush(buffers, out);
        nread += out.byteLength;
        if (nread > self._maxOutputLength) {
          closeHandle(self);
          throw bufferTooLarge(self._maxOutputLength);
        }
      }
      // The output buffer is full (or used up): continue in a new one.
      if (availOutAfter === 0 || offset >= chunkSize) {
        availOutBefore = chunkSize;
        offset = 0;
        buffer = BufferAllocUnsafe(chunkSize);
      }
      if (availOutAfter !== 0) break;
      inOff += inDelta;
      availInBefore = availInAfter;
    }
    self.bytesWritten = inputRead;
    closeHandle(self);
    if (nread === 0) return BufferAlloc(0);
    return buffers.length === 1 ? buffers[0] : BufferConcat(buffers, nread);
  }

  function processChunk(self, chunk, flushFlag, cb) {
    const handle = self._handle;
    if (!handle) return process.nextTick(cb);
    handle.buffer = chunk;
    handle.cb = cb;
    handle.availOutBefore = self._chunkSize - self._outOffset;
    handle.availInBefore = chunk.byteLength;
    handle.inOff = 0;
    handle.flushFlag = flushFlag;
    handle.write(flushFlag, chunk, 0, handle.availInBefore, self._outBuffer, self._outOffset,
                 handle.availOutBefore);
  }

  // A pool write finished (`this` is the handle).
  function processCallback() {
    const handle = this;
    const self = this[owner];
    const state = self._writeState;
    if (self.destroyed) {
      this.buffer = null;
      this.cb();
      return;
    }
    const availOutAfter = state[0];
    const availInAfter = state[1];
    const inDelta = handle.availInBefore - availInAfter;
    self.bytesWritten += inDelta;
    const have = handle.availOutBefore - availOutAfter;
    let streamBufferIsFull = false;
    if (have > 0) {
      const out = self._outBuffer.slice(self._outOffset, self._outOffset + have);
      self._outOffset += have;
      streamBufferIsFull = !self.push(out);
    }
    if (self.destroyed) {
      this.cb();
      return;
    }
    if (availOutAfter === 0 || self._outOffset >= self._chunkSize) {
      handle.availOutBefore = self._chunkSize;
      self._outOffset = 0;
      self._outBuffer = BufferAllocUnsafe(self._chunkSize);
    }
    if (availOutAfter === 0) {
      // More output to come from this chunk: write again, once the reader
      // wants more if its buffer is full (backpressure).
      handle.inOff += inDelta;
      handle.availInBefore = availInAfter;
      const again = () => handle.write(handle.flushFlag, this.buffer, handle.inOff,
                                       handle.availInBefore, self._outBuffer, self._outOffset,
                                       self._chunkSize);
      if (!streamBufferIsFull) {
        again();
      } else {
        const oldRead = self._read;
        self._read = (n) => {
          self._read = oldRead;
          again();
          self._read(n);
        };
      }
      return;
    }
    // Input left but output space too: the compressed stream has ended.
    if (availInAfter > 0) self.push(null);
    this.buffer = null;
    this.cb();
  }

  // ---- zlib and brotli classes ---------------------------------------------

  const zlibDefaultOpts = { flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH };

  function Zlib(opts, mode) {
    let windowBits = Z_DEFAULT_WINDOWBITS;
    let level = Z_DEFAULT_COMPRESSION;
    let memLevel = Z_DEFAULT_MEMLEVEL;
    let strategy = Z_DEFAULT_STRATEGY;
    let dictionary;
    if (opts) {
      // 0 on the inflating side: take the window size from the header.
      if ((opts.windowBits == null || opts.windowBits === 0) &&
          (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
        windowBits = 0;
      } else {
        // 8 bits suit deflate (zlib makes them 9) but not gzip.
        const min = Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
        windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', min,
                                             Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
      }
      level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL,
                                      Z_DEFAULT_COMPRESSION);
      memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL,
                                         Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
      strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY,
                                         Z_FIXED, Z_DEFAULT_STRATEGY);
      dictionary = opts.dictionary;
      if (dictionary !== undefined && !ArrayBufferIsView(dictionary)) {
        if (!isAnyArrayBuffer(dictionary)) {
          throw u.invalidArgType('options.dictionary',
                                 ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
        }
        dictionary = BufferFrom(dictionary);
      }
    }
    const handle = new ZlibHandle(mode);
    this._writeState = new Uint32Array(2);
    handle.init(windowBits, level, memLevel, strategy, this._writeState, processCallback,
                dictionary);
    ReflectApply(ZlibBase, this, [opts, mode, handle, zlibDefaultOpts]);
    this._level = level;
    this._strategy = strategy;
  }
  ObjectSetPrototypeOf(Zlib.prototype, ZlibBase.prototype);
  ObjectSetPrototypeOf(Zlib, ZlibBase);

  // Changes level and strategy after flushing what was written so far.
  Zlib.prototype.params = function params(level, strategy, callback) {
    checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
    checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
    if (this._level !== level || this._strategy !== strategy) {
      this.flush(Z_SYNC_FLUSH,
                 FunctionPrototypeBind(paramsAfterFlushCallback, this, level, strategy, callback));
    } else {
      process.nextTick(callback);
    }
  };
  function paramsAfterFlushCallback(level, strategy, callback) {
    if (!this._handle) throw u.nodeError(Error, 'ERR_ASSERTION', 'zlib binding closed');
    this._handle.params(level, strategy);
    if (!this.destroyed) {
      this._level = level;
      this._strategy = strategy;
      if (callback) callback();
    }
  }

  // Node's classes callable without `new`, as Node's are.
  function zlibClass(name, mode, adjust) {
    const Class = {
      [name]: function (opts) {
        if (adjust) adjust(opts);
        if (!(this instanceof Class)) return new Class(opts);
        ReflectApply(Zlib, this, [opts, mode]);
      },
    }[name];
    ObjectSetPrototypeOf(Class.prototype, Zlib.prototype);
    ObjectSetPrototypeOf(Class, Zlib);
    return Class;
  }
  const Deflate = zlibClass('Deflate', DEFLATE);
  const Inflate = zlibClass('Inflate', INFLATE);
  const Gzip = zlibClass('Gzip', GZIP);
  const Gunzip = zlibClass('Gunzip', GUNZIP);
  // zlib refuses a raw window of 8 bits; Node asks for 9.
  const DeflateRaw = zlibClass('DeflateRaw', DEFLATERAW, (opts) => {
    if (opts && opts.windowBits === 8) opts.windowBits = 9;
  });
  const InflateRaw = zlibClass('InflateRaw', INFLATERAW);
  const Unzip = zlibClass('Unzip', UNZIP);

  const brotliDefaultOpts = {
    flush: BROTLI_OPERATION_PROCESS, finishFlush: BROTLI_OPERATION_FINISH,
    fullFlush: BROTLI_OPERATION_FLUSH,
  };
  const constantNames = ObjectKeys(constants);
  let kMaxBrotliParam = 0;
  for (let i = 0; i < constantNames.length; i++) {
    if (StringPrototypeStartsWith(constantNames[i], 'BROTLI_PARAM_')) {
      kMaxBrotliParam = MathMax(kMaxBrotliParam, constants[constantNames[i]]);
    }
  }
  const brotliInitParamsArray = new Uint32Array(kMaxBrotliParam + 1);

  function Brotli(opts, mode) {
    TypedArrayPrototypeFill(brotliInitParamsArray, -1);
    if (opts?.params) {
      ArrayPrototypeForEach(ObjectKeys(opts.params), (origKey) => {
        const key = +origKey;
        if (NumberIsNaN(key) || key < 0 || key > kMaxBrotliParam ||
            (brotliInitParamsArray[key] | 0) !== -1) {
          throw u.nodeError(RangeError, 'ERR_BROTLI_INVALID_PARAM',
                            `${origKey} is not a valid Brotli parameter`);
        }
        const value = opts.params[origKey];
        if (typeof value !== 'number' && typeof value !== 'boolean') {
          throw u.invalidArgType('options.params[key]', 'number', opts.params[origKey]);
        }
        brotliInitParamsArray[key] = value;
      });
    }
    const handle = mode === BROTLI_DECODE ? new BrotliDecoder(mode) : new BrotliEncoder(mode);
    this._writeState = new Uint32Array(2);
    if (!handle.init(brotliInitParamsArray, this._writeState, processCallback)) {
      throw initializationFailed();
    }
    ReflectApply(ZlibBase, this, [opts, mode, handle, brotliDefaultOpts]);
  }
  // As in Node, brotli streams inherit zlib's params() (a no-op handle call).
  ObjectSetPrototypeOf(Brotli.prototype, Zlib.prototype);
  ObjectSetPrototypeOf(Brotli, Zlib);

  function brotliClass(name, mode) {
    const Class = {
      [name]: function (opts) {
        if (!(this instanceof Class)) return new Class(opts);
        ReflectApply(Brotli, this, [opts, mode]);
      },
    }[name];
    ObjectSetPrototypeOf(Class.prototype, Brotli.prototype);
    ObjectSetPrototypeOf(Class, Brotli);
    return Class;
  }
  const BrotliCompress = brotliClass('BrotliCompress', BROTLI_ENCODE);
  const BrotliDecompress = brotliClass('BrotliDecompress', BROTLI_DECODE);

  // ---- one-shot forms ------------------------------------------------------

  function zlibBuffer(engine, buffer, callback) {
    u.validateFunction(callback, 'callback');
    // Streams take Uint8Arrays: other views become Buffers on the same memory.
    if (ArrayBufferIsView(buffer) && !u.isUint8Array(buffer)) {
      buffer = BufferFrom(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } else if (isAnyArrayBuffer(buffer)) {
      buffer = BufferFrom(buffer);
    }
    engine.buffers = null;
    engine.nread = 0;
    engine.cb = callback;
    engine.on('data', zlibBufferOnData);
    engine.on('error', zlibBufferOnError);
    engine.on('end', zlibBufferOnEnd);
    engine.end(buffer);
  }
  function zlibBufferOnData(chunk) {
    if (!this.buffers) this.buffers = [chunk];
    else ArrayPrototypePush(this.buffers, chunk);
    this.nread += chunk.length;
    if (this.nread > this._maxOutputLength) {
      this.close();
      this.removeAllListeners('end');
      this.cb(bufferTooLarge(this._maxOutputLength));
    }
  }
  function zlibBufferOnError(err) {
    this.removeAllListeners('end');
    this.cb(err);
  }
  function zlibBufferOnEnd() {
    let buf;
    if (this.nread === 0) {
      buf = BufferAlloc(0);
    } else {
      const bufs = this.buffers;
      buf = bufs.length === 1 ? bufs[0] : BufferConcat(bufs, this.nread);
    }
    this.close();
    if (this._info) this.cb(null, { buffer: buf, engine: this });
    else this.cb(null, buf);
  }

  function zlibBufferSync(engine, buffer) {
    if (typeof buffer === 'string') {
      buffer = BufferFrom(buffer);
    } else if (!ArrayBufferIsView(buffer)) {
      if (!isAnyArrayBuffer(buffer)) throw u.invalidArgType('buffer', kBufferTypes, buffer);
      buffer = BufferFrom(buffer);
    }
    buffer = processChunkSync(engine, buffer, engine._finishFlushFlag);
    if (engine._info) return { buffer, engine };
    return buffer;
  }

  function convenience(Class, sync) {
    if (sync) {
      return function syncBufferWrapper(buffer, opts) {
        return zlibBufferSync(new Class(opts), buffer);
      };
    }
    return function asyncBufferWrapper(buffer, opts, callback) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      return zlibBuffer(new Class(opts), buffer, callback);
    };
  }

  function crc32(data, value = 0) {
    if (typeof data !== 'string' && !ArrayBufferIsView(data)) {
      throw u.invalidArgType('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
    }
    u.validateUint32(value, 'value');
    return natives.zlibCrc32(typeof data === 'string' ? BufferFrom(data) : data, value);
  }

  const zlib = {
    crc32, Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress,
    BrotliDecompress,
    deflate: convenience(Deflate, false), deflateSync: convenience(Deflate, true),
    gzip: convenience(Gzip, false), gzipSync: convenience(Gzip, true),
    deflateRaw: convenience(DeflateRaw, false), deflateRawSync: convenience(DeflateRaw, true),
    unzip: convenience(Unzip, false), unzipSync: convenience(Unzip, true),
    inflate: convenience(Inflate, false), inflateSync: convenience(Inflate, true),
    gunzip: convenience(Gunzip, false), gunzipSync: convenience(Gunzip, true),
    inflateRaw: convenience(InflateRaw, false), inflateRawSync: convenience(InflateRaw, true),
    brotliCompress: convenience(BrotliCompress, false),
    brotliCompressSync: convenience(BrotliCompress, true),
    brotliDecompress: convenience(BrotliDecompress, false),
    brotliDecompressSync: convenience(BrotliDecompress, true),
  };
  // create*() as Node defines them (each function is named `value`).
  const factories = {
    createDeflate: { value(options) { return new Deflate(options); } },
    createInflate: { value(options) { return new Inflate(options); } },
    createDeflateRaw: { value(options) { return new DeflateRaw(options); } },
    createInflateRaw: { value(options) { return new InflateRaw(options); } },
    createGzip: { value(options) { return new Gzip(options); } },
    createGunzip: { value(options) { return new Gunzip(options); } },
    createUnzip: { value(options) { return new Unzip(options); } },
    createBrotliCompress: { value(options) { return new BrotliCompress(options); } },
    createBrotliDecompress: { value(options) { return new BrotliDecompress(options); } },
  };
  const factoryNames = ObjectKeys(factories);
  for (let i = 0; i < factoryNames.length; i++) {
    ObjectDefineProperty(zlib, factoryNames[i], {
      __proto__: null, configurable: true, enumerable: true, writable: true,
      value: factories[factoryNames[i]].value,
    });
  }
  ObjectDefineProperties(zlib, {
    __proto__: null,
    constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
    codes: { __proto__: null, enumerable: true, writable: false, value: ObjectFreeze(codes) },
  });
  // The legacy zlib.Z_* constants (brotli's are only in zlib.constants).
  for (let i = 0; i < constantNames.length; i++) {
    if (StringPrototypeStartsWith(constantNames[i], 'BROTLI')) continue;
    ObjectDefineProperty(zlib, constantNames[i], {
      __proto__: null, enumerable: false, value: constants[constantNames[i]], writable: false,
    });
  }
  internals.zlibInternals = { processChunkSync, kFlushFlag };
  return zlib;
})
