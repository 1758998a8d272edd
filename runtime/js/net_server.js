// Node's net.Server and the `net` module's exports, over net_socket.js's
// Socket and the TCP / Pipe handles. Compiled on the first require('net').
(function (natives, internals) {
  'use strict';
  const {
    Boolean, Error, Number, Promise, SymbolAsyncDispose,
  } = internals.primordials;
  const EventEmitter = internals.requireBuiltin('events');
  const u = internals.loadFsUtils();
  const sockets = internals.netSocket();
  const {
    Socket, normalizeArgs, validatePort, isIP, errnoException, uvExceptionWithHostPort,
  } = sockets;
  const { Pipe, TCP } = internals.handleClasses();

  function emitErrorNT(server, error) { server.emit('error', error); }
  function emitListeningNT(server) { if (server._handle !== null) server.emit('listening'); }

  // A handle bound to `address`:`port` (TCP) or the path `address` (a pipe),
  // or a negative libuv error.
  function createServerHandle(address, port, addressType, ipv6Only, where) {
    const handle = addressType === -1 ? new Pipe(false, 'net.Server', where)
      : new TCP('net.Server', where);
    const err = addressType === -1 ? handle.bind(address) : handle.bind(address, port, ipv6Only);
    if (err) {
      handle.close();
      return err;
    }
    return handle;
  }

  function onconnection(server, status) {
    if (status < 0) {
      server.emit('error', errnoException(status, 'accept'));
      return;
    }
    const isPipe = server._pipeName !== undefined;
    const clientHandle = isPipe ? new Pipe(false, 'net.Socket') : new TCP('net.Socket');
    const err = server._handle.accept(clientHandle);
    if (err) {
      clientHandle.close();
      server.emit('error', errnoException(err, 'accept'));
      return;
    }
    // As Node 20's: 0 sets no limit.
    if (server.maxConnections && server._connections >= server.maxConnections) {
      if (!isPipe && server.listenerCount('drop') > 0) {
        const local = clientHandle.getsockname();
        const remote = clientHandle.getpeername();
        server.emit('drop', {
          localAddress: local.address, localPort: local.port, localFamily: local.family,
          remoteAddress: remote.address, remotePort: remote.port, remoteFamily: remote.family,
        });
      }
      clientHandle.close();
      return;
    }
    const socket = new Socket({
      handle: clientHandle,
      allowHalfOpen: server.allowHalfOpen,
      pauseOnCreate: server.pauseOnConnect,
      readable: true,
      writable: true,
      readableHighWaterMark: server.highWaterMark,
      writableHighWaterMark: server.highWaterMark,
    });
    if (server.noDelay && clientHandle.setNoDelay) socket.setNoDelay(true);
    if (server.keepAlive && clientHandle.setKeepAlive) {
      socket.setKeepAlive(true, server.keepAliveInitialDelay);
    }
    server._connections++;
    socket.server = server;
    socket._server = server;
    server.emit('connection', socket);
  }

  class Server extends EventEmitter {
    constructor(options, connectionListener) {
      super();
      if (typeof options === 'function') {
        connectionListener = options;
        options = {};
      } else if (options == null || typeof options === 'object') {
        options = { ...options };
      } else {
        throw u.invalidArgType('options', 'Object', options);
      }
      if (typeof connectionListener === 'function') this.on('connection', connectionListener);
      this._connections = 0;
      this._handle = null;
      this._usingWorkers = false;
      this._workers = [];
      this._unref = false;
      this._listeningId = 1;
      this.allowHalfOpen = options.allowHalfOpen || false;
      this.pauseOnConnect = Boolean(options.pauseOnConnect);
      this.noDelay = Boolean(options.noDelay);
      this.keepAlive = Boolean(options.keepAlive);
      this.keepAliveInitialDelay = ~~((options.keepAliveInitialDelay ?? 0) / 1000);
      this.highWaterMark = options.highWaterMark;
    }

    get listening() { return this._handle !== null; }

    listen(...args) {
      const [options, cb] = normalizeArgs(args);
      if (cb !== null) this.once('listening', cb);
      if (this._handle !== null) {
        throw u.nodeError(Error, 'ERR_SERVER_ALREADY_LISTEN',
          'Listen method has been called more than once without closing.');
      }
      const backlogFromArgs = toNumber(args.length > 1 && args[1]) ||
        toNumber(args.length > 2 && args[2]);
      // listen(), listen(cb), listen(null), {port: undefined}: any free port.
      if (args.length === 0 || typeof args[0] === 'function' ||
          (options.port === undefined && 'port' in options) || options.port === null) {
        options.port = 0;
      }
      if (typeof options.port === 'number' || typeof options.port === 'string') {
        const port = validatePort(options.port, 'options.port');
        const backlog = options.backlog || backlogFromArgs;
        if (options.host) {
          const where = natives.userCallSite();
          lookupAndListen(this, port, options.host, backlog, options.ipv6Only, where);
        } else {
          listenInCluster(this, null, port, 4, backlog, options.ipv6Only);
        }
        return this;
      }
      if (options.path && sockets.isPipeName(options.path)) {
        listenInCluster(this, options.path, -1, -1, options.backlog || backlogFromArgs);
        return this;
      }
      throw u.invalidArgValue('options', options, 'must have the property "port" or "path"');
    }

    address() {
      if (this._handle === null) return null;
      if (this._pipeName !== undefined) return this._pipeName;
      const name = this._handle.getsockname();
      return typeof name === 'object' ? name : {};
    }

    close(cb) {
      if (typeof cb === 'function') {
        if (this._handle === null) {
          this.once('close', function close() {
            cb(u.nodeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
          });
        } else {
          this.once('close', cb);
        }
      }
      if (this._handle !== null) {
        this._handle.close();
        this._handle = null;
      }
      this._emitCloseIfDrained();
      return this;
    }

    _emitCloseIfDrained() {
      if (this._handle !== null || this._connections > 0) return;
      process.nextTick(() => this.emit('close'));
    }

    getConnections(cb) {
      const count = this._connections;
      process.nextTick(cb, null, count);
      return this;
    }

    ref() {
      this._unref = false;
      if (this._handle !== null) this._handle.ref();
      return this;
    }
    unref() {
      this._unref = true;
      if (this._handle !== null) this._handle.unref();
      return this;
    }

    [SymbolAsyncDispose]() {
      if (this._handle === null) return Promise.resolve();
      return new Promise((resolve, reject) => {
        this.close((error) => (error ? reject(error) : resolve()));
      });
    }
  }

  function toNumber(x) { return (x = Number(x)) >= 0 ? x : false; }

  function lookupAndListen(server, port, host, backlog, ipv6Only, where) {
    internals.requireBuiltin('dns').lookup(host, (err, ip, family) => {
      if (err) {
        server.emit('error', err);
        return;
      }
      listenInCluster(server, ip, port, family, backlog, ipv6Only, where);
    });
  }

  function listenInCluster(server, address, port, addressType, backlog, ipv6Only, where) {
    try {
      listenOn(server, address, port, addressType, backlog, ipv6Only, where);
    } catch (error) {
      // ERR_ACCESS_DENIED (no Net permission for the address): the server's 'error'.
      process.nextTick(emitErrorNT, server, error);
    }
  }

  function listenOn(server, address, port, addressType, backlog, ipv6Only, where) {
    let handle;
    if (address === null) {
      // Node's default: IPv6's "::" (dual-stack), else 0.0.0.0.
      handle = createServerHandle('::', port, 6, Boolean(ipv6Only), where);
      address = '::';
      if (typeof handle === 'number') {
        address = '0.0.0.0';
        handle = createServerHandle(address, port, 4, false, where);
      }
    } else {
      handle = createServerHandle(address, port, addressType, Boolean(ipv6Only), where);
    }
    if (typeof handle === 'number') {
      const error = uvExceptionWithHostPort(handle, 'listen', address, port);
      process.nextTick(emitErrorNT, server, error);
      return;
    }
    const err = handle.listen(backlog || 511, (status) => onconnection(server, status));
    if (err) {
      handle.close();
      process.nextTick(emitErrorNT, server, uvExceptionWithHostPort(err, 'listen', address, port));
      return;
    }
    server._handle = handle;
    server._pipeName = addressType === -1 ? address : undefined;
    server._connectionKey = `${addressType}:${address}:${port}`;
    // A snapshot cannot hold a listening socket: while one is built the
    // server does not keep the build waiting, and the build's check of open
    // resources names it.
    if (server._unref || internals.isBuildingSnapshot()) handle.unref();
    process.nextTick(emitListeningNT, server);
  }

  function createServer(options, connectionListener) {
    return new Server(options, connectionListener);
  }

  function isIPv4(input) { return isIP(input) === 4; }
  function isIPv6(input) { return isIP(input) === 6; }

  const { defaults } = sockets;

  const net = {
    _createServerHandle: createServerHandle,
    _normalizeArgs: normalizeArgs,
    _setSimultaneousAccepts() {},
    connect: sockets.connect,
    createConnection: sockets.connect,
    createServer,
    isIP,
    isIPv4,
    isIPv6,
    Server,
    Socket,
    Stream: Socket,
    getDefaultAutoSelectFamily() { return defaults.autoSelectFamily; },
    setDefaultAutoSelectFamily(value) {
      u.validateBoolean(value, 'value');
      defaults.autoSelectFamily = value;
    },
    getDefaultAutoSelectFamilyAttemptTimeout() { return defaults.attemptTimeout; },
    setDefaultAutoSelectFamilyAttemptTimeout(value) {
      u.validateInt32(value, 'value', 1);
      defaults.attemptTimeout = value < 10 ? 10 : value;
    },
  };
  return net;
})
