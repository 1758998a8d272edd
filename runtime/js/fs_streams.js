// fs.ReadStream and fs.WriteStream (createReadStream/createWriteStream, and a
// FileHandle's), Readable and Writable of the built-in stream module over fs's
// callback forms, behaving as Node 20's lib/internal/fs/streams.js does.
// Compiled the first time a program touches a file stream (fs's lazy_js), so
// programs that use none keep it out of their heap and start-up.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, Error, FunctionPrototypeCall, MathMin, ObjectDefineProperty,
    ObjectSetPrototypeOf, PromisePrototypeThen, ReflectApply, Symbol,
  } = internals.primordials;
  const u = internals.fsUtils;
  const fs = internals.fs;
  const { Buffer, kEmptyObject } = u;
  const { Readable, Writable, finished } = internals.requireBuiltin('stream');
  const { nextTick } = globalThis.process;

  const kFs = Symbol('kFs');            // the operations: fs, options.fs or a FileHandle's
  const kHandle = Symbol('kHandle');    // the FileHandle a stream reads or writes, if any
  const kBusy = Symbol('kBusy');        // a read or write is in flight
  const kIoDone = Symbol('kIoDone');    // emitted when it ends, for _destroy to close after

  // A FileHandle's promise methods in the callback shape the streams call.
  function fileHandleOperations(handle) {
    const settle = (promise, done, failed) => PromisePrototypeThen(promise, done, failed);
    return {
      open() {
        throw u.nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The open() method is not implemented');
      },
      close(fd, cb) {
        internals.fileHandleUnref(handle);
        settle(handle.close(), () => cb(), cb);
      },
      fsync(fd, cb) { settle(handle.sync(), () => cb(), cb); },
      read(fd, buffer, offset, length, position, cb) {
        settle(handle.read(buffer, offset, length, position),
               (r) => cb(null, r.bytesRead, r.buffer), (error) => cb(error, 0, buffer));
      },
      write(fd, buffer, offset, length, position, cb) {
        settle(handle.write(buffer, offset, length, position),
               (r) => cb(null, r.bytesWritten, r.buffer), (error) => cb(error, 0, buffer));
      },
      writev(fd, buffers, position, cb) {
        settle(handle.writev(buffers, position),
               (r) => cb(null, r.bytesWritten, r.buffers), (error) => cb(error, 0, buffers));
      },
    };
  }

  // options.fd as a number or a FileHandle: the stream's descriptor.
  function adoptFd(stream, options) {
    if (typeof options.fd === 'number') {
      stream[kFs] = options.fs || fs;
      return options.fd;
    }
    if (internals.isFileHandle(options.fd)) {
      if (options.fs) {
        throw u.nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED',
                          'The FileHandle with fs method is not implemented');
      }
      const handle = options.fd;
      stream[kHandle] = handle;
      stream[kFs] = fileHandleOperations(handle);
      internals.fileHandleRef(handle);
      handle.on('close', () => stream.close());
      return handle.fd;
    }
    throw u.invalidArgType('options.fd', ['number', 'FileHandle'], options.fd);
  }

  // What both streams take from their arguments before the stream constructor runs.
  function setUp(stream, path, options, defaultFlags) {
    if (options.fd == null) {
      stream.fd = null;
      stream[kFs] = options.fs || fs;
      u.validateFunction(stream[kFs].open, 'options.fs.open');
      stream.path = u.toPathIfFileURL(path);  // ignored when fd is given, so may be falsy then
      stream.flags = options.flags === undefined ? defaultFlags : options.flags;
      stream.mode = options.mode === undefined ? 0o666 : options.mode;
      u.validatePath(stream.path);
    } else {
      stream.fd = u.getValidatedFd(adoptFd(stream, options));
    }
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    if (options.autoDestroy) u.validateFunction(stream[kFs].close, 'options.fs.close');
    stream.start = options.start;
    stream.pos = undefined;
    stream[kBusy] = false;
    if (stream.start !== undefined) {
      u.validateInteger(stream.start, 'start', 0);
      stream.pos = stream.start;
    }
  }

  // Opens the file before the first read or write (the streams' _construct).
  function construct(callback) {
    const stream = this;
    if (typeof stream.fd === 'number') return callback();
    if (stream.open !== openReadFs && stream.open !== openWriteFs) {
      // An open() of the program's (a subclass's, or the prototype's replaced),
      // as old code has: it emits 'open'.
      const emit = stream.emit;
      stream.emit = function (name, ...args) {
        if (name === 'open') {
          this.emit = emit;
          callback();
        } else if (name === 'error') {
          this.emit = emit;
          callback(args[0]);
          return true;
        }
        return ReflectApply(emit, this, [name, ...args]);
      };
      stream.open();
      return;
    }
    stream[kFs].open(stream.path, stream.flags, stream.mode, (error, fd) => {
      if (error) return callback(error);
      stream.fd = fd;
      // Node calls back first; readable-stream 4.8.0 then marks the stream
      // constructed a tick before it writes what was buffered, so a write in
      // a tick queued by an 'open' listener would overtake one made in the
      // listener. Called back last, both wait in the buffer, in order.
      stream.emit('open', stream.fd);
      stream.emit('ready');
      callback();
    });
  }

  // The prototypes' open(): deprecated no-ops (DEP0135), which construct()
  // tells from a program's own.
  const { deprecate } = internals.requireBuiltin('util');
  const openReadFs = deprecate(function open() {}, 'ReadStream.prototype.open() is deprecated',
                               'DEP0135');
  const openWriteFs = deprecate(function open() {}, 'WriteStream.prototype.open() is deprecated',
                                'DEP0135');

  function closeFd(stream, error, cb) {
    if (!stream.fd) return cb(error);
    const close = () => {
      stream[kFs].close(stream.fd, (closeError) => cb(closeError || error));
      stream.fd = null;
    };
    if (stream.flush) {
      stream[kFs].fsync(stream.fd, (flushError) => {
        error = error || flushError;
        close();
      });
    } else {
      close();
    }
  }

  // A descriptor may not be closed while the thread pool still uses it.
  function destroy(error, cb) {
    if (this[kBusy]) {
      this.once(kIoDone, (ioError) => closeFd(this, error || ioError, cb));
    } else {
      closeFd(this, error, cb);
    }
  }

  function autoCloseProperty(Stream, state) {
    ObjectDefineProperty(Stream.prototype, 'autoClose', {
      __proto__: null,
      get() { return this[state].autoDestroy; },
      set(value) { this[state].autoDestroy = value; },
    });
    ObjectDefineProperty(Stream.prototype, 'pending', {
      __proto__: null,
      get() { return this.fd === null; },
      configurable: true,
    });
  }

  // ---- ReadStream ---------------------------------------------------------

  function ReadStream(path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);
    options = u.copyObject(u.getOptions(options, kEmptyObject));
    if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
    if (options.autoDestroy === undefined) options.autoDestroy = false;
    setUp(this, path, options, 'r');
    u.validateFunction(this[kFs].read, 'options.fs.read');
    this.end = options.end;
    this.bytesRead = 0;
    if (this.end === undefined) {
      this.end = Infinity;
    } else if (this.end !== Infinity) {
      u.validateInteger(this.end, 'end', 0);
      if (this.start !== undefined && this.start > this.end) {
        throw u.outOfRange('start', `<= "end" (here: ${this.end})`, this.start);
      }
    }
    FunctionPrototypeCall(Readable, this, options);
  }
  ObjectSetPrototypeOf(ReadStream.prototype, Readable.prototype);
  ObjectSetPrototypeOf(ReadStream, Readable);
  autoCloseProperty(ReadStream, '_readableState');
  ReadStream.prototype._construct = construct;
  ReadStream.prototype._destroy = destroy;
  ReadStream.prototype.open = openReadFs;

  ReadStream.prototype._read = function (size) {
    const remaining = this.end - (this.pos !== undefined ? this.pos : this.bytesRead) + 1;
    const length = MathMin(remaining, size);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafeSlow(length);
    this[kBusy] = true;
    this[kFs].read(this.fd, buffer, 0, length, this.pos, (error, bytesRead, filled) => {
      this[kBusy] = false;
      if (this.destroyed) {
        this.emit(kIoDone, error);  // _destroy waits for this before closing
        return;
      }
      if (error) {
        this.destroy(error);
        return;
      }
      if (bytesRead === 0) {
        this.push(null);
        return;
      }
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      let chunk = filled;
      if (bytesRead !== filled.length) {
        // A copy, so a short read does not keep the whole buffer alive.
        chunk = Buffer.allocUnsafeSlow(bytesRead);
        filled.copy(chunk, 0, 0, bytesRead);
      }
      this.push(chunk);
    });
  };

  ReadStream.prototype.close = function (cb) {
    if (typeof cb === 'function') finished(this, cb);
    this.destroy();
  };

  // ---- WriteStream --------------------------------------------------------

  function WriteStream(path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);
    options = u.copyObject(u.getOptions(options, kEmptyObject));
    options.decodeStrings = true;  // the file gets bytes
    setUp(this, path, options, 'w');
    const ops = this[kFs];
    if (!ops.write && !ops.writev) throw u.invalidArgType('options.fs.write', 'function', ops.write);
    if (ops.write) u.validateFunction(ops.write, 'options.fs.write');
    if (ops.writev) u.validateFunction(ops.writev, 'options.fs.writev');
    this.flush = options.flush;
    if (this.flush == null) {
      this.flush = false;
    } else {
      u.validateBoolean(this.flush, 'options.flush');
      u.validateFunction(ops.fsync, 'options.fs.fsync');
    }
    // Either one suffices; the stream module then uses the other.
    if (!ops.write) this._write = null;
    if (!ops.writev) this._writev = null;
    this.bytesWritten = 0;
    FunctionPrototypeCall(Writable, this, options);
    if (options.encoding) this.setDefaultEncoding(options.encoding);
  }
  ObjectSetPrototypeOf(WriteStream.prototype, Writable.prototype);
  ObjectSetPrototypeOf(WriteStream, Writable);
  autoCloseProperty(WriteStream, '_writableState');
  WriteStream.prototype._construct = construct;
  WriteStream.prototype._destroy = destroy;
  WriteStream.prototype.open = openWriteFs;

  // Writes all of `size` bytes, retrying short writes (five in a row without
  // progress is an error, as in Node).
  function writeFully(stream, write, data, size, position, cb, stalls = 0) {
    write(data, position, (error, written, rest) => {
      if (error?.code === 'EAGAIN') {
        error = null;
        written = 0;
      }
      if (stream.destroyed || error) {
        cb(error || u.nodeError(Error, 'ERR_STREAM_DESTROYED',
                                'Cannot call write after a stream was destroyed'));
        return;
      }
      stream.bytesWritten += written;
      stalls = written ? 0 : stalls + 1;
      size -= written;
      if (position !== undefined) position += written;
      if (stalls > 5) {
        cb(u.nodeError(Error, 'ERR_SYSTEM_ERROR', 'A system error occurred: write failed'));
      } else if (size > 0) {
        writeFully(stream, write, rest(written), size, position, cb, stalls);
      } else {
        cb();
      }
    });
  }

  function finishWrite(stream, cb) {
    return (error) => {
      stream[kBusy] = false;
      cb(error);
      if (stream.destroyed) stream.emit(kIoDone, error);
    };
  }

  WriteStream.prototype._write = function (data, encoding, cb) {
    const write = (chunk, position, done) => this[kFs].write(
      this.fd, chunk, 0, chunk.length, position,
      (error, written, buffer) => done(error, written, (n) => buffer.slice(n)));
    this[kBusy] = true;
    writeFully(this, write, data, data.length, this.pos, finishWrite(this, cb));
    if (this.pos !== undefined) this.pos += data.length;
  };

  WriteStream.prototype._writev = function (data, cb) {
    const chunks = [];
    let size = 0;
    for (let i = 0; i < data.length; i++) {
      ArrayPrototypePush(chunks, data[i].chunk);
      size += data[i].chunk.length;
    }
    const writev = (buffers, position, done) => this[kFs].writev(
      this.fd, buffers, position,
      (error, written, sent) => done(error, written, (n) => [Buffer.concat(sent).slice(n)]));
    this[kBusy] = true;
    writeFully(this, writev, chunks, size, this.pos, finishWrite(this, cb));
    if (this.pos !== undefined) this.pos += size;
  };

  WriteStream.prototype.close = function (cb) {
    if (cb) {
      if (this.closed) {
        nextTick(cb);
        return;
      }
      this.on('close', cb);
    }
    // Not yet ending: end it first (the close follows through autoDestroy),
    // unless autoClose is off, when close() must destroy.
    if (!this.autoClose) this.on('finish', this.destroy);
    this.end();
  };
  WriteStream.prototype.destroySoon = WriteStream.prototype.end;  // Node's legacy name

  internals.fsStreams = {
    ReadStream,
    WriteStream,
    createReadStream: (path, options) => new ReadStream(path, options),
    createWriteStream: (path, options) => new WriteStream(path, options),
  };
  return internals.fsStreams;
})
