// Node's net.Socket: a stream.Duplex (readable-stream's) over one stream
// handle (natives.Pipe, TCP or TTY; stream_handle.h), as lib/net.js builds it
// over its wraps, plus the errors and argument checks net.Server shares.
// Compiled the first time a program needs `net`, `tty` or a piped stdio
// stream (net.js), with net_connect.js (how a socket connects); returns what
// net_server.js and tty.js build on.
(function (natives, internals) {
  'use strict';
  const {
    Error, Number, RangeError, StringPrototypeTrim, Symbol, TypeError,
  } = internals.primordials;
  const { Duplex } = internals.requireBuiltin('stream');
  const { Buffer } = internals.requireBuiltin('buffer');
  const u = internals.loadFsUtils();
  const { setTimeout, clearTimeout } = internals.netTimers;
  const { Pipe, TCP } = internals.handleClasses();
  const UV_EOF = -4095;
  const UV_ENOTCONN = -107;

  const kTimeout = Symbol('timeout');
  const kBytesRead = Symbol('kBytesRead');
  const kBytesWritten = Symbol('kBytesWritten');
  const kSetNoDelay = Symbol('kSetNoDelay');
  const kSetKeepAlive = Symbol('kSetKeepAlive');
  const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');

  // ---- errors, as lib/internal/errors.js words them -----------------------

  function errname(err) { return natives.uvErrorName(err); }

  // "<syscall> <CODE>" with errno, code, syscall (Node's ErrnoException).
  function errnoException(err, syscall, original) {
    const [code] = errname(err);
    const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
    const error = new Error(message);
    error.errno = err;
    error.code = code;
    error.syscall = syscall;
    return error;
  }

  // "connect ECONNREFUSED 127.0.0.1:1" (exceptionWithHostPort).
  function exceptionWithHostPort(err, syscall, address, port, additional) {
    const [code] = errname(err);
    let details = '';
    if (port && port > 0) details = ` ${address}:${port}`;
    else if (address) details = ` ${address}`;
    if (additional) details += ` - Local (${additional})`;
    const error = new Error(`${syscall} ${code}${details}`);
    error.errno = err;
    error.code = code;
    error.syscall = syscall;
    error.address = address;
    if (port) error.port = port;
    return error;
  }

  // "listen EADDRINUSE: address already in use 127.0.0.1:8080" (UVExceptionWithHostPort).
  function uvExceptionWithHostPort(err, syscall, address, port) {
    const [code, description] = errname(err);
    let details = '';
    if (port && port > 0) details = ` ${address}:${port}`;
    else if (address) details = ` ${address}`;
    const error = new Error(`${syscall} ${code}: ${description}${details}`);
    error.code = code;
    error.errno = err;
    error.syscall = syscall;
    error.address = address;
    if (port) error.port = port;
    return error;
  }

  // ---- argument checks --------------------------------------------------

  function isLegalPort(port) {
    if ((typeof port !== 'number' && typeof port !== 'string') ||
        (typeof port === 'string' && StringPrototypeTrim(port).length === 0)) return false;
    return +port === (+port >>> 0) && port <= 0xFFFF;
  }

  function describeForPort(port) {
    return internals.describeReceived(port);
  }

  // validatePort: the number, or ERR_SOCKET_BAD_PORT.
  function validatePort(port, name = 'Port', allowZero = true) {
    if (!isLegalPort(port) || (!allowZero && +port === 0)) {
      throw u.nodeError(RangeError, 'ERR_SOCKET_BAD_PORT',
        `${name} should be >= 0 and < 65536. Received ${describeForPort(port)}.`);
    }
    return +port | 0;
  }

  function isIP(input) { return natives.isIP(`${input}`); }

  function isPipeName(s) { return typeof s === 'string' && toNumber(s) === false; }
  function toNumber(x) { return (x = Number(x)) >= 0 ? x : false; }

  // normalizeArgs: connect()/listen() arguments as [options, callback].
  function normalizeArgs(args) {
    if (args.length === 0) return [{}, null];
    const arg0 = args[0];
    let options = {};
    if (typeof arg0 === 'object' && arg0 !== null) {
      options = arg0;
    } else if (isPipeName(arg0)) {
      options.path = arg0;
    } else {
      options.port = arg0;
      if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
    }
    const cb = args[args.length - 1];
    return [options, typeof cb === 'function' ? cb : null];
  }

  // ---- the handle's callbacks, with the socket as `this` --------------------

  function onStreamRead(socket, chunk) {
    const handle = socket._handle;
    if (handle === null) return;
    socket._unrefTimer();
    if (typeof chunk !== 'number') {
      if (socket.destroyed) return;
      const buffer = new internals.buffer.FastBuffer(chunk.buffer, chunk.byteOffset, chunk.length);
      if (!socket.push(buffer) && handle.reading) {
        handle.reading = false;
        const err = handle.readStop();
        if (err) socket.destroy(errnoException(err, 'read'));
      }
      return;
    }
    if (chunk !== UV_EOF) {
      socket.destroy(errnoException(chunk, 'read'));
      return;
    }
    handle.reading = false;
    if (!socket._readableState.endEmitted) {
      socket.push(null);
      socket.read(0);
    }
  }

  function tryReadStart(socket) {
    const handle = socket._handle;
    handle.reading = true;
    const err = handle.readStart((chunk) => onStreamRead(socket, chunk));
    if (err) socket.destroy(errnoException(err, 'read'));
  }

  function initSocketHandle(socket) {
    socket._undestroy();
    socket._sockname = null;
    const handle = socket._handle;
    if (handle === null) return;
    handle.reading = false;
    handle.owner = socket;
    if (socket[kSetNoDelay] && handle.setNoDelay) handle.setNoDelay(true);
    if (socket[kSetKeepAlive] && handle.setKeepAlive) {
      handle.setKeepAlive(true, socket[kSetKeepAliveInitialDelay]);
    }
  }

  // A Pipe or TCP handle for an inherited descriptor (stdio, a child's pipe).
  function handleForFd(fd) {
    const type = natives.guessHandleType(fd);
    if (type === 'PIPE') return new Pipe(false, 'net.Socket');
    if (type === 'TCP') return new TCP('net.Socket');
    throw u.nodeError(TypeError, 'ERR_INVALID_FD_TYPE', `Unsupported fd type: ${type}`);
  }

  class Socket extends Duplex {
    constructor(options) {
      if (typeof options === 'number') options = { fd: options };
      else options = { ...options };
      // Node's defaults: no half-open sockets unless asked, strings written
      // as they are, and 'close' emitted by _destroy with hadError.
      options.allowHalfOpen = Boolean(options.allowHalfOpen);
      options.autoDestroy = true;
      options.decodeStrings = false;
      if (options.emitClose === undefined) options.emitClose = false;
      super(options);
      this.connecting = false;
      this._hadError = false;
      this._parent = null;
      this._host = null;
      this[kTimeout] = null;
      this[kBytesRead] = 0;
      this[kBytesWritten] = 0;
      this[kSetNoDelay] = Boolean(options.noDelay);
      this[kSetKeepAlive] = Boolean(options.keepAlive);
      this[kSetKeepAliveInitialDelay] = ~~((options.keepAliveInitialDelay ?? 0) / 1000);
      this.server = null;
      this._server = null;
      this._handle = null;
      if (options.handle) {
        this._handle = options.handle;
      } else if (options.fd !== undefined) {
        const fd = options.fd;
        u.validateInt32(fd, 'fd', 0);
        this._handle = handleForFd(fd);
        const err = this._handle.open(fd);
        if (err) {
          this._handle.close();
          throw errnoException(err, 'open');
        }
      }
      this.on('end', onReadableStreamEnd);
      initSocketHandle(this);
      this._pendingData = null;
      this._pendingEncoding = '';
      if (this._handle !== null && options.readable !== false) {
        if (options.pauseOnCreate) {
          this._handle.reading = false;
          this._handle.readStop();
          this.readableFlowing = false;
        } else if (!options.manualStart) {
          this.read(0);
        }
      }
    }

    get pending() { return this._handle === null || this.connecting; }
    get readyState() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    }
    get bufferSize() { return this._handle !== null ? this.writableLength : undefined; }
    get bytesRead() { return this._handle !== null ? this._handle.bytesRead : this[kBytesRead]; }
    get bytesWritten() {
      let bytes = this._handle !== null ? this._handle.bytesWritten : this[kBytesWritten];
      const buffered = this.writableBuffer;
      for (let i = 0; i < buffered.length; i++) {
        const { chunk, encoding } = buffered[i];
        bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
      }
      const data = this._pendingData;
      if (data) {
        bytes += typeof data === 'string' ? Buffer.byteLength(data, this._pendingEncoding)
          : data.length;
      }
      return bytes;
    }
    get _connecting() { return this.connecting; }
    get remoteAddress() { return this._getpeername().address; }
    get remoteFamily() { return this._getpeername().family; }
    get remotePort() { return this._getpeername().port; }
    get localAddress() { return this._getsockname().address; }
    get localPort() { return this._getsockname().port; }
    get localFamily() { return this._getsockname().family; }

    _getpeername() {
      if (this._handle === null || typeof this._handle.getpeername !== 'function') return {};
      if (!this._peername) {
        const name = this._handle.getpeername();
        if (typeof name !== 'object') return {};
        this._peername = name;
      }
      return this._peername;
    }
    _getsockname() {
      if (this._handle === null || typeof this._handle.getsockname !== 'function') return {};
      if (!this._sockname) {
        const name = this._handle.getsockname();
        if (typeof name !== 'object') return {};
        this._sockname = name;
      }
      return this._sockname;
    }
    address() { return this._getsockname(); }

    // As Node's: `timeout` keeps the last delay asked for; a timer that fired
    // starts again with the next activity (refresh()).
    setTimeout(msecs, callback) {
      if (this.destroyed) return this;
      this.timeout = msecs;
      if (typeof msecs !== 'number' || msecs < 0 || !(msecs < Infinity)) {
        throw u.outOfRange('msecs', 'a non-negative finite number', msecs);
      }
      if (this[kTimeout] !== null) clearTimeout(this[kTimeout]);
      if (msecs === 0) {
        if (callback !== undefined) {
          u.validateFunction(callback, 'callback');
          this.removeListener('timeout', callback);
        }
        return this;
      }
      this[kTimeout] = setTimeout(() => this.emit('timeout'), msecs);
      this[kTimeout].unref();
      if (callback !== undefined) {
        u.validateFunction(callback, 'callback');
        this.once('timeout', callback);
      }
      return this;
    }
    _unrefTimer() {
      for (let s = this; s !== null; s = s._parent) {
        if (s[kTimeout] !== null) s[kTimeout].refresh();
      }
    }

    setNoDelay(enable) {
      const on = enable === undefined ? true : Boolean(enable);
      if (this._handle === null) { this[kSetNoDelay] = on; return this; }
      if (this._handle.setNoDelay && on !== this[kSetNoDelay]) {
        this[kSetNoDelay] = on;
        this._handle.setNoDelay(on);
      }
      return this;
    }
    setKeepAlive(enable, initialDelayMsecs) {
      enable = Boolean(enable);
      const delay = ~~((initialDelayMsecs ?? 0) / 1000);
      if (this._handle === null) {
        this[kSetKeepAlive] = enable;
        this[kSetKeepAliveInitialDelay] = delay;
        return this;
      }
      if (this._handle.setKeepAlive) {
        this[kSetKeepAlive] = enable;
        this[kSetKeepAliveInitialDelay] = delay;
        this._handle.setKeepAlive(enable, delay);
      }
      return this;
    }

    ref() {
      if (this._handle === null) { this.once('connect', this.ref); return this; }
      this._handle.ref();
      return this;
    }
    unref() {
      if (this._handle === null) { this.once('connect', this.unref); return this; }
      this._handle.unref();
      return this;
    }

    _read(n) {
      if (this.connecting || this._handle === null) {
        this.once('connect', () => this._read(n));
      } else if (!this._handle.reading) {
        tryReadStart(this);
      }
    }

    end(data, encoding, callback) {
      super.end(data, encoding, callback);
      return this;
    }
    destroySoon() {
      if (this.writable) this.end();
      if (this.writableFinished) this.destroy();
      else this.once('finish', this.destroy);
    }
    resetAndDestroy() {
      this.destroy();
      return this;
    }

    _writeGeneric(writev, data, encoding, cb) {
      if (this.connecting) {
        this._pendingData = data;
        this._pendingEncoding = encoding;
        this.once('connect', function connect() {
          this.off('close', onClose);
          this._writeGeneric(writev, data, encoding, cb);
        });
        function onClose() {
          cb(u.nodeError(Error, 'ERR_SOCKET_CLOSED_BEFORE_CONNECTION',
            'Socket closed before the connection was established'));
        }
        this.once('close', onClose);
        return;
      }
      this._pendingData = null;
      this._pendingEncoding = '';
      if (this._handle === null) {
        cb(u.nodeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
        return false;
      }
      this._unrefTimer();
      let chunk = writev ? joinChunks(data) : data;
      if (typeof chunk === 'string' && !handleEncodes(encoding)) {
        chunk = Buffer.from(chunk, encoding);
      }
      const result = this._handle.write(chunk, encoding, (status) => {
        if (status < 0) {
          cb(errnoException(status, 'write'));
          return;
        }
        this._unrefTimer();
        cb();
      });
      if (result < 0) {
        cb(errnoException(result, 'write'));
        return;
      }
      if (result === 0) cb();
    }
    _writev(chunks, cb) { this._writeGeneric(true, chunks, '', cb); }
    _write(data, encoding, cb) { this._writeGeneric(false, data, encoding, cb); }

    _final(cb) {
      if (this.pending) return this.once('connect', () => this._final(cb));
      if (this._handle === null) return cb();
      const err = this._handle.shutdown(() => cb());
      if (err === UV_ENOTCONN) return cb();
      if (err !== 0) return cb(errnoException(err, 'shutdown'));
    }

    _destroy(exception, cb) {
      for (let s = this; s !== null; s = s._parent) {
        if (s[kTimeout] !== null) clearTimeout(s[kTimeout]);
      }
      this.connecting = false;
      if (this._handle !== null) {
        const isException = Boolean(exception);
        this[kBytesRead] = this._handle.bytesRead;
        this[kBytesWritten] = this._handle.bytesWritten;
        this._handle.close(() => this.emit('close', isException));
        this._handle = null;
        this._sockname = null;
        cb(exception);
      } else {
        cb(exception);
        process.nextTick(() => this.emit('close'));
      }
      if (this._server !== null) {
        this._server._connections--;
        this._server._emitCloseIfDrained?.();
      }
    }

    connect(...args) {
      const [options, cb] = normalizeArgs(args);
      if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
      if (this.destroyed) {
        this._handle = null;
        this._peername = null;
        this._sockname = null;
        this._undestroy();
      }
      const { path } = options;
      const pipe = path !== undefined && path !== null;
      if (this._handle === null) {
        this._handle = pipe ? new Pipe(false, 'net.Socket') : new TCP('net.Socket');
        initSocketHandle(this);
      }
      if (cb !== null) this.once('connect', cb);
      this._unrefTimer();
      this.connecting = true;
      if (pipe) {
        u.validateString(path, 'options.path');
        internalConnect(this, path);
      } else {
        lookupAndConnect(this, options);
      }
      return this;
    }
  }

  function joinChunks(list) {
    const parts = [];
    for (let i = 0; i < list.length; i++) {
      const { chunk, encoding } = list[i];
      parts[i] = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    }
    return Buffer.concat(parts);
  }

  // Encodings the handle writes itself; other strings become bytes first.
  function handleEncodes(encoding) {
    return encoding === 'utf8' || encoding === 'utf-8' || encoding === 'latin1' ||
      encoding === 'binary' || encoding === 'ascii' || encoding === undefined || encoding === '';
  }

  function onReadableStreamEnd() {
    if (!this.allowHalfOpen) {
      this.write = writeAfterFIN;
    }
  }

  function writeAfterFIN(chunk, encoding, cb) {
    if (!this.writableEnded) return Duplex.prototype.write.call(this, chunk, encoding, cb);
    if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    const error = new Error('This socket has been ended by the other party');
    error.code = 'EPIPE';
    if (typeof cb === 'function') process.nextTick(cb, error);
    this.destroy(error);
    return false;
  }

  const { lookupAndConnect, internalConnect, defaults } =
    natives.loadScript('net_connect.js')(natives, internals)(
      { isIP, validatePort, exceptionWithHostPort, initSocketHandle });

  function connect(...args) {
    const [options, cb] = normalizeArgs(args);
    if (options.timeout) {
      const socket = new Socket(options);
      socket.setTimeout(options.timeout);
      return socket.connect(options, cb);
    }
    const socket = new Socket(options);
    return socket.connect(options, cb);
  }

  return {
    Socket, connect, normalizeArgs, validatePort, isIP, isPipeName, errnoException,
    exceptionWithHostPort, uvExceptionWithHostPort, initSocketHandle, tryReadStart, defaults,
  };
})
