// The `toysnap` namespace and a minimal `process`, because npm code reads it.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeSplice, Number, ObjectAssign, ObjectDefineProperty,
    ObjectGetOwnPropertyDescriptor, ObjectKeys, ObjectPrototypeHasOwnProperty, ObjectSetPrototypeOf, PromisePrototypeThen, PromiseResolve, Proxy, ReflectApply,
    ReflectDeleteProperty, ReflectGet, ReflectHas, TypeError,
  } = internals.primordials;

  // process.env as Node's: values become strings, symbol keys read as absent
  // and cannot be set, only plain data descriptors may be defined.
  const envStore = {};
  let warnedEnvValue = false;
  function envError(message) {
    const error = new TypeError(message);
    error.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
    return error;
  }
  function envValue(value) {
    if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    if (!warnedEnvValue && typeof value !== 'string' && typeof value !== 'number' &&
        typeof value !== 'boolean') {
      warnedEnvValue = true;
      globalThis.process?.emitWarning?.(
        'Assigning any value other than a string, number, or boolean to a process.env property ' +
        'is deprecated. Please make sure to convert the value to a string before setting ' +
        'process.env with it.', 'DeprecationWarning', 'DEP0104');
    }
    return `${value}`;
  }
  const env = new Proxy(envStore, {
    __proto__: null,
    get(target, key) {
      if (typeof key === 'string' && ObjectPrototypeHasOwnProperty(target, key)) return target[key];
      return ReflectGet(target, key);
    },
    set(target, key, value) {
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      target[key] = envValue(value);
      return true;
    },
    defineProperty(target, key, desc) {
      if ('get' in desc || 'set' in desc) {
        throw envError("'process.env' does not accept an accessor(getter/setter) descriptor");
      }
      if (!desc.configurable || !desc.writable || !desc.enumerable) {
        throw envError("'process.env' only accepts a configurable, writable, and enumerable data descriptor");
      }
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      target[key] = envValue(desc.value);
      return true;
    },
    deleteProperty(target, key) {
      if (typeof key === 'string') delete target[key];
      return true;
    },
    has(target, key) {
      return typeof key === 'string' && ReflectHas(target, key);
    },
  });

  let exitCode;
  const restoreHooks = [];
  // process.nextTick callbacks: run before promise jobs, as under Node.
  const ticks = [];

  function exit(code) {
    if (code !== undefined) exitCode = code;
    internals.emitProcessExit?.(Number(exitCode ?? 0) | 0);  // process_node.js
    natives.exit(Number(exitCode ?? 0) | 0);
  }

  const toysnap = {
    args: [],
    env,
    exit,
    get exitCode() { return exitCode; },
    set exitCode(code) { exitCode = code; },
    onRestore(hook) {
      if (typeof hook !== 'function') throw new TypeError('onRestore expects a function');
      ArrayPrototypePush(restoreHooks, hook);
    },
  };

  const process = {
    argv: [],
    env: toysnap.env,
    platform: 'linux',
    // The Node release toysnap follows; npm code reads it (graceful-fs at load).
    version: 'v20.20.2',
    exit,
    get exitCode() { return exitCode; },
    set exitCode(code) { exitCode = code; },
    nextTick(callback, ...args) {
      if (typeof callback !== 'function') {
        const error = new TypeError('The "callback" argument must be of type function. Received ' +
                                    internals.describeReceived(callback));
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
      }
      ArrayPrototypePush(ticks, { callback, args, frame: natives.asyncContextFrame() });
    },
  };

  globalThis.queueMicrotask = function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError('The "callback" argument must be of type function');
    }
    PromisePrototypeThen(PromiseResolve(), () => callback());
  };

  Object.defineProperty(globalThis, 'toysnap', {
    value: toysnap, writable: true, configurable: true, enumerable: false,
  });
  // Node 20's pair: an assignment replaces what reads return, and the
  // property stays an accessor.
  let globalProcess = process;
  Object.defineProperty(globalThis, 'process', {
    get() { return globalProcess; },
    set(value) { globalProcess = value; },
    configurable: true, enumerable: false,
  });

  internals.setEnv = function (env) {
    // Replace contents, keep identity: code may hold a reference to process.env.
    const keys = ObjectKeys(envStore);
    for (let i = 0; i < keys.length; i++) delete envStore[keys[i]];
    ObjectAssign(envStore, env);
  };

  // As Node: argv[0] is the executable's absolute path, argv0 what it was
  // invoked as.
  // execArgv: from the Runtime, not a Worker; so is a channel's start.
  let ipcStarted = false;
  const warningFlags = {
    __proto__: null,
    '--no-deprecation': 'noDeprecation',
    '--throw-deprecation': 'throwDeprecation',
    '--trace-deprecation': 'traceDeprecation',
    '--trace-warnings': 'traceProcessWarnings',
  };
  internals.setArgs = (function (args, invokedAs, entryPath, execArgv) {
    toysnap.args = args;
    process.argv0 = invokedAs;
    const argv = [process.execPath, entryPath];
    for (let i = 0; i < args.length; i++) ArrayPrototypePush(argv, args[i]);
    process.argv = argv;
    if (execArgv === undefined) return;
    process.execArgv = execArgv;
    // The warning flags, as Node reflects them on process (process_node.js
    // reads them when it prints a warning).
    for (let i = 0; i < execArgv.length; i++) {
      const property = warningFlags[execArgv[i]];
      if (property !== undefined) process[property] = true;
    }
    if (!ipcStarted && ObjectPrototypeHasOwnProperty(envStore, 'NODE_CHANNEL_FD')) {
      ipcStarted = true;
      internals.startIpcChannel(env);
    }
  });

  // Runs every queued tick, including ticks queued meanwhile; how many ran.
  // event_loop.cc's RunMicrotasks alternates this with promise checkpoints
  // until a call right after a checkpoint runs none.
  internals.runTicks = function () {
    let count = 0;
    try {
      while (count < ticks.length) {
        const { callback, args, frame } = ticks[count++];
        internals.callQueued(callback, undefined, args, frame);  // timers.js
      }
    } finally {
      ArrayPrototypeSplice(ticks, 0, count);
    }
    return count;
  };

  internals.getExitCode = (function () {
    return Number(exitCode ?? 0) | 0;
  });

  // A context restored from a snapshot gets a fresh Error.stackTraceLimit
  // from V8 (10), added as if absent: one left in the snapshot becomes a
  // broken duplicate that reads as undefined and ignores stores. So, as Node's
  // snapshots do, take the property out before the snapshot and put what the
  // build left there (any value, or an accessor) back on restore.
  let stackTraceLimit;
  internals.beforeSnapshot = function () {
    natives.setAsyncContextFrame(undefined);  // a restored program starts in the root context
    stackTraceLimit = ObjectGetOwnPropertyDescriptor(Error, 'stackTraceLimit');
    if (stackTraceLimit !== undefined) {
      ObjectSetPrototypeOf(stackTraceLimit, null);
      ReflectDeleteProperty(Error, 'stackTraceLimit');
    }
    internals.timersBeforeSnapshot();
    internals.webBeforeSnapshot();
    internals.removeBuildGuards();
  };

  internals.onRestore = (function () {
    if (stackTraceLimit !== undefined) ObjectDefineProperty(Error, 'stackTraceLimit', stackTraceLimit);
    internals.timersOnRestore();
    internals.webOnRestore();
    internals.inspectOnRestore();
    internals.consoleOnRestore();
    for (let i = 0; i < restoreHooks.length; i++) {
      const hook = restoreHooks[i];
      hook();
    }
  });
})
