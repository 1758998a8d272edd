// Node's builtin modules that npm code commonly requires (path, events, util,
// os, assert, url, module, fs for reading), created on first require.
(function (natives, internals) {
  'use strict';

  const cache = new Map();
  const factories = new Map();

  function unsupported(name, what) {
    const error = new Error(`toysnap does not support ${what} of the Node builtin '${name}'`);
    error.code = 'ERR_TOYSNAP_UNSUPPORTED';
    return error;
  }

  // ---- path (POSIX) -------------------------------------------------------

  function assertPath(value, name = 'path') {
    if (typeof value !== 'string') {
      const error = new TypeError(
        `The "${name}" argument must be of type string. Received ${internals.inspect(value)}`);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
  }

  // Collapses "." and ".." segments; keeps leading ".." of relative paths.
  function normalizeSegments(path, allowAboveRoot) {
    const out = [];
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
        else if (allowAboveRoot) out.push('..');
        continue;
      }
      out.push(segment);
    }
    return out.join('/');
  }

  function makePath() {
    const path = {
      sep: '/',
      delimiter: ':',
      resolve(...args) {
        let resolved = '';
        let absolute = false;
        for (let i = args.length - 1; i >= -1 && !absolute; i--) {
          const part = i >= 0 ? args[i] : natives.cwd();
          assertPath(part, `paths[${i}]`);
          if (part === '') continue;
          resolved = `${part}/${resolved}`;
          absolute = part.charCodeAt(0) === 47;
        }
        const normalized = normalizeSegments(resolved, !absolute);
        if (absolute) return `/${normalized}`;
        return normalized.length > 0 ? normalized : '.';
      },
      normalize(p) {
        assertPath(p);
        if (p === '') return '.';
        const absolute = p.charCodeAt(0) === 47;
        const trailing = p.charCodeAt(p.length - 1) === 47;
        let normalized = normalizeSegments(p, !absolute);
        if (normalized === '' && !absolute) normalized = '.';
        if (normalized !== '' && trailing) normalized += '/';
        return absolute ? `/${normalized}` : normalized;
      },
      isAbsolute(p) {
        assertPath(p);
        return p.length > 0 && p.charCodeAt(0) === 47;
      },
      join(...args) {
        if (args.length === 0) return '.';
        for (const arg of args) assertPath(arg);
        const joined = args.filter((arg) => arg !== '').join('/');
        return joined === '' ? '.' : path.normalize(joined);
      },
      relative(from, to) {
        assertPath(from, 'from');
        assertPath(to, 'to');
        if (from === to) return '';
        const fromParts = path.resolve(from).split('/').filter(Boolean);
        const toParts = path.resolve(to).split('/').filter(Boolean);
        let common = 0;
        while (common < fromParts.length && common < toParts.length &&
               fromParts[common] === toParts[common]) {
          common++;
        }
        const up = fromParts.slice(common).map(() => '..');
        return [...up, ...toParts.slice(common)].join('/');
      },
      dirname(p) {
        assertPath(p);
        if (p.length === 0) return '.';
        let end = p.length;
        while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
        const slash = p.lastIndexOf('/', end - 1);
        if (slash === -1) return '.';
        if (slash === 0) return '/';
        return p.slice(0, slash);
      },
      basename(p, suffix) {
        assertPath(p);
        if (suffix !== undefined) assertPath(suffix, 'ext');
        let end = p.length;
        while (end > 0 && p.charCodeAt(end - 1) === 47) end--;
        if (end === 0) return '';
        const base = p.slice(p.lastIndexOf('/', end - 1) + 1, end);
        if (suffix !== undefined && suffix !== base && base.endsWith(suffix)) {
          return base.slice(0, base.length - suffix.length);
        }
        return base;
      },
      extname(p) {
        assertPath(p);
        const base = path.basename(p);
        const dot = base.lastIndexOf('.');
        if (dot <= 0 || base === '..') return '';
        return base.slice(dot);
      },
      parse(p) {
        assertPath(p);
        const root = p.startsWith('/') ? '/' : '';
        let end = p.length;
        while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
        const start = p.lastIndexOf('/', end - 1) + 1;
        const base = p.slice(start, end);
        const ext = path.extname(base);
        const dir = start > 1 ? p.slice(0, start - 1) : root;
        return { root, dir, base, ext, name: ext ? base.slice(0, -ext.length) : base };
      },
      format(parts) {
        const dir = parts.dir || parts.root || '';
        const base = parts.base || `${parts.name || ''}${parts.ext || ''}`;
        if (!dir) return base;
        return dir === parts.root ? `${dir}${base}` : `${dir}/${base}`;
      },
      toNamespacedPath(p) { return p; },
    };
    path.posix = path;
    path.win32 = new Proxy({}, { get() { throw unsupported('path', 'path.win32'); } });
    return path;
  }

  // ---- events -------------------------------------------------------------

  function makeEvents() {
    const kListeners = Symbol('listeners');

    function listenersOf(emitter) {
      if (!Object.prototype.hasOwnProperty.call(emitter, kListeners)) {
        Object.defineProperty(emitter, kListeners, { value: new Map(), writable: true });
      }
      return emitter[kListeners];
    }

    function checkListener(listener) {
      if (typeof listener !== 'function') {
        const error = new TypeError(
          `The "listener" argument must be of type function. Received ${internals.inspect(listener)}`);
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
      }
    }

    function add(emitter, name, listener, prepend) {
      checkListener(listener);
      const map = listenersOf(emitter);
      if (map.has('newListener') && name !== 'newListener') {
        emitter.emit('newListener', name, listener.listener ?? listener);
      }
      const list = map.get(name) ?? [];
      if (prepend) list.unshift(listener); else list.push(listener);
      map.set(name, list);
      return emitter;
    }

    function wrapOnce(emitter, name, listener) {
      checkListener(listener);
      const wrapper = function (...args) {
        emitter.removeListener(name, wrapper);
        return Reflect.apply(listener, this, args);
      };
      wrapper.listener = listener;
      return wrapper;
    }

    class EventEmitter {
      constructor() { this._maxListeners = undefined; }
      on(name, listener) { return add(this, name, listener, false); }
      addListener(name, listener) { return add(this, name, listener, false); }
      prependListener(name, listener) { return add(this, name, listener, true); }
      once(name, listener) { return add(this, name, wrapOnce(this, name, listener), false); }
      prependOnceListener(name, listener) {
        return add(this, name, wrapOnce(this, name, listener), true);
      }
      off(name, listener) { return this.removeListener(name, listener); }
      removeListener(name, listener) {
        checkListener(listener);
        const map = listenersOf(this);
        const list = map.get(name);
        if (!list) return this;
        for (let i = list.length - 1; i >= 0; i--) {
          if (list[i] === listener || list[i].listener === listener) {
            list.splice(i, 1);
            if (list.length === 0) map.delete(name);
            if (map.has('removeListener')) this.emit('removeListener', name, listener);
            break;
          }
        }
        return this;
      }
      removeAllListeners(name) {
        const map = listenersOf(this);
        if (name === undefined) map.clear(); else map.delete(name);
        return this;
      }
      emit(name, ...args) {
        const list = listenersOf(this).get(name);
        if (!list || list.length === 0) {
          if (name === 'error') {
            const error = args[0];
            if (error instanceof Error) throw error;
            const wrapped = new Error(`Unhandled error. (${internals.inspect(error)})`);
            wrapped.code = 'ERR_UNHANDLED_ERROR';
            wrapped.context = error;
            throw wrapped;
          }
          return false;
        }
        for (const listener of [...list]) Reflect.apply(listener, this, args);
        return true;
      }
      listeners(name) {
        return (listenersOf(this).get(name) ?? []).map((l) => l.listener ?? l);
      }
      rawListeners(name) { return [...(listenersOf(this).get(name) ?? [])]; }
      listenerCount(name) { return (listenersOf(this).get(name) ?? []).length; }
      eventNames() { return [...listenersOf(this).keys()]; }
      setMaxListeners(n) { this._maxListeners = n; return this; }
      getMaxListeners() { return this._maxListeners ?? EventEmitter.defaultMaxListeners; }
    }
    EventEmitter.defaultMaxListeners = 10;
    EventEmitter.EventEmitter = EventEmitter;
    EventEmitter.once = function once(emitter, name) {
      return new Promise((resolve, reject) => {
        const onError = (error) => { emitter.removeListener(name, onEvent); reject(error); };
        const onEvent = (...args) => {
          if (name !== 'error') emitter.removeListener('error', onError);
          resolve(args);
        };
        emitter.once(name, onEvent);
        if (name !== 'error') emitter.once('error', onError);
      });
    };
    return EventEmitter;
  }

  // ---- util ---------------------------------------------------------------

  function makeUtil() {
    const tag = (value) => Object.prototype.toString.call(value).slice(8, -1);
    const customPromisify = Symbol.for('nodejs.util.promisify.custom');
    const warned = new Set();
    const util = {
      format: (...args) => internals.format(...args),
      inspect: internals.inspect,
      inherits(ctor, superCtor) {
        Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
        Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
      },
      promisify(original) {
        if (typeof original !== 'function') {
          throw new TypeError('The "original" argument must be of type function');
        }
        if (original[customPromisify]) return original[customPromisify];
        function promisified(...args) {
          return new Promise((resolve, reject) => {
            Reflect.apply(original, this, [...args, (error, value) => {
              if (error) reject(error); else resolve(value);
            }]);
          });
        }
        Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
        return Object.defineProperties(promisified, Object.getOwnPropertyDescriptors(original));
      },
      callbackify(original) {
        return function (...args) {
          const callback = args.pop();
          Reflect.apply(original, this, args).then(
            (value) => process.nextTick(callback, null, value),
            (error) => process.nextTick(callback, error));
        };
      },
      deprecate(fn, message, code) {
        return function (...args) {
          const key = code ?? message;
          if (!warned.has(key)) {
            warned.add(key);
            natives.print(2, `(toysnap) ${code ? `[${code}] ` : ''}DeprecationWarning: ${message}\n`);
          }
          return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
        };
      },
      debuglog() {
        const log = () => {};
        log.enabled = false;
        return log;
      },
      isArray: Array.isArray,
      types: {
        isPromise: (v) => tag(v) === 'Promise',
        isDate: (v) => tag(v) === 'Date',
        isRegExp: (v) => tag(v) === 'RegExp',
        isMap: (v) => tag(v) === 'Map',
        isSet: (v) => tag(v) === 'Set',
        isNativeError: (v) => tag(v) === 'Error',
        isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
        isUint8Array: (v) => tag(v) === 'Uint8Array',
        isArrayBuffer: (v) => tag(v) === 'ArrayBuffer',
        isAsyncFunction: (v) => tag(v) === 'AsyncFunction',
        isGeneratorFunction: (v) => tag(v) === 'GeneratorFunction',
      },
      TextEncoder: globalThis.TextEncoder,
      TextDecoder: globalThis.TextDecoder,
    };
    util.promisify.custom = customPromisify;
    util.inspect.custom = Symbol.for('nodejs.util.inspect.custom');
    return util;
  }

  // ---- assert -------------------------------------------------------------

  function makeAssert() {
    class AssertionError extends Error {
      constructor(options) {
        super(options.message);
        this.name = 'AssertionError';
        this.code = 'ERR_ASSERTION';
        this.actual = options.actual;
        this.expected = options.expected;
        this.operator = options.operator;
      }
    }
    function fail(actual, expected, message, operator, fallback) {
      if (message instanceof Error) throw message;
      throw new AssertionError({ message: message ?? fallback, actual, expected, operator });
    }
    function deepEqual(a, b) {
      if (Object.is(a, b)) return true;
      if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
      if (a instanceof Date) return a.getTime() === b.getTime();
      if (a instanceof Map || a instanceof Set) {
        return a.size === b.size && deepEqual([...a], [...b]);
      }
      const keys = Reflect.ownKeys(a);
      if (keys.length !== Reflect.ownKeys(b).length) return false;
      return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]));
    }
    const show = internals.inspect;
    function assert(value, message) {
      if (!value) fail(value, true, message, '==', 'The expression evaluated to a falsy value');
    }
    Object.assign(assert, {
      AssertionError,
      ok: assert,
      fail: (message = 'Failed') => fail(undefined, undefined, message, 'fail'),
      equal: (a, b, m) => { if (a != b) fail(a, b, m, '==', `${show(a)} == ${show(b)}`); },
      notEqual: (a, b, m) => { if (a == b) fail(a, b, m, '!=', `${show(a)} != ${show(b)}`); },
      strictEqual: (a, b, m) => {
        if (!Object.is(a, b)) fail(a, b, m, 'strictEqual', `Expected values to be strictly equal:\n\n${show(a)} !== ${show(b)}\n`);
      },
      notStrictEqual: (a, b, m) => {
        if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${show(b)}`);
      },
      deepStrictEqual: (a, b, m) => {
        if (!deepEqual(a, b)) fail(a, b, m, 'deepStrictEqual', 'Expected values to be strictly deep-equal');
      },
      notDeepStrictEqual: (a, b, m) => {
        if (deepEqual(a, b)) fail(a, b, m, 'notDeepStrictEqual', 'Expected "actual" not to be strictly deep-equal to "expected"');
      },
      throws(fn, expected, message) {
        try {
          fn();
        } catch (error) {
          if (typeof expected === 'function' && expected.prototype !== undefined &&
              !(error instanceof expected)) {
            throw error;
          }
          if (expected instanceof RegExp && !expected.test(String(error))) throw error;
          return;
        }
        fail(undefined, expected, typeof expected === 'string' ? expected : message, 'throws',
             'Missing expected exception.');
      },
    });
    assert.strict = assert;
    return assert;
  }


  // ---- buffer -------------------------------------------------------------

  function makeBuffer() {
    const hexChars = '0123456789abcdef';
    const latin1 = (bytes) => {
      let text = '';
      for (let i = 0; i < bytes.length; i += 8192) {
        text += String.fromCharCode(...bytes.subarray(i, i + 8192));
      }
      return text;
    };
    function normalizeEncoding(encoding = 'utf8') {
      const name = String(encoding).toLowerCase();
      if (name === 'utf8' || name === 'utf-8') return 'utf8';
      if (name === 'hex' || name === 'base64' || name === 'ascii') return name;
      if (name === 'latin1' || name === 'binary') return 'latin1';
      if (name === 'base64url') return 'base64url';
      const error = new TypeError(`Unknown encoding: ${encoding}`);
      error.code = 'ERR_UNKNOWN_ENCODING';
      throw error;
    }
    function encode(string, encoding) {
      switch (normalizeEncoding(encoding)) {
        case 'utf8': return new TextEncoder().encode(string);
        case 'hex': {
          const bytes = new Uint8Array(string.length >> 1);
          for (let i = 0; i < bytes.length; i++) {
            const byte = parseInt(string.substr(i * 2, 2), 16);
            if (Number.isNaN(byte)) return bytes.subarray(0, i);
            bytes[i] = byte;
          }
          return bytes;
        }
        case 'base64':
        case 'base64url': {
          const clean = string.replace(/[^A-Za-z0-9+/_-]/g, '').replace(/-/g, '+').replace(/_/g, '/');
          const text = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
          return Uint8Array.from(text, (c) => c.charCodeAt(0));
        }
        default: return Uint8Array.from(string, (c) => c.charCodeAt(0) & 0xff);
      }
    }
    class Buffer extends Uint8Array {
      static from(value, encodingOrOffset, length) {
        if (typeof value === 'string') return toBuffer(encode(value, encodingOrOffset));
        if (value instanceof ArrayBuffer) {
          return new Buffer(value, encodingOrOffset ?? 0, length ?? value.byteLength - (encodingOrOffset ?? 0));
        }
        if (ArrayBuffer.isView(value) || Array.isArray(value)) {
          const copy = new Buffer(value.length);
          copy.set(value);
          return copy;
        }
        if (value && value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
        throw new TypeError('The first argument must be of type string or an instance of Buffer, ' +
                            'ArrayBuffer, or Array or an Array-like Object.');
      }
      static alloc(size, fill = 0, encoding) {
        const buffer = new Buffer(size);
        if (fill !== 0) buffer.fill(typeof fill === 'string' ? encode(fill, encoding)[0] : fill);
        return buffer;
      }
      static allocUnsafe(size) { return new Buffer(size); }
      static isBuffer(value) { return value instanceof Buffer; }
      static isEncoding(encoding) {
        try { normalizeEncoding(encoding); return true; } catch { return false; }
      }
      static byteLength(value, encoding) {
        return typeof value === 'string' ? encode(value, encoding).length : value.byteLength;
      }
      static concat(list, totalLength) {
        const total = totalLength ?? list.reduce((sum, item) => sum + item.length, 0);
        const result = Buffer.alloc(total);
        let offset = 0;
        for (const item of list) {
          if (offset >= total) break;
          result.set(item.subarray(0, total - offset), offset);
          offset += item.length;
        }
        return result;
      }
      static compare(a, b) { return a.compare(b); }
      toString(encoding = 'utf8', start = 0, end = this.length) {
        const bytes = this.subarray(start, end);
        switch (normalizeEncoding(encoding)) {
          case 'utf8': return new TextDecoder().decode(bytes);
          case 'hex': {
            let text = '';
            for (const byte of bytes) text += hexChars[byte >> 4] + hexChars[byte & 15];
            return text;
          }
          case 'base64': return btoa(latin1(bytes));
          case 'base64url': return btoa(latin1(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
          case 'ascii': return latin1(bytes.map((b) => b & 0x7f));
          default: return latin1(bytes);
        }
      }
      toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
      equals(other) { return this.compare(other) === 0; }
      compare(other) {
        const length = Math.min(this.length, other.length);
        for (let i = 0; i < length; i++) {
          if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
        }
        return Math.sign(this.length - other.length);
      }
      write(string, offset = 0, length, encoding = 'utf8') {
        const bytes = encode(string, typeof length === 'string' ? length : encoding);
        const count = Math.min(bytes.length, this.length - offset, typeof length === 'number' ? length : Infinity);
        this.set(bytes.subarray(0, count), offset);
        return count;
      }
      slice(start, end) { return this.subarray(start, end); }
      subarray(start, end) {
        const view = Uint8Array.prototype.subarray.call(this, start, end);
        return new Buffer(view.buffer, view.byteOffset, view.length);
      }
      readUInt8(offset = 0) { return this[offset]; }
      readUInt16BE(offset = 0) { return (this[offset] << 8) | this[offset + 1]; }
      readUInt32BE(offset = 0) { return new DataView(this.buffer, this.byteOffset).getUint32(offset); }
      readUInt32LE(offset = 0) { return new DataView(this.buffer, this.byteOffset).getUint32(offset, true); }
      [Symbol.for('nodejs.util.inspect.custom')]() {
        const shown = Array.from(this.subarray(0, 50), (b) => hexChars[b >> 4] + hexChars[b & 15]);
        const more = this.length > 50 ? ` ... ${this.length - 50} more byte${this.length - 50 > 1 ? 's' : ''}` : '';
        return `<Buffer${shown.length > 0 ? ' ' : ''}${shown.join(' ')}${more}>`;
      }
    }
    function toBuffer(bytes) { return new Buffer(bytes.buffer, bytes.byteOffset, bytes.length); }
    return { Buffer, kMaxLength: 2 ** 32, constants: { MAX_LENGTH: 2 ** 32 } };
  }

  // ---- os, url, module, fs ------------------------------------------------

  function makeOs() {
    return {
      EOL: '\n',
      platform: () => 'linux',
      type: () => 'Linux',
      arch: () => 'x64',
      endianness: () => 'LE',
      homedir: () => process.env.HOME ?? '/',
      tmpdir: () => process.env.TMPDIR ?? '/tmp',
      hostname: () => process.env.HOSTNAME ?? 'localhost',
      cpus: () => [],
      constants: { signals: {}, errno: {} },
    };
  }

  function makeUrl() {
    return {
      fileURLToPath(url) {
        const text = typeof url === 'string' ? url : String(url?.href ?? url);
        if (!text.startsWith('file://')) {
          const error = new TypeError('The URL must be of scheme file');
          error.code = 'ERR_INVALID_URL_SCHEME';
          throw error;
        }
        return decodeURIComponent(text.slice('file://'.length).replace(/[?#].*$/, ''));
      },
      pathToFileURL(path) {
        const absolute = builtin('path').resolve(path);
        const href = 'file://' + encodeURI(absolute).replace(/[?#]/g, encodeURIComponent);
        return typeof URL === 'function' ? new URL(href) : { href, toString: () => href };
      },
      URL: globalThis.URL,
      URLSearchParams: globalThis.URLSearchParams,
    };
  }

  function makeModule() {
    const names = [...factories.keys()];
    return {
      builtinModules: names,
      isBuiltin: (name) => factories.has(String(name).replace(/^node:/, '')),
      createRequire(filename) {
        const path = String(filename).startsWith('file:')
          ? builtin('url').fileURLToPath(filename) : String(filename);
        return internals.makeRequire(path);
      },
    };
  }

  function makeFs() {
    function notFound(path, syscall) {
      const error = new Error(`ENOENT: no such file or directory, ${syscall} '${path}'`);
      Object.assign(error, { errno: -2, code: 'ENOENT', syscall, path });
      return error;
    }
    const fs = {
      existsSync: (path) => natives.fileKind(String(path)) !== 0,
      readFileSync(path, options) {
        const text = natives.readFile(String(path));
        if (text === undefined) throw notFound(path, 'open');
        const encoding = typeof options === 'string' ? options : options?.encoding;
        if (encoding) return text;
        return new TextEncoder().encode(text);
      },
      statSync(path, options) {
        const kind = natives.fileKind(String(path));
        if (kind === 0) {
          if (options?.throwIfNoEntry === false) return undefined;
          throw notFound(path, 'stat');
        }
        return { isFile: () => kind === 1, isDirectory: () => kind === 2,
                 isSymbolicLink: () => false };
      },
      realpathSync(path) {
        const real = natives.realpath(String(path));
        if (real === undefined) throw notFound(path, 'realpath');
        return real;
      },
    };
    fs.realpathSync.native = fs.realpathSync;
    for (const name of ['writeFileSync', 'mkdirSync', 'readdirSync', 'watch', 'createReadStream']) {
      fs[name] = () => { throw unsupported('fs', `fs.${name}`); };
    }
    return fs;
  }

  factories.set('path', makePath);
  factories.set('path/posix', () => builtin('path'));
  factories.set('events', makeEvents);
  factories.set('util', makeUtil);
  factories.set('assert', makeAssert);
  factories.set('assert/strict', () => builtin('assert'));
  factories.set('os', makeOs);
  factories.set('url', makeUrl);
  factories.set('module', makeModule);
  factories.set('fs', makeFs);
  factories.set('process', () => globalThis.process);
  factories.set('buffer', makeBuffer);
  factories.set('timers', () => ({ setTimeout, clearTimeout, setInterval, clearInterval }));
  factories.set('perf_hooks', () => ({ performance: globalThis.performance }));
  factories.set('crypto', () => ({
    webcrypto: globalThis.crypto,
    randomUUID: () => globalThis.crypto.randomUUID(),
    getRandomValues: (array) => globalThis.crypto.getRandomValues(array),
  }));

  function builtin(name) {
    let exports = cache.get(name);
    if (exports === undefined) {
      const factory = factories.get(name);
      if (factory === undefined) {
        const error = new Error(`toysnap does not provide the Node builtin module '${name}'`);
        error.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
        throw error;
      }
      exports = factory();
      cache.set(name, exports);
    }
    return exports;
  }

  // Node code expects Buffer as a global.
  Object.defineProperty(globalThis, 'Buffer', {
    configurable: true, writable: true, enumerable: false,
    value: builtin('buffer').Buffer,
  });

  internals.isBuiltin = (name) => factories.has(String(name).replace(/^node:/, ''));
  internals.requireBuiltin = (name) => builtin(String(name).replace(/^node:/, ''));
  // What `import { x } from 'node:name'` can name: the builtin's own keys.
  internals.builtinExportNames = (name) => Object.keys(internals.requireBuiltin(name));
})
