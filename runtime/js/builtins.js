// Node's builtin modules that npm code commonly requires (path, events, util,
// os, url, module), created on first require; internals.defineBuiltin
// adds those of later bootstrap files (fs.js, stream.js).
(function (natives, internals) {
  'use strict';
  const {
    ArrayBuffer, ArrayBufferIsView, ArrayFrom, ArrayIsArray, ArrayPrototypeFilter,
    ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePop, ArrayPrototypePush,
    ArrayPrototypeReduce, ArrayPrototypeSlice, DataView, DataViewPrototypeGetUint32, Error, MathMin,
    MathSign, MathTrunc, NumberIsNaN, NumberIsSafeInteger, NumberParseInt, ObjectDefineProperties, ObjectDefineProperty,
    ObjectGetOwnPropertyDescriptors, ObjectGetPrototypeOf, ObjectKeys, ObjectSetPrototypeOf,
    Promise, PromisePrototypeThen, Proxy, RangeError, ReflectApply, ReflectConstruct, SafeMap,
    SafeRegExpReplace, SafeSet, String, StringFromCharCodeApply, StringPrototypeCharCodeAt,
    StringPrototypeEndsWith, StringPrototypeLastIndexOf, StringPrototypeRepeat,
    StringPrototypeSlice, StringPrototypeSplit, StringPrototypeStartsWith, StringPrototypeSubstr,
    StringPrototypeToLowerCase, SymbolFor, TypeError, TypedArrayPrototypeFill,
    TypedArrayPrototypeSet, TypedArrayPrototypeMap, TypedArrayPrototypeSubarray, Uint16Array,
    Uint8Array, SafeStringIterator, uncurryThis,
  } = internals.primordials;
  // Earlier files' globals, captured before user code can replace them.
  const {
    TextEncoder, TextDecoder, atob, btoa, process,
    setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
  } = globalThis;
  const TextEncoderPrototypeEncode = uncurryThis(TextEncoder.prototype.encode);
  const TextDecoderPrototypeDecode = uncurryThis(TextDecoder.prototype.decode);

  const cache = new SafeMap();
  const factories = new SafeMap();

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
    const segments = StringPrototypeSplit(path, '/');
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') ArrayPrototypePop(out);
        else if (allowAboveRoot) ArrayPrototypePush(out, '..');
        continue;
      }
      ArrayPrototypePush(out, segment);
    }
    return ArrayPrototypeJoin(out, '/');
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
          absolute = StringPrototypeCharCodeAt(part, 0) === 47;
        }
        const normalized = normalizeSegments(resolved, !absolute);
        if (absolute) return `/${normalized}`;
        return normalized.length > 0 ? normalized : '.';
      },
      normalize(p) {
        assertPath(p);
        if (p === '') return '.';
        const absolute = StringPrototypeCharCodeAt(p, 0) === 47;
        const trailing = StringPrototypeCharCodeAt(p, p.length - 1) === 47;
        let normalized = normalizeSegments(p, !absolute);
        if (normalized === '' && !absolute) normalized = '.';
        if (normalized !== '' && trailing) normalized += '/';
        return absolute ? `/${normalized}` : normalized;
      },
      isAbsolute(p) {
        assertPath(p);
        return p.length > 0 && StringPrototypeCharCodeAt(p, 0) === 47;
      },
      join(...args) {
        if (args.length === 0) return '.';
        for (let i = 0; i < args.length; i++) assertPath(args[i]);
        const joined = ArrayPrototypeJoin(ArrayPrototypeFilter(args, (arg) => arg !== ''), '/');
        return joined === '' ? '.' : path.normalize(joined);
      },
      relative(from, to) {
        assertPath(from, 'from');
        assertPath(to, 'to');
        if (from === to) return '';
        const fromParts = ArrayPrototypeFilter(StringPrototypeSplit(path.resolve(from), '/'), (part) => part !== '');
        const toParts = ArrayPrototypeFilter(StringPrototypeSplit(path.resolve(to), '/'), (part) => part !== '');
        let common = 0;
        while (common < fromParts.length && common < toParts.length &&
               fromParts[common] === toParts[common]) {
          common++;
        }
        const parts = ArrayPrototypeMap(ArrayPrototypeSlice(fromParts, common), () => '..');
        for (let i = common; i < toParts.length; i++) ArrayPrototypePush(parts, toParts[i]);
        return ArrayPrototypeJoin(parts, '/');
      },
      dirname(p) {
        assertPath(p);
        if (p.length === 0) return '.';
        let end = p.length;
        while (end > 1 && StringPrototypeCharCodeAt(p, end - 1) === 47) end--;
        const slash = StringPrototypeLastIndexOf(p, '/', end - 1);
        if (slash === -1) return '.';
        if (slash === 0) return '/';
        return StringPrototypeSlice(p, 0, slash);
      },
      basename(p, suffix) {
        assertPath(p);
        if (suffix !== undefined) assertPath(suffix, 'ext');
        let end = p.length;
        while (end > 0 && StringPrototypeCharCodeAt(p, end - 1) === 47) end--;
        if (end === 0) return '';
        const base = StringPrototypeSlice(p, StringPrototypeLastIndexOf(p, '/', end - 1) + 1, end);
        if (suffix !== undefined && suffix !== base && StringPrototypeEndsWith(base, suffix)) {
          return StringPrototypeSlice(base, 0, base.length - suffix.length);
        }
        return base;
      },
      extname(p) {
        assertPath(p);
        const base = path.basename(p);
        const dot = StringPrototypeLastIndexOf(base, '.');
        if (dot <= 0 || base === '..') return '';
        return StringPrototypeSlice(base, dot);
      },
      parse(p) {
        assertPath(p);
        const root = StringPrototypeStartsWith(p, '/') ? '/' : '';
        let end = p.length;
        while (end > 1 && StringPrototypeCharCodeAt(p, end - 1) === 47) end--;
        const start = StringPrototypeLastIndexOf(p, '/', end - 1) + 1;
        const base = StringPrototypeSlice(p, start, end);
        const ext = path.extname(base);
        const dir = start > 1 ? StringPrototypeSlice(p, 0, start - 1) : root;
        return { root, dir, base, ext, name: ext ? StringPrototypeSlice(base, 0, -ext.length) : base };
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

  // ---- buffer -------------------------------------------------------------

  function makeBuffer() {
    const hexChars = '0123456789abcdef';
    const latin1 = (bytes) => {
      let text = '';
      for (let i = 0; i < bytes.length; i += 8192) {
        text += StringFromCharCodeApply(TypedArrayPrototypeSubarray(bytes, i, i + 8192));
      }
      return text;
    };
    function normalizeEncoding(encoding = 'utf8') {
      const name = StringPrototypeToLowerCase(String(encoding));
      if (name === 'utf8' || name === 'utf-8') return 'utf8';
      if (name === 'hex' || name === 'base64' || name === 'ascii') return name;
      if (name === 'latin1' || name === 'binary') return 'latin1';
      if (name === 'base64url') return 'base64url';
      if (name === 'utf16le' || name === 'utf-16le' || name === 'ucs2' || name === 'ucs-2') {
        return 'utf16le';
      }
      const error = new TypeError(`Unknown encoding: ${encoding}`);
      error.code = 'ERR_UNKNOWN_ENCODING';
      throw error;
    }
    // One byte per code point of `string` (atob's output has only single units).
    function codePointBytes(string, mask) {
      const units = [];
      for (const c of new SafeStringIterator(string)) ArrayPrototypePush(units, StringPrototypeCharCodeAt(c, 0) & mask);
      const bytes = new Uint8Array(units.length);
      for (let i = 0; i < units.length; i++) bytes[i] = units[i];
      return bytes;
    }
    function encode(string, encoding) {
      switch (normalizeEncoding(encoding)) {
        case 'utf8': return TextEncoderPrototypeEncode(new TextEncoder(), string);
        case 'hex': {
          const bytes = new Uint8Array(string.length >> 1);
          for (let i = 0; i < bytes.length; i++) {
            const byte = NumberParseInt(StringPrototypeSubstr(string, i * 2, 2), 16);
            if (NumberIsNaN(byte)) return TypedArrayPrototypeSubarray(bytes, 0, i);
            bytes[i] = byte;
          }
          return bytes;
        }
        case 'base64':
        case 'base64url': {
          const clean = SafeRegExpReplace(/_/g, SafeRegExpReplace(/-/g,
            SafeRegExpReplace(/[^A-Za-z0-9+/_-]/g, string, ''), '+'), '/');
          const text = atob(clean + StringPrototypeRepeat('=', (4 - (clean.length % 4)) % 4));
          return codePointBytes(text, 0xff);
        }
        case 'utf16le': {
          const bytes = new Uint8Array(string.length * 2);
          for (let i = 0; i < string.length; i++) {
            const unit = StringPrototypeCharCodeAt(string, i);
            bytes[i * 2] = unit & 0xff;
            bytes[i * 2 + 1] = unit >> 8;
          }
          return bytes;
        }
        default: return codePointBytes(string, 0xff);
      }
    }
    // Little-endian code units; an odd last byte is dropped, as Node drops it.
    function utf16le(bytes) {
      const units = new Uint16Array(bytes.length >> 1);
      for (let i = 0; i < units.length; i++) units[i] = bytes[i * 2] | (bytes[i * 2 + 1] << 8);
      let text = '';
      for (let i = 0; i < units.length; i += 8192) {
        text += StringFromCharCodeApply(TypedArrayPrototypeSubarray(units, i, i + 8192));
      }
      return text;
    }
    // An integer from Node's loose offset arguments (NaN is 0).
    function toOffset(value, fallback) {
      if (value === undefined) return fallback;
      const number = MathTrunc(+value);
      return number === number ? number : 0;
    }
    function outOfRange(name, range, value) {
      const error = new RangeError(
        `The value of "${name}" is out of range. It must be ${range}. Received ${value}`);
      error.code = 'ERR_OUT_OF_RANGE';
      return error;
    }
    class Buffer extends Uint8Array {
      static from(value, encodingOrOffset, length) {
        if (typeof value === 'string') return toBuffer(encode(value, encodingOrOffset));
        if (value instanceof ArrayBuffer) {
          return new Buffer(value, encodingOrOffset ?? 0, length ?? value.byteLength - (encodingOrOffset ?? 0));
        }
        if (ArrayBufferIsView(value) || ArrayIsArray(value)) {
          const copy = new Buffer(value.length);
          TypedArrayPrototypeSet(copy, value);
          return copy;
        }
        if (value && value.type === 'Buffer' && ArrayIsArray(value.data)) return Buffer.from(value.data);
        throw new TypeError('The first argument must be of type string or an instance of Buffer, ' +
                            'ArrayBuffer, or Array or an Array-like Object.');
      }
      static alloc(size, fill = 0, encoding) {
        const buffer = new Buffer(size);
        if (fill !== 0) TypedArrayPrototypeFill(buffer, typeof fill === 'string' ? encode(fill, encoding)[0] : fill);
        return buffer;
      }
      static allocUnsafe(size) { return new Buffer(size); }
      static allocUnsafeSlow(size) { return new Buffer(size); }
      static isBuffer(value) { return value instanceof Buffer; }
      static isEncoding(encoding) {
        try { normalizeEncoding(encoding); return true; } catch { return false; }
      }
      static byteLength(value, encoding) {
        return typeof value === 'string' ? encode(value, encoding).length : value.byteLength;
      }
      static concat(list, totalLength) {
        const total = totalLength ?? ArrayPrototypeReduce(list, (sum, item) => sum + item.length, 0);
        const result = Buffer.alloc(total);
        let offset = 0;
        for (let i = 0; i < list.length; i++) {
          const item = list[i];
          if (offset >= total) break;
          TypedArrayPrototypeSet(result, TypedArrayPrototypeSubarray(item, 0, total - offset), offset);
          offset += item.length;
        }
        return result;
      }
      static compare(a, b) { return a.compare(b); }
      toString(encoding = 'utf8', start = 0, end = this.length) {
        const bytes = this.subarray(start, end);
        switch (normalizeEncoding(encoding)) {
          case 'utf8': return TextDecoderPrototypeDecode(new TextDecoder(), bytes);
          case 'hex': {
            let text = '';
            for (let i = 0; i < bytes.length; i++) text += hexChars[bytes[i] >> 4] + hexChars[bytes[i] & 15];
            return text;
          }
          case 'base64': return btoa(latin1(bytes));
          case 'base64url':
            return SafeRegExpReplace(/=+$/, SafeRegExpReplace(/\//g, SafeRegExpReplace(/\+/g, btoa(latin1(bytes)), '-'), '_'), '');
          case 'ascii': return latin1(TypedArrayPrototypeMap(bytes, (b) => b & 0x7f));
          case 'utf16le': return utf16le(bytes);
          default: return latin1(bytes);
        }
      }
      toJSON() {
        const data = [];
        for (let i = 0; i < this.length; i++) data[i] = this[i];
        return { type: 'Buffer', data };
      }
      equals(other) { return this.compare(other) === 0; }
      compare(other) {
        const length = MathMin(this.length, other.length);
        for (let i = 0; i < length; i++) {
          if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
        }
        return MathSign(this.length - other.length);
      }
      write(string, offset = 0, length, encoding = 'utf8') {
        const bytes = encode(string, typeof length === 'string' ? length : encoding);
        const count = MathMin(bytes.length, this.length - offset, typeof length === 'number' ? length : Infinity);
        TypedArrayPrototypeSet(this, TypedArrayPrototypeSubarray(bytes, 0, count), offset);
        return count;
      }
      // Copies bytes [sourceStart, sourceEnd) into target at targetStart; how many.
      copy(target, targetStart, sourceStart, sourceEnd) {
        const to = toOffset(targetStart, 0);
        const from = toOffset(sourceStart, 0);
        let end = toOffset(sourceEnd, this.length);
        if (to < 0) throw outOfRange('targetStart', '>= 0', to);
        if (from < 0 || from > this.length) {
          throw outOfRange('sourceStart', `>= 0 && <= ${this.length}`, from);
        }
        if (end < 0) throw outOfRange('sourceEnd', '>= 0', end);
        if (end > this.length) end = this.length;
        if (to >= target.length || from >= end) return 0;
        const count = MathMin(end - from, target.length - to);
        TypedArrayPrototypeSet(target, TypedArrayPrototypeSubarray(this, from, from + count), to);
        return count;
      }
      slice(start, end) { return this.subarray(start, end); }
      subarray(start, end) {
        const view = TypedArrayPrototypeSubarray(this, start, end);
        return new Buffer(view.buffer, view.byteOffset, view.length);
      }
      readUInt8(offset = 0) { return this[offset]; }
      readUInt16BE(offset = 0) { return (this[offset] << 8) | this[offset + 1]; }
      readUInt32BE(offset = 0) { return DataViewPrototypeGetUint32(new DataView(this.buffer, this.byteOffset), offset); }
      readUInt32LE(offset = 0) { return DataViewPrototypeGetUint32(new DataView(this.buffer, this.byteOffset), offset, true); }
      [SymbolFor('nodejs.util.inspect.custom')]() {
        const shown = [];
        for (let i = 0; i < MathMin(this.length, 50); i++) shown[i] = hexChars[this[i] >> 4] + hexChars[this[i] & 15];
        const more = this.length > 50 ? ` ... ${this.length - 50} more byte${this.length - 50 > 1 ? 's' : ''}` : '';
        return `<Buffer ${ArrayPrototypeJoin(shown, ' ')}${more}>`;
      }
    }
    function toBuffer(bytes) { return new Buffer(bytes.buffer, bytes.byteOffset, bytes.length); }
    // atob/btoa are the globals themselves, as in Node.
    return { Buffer, atob, btoa, kMaxLength: 2 ** 32, constants: { MAX_LENGTH: 2 ** 32 } };
  }

  factories.set('path', makePath);
  factories.set('path/posix', () => builtin('path'));
  factories.set('events', internals.makeEvents);  // events.js
  factories.set('util', () => natives.loadScript('util.js')(natives, internals));  // lazy
  factories.set('os', () => internals.makeOs(builtin));  // os.js
  factories.set('url', () => internals.nodeUrl());  // url.js
  factories.set('process', () => process);
  factories.set('buffer', makeBuffer);
  factories.set('timers', () => ({
    setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
    get promises() { return builtin('timers/promises'); },
  }));
  factories.set('util/types', () => natives.loadScript('util_types_impl.js')(natives, internals));
  factories.set('timers/promises', () => natives.loadScript('timers_promises.js')(natives, internals));

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

  // Node code expects `global` and Buffer as globals (graceful-fs keeps its
  // queue on `global`).
  Object.defineProperty(globalThis, 'global', {
    configurable: true, writable: true, enumerable: true, value: globalThis,
  });
  Object.defineProperty(globalThis, 'Buffer', {
    configurable: true, writable: true, enumerable: false,
    value: builtin('buffer').Buffer,
  });

  // process_node.js (absent when a checker loads builtins.js alone).
  internals.processBecomesEmitter?.(builtin('events'));

  // Builtins that later bootstrap files define (fs.js, stream.js): name -> factory.
  internals.defineBuiltin = (name, factory) => { factories.set(name, factory); };
  internals.isBuiltin = (name) => factories.has(SafeRegExpReplace(/^node:/, String(name), ''));
  internals.requireBuiltin = (name) => builtin(SafeRegExpReplace(/^node:/, String(name), ''));
  // The names toysnap provides (module_builtin.js's builtinModules).
  internals.providedBuiltins = () => ArrayFrom(factories.keys());
  // What `import { x } from 'node:name'` can name: the builtin's own keys.
  internals.builtinExportNames = (name) => ObjectKeys(internals.requireBuiltin(name));
})
