// Node 20's `buffer` module: Buffer (a Uint8Array subclass, callable without
// `new`), its encodings (native in runtime/node/buffer.cc), comparison,
// search, fill and swaps. buffer_numbers.js adds the read*/write* methods;
// buffer_blob.js Blob, File and resolveObjectURL. Compiled at the first use
// of Buffer or require('buffer') (buffer_builtin.js), so a heap that never
// touches one does not hold it.
(function (natives, internals) {
  'use strict';
  const {
    ArrayBufferIsView, ArrayIsArray, Error, MathMin, MathTrunc, NumberIsInteger, NumberIsNaN,
    NumberMAX_SAFE_INTEGER, NumberMIN_SAFE_INTEGER, MathFloor, ObjectDefineProperties,
    ObjectDefineProperty, ObjectGetOwnPropertyNames, ObjectKeys, ObjectSetPrototypeOf,
    SafeRegExpReplace, StringPrototypeCharCodeAt, StringPrototypeIncludes, StringPrototypeSlice,
    StringPrototypeSplit, StringPrototypeToLowerCase, StringPrototypeTrim, SymbolFor, SymbolSpecies,
    SymbolToPrimitive, TypedArrayPrototypeFill, TypedArrayPrototypeGetBuffer,
    TypedArrayPrototypeGetByteLength, TypedArrayPrototypeGetByteOffset, TypedArrayPrototypeGetLength,
    TypedArrayPrototypeGetSymbolToStringTag, TypedArrayPrototypeSet, TypedArrayPrototypeSlice,
    Uint8Array, ArrayBufferPrototypeGetByteLength, RangeError, TypeError,
  } = internals.primordials;
  const {
    invalidArgType, invalidArgValue, outOfRange, bufferOutOfBounds, unknownEncoding,
    nodeError, validateNumber, validateInteger, validateString,
  } = internals.nodeErrors;
  const { atob: webAtob, btoa: webBtoa, process } = internals.bufferGlobals;

  const kMaxLength = 2 ** 32;
  const kStringMaxLength = 2 ** 29 - 24;
  const customInspect = SymbolFor('nodejs.util.inspect.custom');

  // Encoding ids shared with buffer.cc.
  const UTF8 = 0, UCS2 = 1, LATIN1 = 2, ASCII = 3, BASE64 = 4, BASE64URL = 5, HEX = 6;
  const encodingNames = {
    __proto__: null, 'utf8': UTF8, 'utf-8': UTF8, 'ucs2': UCS2, 'ucs-2': UCS2, 'utf16le': UCS2,
    'utf-16le': UCS2, 'latin1': LATIN1, 'binary': LATIN1, 'ascii': ASCII, 'base64': BASE64,
    'base64url': BASE64URL, 'hex': HEX,
  };
  const canonicalNames = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
  // Node's getEncodingOps: a name in any case, or -1.
  function encodingOf(encoding) {
    encoding += '';
    const id = encodingNames[encoding] ?? encodingNames[StringPrototypeToLowerCase(encoding)];
    return id === undefined ? -1 : id;
  }
  // Node's normalizeEncoding: undefined, null and '' are utf8; unknown: undefined.
  function normalizeEncoding(encoding) {
    if (encoding == null || encoding === '') return 'utf8';
    if (typeof encoding !== 'string') return undefined;
    const id = encodingOf(encoding);
    return id === -1 ? undefined : canonicalNames[id];
  }

  function isUint8Array(value) {
    return ArrayBufferIsView(value) && TypedArrayPrototypeGetSymbolToStringTag(value) === 'Uint8Array';
  }
  function isAnyArrayBuffer(value) {
    if (value === null || typeof value !== 'object') return false;
    try {
      ArrayBufferPrototypeGetByteLength(value);
      return true;
    } catch {
      return internals.inspectBrands.isSharedArrayBuffer(value);
    }
  }

  class FastBuffer extends Uint8Array {
    // eslint-disable-next-line no-useless-constructor
    constructor(bufferOrLength, byteOffset, length) { super(bufferOrLength, byteOffset, length); }
  }

  // ---- allocation ------------------------------------------------------------

  // Small buffers share 8 KiB pools, as Node's do (their .buffer is the pool).
  let poolSize, poolOffset, allocPool, allocBuffer;
  function createPool() {
    poolSize = Buffer.poolSize;
    allocBuffer = new FastBuffer(poolSize);
    allocPool = TypedArrayPrototypeGetBuffer(allocBuffer);
    poolOffset = 0;
  }
  function alignPool() {
    if (poolOffset & 0x7) {
      poolOffset |= 0x7;
      poolOffset++;
    }
  }
  function allocate(size) {
    if (size <= 0) return new FastBuffer();
    if (size < (Buffer.poolSize >>> 1)) {
      if (size > poolSize - poolOffset) createPool();
      const buffer = new FastBuffer(allocPool, poolOffset, size);
      poolOffset += size;
      alignPool();
      return buffer;
    }
    return unzeroed(size);
  }
  // Past the pool, allocUnsafe's memory is not zeroed, as Node's; while a
  // snapshot is built it is, so no stray bytes of the builder's reach the file.
  const unzeroed = (size) => (internals.isBuildingSnapshot?.() === true ? new FastBuffer(size) :
    new FastBuffer(natives.bufferAllocUninitialized(size)));

  // ---- Buffer() and Buffer.from -------------------------------------------------

  const bufferWarning = 'Buffer() is deprecated due to security and usability issues. Please ' +
    'use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.';
  let warned = false;
  let checks = 0;
  // Node warns (DEP0005) once, unless the call comes from inside node_modules.
  function warnDeprecatedConstructor() {
    if (warned || ++checks > 10000) return;
    const stack = new Error().stack;
    const lines = typeof stack === 'string' ? StringPrototypeSplit(stack, '\n') : [];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (StringPrototypeIncludes(line, 'toysnap:internal')) continue;
      if (StringPrototypeIncludes(line, '/node_modules/')) return;
      break;
    }
    warned = true;
    process.emitWarning(bufferWarning, 'DeprecationWarning', 'DEP0005');
  }

  function Buffer(arg, encodingOrOffset, length) {
    warnDeprecatedConstructor();
    if (typeof arg === 'number') {
      if (typeof encodingOrOffset === 'string') throw invalidArgType('string', 'string', arg);
      return Buffer.alloc(arg);
    }
    return Buffer.from(arg, encodingOrOffset, length);
  }
  FastBuffer.prototype.constructor = Buffer;
  Buffer.prototype = FastBuffer.prototype;
  ObjectSetPrototypeOf(Buffer, Uint8Array);
  ObjectDefineProperty(Buffer, SymbolSpecies, {
    __proto__: null, enumerable: false, configurable: true, get() { return FastBuffer; },
  });
  Buffer.poolSize = 8 * 1024;
  createPool();

  function fromString(string, encoding) {
    let id = UTF8;
    if (encoding && encoding !== 'utf8' && typeof encoding === 'string') {
      id = encodingOf(encoding);
      if (id === -1) throw unknownEncoding(encoding);
    }
    if (string.length === 0) return new FastBuffer();
    let length = string.length;
    const max = Buffer.poolSize >>> 1;
    if (length < max) {
      length = id === UTF8 ? length * 4 : byteLengthOf(string, id);
      if (length >= max && id === UTF8) length = natives.bufferByteLengthUtf8(string);
      if (length < max) {
        if (length > poolSize - poolOffset) createPool();
        const actual = natives.bufferWrite(allocBuffer, string, poolOffset, length, id, true);
        const buffer = new FastBuffer(allocPool, poolOffset, actual);
        poolOffset += actual;
        alignPool();
        return buffer;
      }
    }
    length = byteLengthOf(string, id);
    const buffer = unzeroed(length);
    const actual = natives.bufferWrite(buffer, string, 0, length, id, true);
    return actual < length ? new FastBuffer(TypedArrayPrototypeGetBuffer(buffer), 0, actual) : buffer;
  }

  function fromArrayBuffer(buffer, byteOffset, length) {
    if (byteOffset === undefined) {
      byteOffset = 0;
    } else {
      byteOffset = +byteOffset;
      if (NumberIsNaN(byteOffset)) byteOffset = 0;
    }
    const maxLength = buffer.byteLength - byteOffset;
    if (maxLength < 0) throw bufferOutOfBounds('offset');
    if (length === undefined) {
      length = maxLength;
    } else {
      length = +length;
      if (length > 0) {
        if (length > maxLength) throw bufferOutOfBounds('length');
      } else {
        length = 0;
      }
    }
    return new FastBuffer(buffer, byteOffset, length);
  }

  function fromArrayLike(list) {
    if (list.length <= 0) return new FastBuffer();
    if (list.length < (Buffer.poolSize >>> 1)) {
      if (list.length > poolSize - poolOffset) createPool();
      const buffer = new FastBuffer(allocPool, poolOffset, list.length);
      TypedArrayPrototypeSet(buffer, list, 0);
      poolOffset += list.length;
      alignPool();
      return buffer;
    }
    return new FastBuffer(list);
  }

  function fromObject(object) {
    if (object.length !== undefined || isAnyArrayBuffer(object.buffer)) {
      if (typeof object.length !== 'number') return new FastBuffer();
      return fromArrayLike(object);
    }
    if (object.type === 'Buffer' && ArrayIsArray(object.data)) return fromArrayLike(object.data);
  }

  Buffer.from = function from(value, encodingOrOffset, length) {
    if (typeof value === 'string') return fromString(value, encodingOrOffset);
    if (typeof value === 'object' && value !== null) {
      if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
      const valueOf = value.valueOf && value.valueOf();
      if (valueOf != null && valueOf !== value &&
          (typeof valueOf === 'string' || typeof valueOf === 'object')) {
        return from(valueOf, encodingOrOffset, length);
      }
      const buffer = fromObject(value);
      if (buffer) return buffer;
      if (typeof value[SymbolToPrimitive] === 'function') {
        const primitive = value[SymbolToPrimitive]('string');
        if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
      }
    }
    throw invalidArgType('first argument',
      ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
  };

  Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
    if (!ArrayBufferIsView(view) || TypedArrayPrototypeGetSymbolToStringTag(view) === undefined) {
      throw invalidArgType('view', ['TypedArray'], view);
    }
    const viewLength = TypedArrayPrototypeGetLength(view);
    if (viewLength === 0) return Buffer.alloc(0);
    if (offset !== undefined || length !== undefined) {
      if (offset !== undefined) {
        validateInteger(offset, 'offset', 0);
        if (offset >= viewLength) return Buffer.alloc(0);
      } else {
        offset = 0;
      }
      let end;
      if (length !== undefined) {
        validateInteger(length, 'length', 0);
        end = offset + length;
      } else {
        end = viewLength;
      }
      view = TypedArrayPrototypeSlice(view, offset, end);
    }
    return fromArrayLike(new Uint8Array(TypedArrayPrototypeGetBuffer(view),
      TypedArrayPrototypeGetByteOffset(view), TypedArrayPrototypeGetByteLength(view)));
  };

  Buffer.of = function of(...items) {
    const buffer = new FastBuffer(items.length);
    for (let i = 0; i < items.length; i++) buffer[i] = items[i];
    return buffer;
  };

  Buffer.alloc = function alloc(size, fill, encoding) {
    validateNumber(size, 'size', 0, kMaxLength);
    if (fill !== undefined && fill !== 0 && size > 0) {
      const buffer = new FastBuffer(size);
      return fillBuffer(buffer, fill, 0, buffer.length, encoding);
    }
    return new FastBuffer(size);
  };
  Buffer.allocUnsafe = function allocUnsafe(size) {
    validateNumber(size, 'size', 0, kMaxLength);
    return allocate(size);
  };
  Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
    validateNumber(size, 'size', 0, kMaxLength);
    return size > 0 ? unzeroed(size) : new FastBuffer();
  };
  function SlowBuffer(size) {
    validateNumber(size, 'size', 0, kMaxLength);
    return new FastBuffer(size);
  }
  ObjectSetPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
  ObjectSetPrototypeOf(SlowBuffer, Uint8Array);

  Buffer.isBuffer = function isBuffer(value) { return value instanceof Buffer; };

  Buffer.compare = function compare(buf1, buf2) {
    if (!isUint8Array(buf1)) throw invalidArgType('buf1', ['Buffer', 'Uint8Array'], buf1);
    if (!isUint8Array(buf2)) throw invalidArgType('buf2', ['Buffer', 'Uint8Array'], buf2);
    if (buf1 === buf2) return 0;
    return natives.bufferCompare(buf1, buf2, 0, undefined, 0, undefined);
  };

  Buffer.isEncoding = function isEncoding(encoding) {
    return typeof encoding === 'string' && encoding.length !== 0 && encodingOf(encoding) !== -1;
  };

  // Bytes [0, length) of `source` into `target` at `at`; how many fitted.
  function copyInto(source, target, at, sourceStart, sourceEnd) {
    if (sourceEnd - sourceStart > target.length - at) sourceEnd = sourceStart + target.length - at;
    let count = sourceEnd - sourceStart;
    if (count > source.length - sourceStart) count = source.length - sourceStart;
    if (sourceStart !== 0 || sourceEnd < source.length) {
      source = new Uint8Array(TypedArrayPrototypeGetBuffer(source),
                              TypedArrayPrototypeGetByteOffset(source) + sourceStart, count);
    }
    TypedArrayPrototypeSet(target, source, at);
    return count;
  }

  Buffer.concat = function concat(list, length) {
    if (!ArrayIsArray(list)) throw invalidArgType('list', 'Array', list);
    if (list.length === 0) return new FastBuffer();
    if (length === undefined) {
      length = 0;
      for (let i = 0; i < list.length; i++) {
        if (list[i].length) length += list[i].length;
      }
    } else {
      validateInteger(length, 'length', 0, kMaxLength);
    }
    const buffer = Buffer.allocUnsafe(length);
    let position = 0;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (!isUint8Array(item)) throw invalidArgType(`list[${i}]`, ['Buffer', 'Uint8Array'], item);
      position += copyInto(item, buffer, position, 0, item.length);
    }
    if (position < length) TypedArrayPrototypeFill(buffer, 0, position, length);
    return buffer;
  };

  function base64ByteLength(string, bytes) {
    if (StringPrototypeCharCodeAt(string, bytes - 1) === 0x3D) bytes--;
    if (bytes > 1 && StringPrototypeCharCodeAt(string, bytes - 1) === 0x3D) bytes--;
    return (bytes * 3) >>> 2;
  }
  function byteLengthOf(string, id) {
    switch (id) {
      case UCS2: return string.length * 2;
      case LATIN1: case ASCII: return string.length;
      case BASE64: case BASE64URL: return base64ByteLength(string, string.length);
      case HEX: return string.length >>> 1;
      default: return natives.bufferByteLengthUtf8(string);
    }
  }

  function byteLength(string, encoding) {
    if (typeof string !== 'string') {
      if (ArrayBufferIsView(string) || isAnyArrayBuffer(string)) return string.byteLength;
      throw invalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], string);
    }
    if (string.length === 0) return 0;
    if (!encoding || encoding === 'utf8') return natives.bufferByteLengthUtf8(string);
    const id = encodingOf(encoding);
    return byteLengthOf(string, id === -1 ? UTF8 : id);
  }
  Buffer.byteLength = byteLength;

  // ---- prototype ---------------------------------------------------------------

  const proto = Buffer.prototype;
  ObjectDefineProperties(proto, {
    parent: {
      __proto__: null, enumerable: true, configurable: true,
      get() { return this instanceof Buffer ? this.buffer : undefined; },
    },
    offset: {
      __proto__: null, enumerable: true, configurable: true,
      get() { return this instanceof Buffer ? this.byteOffset : undefined; },
    },
  });

  // Node's own toInteger for copy(): NaN and out-of-safe-range values are the default.
  function toInteger(n, fallback) {
    n = +n;
    if (!NumberIsNaN(n) && n >= NumberMIN_SAFE_INTEGER && n <= NumberMAX_SAFE_INTEGER) {
      return n % 1 === 0 ? n : MathFloor(n);
    }
    return fallback;
  }

  proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
    const source = this;
    if (!isUint8Array(source)) throw invalidArgType('source', ['Buffer', 'Uint8Array'], source);
    if (!isUint8Array(target)) throw invalidArgType('target', ['Buffer', 'Uint8Array'], target);
    if (targetStart === undefined) {
      targetStart = 0;
    } else {
      targetStart = NumberIsInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
      if (targetStart < 0) throw outOfRange('targetStart', '>= 0', targetStart);
    }
    if (sourceStart === undefined) {
      sourceStart = 0;
    } else {
      sourceStart = NumberIsInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
      if (sourceStart < 0 || sourceStart > source.length) {
        throw outOfRange('sourceStart', `>= 0 && <= ${source.length}`, sourceStart);
      }
    }
    if (sourceEnd === undefined) {
      sourceEnd = source.length;
    } else {
      sourceEnd = NumberIsInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
      if (sourceEnd < 0) throw outOfRange('sourceEnd', '>= 0', sourceEnd);
    }
    if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
    return copyInto(source, target, targetStart, sourceStart, sourceEnd);
  };

  // The per-encoding methods Node puts on Buffer.prototype (npm code calls some).
  function defineCodecMethods(name, id) {
    proto[`${name}Slice`] = function (start, end) {
      return natives.bufferSlice(this, id, start ?? 0, end ?? this.length);
    };
    proto[`${name}Write`] = function (string, offset = 0, length = this.length - offset) {
      if (typeof string !== 'string') throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
      if (offset < 0 || offset > this.length) throw bufferOutOfBounds('offset');
      if (length < 0 || length > this.length - offset) throw bufferOutOfBounds('length');
      return natives.bufferWrite(this, string, offset, length, id);
    };
  }
  defineCodecMethods('utf8', UTF8);
  defineCodecMethods('ucs2', UCS2);
  defineCodecMethods('latin1', LATIN1);
  defineCodecMethods('ascii', ASCII);
  defineCodecMethods('base64', BASE64);
  defineCodecMethods('base64url', BASE64URL);
  defineCodecMethods('hex', HEX);

  proto.toString = function toString(encoding, start, end) {
    if (arguments.length === 0) return natives.bufferSlice(this, UTF8, 0, this.length);
    const length = this.length;
    if (start <= 0) start = 0;
    else if (start >= length) return '';
    else start = MathTrunc(start) || 0;
    if (end === undefined || end > length) end = length;
    else end = MathTrunc(end) || 0;
    if (end <= start) return '';
    if (encoding === undefined) return natives.bufferSlice(this, UTF8, start, end);
    const id = encodingOf(encoding);
    if (id === -1) throw unknownEncoding(encoding);
    return natives.bufferSlice(this, id, start, end);
  };
  proto.toLocaleString = proto.toString;

  proto.equals = function equals(otherBuffer) {
    if (!isUint8Array(otherBuffer)) {
      throw invalidArgType('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
    }
    if (this === otherBuffer) return true;
    const length = TypedArrayPrototypeGetByteLength(this);
    if (length !== TypedArrayPrototypeGetByteLength(otherBuffer)) return false;
    return length === 0 || natives.bufferCompare(this, otherBuffer, 0, undefined, 0, undefined) === 0;
  };

  let INSPECT_MAX_BYTES = 50;
  proto[customInspect] = function inspect(recurseTimes, ctx) {
    const max = INSPECT_MAX_BYTES;
    const shown = MathMin(max, this.length);
    const remaining = this.length - max;
    const hex = natives.bufferSlice(this, HEX, 0, shown);
    let text = '';
    for (let i = 0; i < hex.length; i += 2) text += `${i === 0 ? '' : ' '}${StringPrototypeSlice(hex, i, i + 2)}`;
    if (remaining > 0) text += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    if (ctx) {
      // Own non-index properties, as Node shows them after the bytes.
      const keys = ctx.showHidden ? ObjectGetOwnPropertyNames(this) : ObjectKeys(this);
      const extras = { __proto__: null };
      let any = false;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (`${+key}` === key && +key >= 0) continue;
        any = true;
        extras[key] = this[key];
      }
      if (any) {
        if (this.length !== 0) text += ', ';
        text += StringPrototypeSlice(internals.inspect(extras, {
          // compact: 3 puts these on one line as Node's compact: true does (inspect.js has no true).
          ...ctx, breakLength: Infinity, compact: 3,
        }), 27, -2);
      }
    }
    return `<${this.constructor.name} ${text}>`;
  };
  proto.inspect = proto[customInspect];

  function validateOffset(value, name, min = 0, max = kMaxLength) {
    validateInteger(value, name, min, max);
  }

  proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    if (!isUint8Array(target)) throw invalidArgType('target', ['Buffer', 'Uint8Array'], target);
    if (arguments.length === 1) return natives.bufferCompare(this, target, 0, undefined, 0, undefined);
    if (targetStart === undefined) targetStart = 0;
    else validateOffset(targetStart, 'targetStart');
    if (targetEnd === undefined) targetEnd = target.length;
    else validateOffset(targetEnd, 'targetEnd', 0, target.length);
    if (sourceStart === undefined) sourceStart = 0;
    else validateOffset(sourceStart, 'sourceStart');
    if (sourceEnd === undefined) sourceEnd = this.length;
    else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
    if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
    if (targetStart >= targetEnd) return 1;
    return natives.bufferCompare(this, target, sourceStart, sourceEnd, targetStart, targetEnd);
  };

  // indexOf (forward) and lastIndexOf of a number, string or bytes.
  function bidirectionalIndexOf(buffer, value, byteOffset, encoding, forward) {
    if (!ArrayBufferIsView(buffer)) throw invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    if (typeof byteOffset === 'string') {
      encoding = byteOffset;
      byteOffset = undefined;
    } else if (byteOffset > 0x7fffffff) {
      byteOffset = 0x7fffffff;
    } else if (byteOffset < -0x80000000) {
      byteOffset = -0x80000000;
    }
    byteOffset = +byteOffset;
    if (NumberIsNaN(byteOffset)) byteOffset = forward ? 0 : (buffer.length || buffer.byteLength);
    if (typeof value === 'number') {
      const byte = new FastBuffer(1);
      byte[0] = value >>> 0;
      return natives.bufferIndexOf(buffer, byte, byteOffset, false, forward);
    }
    const id = encoding === undefined ? UTF8 : encodingOf(encoding);
    if (typeof value === 'string') {
      if (id === -1) throw unknownEncoding(encoding);
      return natives.bufferIndexOf(buffer, fromString(value, canonicalNames[id]), byteOffset,
                                   id === UCS2, forward);
    }
    if (isUint8Array(value)) {
      return natives.bufferIndexOf(buffer, value, byteOffset, id === UCS2, forward);
    }
    throw invalidArgType('value', ['number', 'string', 'Buffer', 'Uint8Array'], value);
  }
  proto.indexOf = function indexOf(value, byteOffset, encoding) {
    return bidirectionalIndexOf(this, value, byteOffset, encoding, true);
  };
  proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
    return bidirectionalIndexOf(this, value, byteOffset, encoding, false);
  };
  proto.includes = function includes(value, byteOffset, encoding) {
    return this.indexOf(value, byteOffset, encoding) !== -1;
  };

  // Repeats `pattern`'s bytes over [offset, end): false when it has none.
  function repeatFill(buffer, pattern, offset, end) {
    const count = MathMin(pattern.length, end - offset);
    if (count === 0) return false;
    TypedArrayPrototypeSet(buffer, count === pattern.length ? pattern
      : new Uint8Array(TypedArrayPrototypeGetBuffer(pattern), TypedArrayPrototypeGetByteOffset(pattern), count),
      offset);
    let filled = count;
    while (offset + filled < end) {
      const chunk = MathMin(filled, end - offset - filled);
      buffer.copyWithin(offset + filled, offset, offset + chunk);
      filled += chunk;
    }
    return true;
  }

  function fillBuffer(buffer, value, offset, end, encoding) {
    let id = UTF8;
    if (typeof value === 'string') {
      if (offset === undefined || typeof offset === 'string') {
        encoding = offset;
        offset = 0;
        end = buffer.length;
      } else if (typeof end === 'string') {
        encoding = end;
        end = buffer.length;
      }
      const normalized = normalizeEncoding(encoding);
      if (normalized === undefined) {
        validateString(encoding, 'encoding');
        throw unknownEncoding(encoding);
      }
      id = encodingOf(normalized);
      if (value.length === 0) {
        value = 0;
      } else if (value.length === 1) {
        const code = StringPrototypeCharCodeAt(value, 0);
        if ((id === UTF8 && code < 128) || id === LATIN1) value = code;
      }
    }
    if (offset === undefined) {
      offset = 0;
      end = buffer.length;
    } else {
      validateOffset(offset, 'offset');
      if (end === undefined) end = buffer.length;
      else validateOffset(end, 'end', 0, buffer.length);
      if (offset >= end) return buffer;
    }
    if (typeof value === 'number') {
      if (offset > end || end > TypedArrayPrototypeGetByteLength(buffer)) throw bufferOutOfBounds();
      TypedArrayPrototypeFill(buffer, value, offset, end);
      return buffer;
    }
    if (end > buffer.length) throw bufferOutOfBounds();
    let pattern;
    if (typeof value === 'string') {
      pattern = new FastBuffer(byteLengthOf(value, id));
      const written = natives.bufferWrite(pattern, value, 0, pattern.length, id, true);
      pattern = new FastBuffer(TypedArrayPrototypeGetBuffer(pattern), 0, written);
    } else if (ArrayBufferIsView(value)) {
      pattern = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    } else {
      TypedArrayPrototypeFill(buffer, (value >>> 0) & 255, offset, end);
      return buffer;
    }
    if (!repeatFill(buffer, pattern, offset, end)) throw invalidArgValue('value', value);
    return buffer;
  }
  proto.fill = function fill(value, offset, end, encoding) {
    return fillBuffer(this, value, offset, end, encoding);
  };

  proto.write = function write(string, offset, length, encoding) {
    if (typeof string !== 'string') throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
    if (offset === undefined) return natives.bufferWrite(this, string, 0, this.length, UTF8);
    if (length === undefined && typeof offset === 'string') {
      encoding = offset;
      length = this.length;
      offset = 0;
    } else {
      validateOffset(offset, 'offset', 0, this.length);
      const remaining = this.length - offset;
      if (length === undefined) {
        length = remaining;
      } else if (typeof length === 'string') {
        encoding = length;
        length = remaining;
      } else {
        validateOffset(length, 'length', 0, this.length);
        if (length > remaining) length = remaining;
      }
    }
    if (!encoding || encoding === 'utf8') return natives.bufferWrite(this, string, offset, length, UTF8);
    const id = encodingOf(encoding);
    if (id === -1) throw unknownEncoding(encoding);
    return natives.bufferWrite(this, string, offset, length, id);
  };

  proto.toJSON = function toJSON() {
    const data = [];
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  };

  function adjustOffset(offset, length) {
    offset = MathTrunc(offset);
    if (offset === 0) return 0;
    if (offset < 0) {
      offset += length;
      return offset > 0 ? offset : 0;
    }
    if (offset < length) return offset;
    return NumberIsNaN(offset) ? 0 : length;
  }
  proto.subarray = function subarray(start, end) {
    const length = this.length;
    start = adjustOffset(start, length);
    end = end !== undefined ? adjustOffset(end, length) : length;
    return new FastBuffer(this.buffer, this.byteOffset + start, end > start ? end - start : 0);
  };
  proto.slice = function slice(start, end) { return this.subarray(start, end); };

  function defineSwap(bits) {
    const width = bits / 8;
    proto[`swap${bits}`] = function () {
      if (this.length % width !== 0) {
        throw nodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', `Buffer size must be a multiple of ${bits}-bits`);
      }
      natives.bufferSwap(this, width);
      return this;
    };
  }
  defineSwap(16);
  defineSwap(32);
  defineSwap(64);

  // ---- module functions ------------------------------------------------------------

  function checkBytesInput(input) {
    if ((ArrayBufferIsView(input) && TypedArrayPrototypeGetSymbolToStringTag(input) !== undefined) ||
        isAnyArrayBuffer(input)) {
      return;
    }
    throw invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  }
  function isUtf8(input) {
    checkBytesInput(input);
    return natives.bufferIsUtf8(input);
  }
  function isAscii(input) {
    checkBytesInput(input);
    return natives.bufferIsAscii(input);
  }

  function transcode(source, fromEncoding, toEncoding) {
    if (!isUint8Array(source)) throw invalidArgType('source', ['Buffer', 'Uint8Array'], source);
    if (source.length === 0) return Buffer.alloc(0);
    return internals.bufferBlob().transcode(source, fromEncoding, toEncoding);
  }

  const constants = ObjectDefineProperties({}, {
    MAX_LENGTH: { __proto__: null, value: kMaxLength, writable: false, enumerable: true },
    MAX_STRING_LENGTH: { __proto__: null, value: kStringMaxLength, writable: false, enumerable: true },
  });

  const exports = {
    // atob/btoa are the globals themselves, as in Node.
    Buffer, SlowBuffer, transcode, isUtf8, isAscii, kMaxLength, kStringMaxLength, btoa: webBtoa,
    atob: webAtob,
  };
  ObjectDefineProperties(exports, {
    constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
    INSPECT_MAX_BYTES: {
      __proto__: null, configurable: true, enumerable: true,
      get() { return INSPECT_MAX_BYTES; },
      set(value) {
        validateNumber(value, 'INSPECT_MAX_BYTES', 0);
        INSPECT_MAX_BYTES = value;
      },
    },
  });
  internals.blobAccessors(exports, ['Blob', 'resolveObjectURL', 'File'], true);

  internals.bufferImpl = {
    Buffer, FastBuffer, isUint8Array, isAnyArrayBuffer, normalizeEncoding, encodingOf,
    kMaxLength, fromString,
  };
  return exports;
})
