// Node 20's child_process (lib/child_process.js, lib/internal/child_process.js)
// on the child_process extension's natives (runtime/node/child_process*.cc):
// spawnSync runs on a private libuv loop, spawn on the runtime's loop through
// the native Process class; fork() and 'ipc' stdio through
// child_process_ipc.js. Not provided: passing sockets or servers as stdio or
// over IPC. Loaded by child_process.js on first require; evaluates to
// function(natives, internals) -> the module.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSlice,
    ArrayPrototypeUnshift, ArrayBufferIsView, Error, FunctionPrototypeCall, NumberIsInteger,
    ObjectAssign, ObjectKeys, ObjectSetPrototypeOf, SafeMap, StringPrototypeIncludes,
    StringPrototypeToUpperCase, SymbolFor, TypeError,
  } = internals.primordials;
  const u = internals.loadFsUtils();
  const { Buffer } = internals.requireBuiltin('buffer');
  const EventEmitter = internals.requireBuiltin('events');
  const os = internals.requireBuiltin('os');
  const { nextTick, setTimeout, clearTimeout } = internals.childProcessSaved;  // child_process.js
  const { Process } = natives.childProcessClasses();
  const signals = os.constants.signals;
  const errnos = os.constants.errno;
  const kMaxBuffer = 1024 * 1024;
  const kPromisifyCustom = SymbolFor('nodejs.util.promisify.custom');
  const kEmptyObject = u.kEmptyObject;

  const UV_EACCES = -errnos.EACCES;
  const UV_EAGAIN = -errnos.EAGAIN;
  const UV_EMFILE = -errnos.EMFILE;
  const UV_ENFILE = -errnos.ENFILE;
  const UV_ENOENT = -errnos.ENOENT;
  const UV_ESRCH = -errnos.ESRCH;
  const UV_EINVAL = -errnos.EINVAL;
  const UV_ENOSYS = -errnos.ENOSYS;

  // ---- errors and checks (Node's internal/errors, internal/validators) -----

  const signalNames = new SafeMap();  // number -> name, the first name of each
  const errnoNames = new SafeMap();   // negative number -> name
  for (const name of ObjectKeys(signals)) if (!signalNames.has(signals[name])) signalNames.set(signals[name], name);
  for (const name of ObjectKeys(errnos)) if (!errnoNames.has(-errnos[name])) errnoNames.set(-errnos[name], name);
  const signalName = (number) => (number ? signalNames.get(number) ?? null : null);

  // Node's ErrnoException: "<syscall> <CODE>", with errno, code and syscall.
  function errnoException(errno, syscall) {
    const code = errnoNames.get(errno) ?? `Unknown system error ${errno}`;
    const error = new Error(`${syscall} ${code}`);
    error.errno = errno;
    error.code = code;
    error.syscall = syscall;
    return error;
  }

  function convertToValidSignal(signal) {
    if (typeof signal === 'number' && signalNames.has(signal)) return signal;
    if (typeof signal === 'string') {
      const number = signals[StringPrototypeToUpperCase(signal)];
      if (number) return number;
    }
    throw u.nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
  }

  function sanitizeKillSignal(killSignal) {
    if (typeof killSignal === 'string' || typeof killSignal === 'number') {
      return convertToValidSignal(killSignal);
    }
    if (killSignal != null) {
      throw u.invalidArgType('options.killSignal', ['string', 'number'], killSignal);
    }
  }

  function validateTimeout(timeout) {
    if (timeout != null && !(NumberIsInteger(timeout) && timeout >= 0)) {
      throw u.outOfRange('timeout', 'an unsigned integer', timeout);
    }
  }

  function validateMaxBuffer(maxBuffer) {
    if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
      throw u.outOfRange('options.maxBuffer', 'a positive number', maxBuffer);
    }
  }

  function validateArgumentNullCheck(arg, name) {
    if (typeof arg === 'string' && StringPrototypeIncludes(arg, '\u0000')) {
      throw u.invalidArgValue(name, arg, 'must be a string without null bytes');
    }
  }

  function validateArgumentsNullCheck(args, name) {
    for (let i = 0; i < args.length; ++i) validateArgumentNullCheck(args[i], `${name}[${i}]`);
  }

  const isInt32 = (value) => value === (value | 0);

  // ---- options ------------------------------------------------------------

  function normalizeSpawnArguments(file, args, options) {
    u.validateString(file, 'file');
    validateArgumentNullCheck(file, 'file');
    if (file.length === 0) throw u.invalidArgValue('file', file, 'cannot be empty');
    if (ArrayIsArray(args)) {
      args = ArrayPrototypeSlice(args);
    } else if (args == null) {
      args = [];
    } else if (typeof args !== 'object') {
      throw u.invalidArgType('args', 'object', args);
    } else {
      options = args;
      args = [];
    }
    validateArgumentsNullCheck(args, 'args');
    if (options === undefined) options = kEmptyObject;
    else u.validateObject(options, 'options');
    options = { __proto__: null, ...options };

    let cwd = options.cwd;
    if (cwd != null) cwd = u.getValidatedPath(cwd, 'options.cwd');
    if (options.detached != null) u.validateBoolean(options.detached, 'options.detached');
    if (options.uid != null && !isInt32(options.uid)) {
      throw u.invalidArgType('options.uid', 'int32', options.uid);
    }
    if (options.gid != null && !isInt32(options.gid)) {
      throw u.invalidArgType('options.gid', 'int32', options.gid);
    }
    if (options.shell != null && typeof options.shell !== 'boolean' &&
        typeof options.shell !== 'string') {
      throw u.invalidArgType('options.shell', ['boolean', 'string'], options.shell);
    }
    if (options.argv0 != null) {
      u.validateString(options.argv0, 'options.argv0');
      validateArgumentNullCheck(options.argv0, 'options.argv0');
    }
    if (options.windowsHide != null) u.validateBoolean(options.windowsHide, 'options.windowsHide');
    const { windowsVerbatimArguments } = options;
    if (windowsVerbatimArguments != null) {
      u.validateBoolean(windowsVerbatimArguments, 'options.windowsVerbatimArguments');
    }

    if (options.shell) {
      validateArgumentNullCheck(options.shell, 'options.shell');
      const command = ArrayPrototypeJoin([file, ...args], ' ');
      file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
      args = ['-c', command];
    }
    ArrayPrototypeUnshift(args, typeof options.argv0 === 'string' ? options.argv0 : file);

    const env = options.env || globalThis.process.env;
    const envPairs = [];
    // Node reads inherited keys too.
    for (const key in env) {
      const value = env[key];
      if (value !== undefined) {
        validateArgumentNullCheck(key, `options.env['${key}']`);
        validateArgumentNullCheck(value, `options.env['${key}']`);
        ArrayPrototypePush(envPairs, `${key}=${value}`);
      }
    }
    return {
      __proto__: null,
      ...options,
      args,
      cwd,
      detached: !!options.detached,
      envPairs,
      file,
      windowsHide: !!options.windowsHide,
      windowsVerbatimArguments: !!windowsVerbatimArguments,
    };
  }

  const { stdioStringToArray, getValidStdio, closePipes, childPipes } =
    natives.loadScript('child_process_stdio.js')(natives, internals);

  // ---- spawnSync, execSync, execFileSync ------------------------------------

  function spawnSync(file, args, options) {
    options = { __proto__: null, maxBuffer: kMaxBuffer, ...normalizeSpawnArguments(file, args, options) };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    options.killSignal = sanitizeKillSignal(options.killSignal);
    options.stdio = getValidStdio(options.stdio || 'pipe', true).stdio;
    if (options.input) {
      const stdin = options.stdio[0] = { ...options.stdio[0] };
      stdin.input = options.input;
    }
    for (let i = 0; i < options.stdio.length; i++) {
      const input = options.stdio[i] && options.stdio[i].input;
      if (input == null) continue;
      const pipe = options.stdio[i] = { ...options.stdio[i] };
      if (ArrayBufferIsView(input)) {
        pipe.input = input;
      } else if (typeof input === 'string') {
        pipe.input = Buffer.from(input, options.encoding);
      } else {
        throw u.invalidArgType(`options.stdio[${i}]`, ['Buffer', 'TypedArray', 'DataView', 'string'], input);
      }
    }
    const result = natives.childSpawnSync(options);
    result.signal = signalName(result.signal);
    const encoding = options.encoding && options.encoding !== 'buffer' ? options.encoding : null;
    if (result.output) {
      for (let i = 0; i < result.output.length; i++) {
        const bytes = result.output[i];
        if (bytes === null) continue;
        const buffer = Buffer.from(bytes);
        result.output[i] = encoding ? buffer.toString(encoding) : buffer;
      }
    }
    result.stdout = result.output && result.output[1];
    result.stderr = result.output && result.output[2];
    if (result.error) {
      result.error = errnoException(result.error, `spawnSync ${options.file}`);
      result.error.path = options.file;
      result.error.spawnargs = ArrayPrototypeSlice(options.args, 1);
    }
    return result;
  }

  function checkExecSyncError(ret, args, cmd) {
    let error;
    if (ret.error) {
      error = ret.error;
      ObjectAssign(error, ret);
    } else if (ret.status !== 0) {
      let message = `Command failed: ${cmd || ArrayPrototypeJoin(args, ' ')}`;
      if (ret.stderr && ret.stderr.length > 0) message += `\n${ret.stderr.toString()}`;
      error = ObjectAssign(new Error(message), ret);
    }
    return error;
  }

  function normalizeExecArgs(command, options, callback) {
    u.validateString(command, 'command');
    validateArgumentNullCheck(command, 'command');
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    options = { __proto__: null, ...options };
    options.shell = typeof options.shell === 'string' ? options.shell : true;
    return { file: command, options, callback };
  }

  function normalizeExecFileArgs(file, args, options, callback) {
    if (ArrayIsArray(args)) {
      args = ArrayPrototypeSlice(args);
    } else if (args != null && typeof args === 'object') {
      callback = options;
      options = args;
      args = null;
    } else if (typeof args === 'function') {
      callback = args;
      options = null;
      args = null;
    }
    if (args == null) args = [];
    if (typeof options === 'function') callback = options;
    else if (options != null) u.validateObject(options, 'options');
    if (options == null) options = kEmptyObject;
    if (callback != null) u.validateFunction(callback, 'callback');
    if (options.argv0 != null) {
      u.validateString(options.argv0, 'options.argv0');
      validateArgumentNullCheck(options.argv0, 'options.argv0');
    }
    return { file, args, options, callback };
  }

  function execFileSync(file, args, options) {
    ({ file, args, options } = normalizeExecFileArgs(file, args, options));
    const inheritStderr = !options.stdio;
    const ret = spawnSync(file, args, options);
    if (inheritStderr && ret.stderr) globalThis.process.stderr.write(ret.stderr);
    const error = checkExecSyncError(ret, [options.argv0 || file, ...args]);
    if (error) throw error;
    return ret.stdout;
  }

  function execSync(command, options) {
    const opts = normalizeExecArgs(command, options, null);
    const inheritStderr = !opts.options.stdio;
    const ret = spawnSync(opts.file, opts.options);
    if (inheritStderr && ret.stderr) globalThis.process.stderr.write(ret.stderr);
    const error = checkExecSyncError(ret, undefined, command);
    if (error) throw error;
    return ret.stdout;
  }

  // ---- ChildProcess, spawn --------------------------------------------------

  const kProcessOwner = SymbolFor('toysnap.childProcess.owner');
  const kIsUsedAsStdio = SymbolFor('toysnap.childProcess.isUsedAsStdio');

  function ChildProcess() {
    FunctionPrototypeCall(EventEmitter, this);
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = new Process();
    this._handle[kProcessOwner] = this;
    this._handle.onexit = (exitCode, signalNumber) => {
      const signalCode = signalName(signalNumber);
      if (signalCode) this.signalCode = signalCode;
      else this.exitCode = exitCode;
      if (this.stdin) this.stdin.destroy();
      this._handle.close();
      this._handle = null;
      if (exitCode < 0) {
        const error = errnoException(exitCode, this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn');
        if (this.spawnfile) error.path = this.spawnfile;
        error.spawnargs = ArrayPrototypeSlice(this.spawnargs, 1);
        this.emit('error', error);
      } else {
        this.emit('exit', this.exitCode, this.signalCode);
      }
      // Streams nobody reads are drained, so they end and 'close' can follow;
      // on the next tick, the program's last chance to read them itself.
      nextTick(flushStdio, this);
      maybeClose(this);
    };
  }
  ObjectSetPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
  ObjectSetPrototypeOf(ChildProcess, EventEmitter);

  function flushStdio(child) {
    const stdio = child.stdio;
    if (stdio == null) return;
    for (let i = 0; i < stdio.length; i++) {
      const stream = stdio[i];
      if (!stream || !stream.readable || stream._readableState?.readableListening ||
          stream[kIsUsedAsStdio]) {
        continue;
      }
      stream.resume();
    }
  }

  function maybeClose(child) {
    child._closesGot++;
    if (child._closesGot === child._closesNeeded) {
      child.emit('close', child.exitCode, child.signalCode);
    }
  }

  function onErrorNT(child, error) { child._handle.onexit(error); }
  function onSpawnNT(child) { child.emit('spawn'); }

  ChildProcess.prototype.spawn = function spawn(options) {
    u.validateObject(options, 'options');
    const valid = getValidStdio(options.stdio || 'pipe', false);
    const { ipc, ipcFd } = valid;
    const stdio = options.stdio = valid.stdio;
    if (options.serialization !== undefined && options.serialization !== 'json' &&
        options.serialization !== 'advanced') {
      closePipes(stdio);
      throw u.nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
        "The property 'options.serialization' must be one of: undefined, 'json', 'advanced'. " +
        `Received ${internals.inspect(options.serialization)}`);
    }
    const serialization = options.serialization || 'json';
    if (ipc !== undefined) {
      // Tells the child where its channel is (child_process.js's startIpcChannel).
      if (options.envPairs === undefined) options.envPairs = [];
      else if (!ArrayIsArray(options.envPairs)) {
        closePipes(stdio);
        throw u.invalidArgType('options.envPairs', 'Array', options.envPairs);
      }
      ArrayPrototypePush(options.envPairs, `NODE_CHANNEL_FD=${ipcFd}`);
      ArrayPrototypePush(options.envPairs, `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
    }
    u.validateString(options.file, 'options.file');
    this.spawnfile = options.file;
    if (options.args === undefined) {
      this.spawnargs = [];
    } else {
      if (!ArrayIsArray(options.args)) throw u.invalidArgType('options.args', 'Array', options.args);
      this.spawnargs = options.args;
    }
    let error;
    try {
      error = this._handle.spawn(options);
    } catch (thrown) {
      // Denied (ERR_ACCESS_DENIED) or refused: nothing was started.
      closePipes(stdio);
      this._handle.close();
      this._handle = null;
      throw thrown;
    }
    if (error === UV_EACCES || error === UV_EAGAIN || error === UV_EMFILE ||
        error === UV_ENFILE || error === UV_ENOENT) {
      nextTick(onErrorNT, this, error);
      if (error === UV_EMFILE || error === UV_ENFILE) return error;
    } else if (error) {
      closePipes(stdio);
      this._handle.close();
      this._handle = null;
      throw errnoException(error, 'spawn');
    } else {
      nextTick(onSpawnNT, this);
    }
    this.pid = this._handle.pid;
    for (let i = 0; i < stdio.length; i++) {
      const entry = stdio[i];
      if (entry.type === 'ignore' || !entry.handle) continue;
      if (entry.ipc) {
        this._closesNeeded++;
        continue;
      }
      if (entry.type === 'wrap') {
        // The child reads it now: this side stops, as Node's spawn does.
        entry.handle.reading = false;
        entry.handle.readStop();
        entry._stdio.pause?.();
        entry._stdio.readableFlowing = false;
        if (entry._stdio._readableState) entry._stdio._readableState.reading = false;
        entry._stdio[kIsUsedAsStdio] = true;
        continue;
      }
      // As Node: a child that never started (ENOENT, pid undefined) still
      // gets its pipes, which libuv opened and which end at once.
      entry.socket = childPipes.socketFor(this.pid !== 0 ? entry.handle : null, i > 0);
      if (i > 0 && this.pid !== 0) {
        this._closesNeeded++;
        entry.socket.on('close', () => { maybeClose(this); });
      }
    }
    this.stdin = stdio.length >= 1 && stdio[0].socket !== undefined ? stdio[0].socket : null;
    this.stdout = stdio.length >= 2 && stdio[1].socket !== undefined ? stdio[1].socket : null;
    this.stderr = stdio.length >= 3 && stdio[2].socket !== undefined ? stdio[2].socket : null;
    this.stdio = [];
    for (let i = 0; i < stdio.length; i++) {
      ArrayPrototypePush(this.stdio, stdio[i].socket === undefined ? null : stdio[i].socket);
    }
    if (ipc !== undefined) internals.childProcessIpc().setupChannel(this, ipc, serialization, maybeClose);
    return error;
  };

  ChildProcess.prototype.kill = function kill(sig) {
    const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle) {
      const error = this._handle.kill(signal);
      if (error === 0) {
        this.killed = true;
        return true;
      }
      if (error === UV_ESRCH) {
        // Already dead.
      } else if (error === UV_EINVAL || error === UV_ENOSYS) {
        throw errnoException(error, 'kill');
      } else {
        this.emit('error', errnoException(error, 'kill'));
      }
    }
    return false;
  };

  if (typeof internals.childProcessSaved.dispose === 'symbol') {
    ChildProcess.prototype[internals.childProcessSaved.dispose] = function dispose() {
      if (!this.killed) this.kill();
    };
  }

  ChildProcess.prototype.ref = function ref() { this._handle?.ref(); };
  ChildProcess.prototype.unref = function unref() { this._handle?.unref(); };

  function abortChildProcess(child, killSignal, reason) {
    if (!child) return;
    try {
      if (child.kill(killSignal)) child.emit('error', new internals.AbortError(undefined, { cause: reason }));
    } catch (error) {
      child.emit('error', error);
    }
  }

  function spawn(file, args, options) {
    options = normalizeSpawnArguments(file, args, options);
    validateTimeout(options.timeout);
    u.validateAbortSignal(options.signal, 'options.signal');
    const killSignal = sanitizeKillSignal(options.killSignal);
    const child = new ChildProcess();
    child.spawn(options);
    if (options.timeout > 0) {
      let timeoutId = setTimeout(() => {
        if (!timeoutId) return;
        try {
          child.kill(killSignal);
        } catch (error) {
          child.emit('error', error);
        }
        timeoutId = null;
      }, options.timeout);
      child.once('exit', () => {
        if (timeoutId) {
          clearTimeout(timeoutId);
          timeoutId = null;
        }
      });
    }
    if (options.signal) {
      const signal = options.signal;
      const onAbort = () => abortChildProcess(child, killSignal, signal.reason);
      if (signal.aborted) {
        nextTick(onAbort);
      } else {
        signal.addEventListener('abort', onAbort, { once: true });
        child.once('exit', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return child;
  }

  // Node's fork: process.execPath (toysnap) runs `modulePath` as a script,
  // with the parent's execArgv, an IPC channel on fd 3 unless `stdio` says
  // where, and stdin/stdout/stderr inherited unless `silent`.
  function fork(modulePath, args, options) {
    modulePath = u.getValidatedPath(modulePath, 'modulePath');
    if (args == null) {
      args = [];
    } else if (typeof args === 'object' && !ArrayIsArray(args)) {
      options = args;
      args = [];
    } else if (!ArrayIsArray(args)) {
      throw u.invalidArgType('args', 'Array', args);
    }
    if (options != null) u.validateObject(options, 'options');
    options = { __proto__: null, ...options, shell: false };
    options.execPath = options.execPath || globalThis.process.execPath;
    validateArgumentNullCheck(options.execPath, 'options.execPath');
    const execArgv = options.execArgv || globalThis.process.execArgv;
    validateArgumentsNullCheck(execArgv, 'options.execArgv');
    args = [...execArgv, modulePath, ...args];
    if (typeof options.stdio === 'string') {
      options.stdio = stdioStringToArray(options.stdio, 'ipc');
    } else if (!ArrayIsArray(options.stdio)) {
      options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
    } else if (!ArrayPrototypeIncludes(options.stdio, 'ipc')) {
      throw u.nodeError(Error, 'ERR_CHILD_PROCESS_IPC_REQUIRED',
        "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
    }
    return spawn(options.execPath, args, options);
  }

  // Node's _forkChild(fd, serializationMode): what a child does to talk to
  // its parent over `fd` (this runtime does it itself at start-up).
  function _forkChild(fd, serializationMode) {
    internals.childProcessIpc().startChildChannel(fd, serializationMode);
  }

  const exports = {
    _forkChild, ChildProcess, exec: undefined, execFile: undefined, execFileSync, execSync,
    fork, spawn, spawnSync,
  };
  internals.childProcessParts = {
    exports, spawn, normalizeExecArgs, normalizeExecFileArgs, validateTimeout, validateMaxBuffer,
    sanitizeKillSignal, errnoNames, kMaxBuffer, kPromisifyCustom,
  };
  natives.loadScript('child_process_exec.js')(natives, internals);
  return exports;
})
