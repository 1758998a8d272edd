// Node 20's `util`: format/inspect (inspect.js), promisify/callbackify,
// deprecate (one warning per code), inherits, debuglog (NODE_DEBUG),
// styleText, stripVTControlCharacters, toUSVString, system error names,
// aborted, the legacy is* predicates; parseArgs, parseEnv and MIMEType come
// from util_parse_args.js, util_parse_env.js and util_mime.js, compiled on
// first use. Lazy:
// builtins.js compiles it on first require.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePop, ArrayPrototypePush,
    ArrayPrototypeSort, Date, DatePrototypeGetDate, DatePrototypeGetHours, DatePrototypeGetMinutes,
    DatePrototypeGetMonth, DatePrototypeGetSeconds, Error, FunctionPrototypeBind, Map, MapPrototypeSet, NumberIsSafeInteger, ObjectAssign,
    ObjectDefineProperties, ObjectDefineProperty, ObjectGetOwnPropertyDescriptors,
    ObjectGetPrototypeOf, ObjectKeys, ObjectPrototypeToString, ObjectSetPrototypeOf, ObjectValues,
    Promise, RangeError, ReflectApply, ReflectConstruct, RegExp, RegExpPrototypeExec,
    SafeRegExpReplace, SafeSet, StringPrototypeToUpperCase, Symbol, SymbolFor, TypeError,
  } = internals.strictPrimordials();
  const { process } = globalThis;
  const { TextEncoder, TextDecoder } = internals.textCoders();
  const describe = internals.describeReceived;
  const inspect = internals.inspect;

  function invalidArgType(name, expected, value) {
    const kind = RegExpPrototypeExec(/\./, name) !== null ? 'property' : 'argument';
    const error = new TypeError(`The "${name}" ${kind} must be ${expected}. Received ${describe(value)}`);
    error.code = 'ERR_INVALID_ARG_TYPE';
    return error;
  }
  function validateFunction(value, name) {
    if (typeof value !== 'function') throw invalidArgType(name, 'of type function', value);
  }
  function validateString(value, name) {
    if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
  }

  // ---- promisify / callbackify ----------------------------------------------

  const kCustomPromisified = SymbolFor('nodejs.util.promisify.custom');
  // Node's builtins whose callbacks pass several values name them here
  // (fs.read's bytesRead and buffer): the promise resolves to an object.
  const kCustomPromisifyArgs = internals.customPromisifyArgs ??= Symbol('customPromisifyArgs');

  function copyProperties(target, source, adjust) {
    const descriptors = ObjectGetOwnPropertyDescriptors(source);
    if (adjust !== undefined) adjust(descriptors);
    const values = ObjectValues(descriptors);
    for (let i = 0; i < values.length; i++) ObjectSetPrototypeOf(values[i], null);
    return ObjectDefineProperties(target, descriptors);
  }
  function markPromisified(fn) {
    return ObjectDefineProperty(fn, kCustomPromisified,
      { __proto__: null, value: fn, enumerable: false, writable: false, configurable: true });
  }

  function promisify(original) {
    validateFunction(original, 'original');
    if (original[kCustomPromisified]) {
      const fn = original[kCustomPromisified];
      validateFunction(fn, 'util.promisify.custom');
      return markPromisified(fn);
    }
    const argumentNames = original[kCustomPromisifyArgs];
    function fn(...args) {
      return new Promise((resolve, reject) => {
        ArrayPrototypePush(args, (err, ...values) => {
          if (err) return reject(err);
          if (argumentNames !== undefined && values.length > 1) {
            const result = {};
            for (let i = 0; i < argumentNames.length; i++) result[argumentNames[i]] = values[i];
            resolve(result);
          } else {
            resolve(values[0]);
          }
        });
        ReflectApply(original, this, args);
      });
    }
    ObjectSetPrototypeOf(fn, ObjectGetPrototypeOf(original));
    markPromisified(fn);
    return copyProperties(fn, original);
  }
  promisify.custom = kCustomPromisified;

  function callbackifyOnRejected(reason, cb) {
    if (!reason) {
      const error = new Error('Promise was rejected with falsy value');
      error.code = 'ERR_FALSY_VALUE_REJECTION';
      error.reason = reason;
      reason = error;
    }
    return cb(reason);
  }

  function callbackify(original) {
    validateFunction(original, 'original');
    function callbackified(...args) {
      const maybeCb = ArrayPrototypePop(args);
      if (typeof maybeCb !== 'function') {
        const error = new TypeError(`The last argument must be of type function. Received ${describe(maybeCb)}`);
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
      }
      const cb = FunctionPrototypeBind(maybeCb, this);
      ReflectApply(original, this, args).then(
        (value) => process.nextTick(cb, null, value),
        (reason) => process.nextTick(callbackifyOnRejected, reason, cb));
    }
    return copyProperties(callbackified, original, (descriptors) => {
      if (typeof descriptors.length.value === 'number') descriptors.length.value++;
      if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
    });
  }

  // ---- deprecate, inherits, debuglog ----------------------------------------

  const codesWarned = new SafeSet();
  function deprecate(fn, msg, code) {
    if (code !== undefined) validateString(code, 'code');
    let warned = false;
    function deprecated(...args) {
      if (!warned && !process.noDeprecation) {
        warned = true;
        if (code === undefined) {
          process.emitWarning(msg, 'DeprecationWarning', deprecated);
        } else if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      }
      if (new.target) return ReflectConstruct(fn, args, new.target);
      return ReflectApply(fn, this, args);
    }
    ObjectSetPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }

  function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw invalidArgType('ctor', 'of type function', ctor);
    if (superCtor === undefined || superCtor === null) {
      throw invalidArgType('superCtor', 'of type function', superCtor);
    }
    if (superCtor.prototype === undefined) {
      throw invalidArgType('superCtor.prototype', 'of type object', superCtor.prototype);
    }
    ObjectDefineProperty(ctor, 'super_', { __proto__: null, value: superCtor, writable: true, configurable: true });
    ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  // NODE_DEBUG=a,b* turns on the sections it names; each line goes to stderr
  // as "SECTION PID: message".
  let debugPattern;
  function debugEnabled(set) {
    if (debugPattern === undefined) {
      const spec = process.env.NODE_DEBUG;
      if (!spec) {
        debugPattern = null;
      } else {
        const escaped = SafeRegExpReplace(/[|\\{}()[\]^$+?.]/g, spec, (c) => `\\${c}`);
        const source = SafeRegExpReplace(/,/g, SafeRegExpReplace(/\*/g, escaped, '.*'), '$|^');
        debugPattern = new RegExp(`^${source}$`, 'i');
      }
    }
    return debugPattern !== null && RegExpPrototypeExec(debugPattern, set) !== null;
  }
  function debuglog(set, cb) {
    set = StringPrototypeToUpperCase(`${set}`);
    let enabled;
    const log = (...args) => {
      enabled ??= debugEnabled(set);
      if (!enabled) return;
      if (typeof cb === 'function') cb(log);
      natives.print(2, `${set} ${process.pid}: ${ReflectApply(internals.format, undefined, args)}\n`);
    };
    ObjectDefineProperty(log, 'enabled', {
      __proto__: null, enumerable: true, configurable: true,
      get() { return enabled ??= debugEnabled(set); },
    });
    return log;
  }

  // ---- text -----------------------------------------------------------------

  const colors = {
    __proto__: null,
    reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24],
    blink: [5, 25], inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29],
    doubleunderline: [21, 24], black: [30, 39], red: [31, 39], green: [32, 39],
    yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], white: [37, 39],
    bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49], bgYellow: [43, 49], bgBlue: [44, 49],
    bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49], framed: [51, 54],
    overlined: [53, 55], gray: [90, 39], redBright: [91, 39], greenBright: [92, 39],
    yellowBright: [93, 39], blueBright: [94, 39], magentaBright: [95, 39], cyanBright: [96, 39],
    whiteBright: [97, 39], bgGray: [100, 49], bgRedBright: [101, 49], bgGreenBright: [102, 49],
    bgYellowBright: [103, 49], bgBlueBright: [104, 49], bgMagentaBright: [105, 49],
    bgCyanBright: [106, 49], bgWhiteBright: [107, 49],
  };
  // Node's aliases, not enumerable (so not listed as styleText's formats).
  // [target, alias]
  const aliases = [['gray', 'grey'], ['gray', 'blackBright'], ['bgGray', 'bgGrey'],
    ['bgGray', 'bgBlackBright'], ['dim', 'faint'], ['strikethrough', 'crossedout'],
    ['strikethrough', 'strikeThrough'], ['strikethrough', 'crossedOut'], ['hidden', 'conceal'],
    ['inverse', 'swapColors'], ['inverse', 'swapcolors'], ['doubleunderline', 'doubleUnderline']];
  for (let i = 0; i < aliases.length; i++) {
    const target = aliases[i][0];
    ObjectDefineProperty(colors, aliases[i][1], {
      __proto__: null, configurable: true, enumerable: false,
      get() { return this[target]; }, set(value) { this[target] = value; },
    });
  }
  if (inspect.colors === undefined) {
    inspect.colors = ObjectAssign({ __proto__: null }, colors);
    for (let i = 0; i < aliases.length; i++) {
      const target = aliases[i][0];
      ObjectDefineProperty(inspect.colors, aliases[i][1], {
        __proto__: null, configurable: true, enumerable: false,
        get() { return this[target]; }, set(value) { this[target] = value; },
      });
    }
    inspect.styles = ObjectAssign({ __proto__: null }, {
      special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey',
      null: 'bold', string: 'green', symbol: 'green', date: 'magenta', regexp: 'red',
      module: 'underline',
    });
  }

  function formatNotOneOf(value) {
    const keys = ObjectKeys(inspect.colors);
    const error = new TypeError(`The argument 'format' must be one of: ${
      ArrayPrototypeJoin(ArrayPrototypeMap(keys, (k) => `'${k}'`), ', ')}. Received ${inspect(value)}`);
    error.code = 'ERR_INVALID_ARG_VALUE';
    return error;
  }
  function shouldColorize(stream) {
    if (process.env.FORCE_COLOR !== undefined) {
      return stream?.getColorDepth?.() > 2 || process.env.FORCE_COLOR !== '0';
    }
    return !!stream?.isTTY &&
      (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
  }
  const escape = (code) => `\u001b[${code}m`;
  function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
    validateString(text, 'text');
    if (typeof validateStream !== 'boolean') {
      throw invalidArgType('options.validateStream', 'of type boolean', validateStream);
    }
    if (validateStream && (stream === null || typeof stream !== 'object' ||
                           typeof stream.on !== 'function')) {
      throw invalidArgType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
    }
    if (ArrayIsArray(format)) {
      let left = '';
      let right = '';
      for (let i = 0; i < format.length; i++) {
        const codes = inspect.colors[format[i]];
        if (codes == null) throw formatNotOneOf(format[i]);
        left += escape(codes[0]);
        right = `${escape(codes[1])}${right}`;
      }
      return `${left}${text}${right}`;
    }
    const codes = inspect.colors[format];
    if (codes == null) throw formatNotOneOf(format);
    if (validateStream && !shouldColorize(stream)) return text;
    return `${escape(codes[0])}${text}${escape(codes[1])}`;
  }

  // ANSI escape sequences: CSI (ESC [ or U+009B ...final byte) and OSC
  // (ESC ] ... BEL / ESC \ / U+009C).
  const ansi = new RegExp('[\\u001B\\u009B][[\\]()#;?]*' +
    '(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?' +
    '(?:\\u0007|\\u001B\\u005C|\\u009C))|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))', 'g');
  function stripVTControlCharacters(str) {
    validateString(str, 'str');
    return SafeRegExpReplace(ansi, str, '');
  }

  // Lone surrogates become U+FFFD (a /u regexp sees paired ones as one code point).
  const toUSVString = (input) => SafeRegExpReplace(/[\uD800-\uDFFF]/gu, `${input}`, '\uFFFD');

  // ---- errors, signals ------------------------------------------------------

  function getSystemErrorName(err) {
    if (typeof err !== 'number') throw invalidArgType('err', 'of type number', err);
    if (err >= 0 || !NumberIsSafeInteger(err)) {
      const error = new RangeError('The value of "err" is out of range. It must be a ' +
                                   `negative integer. Received ${err}`);
      error.code = 'ERR_OUT_OF_RANGE';
      throw error;
    }
    return natives.uvErrorName(err)[0];
  }
  // libuv's errors by number, ordered by name (Node lists them in libuv's
  // table order, which is alphabetical but for a few late additions).
  function getSystemErrorMap() {
    const found = [];
    for (let errno = -1; errno >= -4096; errno--) {
      const names = natives.uvErrorName(errno);
      if (RegExpPrototypeExec(/^Unknown system error/, names[0]) === null) {
        ArrayPrototypePush(found, [errno, [names[0], names[1]]]);
      }
    }
    ArrayPrototypeSort(found, (a, b) => (a[1][0] < b[1][0] ? -1 : 1));
    const map = new Map();
    for (let i = 0; i < found.length; i++) MapPrototypeSet(map, found[i][0], found[i][1]);
    return map;
  }

  function validateAbortSignal(signal, name) {
    if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
      throw invalidArgType(name, 'an instance of AbortSignal', signal);
    }
  }
  async function aborted(signal, resource) {
    validateAbortSignal(signal, 'signal');
    if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
      throw invalidArgType('resource', 'of type object', resource);
    }
    if (signal.aborted) return;
    await new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }
  // toysnap's workers take no AbortSignal transfers yet: these validate and
  // give the signal (controller) back as it is.
  function transferableAbortSignal(signal) {
    validateAbortSignal(signal, 'signal');
    return signal;
  }
  const transferableAbortController = () => new (internals.abortClasses().AbortController)();

  // ---- the legacy predicates ------------------------------------------------

  const isPrimitive = (v) => v === null || (typeof v !== 'object' && typeof v !== 'function');
  const legacy = {
    isBoolean: (v) => typeof v === 'boolean',
    isBuffer: (v) => globalThis.Buffer.isBuffer(v),
    isNull: (v) => v === null,
    isNullOrUndefined: (v) => v === undefined || v === null,
    isNumber: (v) => typeof v === 'number',
    isString: (v) => typeof v === 'string',
    isSymbol: (v) => typeof v === 'symbol',
    isUndefined: (v) => v === undefined,
    isRegExp: (v) => internals.inspectBrands.isRegExp(v),
    isObject: (v) => v !== null && typeof v === 'object',
    isDate: (v) => internals.inspectBrands.isDate(v),
    isError: (v) => ObjectPrototypeToString(v) === '[object Error]' || v instanceof Error,
    isFunction: (v) => typeof v === 'function',
    isPrimitive,
  };

  const pad = (n) => (n < 10 ? `0${n}` : `${n}`);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function log(...args) {
    const d = new Date();
    const time = `${pad(DatePrototypeGetHours(d))}:${pad(DatePrototypeGetMinutes(d))}:${pad(DatePrototypeGetSeconds(d))}`;
    natives.print(1, `${DatePrototypeGetDate(d)} ${months[DatePrototypeGetMonth(d)]} ${time} - ${ReflectApply(internals.format, undefined, args)}\n`);
  }
  function extend(target, source) {
    if (source === null || typeof source !== 'object') return target;
    const keys = ObjectKeys(source);
    for (let i = keys.length - 1; i >= 0; i--) target[keys[i]] = source[keys[i]];
    return target;
  }

  const lazy = (file) => {
    let exports;
    return () => (exports ??= natives.loadScript(file)(natives, internals));
  };
  const parseArgsModule = lazy('util_parse_args.js');
  const parseEnvModule = lazy('util_parse_env.js');
  const mimeModule = lazy('util_mime.js');

  // Node's factories for libuv errors, which some npm code still calls.
  function errnoException(err, syscall, original) {
    const code = getSystemErrorName(err);
    const error = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
    error.errno = err;
    error.code = code;
    error.syscall = syscall;
    return error;
  }
  function exceptionWithHostPort(err, syscall, address, port, additional) {
    const code = getSystemErrorName(err);
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

  // In Node's key order.
  const util = {
    _errnoException: errnoException,
    _exceptionWithHostPort: exceptionWithHostPort,
    _extend: extend,
    callbackify,
    debug: debuglog,
    debuglog,
    deprecate,
    format: (...args) => ReflectApply(internals.format, undefined, args),
    styleText,
    formatWithOptions(inspectOptions, ...args) {
      if (inspectOptions === null || typeof inspectOptions !== 'object') {
        throw invalidArgType('inspectOptions', 'of type object', inspectOptions);
      }
      return ReflectApply(internals.formatWithOptions, undefined, [inspectOptions, ...args]);
    },
    getSystemErrorMap,
    getSystemErrorName,
    inherits,
    inspect,
    isArray: ArrayIsArray,
    isBoolean: legacy.isBoolean,
    isBuffer: legacy.isBuffer,
    isDeepStrictEqual: (a, b) => internals.isDeepStrictEqual(a, b),  // assert.js
    isNull: legacy.isNull,
    isNullOrUndefined: legacy.isNullOrUndefined,
    isNumber: legacy.isNumber,
    isString: legacy.isString,
    isSymbol: legacy.isSymbol,
    isUndefined: legacy.isUndefined,
    isRegExp: legacy.isRegExp,
    isObject: legacy.isObject,
    isDate: legacy.isDate,
    isError: legacy.isError,
    isFunction: legacy.isFunction,
    isPrimitive: legacy.isPrimitive,
    log,
    promisify,
    stripVTControlCharacters,
    toUSVString,
    transferableAbortSignal,
    transferableAbortController,
    aborted,
    types: undefined,
    parseEnv: (content) => parseEnvModule().parseEnv(content),
    parseArgs: (config) => parseArgsModule().parseArgs(config),
    TextDecoder,
    TextEncoder,
  };
  // util_mime.js, compiled when first read (Node's are lazy getters too).
  const mimeNames = ['MIMEType', 'MIMEParams'];
  for (let i = 0; i < mimeNames.length; i++) {
    const name = mimeNames[i];
    ObjectDefineProperty(util, name, {
      __proto__: null, get: () => mimeModule()[name], set: undefined, enumerable: true, configurable: true,
    });
  }
  // util_types_impl.js, compiled when first read.
  ObjectDefineProperty(util, 'types', {
    __proto__: null, get: () => internals.requireBuiltin('util/types'), set: undefined,
    enumerable: true, configurable: true,
  });
  return util;
})
