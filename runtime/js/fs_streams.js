// fs.ReadStream / fs.WriteStream (createReadStream, createWriteStream,
// filehandle.createReadStream/createWriteStream) as Node 20's: a Readable or
// Writable from the stream module over fs.open/read/write/writev/close (or
// the `fs` option's own), opened in _construct, closed on destroy once a
// pending read or write is done; start/end/pos, bytesRead/bytesWritten,
// autoClose, flush, 'open' and 'ready'. Lazy: fs.js compiles it on first use.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, Error, FunctionPrototypeCall, MathMin, ObjectDefineProperty,
    ObjectSetPrototypeOf, ReflectApply, Symbol,
  } = internals.strictPrimordials();
  const u = internals.fsUtils;
  const fs = internals.fs;
  const { Readable, Writable, finished } = internals.requireBuiltin('stream');
  const { Buffer } = u;
  const process = globalThis.process;

  const kFs = Symbol('kFs');
  const kIsPerformingIO = Symbol('kIsPerformingIO');
  const kIoDone = Symbol('kIoDone');
  const kHandle = Symbol('kHandle');

  // The fs functions a FileHandle-backed stream uses: the handle's own
  // methods (a program may wrap them), callbacks in Node's (err, n, buffer) form.
  function handleOperations(handle) {
    const settle = (promise, callback, count, data) => {
      promise.then((result) => callback(null, result[count], result[data]), callback);
    };
    return {
      open: () => { throw new Error('a FileHandle stream is open already'); },
      read: (fd, buffer, offset, length, position, callback) =>
        settle(handle.read(buffer, offset, length, position), callback, 'bytesRead', 'buffer'),
      write: (fd, buffer, offset, length, position, callback) =>
        settle(handle.write(buffer, offset, length, position), callback, 'bytesWritten', 'buffer'),
      writev: (fd, buffers, position, callback) =>
        settle(handle.writev(buffers, position), callback, 'bytesWritten', 'buffers'),
      fsync: (fd, callback) => { handle.sync().then(() => callback(), callback); },
      close: (fd, callback) => { handle.close().then(() => callback(), callback); },
    };
  }

  // Sets fd/path/flags/mode from (path, options), as Node's streams do.
  function importFd(stream, path, options, defaultFlags) {
    const fd = options.fd;
    if (fd !== null && typeof fd === 'object' && fd instanceof internals.FileHandle) {
      if (options.fs) {
        throw u.nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED',
                          'The FileHandle with fs method is not implemented');
      }
      stream[kHandle] = fd;
      stream[kFs] = handleOperations(fd);
      fd.on('close', () => stream.destroy());
      return fd.fd;
    }
    if (fd !== undefined && fd !== null) return u.getValidatedFd(fd, 'options.fd');
    stream.path = u.getValidatedPath(path);
    stream.flags = options.flags === undefined ? defaultFlags : options.flags;
    stream.mode = options.mode === undefined ? 0o666 : options.mode;
    return null;
  }

  function closeStream(stream, error, callback) {
    if (!stream.fd && stream.fd !== 0) {
      callback(error);
    } else if (stream.flush) {
      stream[kFs].fsync(stream.fd, (flushError) => closeAfterSync(stream, error || flushError, callback));
    } else {
      closeAfterSync(stream, error, callback);
    }
  }
  function closeAfterSync(stream, error, callback) {
    stream[kFs].close(stream.fd, (closeError) => callback(closeError || error));
    stream.fd = null;
  }

  function destroy(error, callback) {
    if (this[kIsPerformingIO]) this.once(kIoDone, (ioError) => closeStream(this, error || ioError, callback));
    else closeStream(this, error, callback);
  }

  // Opens the file before the first read or write; a subclass or program that
  // replaced open() (of the prototype or the stream) keeps working, as Node's
  // compatibility path allows.
  function construct(callback) {
    const stream = this;
    if (typeof stream.fd === 'number') {
      callback();
      return;
    }
    if (stream.open !== openRead && stream.open !== openWrite) {
      const emit = stream.emit;
      stream.emit = function (...args) {
        if (args[0] === 'open') {
          this.emit = emit;
          callback();
          ReflectApply(emit, this, args);
        } else if (args[0] === 'error') {
          this.emit = emit;
          callback(args[1]);
        } else {
          ReflectApply(emit, this, args);
        }
      };
      stream.open();
      return;
    }
    stream[kFs].open(stream.path, stream.flags, stream.mode, (error, fd) => {
      if (error) {
        callback(error);
      } else {
        stream.fd = fd;
        callback();
        stream.emit('open', stream.fd);
        stream.emit('ready');
      }
    });
  }

  function checkStart(stream, options) {
    stream.start = options.start;
    stream.pos = undefined;
    if (stream.start !== undefined) {
      u.validateInteger(stream.start, 'start', 0);
      stream.pos = stream.start;
    }
  }

  function deprecatedOpen(name) {
    let warned = false;
    return function open() {
      if (!warned) {
        warned = true;
        process.emitWarning(`${name}.prototype.open() is deprecated`, 'DeprecationWarning', 'DEP0135');
      }
      FunctionPrototypeCall(construct, this, (error) => {
        if (error) this.destroy(error);
      });
    };
  }

  function defineCommon(proto) {
    ObjectDefineProperty(proto, 'autoClose', {
      __proto__: null, configurable: true,
      get() { return this[proto === ReadStream.prototype ? '_readableState' : '_writableState'].autoDestroy; },
      set(value) { this[proto === ReadStream.prototype ? '_readableState' : '_writableState'].autoDestroy = value; },
    });
    ObjectDefineProperty(proto, 'pending', {
      __proto__: null, configurable: true, get() { return this.fd === null; },
    });
    proto._construct = construct;
    proto._destroy = destroy;
  }

  // ---- ReadStream -----------------------------------------------------------

  function ReadStream(path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);
    options = u.copyObject(u.getOptions(options, u.kEmptyObject));
    if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
    if (options.autoDestroy === undefined) options.autoDestroy = false;
    this[kFs] = options.fs || fs;
    u.validateFunction(this[kFs].open, 'options.fs.open');
    u.validateFunction(this[kFs].read, 'options.fs.read');
    u.validateFunction(this[kFs].close, 'options.fs.close');
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    this.fd = importFd(this, path, options, 'r');
    checkStart(this, options);
    this.end = options.end ?? Infinity;
    this.bytesRead = 0;
    this[kIsPerformingIO] = false;
    if (this.end !== Infinity) {
      u.validateInteger(this.end, 'end', 0);
      if (this.start !== undefined && this.start > this.end) {
        throw u.outOfRange('start', `<= "end" (here: ${this.end})`, this.start);
      }
    }
    ReflectApply(Readable, this, [options]);
  }
  ObjectSetPrototypeOf(ReadStream.prototype, Readable.prototype);
  ObjectSetPrototypeOf(ReadStream, Readable);
  defineCommon(ReadStream.prototype);
  const openRead = deprecatedOpen('ReadStream');
  ReadStream.prototype.open = openRead;

  ReadStream.prototype._read = function (n) {
    n = this.pos !== undefined ? MathMin(this.end - this.pos + 1, n) :
      MathMin(this.end - this.bytesRead + 1, n);
    if (n <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(n);
    this[kIsPerformingIO] = true;
    this[kFs].read(this.fd, buffer, 0, n, this.pos, (error, bytesRead) => {
      this[kIsPerformingIO] = false;
      // _destroy waits for this before it closes the fd.
      if (this.destroyed) {
        this.emit(kIoDone, error);
        return;
      }
      if (error) {
        this.destroy(error);
      } else if (bytesRead > 0) {
        if (this.pos !== undefined) this.pos += bytesRead;
        this.bytesRead += bytesRead;
        this.push(bytesRead === buffer.length ? buffer : Buffer.from(buffer.subarray(0, bytesRead)));
      } else {
        this.push(null);
      }
    });
  };

  ReadStream.prototype.close = function close(callback) {
    if (typeof callback === 'function') finished(this, callback);
    this.destroy();
  };

  // ---- WriteStream ----------------------------------------------------------

  function WriteStream(path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);
    options = u.copyObject(u.getOptions(options, u.kEmptyObject));
    options.decodeStrings = true;  // the fs functions take bytes
    this[kFs] = options.fs || fs;
    u.validateFunction(this[kFs].open, 'options.fs.open');
    if (!this[kFs].write && !this[kFs].writev) {
      throw u.invalidArgType('options.fs.write', 'function', this[kFs].write);
    }
    if (this[kFs].write) u.validateFunction(this[kFs].write, 'options.fs.write');
    else this._write = null;
    if (this[kFs].writev) u.validateFunction(this[kFs].writev, 'options.fs.writev');
    else this._writev = null;
    u.validateFunction(this[kFs].close, 'options.fs.close');
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    this.fd = importFd(this, path, options, 'w');
    checkStart(this, options);
    this.bytesWritten = 0;
    this[kIsPerformingIO] = false;
    this.flush = options.flush == null ? false : options.flush;
    if (options.flush != null) u.validateBoolean(options.flush, 'options.flush');
    ReflectApply(Writable, this, [options]);
    if (options.encoding) this.setDefaultEncoding(options.encoding);
  }
  ObjectSetPrototypeOf(WriteStream.prototype, Writable.prototype);
  ObjectSetPrototypeOf(WriteStream, Writable);
  defineCommon(WriteStream.prototype);
  const openWrite = deprecatedOpen('WriteStream');
  WriteStream.prototype.open = openWrite;

  function afterWrite(stream, callback) {
    return (error, bytes) => {
      stream[kIsPerformingIO] = false;
      if (stream.destroyed) {
        callback(error);
        stream.emit(kIoDone, error);
        return;
      }
      if (error) {
        callback(error);
        return;
      }
      stream.bytesWritten += bytes;
      callback();
    };
  }

  WriteStream.prototype._write = function (data, encoding, callback) {
    this[kIsPerformingIO] = true;
    this[kFs].write(this.fd, data, 0, data.length, this.pos, afterWrite(this, callback));
    if (this.pos !== undefined) this.pos += data.length;
  };

  WriteStream.prototype._writev = function (data, callback) {
    const chunks = [];
    let size = 0;
    for (let i = 0; i < data.length; i++) {
      ArrayPrototypePush(chunks, data[i].chunk);
      size += data[i].chunk.length;
    }
    this[kIsPerformingIO] = true;
    this[kFs].writev(this.fd, chunks, this.pos ?? null, afterWrite(this, callback));
    if (this.pos !== undefined) this.pos += size;
  };

  WriteStream.prototype.close = function close(callback) {
    if (callback) {
      if (this.closed) {
        process.nextTick(callback);
        return;
      }
      this.on('close', callback);
    }
    // Without autoClose, finishing is what closes.
    if (!this.autoClose) this.on('finish', this.destroy);
    this.end();
  };
  // Files have no shutdown().
  WriteStream.prototype.destroySoon = WriteStream.prototype.end;

  return { ReadStream, WriteStream };
})
