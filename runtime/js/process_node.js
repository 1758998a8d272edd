// The rest of Node's `process`: ids, paths, clocks, memory, signals, the stdio
// streams (net.js), warnings, and the 'beforeExit'/'exit' events (it becomes an
// EventEmitter once builtins.js has one: internals.processBecomesEmitter).
// Every per-process value is read when asked for, never kept in a snapshot.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, Error, ErrorCaptureStackTrace, Number, NumberParseInt, ObjectDefineProperties,
    ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectSetPrototypeOf,
    ReflectApply, String, SymbolToStringTag, TypeError,
    TypedArrayPrototypeGetSymbolToStringTag,
  } = internals.primordials;

  const process = globalThis.process;
  const NODE_VERSION = '20.20.2';  // the Node whose behaviour toysnap matches

  function systemError(code, syscall, message) {
    const error = new Error(message);
    error.code = code;
    error.syscall = syscall;
    return error;
  }

  ObjectDefineProperties(process, {
    pid: { get: () => natives.processIds()[0], enumerable: true, configurable: true },
    ppid: { get: () => natives.processIds()[1], enumerable: true, configurable: true },
    execPath: { get: () => natives.execPath(), enumerable: true, configurable: true },
    // Streams made on first access (net.js, stdio.js).
    stdout: { get: () => internals.getStdio(1), enumerable: true, configurable: true },
    stdin: { get: () => internals.getStdio(0), enumerable: true, configurable: true },
    stderr: { get: () => internals.getStdio(2), enumerable: true, configurable: true },
  });
  process.arch = 'x64';
  process.title = 'toysnap';
  process.version = `v${NODE_VERSION}`;
  process.release = { name: 'node', lts: 'Iron' };
  process.execArgv = [];
  process._exiting = false;  // true from the 'exit' event on, as in Node (CallTracker reads it)
  const [v8Version, uvVersion] = natives.libraryVersions();
  process.versions = { node: NODE_VERSION, v8: v8Version, uv: uvVersion,
                       toysnap: internals.toysnapVersion ?? '0.1.0' };
  process.features = { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false,
                       tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true };
  // What Node reports of its build; code (Node's own tests among it) reads these fields.
  process.config = ObjectFreeze({
    target_defaults: ObjectFreeze({ default_configuration: 'Release' }),
    variables: ObjectFreeze({ asan: 0, host_arch: 'x64', target_arch: 'x64',
                              v8_enable_i18n_support: 1, node_shared: false,
                              node_use_openssl: false, node_quic: false }),
  });
  process.cwd = () => natives.cwd();
  process.chdir = function chdir(directory) {
    if (typeof directory !== 'string') {
      const error = new TypeError('The "directory" argument must be of type string. Received ' +
                                  internals.describeReceived(directory));
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    const from = natives.cwd();
    const failure = natives.chdir(directory);
    if (failure !== '') {
      const messages = { ENOENT: 'no such file or directory', ENOTDIR: 'not a directory',
                         EACCES: 'permission denied' };
      const error = systemError(failure, 'chdir',
        `${failure}: ${messages[failure] ?? 'failed'}, chdir '${from}' -> '${directory}'`);
      error.path = from;
      error.dest = directory;
      throw error;
    }
  };
  function hrtime(previous) {
    const now = natives.hrtime();
    let seconds = Number(now / 1000000000n);
    let nanos = Number(now % 1000000000n);
    if (previous !== undefined) {
      if (!ArrayIsArray(previous)) {
        const error = new TypeError('The "time" argument must be an instance of Array. Received ' +
                                    internals.describeReceived(previous));
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
      }
      seconds -= previous[0];
      nanos -= previous[1];
      if (nanos < 0) { seconds--; nanos += 1e9; }
    }
    return [seconds, nanos];
  }
  hrtime.bigint = () => natives.hrtime();
  process.hrtime = hrtime;
  process.uptime = () => natives.processUptime();
  function memoryUsage() {
    const [rss, heapTotal, heapUsed, external, arrayBuffers] = natives.memoryUsage();
    return { rss, heapTotal, heapUsed, external, arrayBuffers };
  }
  memoryUsage.rss = () => natives.memoryUsage()[0];
  process.memoryUsage = memoryUsage;
  // Node's emitWarning: a string becomes an Error named `type` with `code`
  // and `detail`; 'warning' is emitted on the next tick, and printed.
  process.emitWarning = function emitWarning(warning, type, code, ctor) {
    let detail;
    if (type !== null && typeof type === 'object' && !ArrayIsArray(type)) {
      ctor = type.ctor;
      code = type.code;
      if (typeof type.detail === 'string') detail = type.detail;
      type = type.type || 'Warning';
    } else if (typeof type === 'function') {
      ctor = type;
      code = undefined;
      type = 'Warning';
    }
    if (type !== undefined && typeof type !== 'string') throw invalidArgType('type', 'of type string', type);
    if (typeof code === 'function') {
      ctor = code;
      code = undefined;
    } else if (code !== undefined && typeof code !== 'string') {
      throw invalidArgType('code', 'of type string', code);
    }
    if (typeof warning === 'string') {
      // Only a number may be put back: in a restored isolate the limit reads as
      // undefined, and setting undefined would turn every stack off.
      const limit = Error.stackTraceLimit;
      if (typeof limit === 'number') Error.stackTraceLimit = 0;
      warning = new Error(warning);
      if (typeof limit === 'number') Error.stackTraceLimit = limit;
      warning.name = String(type || 'Warning');
      if (code !== undefined) warning.code = code;
      if (detail !== undefined) warning.detail = detail;
      ErrorCaptureStackTrace(warning, ctor || process.emitWarning);
    } else if (!(warning instanceof Error)) {
      throw invalidArgType('warning', 'of type string or an instance of Error', warning);
    }
    if (warning.name === 'DeprecationWarning') {
      if (process.noDeprecation) return;
      // Thrown from a tick, as Node does: the deprecated call itself completes.
      if (process.throwDeprecation) {
        process.nextTick(() => { throw warning; });
        return;
      }
    }
    process.nextTick(emitWarningNow, warning);
  };
  let traceHintShown = false;
  function emitWarningNow(warning) {
    if (typeof process.emit === 'function') process.emit('warning', warning);
    if (process.noProcessWarnings) return;
    const isDeprecation = warning.name === 'DeprecationWarning';
    if (isDeprecation && process.noDeprecation) return;
    // Node's line: its stack when process.traceProcessWarnings (or, for a
    // deprecation, traceDeprecation) is set, else the error's text followed,
    // the first time only, by the hint naming the flag that would show it.
    const trace = process.traceProcessWarnings || (isDeprecation && process.traceDeprecation);
    let text = `(${process.release.name}:${process.pid}) ${warning.code ? `[${warning.code}] ` : ''}`;
    if (trace && warning.stack) {
      text += `${warning.stack}`;
    } else {
      text += typeof warning.toString === 'function' ? `${warning.toString()}` : `${warning.name}: ${warning.message}`;
    }
    if (typeof warning.detail === 'string') text += `\n${warning.detail}`;
    if (!trace && !traceHintShown) {
      traceHintShown = true;
      const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
      const argv0 = internals.requireBuiltin('path').basename(process.argv0 || 'node', '.exe');
      text += `\n(Use \`${argv0} ${flag} ...\` to show where the warning was created)`;
    }
    text += '\n';
    natives.print(2, text);
  }
  function invalidArgType(name, what, value) {
    const error = new TypeError(`The "${name}" argument must be ${what}. Received ${internals.describeReceived(value)}`);
    error.code = 'ERR_INVALID_ARG_TYPE';
    return error;
  }

  // process is an EventEmitter, as in Node, once events exists.
  // Node's process is an instance of a `process` constructor whose prototype
  // inherits from EventEmitter's.
  internals.processBecomesEmitter = function (EventEmitter) {
    const constructor = function process() {};
    ObjectSetPrototypeOf(constructor.prototype, EventEmitter.prototype);
    ObjectSetPrototypeOf(process, constructor.prototype);
    ObjectDefineProperty(process, SymbolToStringTag, {
      value: 'process', writable: true, enumerable: false, configurable: false,
    });
  };

  let exiting = false;
  // 'exit' listeners run once, with the exit code, synchronously.
  internals.emitProcessExit = (function (code) {
    if (exiting || typeof process.emit !== 'function') return;
    exiting = true;
    process._exiting = true;
    process.exitCode ??= code;
    process.emit('exit', internals.getExitCode());
  });
  // Whether anything listens for 'beforeExit' (which may add work to the loop).
  internals.emitBeforeExit = (function () {
    if (typeof process.emit !== 'function' || process.listenerCount('beforeExit') === 0) {
      return false;
    }
    process.emit('beforeExit', internals.getExitCode());
    return true;
  });

  // Called while a snapshot is built, before it is written: runs what every
  // restored start runs on its way out (EventEmitter's emit and listenerCount,
  // exitCode's accessors), so their bytecode is in the snapshot and no start
  // compiles them lazily (~0.4M instructions of hello's restore). It changes
  // nothing: a fresh emitter, and exitCode set to what it was.
  internals.warmUpExit = function () {
    const emitter = new (internals.requireBuiltin('events'))();
    emitter.emit('warm-up', 1);
    emitter.listenerCount('warm-up');
    const exitCode = ObjectGetOwnPropertyDescriptor(process, 'exitCode');
    ReflectApply(exitCode.set, process, [ReflectApply(exitCode.get, process, [])]);
  };
})
