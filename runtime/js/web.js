// Web-platform globals: DOMException, TextEncoder/TextDecoder (native classes),
// atob/btoa, structuredClone, performance and crypto, with Node 20's property
// descriptors (lazy accessors for most).
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
  // TextEncoder and TextDecoder are native classes made at their first use
  // (web_natives.cc: Extension::lazy_classes), so their templates stay out of
  // heaps that never use them.
  let coders;
  function textCoders() {
    if (coders !== undefined) return coders;
    const classes = natives.webCoderClasses();
    const { TextEncoder, TextDecoder } = classes;
    function inspectCoder(depth, options, inspect) {
      if (typeof depth === 'number' && depth < 0) return this;
      const decoder = this instanceof TextDecoder;
      // An instance (for inspect's name) whose getters and this hook are shadowed.
      const shown = !decoder ? {} : ObjectCreate(ObjectCreate(TextDecoder.prototype, {
        constructor: { value: TextDecoder }, [inspectCustom]: { value: undefined },
      }));
      const keys = decoder ? ['encoding', 'fatal', 'ignoreBOM'] : ['encoding'];
      for (let i = 0; i < keys.length; i++) {
        ObjectDefineProperty(shown, keys[i], {
          value: this[keys[i]], writable: true, enumerable: true, configurable: true,
        });
      }
      return inspect(shown, options);
    }
    ObjectDefineProperty(TextEncoder.prototype, inspectCustom,
                         { value: inspectCoder, writable: true, configurable: true });
    ObjectDefineProperty(TextDecoder.prototype, inspectCustom,
                         { value: inspectCoder, writable: true, configurable: true });
    coders = { TextEncoder, TextDecoder };
    return coders;
  }
  internals.textCoders = textCoders;

  // Node 20's lazy globals (its defineLazyProperties): an accessor pair named
  // `get X` / `set X` until the first read or assignment makes X a writable
  // data property. `load` gives an object holding each of `keys`.
  function defineLazyProperties(target, keys, load, enumerable) {
    let loaded;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      let value;
      function set(newValue) {
        defineProperty(target, key, { __proto__: null, writable: true, value: newValue });
      }
      defineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
      function get() {
        loaded ??= load();
        if (value === undefined) {
          value = loaded[key];
          set(value);
        }
        return value;
      }
      defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
      defineProperty(target, key, { __proto__: null, configurable: true, enumerable, get, set });
    }
  }
  internals.defineLazyProperties = defineLazyProperties;
  const defineLazyGlobals = (keys, load, enumerable) =>
    defineLazyProperties(globalThis, keys, load, enumerable);
  internals.defineLazyGlobals = defineLazyGlobals;
  // Node 20's replaceable ones (defineReplaceableLazyAttribute): an accessor
  // that stays one; an assignment replaces what it returns, and without a
  // setter (crypto) the property cannot be assigned.
  function defineReplaceableGlobal(key, value, writable) {
    let assigned = false, assignedValue;
    function get() { return assigned ? assignedValue : value; }
    defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    let set;
    if (writable) {
      set = function set(newValue) { assigned = true; assignedValue = newValue; };
      defineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
    }
    defineProperty(globalThis, key, { __proto__: null, configurable: true, enumerable: true, get, set });
  }

  // In Node's order of Object.keys(globalThis).
  defineProperty(globalThis, 'structuredClone',
                 { value: structuredClone, writable: true, configurable: true, enumerable: true });
  defineLazyGlobals(['TextEncoder', 'TextDecoder'], textCoders, false);
  defineLazyGlobals(['atob', 'btoa'], () => ({ atob, btoa }), true);
  defineReplaceableGlobal('performance', performance, true);
  defineProperty(globalThis, 'fetch',
                 { value: fetch, writable: true, configurable: true, enumerable: true });
  defineReplaceableGlobal('crypto', crypto, false);
  // DOMException's pair is two anonymous arrows in Node 20; reading it or
  // assigning it makes it a data property.
  const exposeDOMException = (value) => defineProperty(globalThis, 'DOMException', {
    __proto__: null, value, writable: true, configurable: true, enumerable: false,
  });
  const getDOMException = () => { exposeDOMException(DOMException); return DOMException; };
  const setDOMException = (value) => { exposeDOMException(value); };
  defineProperty(getDOMException, 'name', { __proto__: null, value: '' });
  defineProperty(setDOMException, 'name', { __proto__: null, value: '' });
  defineProperty(globalThis, 'DOMException', {
    __proto__: null, configurable: true, enumerable: false, get: getDOMException, set: setDOMException,
  });
  // For runtime files: the globals above as they were before user code.
  internals.web = { DOMException, makeDOMException, performance, crypto, atob, btoa };

  internals.describeReceived = describe;  // for url.js's argument errors
  internals.webOnRestore = resetTimeOrigin;
  // The build's clock readings are not kept: reproducible bytes.
  internals.webBeforeSnapshot = () => { originWall = 0; originMonotonic = 0; };
})
