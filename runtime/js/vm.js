// Node's `vm` module on the vm extension's natives (runtime/node/vm.cc). A
// Script keeps its source and V8's code cache and compiles from that cache in
// the context it runs in; createContext makes a V8 context of the same isolate
// whose globals are the sandbox's properties (named properties only: indexed
// ones stay the context's own). Compiled the first time a program requires `vm`.
(function (natives, internals) {
  'use strict';
  const {
    ArrayBufferIsView, ArrayIsArray, Error, NumberIsInteger, RangeError, SafeWeakMap, String,
    TypeError,
  } = internals.primordials;
  const { Buffer } = internals.requireBuiltin('buffer');

  function coded(Ctor, code, message) {
    const error = new Ctor(message);
    error.code = code;
    return error;
  }
  const received = (value) => internals.describeReceived(value);
  function validateString(value, name) {
    if (typeof value !== 'string') {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "${name}" property must be of type string. Received ${received(value)}`);
    }
  }
  function validateInt32(value, name) {
    if (typeof value !== 'number') {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "${name}" property must be of type number. Received ${received(value)}`);
    }
    if (!NumberIsInteger(value) || value < -2147483648 || value > 2147483647) {
      throw coded(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. ` +
        `It must be an integer. Received ${value}`);
    }
  }
  function validateObjectArgument(value, name) {
    if (value === null || typeof value !== 'object') {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "${name}" argument must be of type object. Received ${received(value)}`);
    }
  }
  function validateTimeout(options) {
    if (options === undefined || options === null || typeof options !== 'object') return 0;
    const { timeout } = options;
    if (timeout === undefined) return 0;
    if (typeof timeout !== 'number') {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "options.timeout" property must be of type number. Received ${received(timeout)}`);
    }
    if (!NumberIsInteger(timeout) || timeout <= 0 || timeout > 4294967295) {
      throw coded(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "options.timeout" is out of ' +
        `range. It must be >= 1 && <= 4294967295. Received ${timeout}`);
    }
    return timeout;
  }

  const contexts = new SafeWeakMap();  // sandbox -> its context's global proxy

  function globalOf(contextifiedObject) {
    validateObjectArgument(contextifiedObject, 'contextifiedObject');
    const global = contexts.get(contextifiedObject);
    if (global === undefined) {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "contextifiedObject" argument must ' +
        `be an vm.Context. Received ${received(contextifiedObject)}`);
    }
    return global;
  }

  class Script {
    #code;
    #filename;
    #line;
    #column;
    #cache;
    constructor(code, options = {}) {
      code = `${code}`;
      if (typeof options === 'string') options = { filename: options };
      else validateObjectArgument(options, 'options');
      const {
        filename = 'evalmachine.<anonymous>', lineOffset = 0, columnOffset = 0, cachedData,
        produceCachedData = false,
      } = options;
      validateString(filename, 'options.filename');
      validateInt32(lineOffset, 'options.lineOffset');
      validateInt32(columnOffset, 'options.columnOffset');
      if (cachedData !== undefined && !ArrayBufferIsView(cachedData)) {
        throw coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "options.cachedData" property must ' +
          `be an instance of Buffer, TypedArray, or DataView. Received ${received(cachedData)}`);
      }
      const [cache, rejected] = natives.vmCompile(code, filename, lineOffset, columnOffset,
                                                  cachedData);
      this.#code = code;
      this.#filename = filename;
      this.#line = lineOffset;
      this.#column = columnOffset;
      this.#cache = cache;
      if (cachedData !== undefined) this.cachedDataRejected = rejected;
      if (produceCachedData) {
        this.cachedDataProduced = cache !== undefined;
        if (cache !== undefined) this.cachedData = Buffer.from(cache);
      }
    }
    #run(global, options) {
      const timeout = validateTimeout(options);
      return natives.vmRun(this.#code, this.#filename, this.#line, this.#column, this.#cache,
                           global, timeout);
    }
    runInThisContext(options) {
      return this.#run(null, options);
    }
    runInContext(contextifiedObject, options) {
      return this.#run(globalOf(contextifiedObject), options);
    }
    runInNewContext(contextObject, options) {
      return this.runInContext(createContext(contextObject), options);
    }
    createCachedData() {
      return Buffer.from(this.#cache ?? []);
    }
  }

  function createContext(contextObject = {}, options = undefined) {
    if (contexts.has(contextObject)) return contextObject;
    validateObjectArgument(contextObject, 'contextObject');
    // A snapshot cannot hold a second V8 context.
    if (internals.isBuildingSnapshot?.()) {
      throw coded(Error, 'ERR_TOYSNAP_NOT_AT_BUILD_TIME', 'vm contexts are not available while ' +
        'building a snapshot (its heap holds one context); create them in main(), which runs ' +
        'after restore');
    }
    contexts.set(contextObject, natives.vmCreateContext(contextObject));
    return contextObject;
  }

  function isContext(object) {
    validateObjectArgument(object, 'object');
    return contexts.has(object);
  }

  function compileFunction(code, params = [], options = {}) {
    validateString(code, 'code');
    if (!ArrayIsArray(params)) {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "params" argument must be an instance of Array. Received ${received(params)}`);
    }
    for (let i = 0; i < params.length; i++) validateString(params[i], `params[${i}]`);
    validateObjectArgument(options, 'options');
    const {
      filename = '', lineOffset = 0, columnOffset = 0, cachedData, parsingContext,
      contextExtensions = [],
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    const global = parsingContext === undefined ? null : globalOf(parsingContext);
    if (!ArrayIsArray(contextExtensions)) {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "options.contextExtensions" property ' +
        `must be an instance of Array. Received ${received(contextExtensions)}`);
    }
    return natives.vmCompileFunction(code, filename, lineOffset, columnOffset,
                                     ArrayBufferIsView(cachedData) ? cachedData : undefined,
                                     params, contextExtensions, global);
  }

  return {
    Script,
    createContext,
    createScript: (code, options) => new Script(code, options),
    runInContext: (code, contextifiedObject, options) =>
      new Script(code, options).runInContext(contextifiedObject, options),
    runInNewContext: (code, contextObject, options) =>
      new Script(code, options).runInNewContext(contextObject, options),
    runInThisContext: (code, options) => new Script(code, options).runInThisContext(options),
    isContext,
    compileFunction,
  };
});
