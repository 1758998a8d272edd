// worker_threads' Worker, its module exports, and a worker's own start-up:
// a Worker is a runtime on a thread and loop of its own (runtime/node/
// worker.cc), its messages and life events reach this thread through one
// MessagePort. Loaded by worker_threads.js after worker_threads_port.js.
(function (natives, internals, captured, ports) {
  'use strict';
  const { process, structuredClone } = captured;
  const {
    ArrayFrom, ArrayIsArray, ArrayPrototypeFilter, ArrayPrototypeMap,
    Error, FunctionPrototypeCall, MathMax, ObjectCreate, ObjectDefineProperty, ObjectEntries,
    ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames, ObjectGetPrototypeOf,
    ObjectPrototypeToString, Promise, PromiseResolve, RegExpPrototypeExec, SafeMap,
    String, StringPrototypeTrim, SymbolFor, SymbolToStringTag, TypeError, RangeError, URIError,
    SyntaxError, ReferenceError, EvalError, ReflectApply,
  } = internals.primordials;
  const { MessagePort, MessageChannel, MessageEvent, receiveMessageOnPort, dispatch, kOwner,
    makeDOMException, untransferable, BroadcastChannel } = ports;
  const EventEmitter = internals.requireBuiltin('events');
  const path = internals.requireBuiltin('path');
  const { URL, fileURLToPath, pathToFileURL } = internals.requireBuiltin('url');

  const SHARE_ENV = SymbolFor('nodejs.worker_threads.SHARE_ENV');
  function coded(Ctor, code, message) {
    const error = new Ctor(message);
    error.code = code;
    return error;
  }
  const unsupported = (what) => coded(Error, 'ERR_TOYSNAP_UNSUPPORTED',
    `toysnap does not support ${what} of the Node builtin 'worker_threads'`);

  // What this thread is; a worker's runtime learns it when it starts (a
  // restored one had the build's main-thread values until then).
  const role = {
    isMainThread: true, threadId: 0, parentPort: null, workerData: null, resourceLimits: {},
  };
  const environmentData = new SafeMap();
  let startup;  // a worker's start-up data (workerInfo), once read
  let exportsObject;

  // ---- errors across threads (Node's error_serdes, in its shape) ------------

  const errorTypes = { __proto__: null, Error, TypeError, RangeError, URIError, SyntaxError,
    ReferenceError, EvalError };

  // Every data property along the prototype chain, as descriptors.
  function allProperties(object, target) {
    const all = { __proto__: null };
    if (object === null) return all;
    const inherited = allProperties(ObjectGetPrototypeOf(object), target);
    for (const key in inherited) all[key] = inherited[key];
    const keys = ObjectGetOwnPropertyNames(object);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      let descriptor;
      try {
        descriptor = ObjectGetOwnPropertyDescriptor(object, key);
        if (descriptor.get && key !== '__proto__') {
          descriptor = { value: FunctionPrototypeCall(descriptor.get, target), writable: true,
            enumerable: descriptor.enumerable, configurable: descriptor.configurable };
        }
      } catch {
        continue;
      }
      if (key === 'cause') {
        all[key] = { ...descriptor, value: describeError(descriptor.value) };
      } else if ('value' in descriptor && typeof descriptor.value !== 'function' &&
                 typeof descriptor.value !== 'symbol') {
        all[key] = { value: descriptor.value, writable: descriptor.writable,
          enumerable: descriptor.enumerable, configurable: descriptor.configurable };
      }
    }
    return all;
  }

  // In the worker: what its parent's 'error' event will rebuild. Errors keep
  // their standard class and every property; other values are cloned, or
  // their inspected text when they cannot be.
  function describeError(error) {
    try {
      if (error !== null && typeof error === 'object' &&
          ObjectPrototypeToString(error) === '[object Error]') {
        for (let at = error; at !== null; at = ObjectGetPrototypeOf(at)) {
          const ctor = ObjectGetOwnPropertyDescriptor(at, 'constructor')?.value;
          const name = ctor === undefined ? undefined : ObjectGetOwnPropertyDescriptor(ctor, 'name')?.value;
          if (typeof name === 'string' && errorTypes[name] !== undefined) {
            return { kind: 'error', constructor: name, properties: allProperties(error, error) };
          }
        }
      }
    } catch {
      // described below
    }
    try {
      return { kind: 'value', value: structuredClone(error) };
    } catch {
      return { kind: 'text', text: internals.inspect(error) };
    }
  }

  function rebuildError(description) {
    if (description === null || typeof description !== 'object') return description;
    if (description.kind === 'value') return description.value;
    if (description.kind === 'text') return description.text;
    const properties = description.properties;
    properties[SymbolToStringTag] = { value: 'Error', configurable: true };
    if (properties.cause !== undefined && 'value' in properties.cause) {
      properties.cause.value = rebuildError(properties.cause.value);
    }
    return ObjectCreate((errorTypes[description.constructor] ?? Error).prototype, properties);
  }

  // The parent's 'error' for each way a worker can fail (worker_port.h's ErrorForm).
  function workerError(value, form) {
    switch (form) {
      case 0: return rebuildError(value);
      case 1: return new Error(value);
      case 2: return coded(Error, 'ERR_WORKER_OUT_OF_MEMORY',
        'Worker terminated due to reaching memory limit: JS heap out of memory');
      default: return coded(Error, 'ERR_WORKER_UNSERIALIZABLE_ERROR',
        'Serializing an uncaught exception failed');
    }
  }

  // ---- Worker ---------------------------------------------------------------

  const kLimitNames = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb',
    'stackSizeMb'];
  function limitsOf(options) {
    const limits = [-1, -1, -1, -1];
    if (options === null || typeof options !== 'object') return limits;
    for (let i = 0; i < 4; i++) {
      const value = options[kLimitNames[i]];
      if (typeof value === 'number') limits[i] = i === 1 ? MathMax(value, 2) : value;
    }
    return limits;
  }
  function limitsObject(limits) {
    const object = {};
    for (let i = 0; i < 4; i++) object[kLimitNames[i]] = limits[i];
    return object;
  }

  function envOf(env) {
    if (env === undefined || env === null || env === SHARE_ENV) return { ...process.env };
    if (typeof env !== 'object') {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "options.env" property must be of type ' +
        'object or one of undefined, null, or worker_threads.SHARE_ENV. Received ' +
        internals.describeReceived(env));
    }
    const copy = { __proto__: null };
    const entries = ObjectEntries(env);
    for (let i = 0; i < entries.length; i++) copy[entries[i][0]] = `${entries[i][1]}`;
    return copy;
  }

  class Worker extends EventEmitter {
    #port = null;
    #threadId = -1;
    #limits;
    constructor(filename, options = {}) {
      super();
      if (options.argv !== undefined && !ArrayIsArray(options.argv)) {
        throw coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "options.argv" property must be an ' +
          `instance of Array. Received ${internals.describeReceived(options.argv)}`);
      }
      const argv = options.argv === undefined ? [] : ArrayPrototypeMap(options.argv, String);
      let url = '';
      let file = '';
      let source = '';
      const isEval = !!options.eval;
      if (isEval) {
        if (typeof filename !== 'string') {
          throw coded(TypeError, 'ERR_INVALID_ARG_VALUE', "The property 'options.eval' must be " +
            `false when 'filename' is not a string. Received ${internals.inspect(options.eval)}`);
        }
        source = filename;
      } else if (filename instanceof URL) {
        file = fileURLToPath(filename);
        url = filename.href;
      } else if (typeof filename !== 'string') {
        throw coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "filename" argument must be of type ' +
          `string or an instance of URL. Received ${internals.describeReceived(filename)}`);
      } else if (path.isAbsolute(filename) || RegExpPrototypeExec(/^\.\.?[\\/]/, filename) !== null) {
        file = path.resolve(filename);
        url = pathToFileURL(file).href;
      } else {
        throw coded(TypeError, 'ERR_WORKER_PATH', 'The worker script or module filename must be ' +
          "an absolute path or a relative path starting with './' or '../'. Received " +
          `"${filename}"`);
      }
      const env = envOf(options.env);
      let name = '';
      if (options.name) {
        if (typeof options.name !== 'string') {
          throw coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "options.name" property must be of ' +
            `type string. Received ${internals.describeReceived(options.name)}`);
        }
        name = StringPrototypeTrim(options.name);
      }
      this.#limits = limitsOf(options.resourceLimits);
      const transferList = options.transferList === undefined ? undefined
        : ArrayPrototypeFilter(ArrayFrom(options.transferList), (item) => !untransferable.has(item));
      const started = natives.workerStart(MessagePort, dispatch, {
        eval: isEval, url, path: file, source, argv, env, name, limits: this.#limits,
        workerData: options.workerData, transferList, environmentData, makeDOMException,
      });
      this.#port = started[0];
      this.#threadId = started[1];
      ObjectDefineProperty(this.#port, kOwner, {
        __proto__: null, value: (kind, value, detail) => this.#onEvent(kind, value, detail),
      });
      process.nextTick(() => process.emit('worker', this));
    }

    #onEvent(kind, value, detail) {
      switch (kind) {
        case 'online': this.emit('online'); return;
        case 'message': this.emit('message', value); return;
        case 'messageerror': this.emit('messageerror', value); return;
        case 'error': this.emit('error', workerError(value, detail)); return;
        case 'exit': {
          const port = this.#port;
          this.#port = null;
          this.#threadId = -1;
          natives.portClose(port);
          this.emit('exit', value);
          this.removeAllListeners();
          return;
        }
      }
    }

    postMessage(...args) {
      if (this.#port === null) return;
      // The worker's parentPort is this port's peer.
      ReflectApply(MessagePort.prototype.postMessage, this.#port, args);
    }

    terminate(callback = undefined) {
      if (typeof callback === 'function') {
        process.emitWarning?.('Passing a callback to worker.terminate() is deprecated. ' +
          'It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
        if (this.#port === null) return PromiseResolve();
        this.once('exit', (code) => callback(null, code));
      }
      if (this.#port === null) return PromiseResolve();
      this.ref();
      natives.workerStop(this.#port);
      return new Promise((resolve) => this.once('exit', resolve));
    }

    ref() { if (this.#port !== null) natives.portRef(this.#port, true); }
    unref() { if (this.#port !== null) natives.portRef(this.#port, false); }
    get threadId() { return this.#threadId; }
    get resourceLimits() { return this.#port === null ? {} : limitsObject(this.#limits); }
    // Worker output goes straight to this process's stdout and stderr.
    get stdin() { return null; }
    get stdout() { return null; }
    get stderr() { return null; }
    getHeapSnapshot() { return Promise.reject(unsupported('getHeapSnapshot()')); }
  }

  function setEnvironmentData(key, value) {
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  }

  function markAsUntransferable(object) {
    if ((typeof object === 'object' && object !== null) || typeof object === 'function') {
      untransferable.add(object);
    }
  }

  function makeExports() {
    return {
      isMainThread: role.isMainThread,
      MessagePort,
      MessageChannel,
      markAsUntransferable,
      moveMessagePortToContext() { throw unsupported('moveMessagePortToContext()'); },
      receiveMessageOnPort,
      resourceLimits: role.resourceLimits,
      postMessageToThread() { return Promise.reject(unsupported('postMessageToThread()')); },
      threadId: role.threadId,
      SHARE_ENV,
      Worker,
      parentPort: role.parentPort,
      workerData: role.workerData,
      BroadcastChannel,
      setEnvironmentData,
      getEnvironmentData: (key) => environmentData.get(key),
    };
  }

  // ---- a worker's start --------------------------------------------------------

  function becomeWorker(info) {
    startup = info;
    role.isMainThread = false;
    role.threadId = info.threadId;
    role.parentPort = info.parentPort;
    role.workerData = info.workerData;
    role.resourceLimits = limitsObject(info.limits);
    environmentData.clear();
    if (info.environmentData instanceof SafeMap || info.environmentData?.forEach) {
      info.environmentData.forEach((value, key) => environmentData.set(key, value));
    }
    // A heap restored from the parent's snapshot made the exports at build
    // time, in the main thread's role.
    if (exportsObject !== undefined) {
      const names = ['isMainThread', 'threadId', 'parentPort', 'workerData', 'resourceLimits'];
      for (let i = 0; i < names.length; i++) exportsObject[names[i]] = role[names[i]];
      natives.syncBuiltinESMExports();
    }
  }

  // Node's evalScript: CommonJS-like code with require() from the working
  // directory, named [worker eval].
  function runEval(code) {
    const name = '[worker eval]';
    const filename = `${natives.cwd()}/${name}`;
    const module = new internals.CjsModule(name, null);
    module.filename = filename;
    const wrapper = natives.compileCjs(code, name);
    return FunctionPrototypeCall(wrapper, module.exports, module.exports,
      internals.makeRequire(filename), module, name, '.');
  }

  function startWorker() {
    const info = natives.workerInfo(MessagePort, dispatch, describeError);
    if (info !== undefined) becomeWorker(info);
    if (startup === undefined) throw new Error('startWorker ran outside a worker');
    internals.setArgs(startup.argv, process.execPath, startup.eval ? '[worker eval]' : startup.path);
    if (startup.eval) {
      runEval(startup.source);
      return undefined;
    }
    // Node looks the file up first, as require() would.
    if (natives.fileKind(startup.path) !== 1) {
      const error = coded(Error, 'MODULE_NOT_FOUND', `Cannot find module '${startup.path}'`);
      error.requireStack = [];
      throw error;
    }
    return import(startup.url);
  }

  // Made on the first require; a worker that was not one yet learns its role first.
  function moduleExports() {
    if (exportsObject === undefined) {
      const info = natives.workerInfo(MessagePort, dispatch, describeError);
      if (info !== undefined) becomeWorker(info);
      exportsObject = makeExports();
    }
    return exportsObject;
  }

  return {
    get exports() { return moduleExports(); },
    globals: { MessageChannel, MessagePort, MessageEvent, BroadcastChannel },
    startWorker,
  };
})
