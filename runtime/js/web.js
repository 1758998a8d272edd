// Web-platform globals: DOMException, TextEncoder/TextDecoder (native classes),
// atob/btoa, structuredClone, performance and crypto, shaped like Node 20's.
// Evaluated after process.js. Nothing random or clock-derived is kept in the heap
// across a snapshot except the time origin, which internals.webOnRestore resets.
(function (natives, internals) {
  'use strict';
  const {
    ArrayFrom, Error, ErrorCaptureStackTrace, JSONStringify, ObjectCreate, ObjectDefineProperty, ObjectIs,
    ObjectSetPrototypeOf, PromiseReject, SafeMap, String, StringPrototypeIncludes, StringPrototypeSlice, Symbol,
    SymbolFor, SymbolIterator, SymbolToStringTag, TypeError,
  } = internals.primordials;

  const defineProperty = ObjectDefineProperty;
  const kConstruct = Symbol('construct');

  function nodeError(Ctor, code, message) {
    const error = new Ctor(message);
    error.code = code;
    return error;
  }

  // Node's determineSpecificType(), for "Received ..." in argument errors.
  function describe(value) {
    if (value == null) return `${value}`;
    switch (typeof value) {
      case 'bigint': return `type bigint (${value}n)`;
      case 'number': return `type number (${ObjectIs(value, -0) ? '-0' : value})`;
      case 'boolean': return `type boolean (${value})`;
      case 'symbol': return `type symbol (${String(value)})`;
      case 'function': return `function ${value.name}`;
      case 'string': {
        const text = value.length > 28 ? `${StringPrototypeSlice(value, 0, 25)}...` : value;
        if (StringPrototypeIncludes(text, "'")) return `type string (${JSONStringify(text)})`;
        return `type string ('${text}')`;
      }
      default:
        if (value.constructor && 'name' in value.constructor) {
          return `an instance of ${value.constructor.name}`;
        }
        return internals.inspect(value, { depth: -1 });
    }
  }

  function invalidThis(type) {
    return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
  }

  function illegalConstructor(token) {
    if (token !== kConstruct) {
      throw nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    }
  }

  // ---- DOMException
  // [name, legacy constant]; the legacy code is the index + 1.
  const errorNames = [
    ['IndexSizeError', 'INDEX_SIZE_ERR'], ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR'],
    ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR'],
    ['WrongDocumentError', 'WRONG_DOCUMENT_ERR'],
    ['InvalidCharacterError', 'INVALID_CHARACTER_ERR'],
    ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR'],
    ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR'],
    ['NotFoundError', 'NOT_FOUND_ERR'], ['NotSupportedError', 'NOT_SUPPORTED_ERR'],
    ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR'], ['InvalidStateError', 'INVALID_STATE_ERR'],
    ['SyntaxError', 'SYNTAX_ERR'], ['InvalidModificationError', 'INVALID_MODIFICATION_ERR'],
    ['NamespaceError', 'NAMESPACE_ERR'], ['InvalidAccessError', 'INVALID_ACCESS_ERR'],
    ['ValidationError', 'VALIDATION_ERR'], ['TypeMismatchError', 'TYPE_MISMATCH_ERR'],
    ['SecurityError', 'SECURITY_ERR'], ['NetworkError', 'NETWORK_ERR'], ['AbortError', 'ABORT_ERR'],
    ['URLMismatchError', 'URL_MISMATCH_ERR'], ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR'],
    ['TimeoutError', 'TIMEOUT_ERR'], ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR'],
    ['DataCloneError', 'DATA_CLONE_ERR'],
  ];
  const codeOfName = new SafeMap();
  for (let i = 0; i < errorNames.length; i++) codeOfName.set(errorNames[i][0], i + 1);

  let isDOMException;
  class DOMException {
    #name;
    #message;
    constructor(message = '', options = 'Error') {
      ErrorCaptureStackTrace(this);  // formats lazily, after the fields below are set
      this.#message = `${message}`;
      if (options !== null && typeof options === 'object') {
        this.#name = `${options.name}`;
        if ('cause' in options) {
          defineProperty(this, 'cause', {
            value: options.cause, configurable: true, writable: true, enumerable: false,
          });
        }
      } else {
        this.#name = `${options}`;
      }
    }
    static {
      isDOMException = (value) => value !== null && typeof value === 'object' && #name in value;
    }
    get name() { checkDOMException(this); return this.#name; }
    get message() { checkDOMException(this); return this.#message; }
    get code() { checkDOMException(this); return codeOfName.get(this.#name) ?? 0; }
  }
  function checkDOMException(value) {
    if (!isDOMException(value)) {
      throw invalidThis('DOMException');
    }
  }
  ObjectSetPrototypeOf(DOMException.prototype, Error.prototype);
  for (const key of ['name', 'message', 'code']) {
    defineProperty(DOMException.prototype, key, { enumerable: true });
  }
  defineProperty(DOMException.prototype, SymbolToStringTag,
    { value: 'DOMException', configurable: true });
  errorNames.forEach(([, constant], i) => {
    defineProperty(DOMException, constant, { value: i + 1, enumerable: true });
    defineProperty(DOMException.prototype, constant, { value: i + 1, enumerable: true });
  });
  const makeDOMException = (message, name) => new DOMException(message, name);

  // ---- base64
  function atob(input) {
    if (arguments.length === 0) {
      throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
    }
    return natives.atob(`${input}`, makeDOMException);
  }
  function btoa(input) {
    if (arguments.length === 0) {
      throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
    }
    return natives.btoa(`${input}`, makeDOMException);
  }

  // ---- structuredClone (V8's ValueSerializer; ArrayBuffers may be transferred)
  function structuredClone(value, options) {
    if (arguments.length === 0) {
      throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
    }
    let transfer = [];
    if (options !== undefined && options !== null) {
      if (typeof options !== 'object' && typeof options !== 'function') {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
          'The options argument must be either an object or undefined');
      }
      const list = options.transfer;
      if (list !== undefined && list !== null) {
        if (typeof list[SymbolIterator] !== 'function') {
          throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
            'Optional transferList argument must be an iterable');
        }
        transfer = ArrayFrom(list);  // the caller's iterable, iterated its own way
      }
    }
    return natives.structuredClone(value, transfer, makeDOMException);
  }

  // ---- performance: times relative to this process's start, not the build's
  let originMonotonic = 0;
  let originWall = 0;
  function resetTimeOrigin() {
    originMonotonic = natives.monotonicNow();
    originWall = natives.wallClockNow();
  }
  resetTimeOrigin();

  let isPerformance;
  class Performance {
    #brand = true;
    constructor(token) { illegalConstructor(token); }
    static {
      isPerformance = (value) => value !== null && typeof value === 'object' && #brand in value;
    }
    now() { checkPerformance(this); return natives.monotonicNow() - originMonotonic; }
    get timeOrigin() { checkPerformance(this); return originWall; }
    toJSON() { checkPerformance(this); return { timeOrigin: originWall }; }
  }
  function checkPerformance(value) {
    if (!isPerformance(value)) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "this" argument must be an instance of Performance. Received ${describe(value)}`);
    }
  }
  defineProperty(Performance.prototype, SymbolToStringTag,
    { value: 'Performance', configurable: true });
  const performance = new Performance(kConstruct);

  // ---- crypto: every value comes from getrandom(2) at call time
  class Crypto {
    constructor(token) { illegalConstructor(token); }
    getRandomValues(array) {
      if (this !== crypto) throw invalidThis('Crypto');
      if (arguments.length === 0) {
        throw nodeError(TypeError, 'ERR_MISSING_ARGS', "Failed to execute 'getRandomValues' on " +
          "'Crypto': 1 argument required, but only 0 present.");
      }
      return natives.getRandomValues(array, makeDOMException);
    }
    randomUUID() {
      if (this !== crypto) throw invalidThis('Crypto');
      return natives.randomUUID();
    }
    // The crypto module's (runtime/js/crypto_webcrypto.js), loaded on first use.
    get subtle() {
      if (this !== crypto) throw invalidThis('Crypto');
      internals.requireBuiltin('crypto');
      return internals.cryptoSubtle;
    }
  }
  defineProperty(Crypto.prototype, SymbolToStringTag, { value: 'Crypto', configurable: true });
  const crypto = new Crypto(kConstruct);

  // Node 20 has a global fetch (undici); toysnap's HTTP client is not there
  // yet. Code written for Node 20 calls it without checking, so it gets a
  // rejection that says so instead of a ReferenceError (README: module table).
  function fetch(input, init = undefined) {
    const error = nodeError(Error, 'ERR_TOYSNAP_UNSUPPORTED',
                            'toysnap does not support fetch yet (it has no HTTP client)');
    ErrorCaptureStackTrace(error, fetch);
    return PromiseReject(error);
  }

  // util.inspect shows a coder's getters, as Node 20.20's: `TextDecoder {
  // encoding: 'koi8-r', fatal: true, ignoreBOM: false }`, `{ encoding: 'utf-8' }`.
  const inspectCustom = SymbolFor('nodejs.util.inspect.custom');
  function inspectCoder(depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const decoder = this instanceof natives.TextDecoder;
    // An instance (for inspect's name) whose getters and this hook are shadowed.
    const shown = !decoder ? {} : ObjectCreate(ObjectCreate(natives.TextDecoder.prototype, {
      constructor: { value: natives.TextDecoder }, [inspectCustom]: { value: undefined },
    }));
    const keys = decoder ? ['encoding', 'fatal', 'ignoreBOM'] : ['encoding'];
    for (let i = 0; i < keys.length; i++) {
      ObjectDefineProperty(shown, keys[i], {
        value: this[keys[i]], writable: true, enumerable: true, configurable: true,
      });
    }
    return inspect(shown, options);
  }
  ObjectDefineProperty(natives.TextEncoder.prototype, inspectCustom,
                       { value: inspectCoder, writable: true, configurable: true });
  ObjectDefineProperty(natives.TextDecoder.prototype, inspectCustom,
                       { value: inspectCoder, writable: true, configurable: true });

  // Enumerability as in Node: classes hidden, functions and objects visible.
  for (const [name, value, enumerable] of [
    ['DOMException', DOMException, false],
    ['TextEncoder', natives.TextEncoder, false],
    ['TextDecoder', natives.TextDecoder, false],
    ['atob', atob, true],
    ['btoa', btoa, true],
    ['structuredClone', structuredClone, true],
    ['performance', performance, true],
    ['crypto', crypto, true],
    ['fetch', fetch, true],
  ]) {
    defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
  }

  internals.describeReceived = describe;  // for url.js's argument errors
  internals.webOnRestore = resetTimeOrigin;
  // The build's clock readings are not kept: reproducible bytes.
  internals.webBeforeSnapshot = () => { originWall = 0; originMonotonic = 0; };
})
