// The rarely used part of `buffer`, compiled on first use (buffer.js's lazy
// accessors): Blob, File, blob: object URLs (URL.createObjectURL,
// resolveObjectURL) and transcode. A Blob keeps one immutable copy of its
// bytes; slices share it.
(function (natives, internals) {
  'use strict';
  const {
    ArrayBufferIsView, ArrayFrom, DateNow, MathMax, MathMin, NumberIsNaN, ObjectDefineProperties,
    Promise, PromiseReject, PromiseResolve, RegExpPrototypeExec, SafeMap, SafeRegExpReplace,
    StringPrototypeSplit, StringPrototypeToLowerCase, Error, RangeError,
    SymbolFor, SymbolIterator, SymbolToStringTag, TypedArrayPrototypeGetBuffer,
    TypedArrayPrototypeGetByteLength, TypedArrayPrototypeGetByteOffset, TypedArrayPrototypeSet,
    TypedArrayPrototypeSlice, TypedArrayPrototypeSubarray, Uint8Array, uncurryThis, TypeError,
  } = internals.primordials;
  const { invalidArgType, invalidArgValue, nodeError, unsupported } = internals.nodeErrors;
  const { FastBuffer, isAnyArrayBuffer, kMaxLength, normalizeEncoding } = internals.buffer;
  const { TextEncoder, TextDecoder } = internals.textCoders();
  const TextEncoderPrototypeEncode = uncurryThis(TextEncoder.prototype.encode);
  const TextDecoderPrototypeDecode = uncurryThis(TextDecoder.prototype.decode);
  const encoder = new TextEncoder();
  const { URL } = globalThis;
  const customInspect = SymbolFor('nodejs.util.inspect.custom');

  const kBytes = Symbol('kBytes');
  const kType = Symbol('kType');
  const kName = Symbol('kName');
  const kLastModified = Symbol('kLastModified');
  const disallowedTypeCharacters = /[^\u{0020}-\u{007E}]/u;

  // Lone surrogates become U+FFFD (WebIDL USVString).
  const toUSVString = (text) =>
    SafeRegExpReplace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, text, '\uFFFD');
  const isBlob = (value) => value?.[kBytes] !== undefined;
  const invalidThis = (type) => nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);

  function sourceBytes(source, endings) {
    if (isBlob(source)) return source[kBytes];
    if (isAnyArrayBuffer(source)) return new Uint8Array(TypedArrayPrototypeSlice(new Uint8Array(source)));
    if (ArrayBufferIsView(source)) {
      return TypedArrayPrototypeSlice(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
    }
    let text = `${source}`;
    if (endings === 'native') text = SafeRegExpReplace(/\r?\n/g, text, '\n');
    return TextEncoderPrototypeEncode(encoder, text);
  }

  function typeOf(type) {
    type = `${type}`;
    return RegExpPrototypeExec(disallowedTypeCharacters, type) !== null ? '' : StringPrototypeToLowerCase(type);
  }

  function makeBlob(bytes, type) {
    const blob = { __proto__: Blob.prototype };
    blob[kBytes] = bytes;
    blob[kType] = type;
    return blob;
  }

  class Blob {
    constructor(sources = [], options) {
      if (sources === null || typeof sources[SymbolIterator] !== 'function' || typeof sources === 'string') {
        throw invalidArgType('sources', 'a sequence', sources);
      }
      if (options != null && typeof options !== 'object' && typeof options !== 'function') {
        throw invalidArgType('options', 'a dictionary', options);
      }
      const { type = '', endings = 'transparent' } = options ?? {};
      const ending = `${endings}`;
      if (ending !== 'transparent' && ending !== 'native') throw invalidArgValue('options.endings', ending);
      let length = 0;
      const parts = ArrayFrom(sources, (source) => {
        const bytes = sourceBytes(source, ending);
        length += bytes.length;
        return bytes;
      });
      if (length > kMaxLength) {
        throw nodeError(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${kMaxLength} bytes`);
      }
      const bytes = new Uint8Array(length);
      let at = 0;
      for (let i = 0; i < parts.length; i++) {
        TypedArrayPrototypeSet(bytes, parts[i], at);
        at += parts[i].length;
      }
      this[kBytes] = bytes;
      this[kType] = typeOf(type);
    }

    get size() {
      if (!isBlob(this)) throw invalidThis('Blob');
      return this[kBytes].length;
    }

    get type() {
      if (!isBlob(this)) throw invalidThis('Blob');
      return this[kType];
    }

    slice(start = 0, end = this[kBytes].length, contentType = '') {
      if (!isBlob(this)) throw invalidThis('Blob');
      const size = this[kBytes].length;
      start = start < 0 ? MathMax(size + start, 0) : MathMin(start, size);
      end = end < 0 ? MathMax(size + end, 0) : MathMin(end, size);
      const span = MathMax(end - start, 0);
      return makeBlob(TypedArrayPrototypeSubarray(this[kBytes], start, start + span), typeOf(contentType));
    }

    arrayBuffer() {
      if (!isBlob(this)) return PromiseReject(invalidThis('Blob'));
      const bytes = this[kBytes];
      return PromiseResolve(TypedArrayPrototypeGetBuffer(TypedArrayPrototypeSlice(bytes)));
    }

    text() {
      if (!isBlob(this)) throw invalidThis('Blob');
      return new Promise((resolve) => {
        resolve(TextDecoderPrototypeDecode(new TextDecoder(), this[kBytes]));
      });
    }

    stream() {
      if (!isBlob(this)) throw invalidThis('Blob');
      const ReadableStream = globalThis.ReadableStream;
      if (typeof ReadableStream !== 'function') {
        throw unsupported('toysnap does not support Blob.prototype.stream() without web streams');
      }
      let bytes = this[kBytes];
      return new ReadableStream({
        type: 'bytes',
        pull(controller) {
          if (bytes.length === 0) {
            controller.close();
            return;
          }
          const chunk = TypedArrayPrototypeSlice(bytes, 0, 65536);
          bytes = TypedArrayPrototypeSubarray(bytes, chunk.length);
          controller.enqueue(chunk);
        },
      });
    }

    [customInspect](depth, options, inspect) {
      if (depth < 0) return this;
      const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
      return `Blob ${(inspect ?? internals.inspect)({ size: this.size, type: this.type }, opts)}`;
    }
  }
  ObjectDefineProperties(Blob.prototype, {
    size: { __proto__: null, enumerable: true },
    type: { __proto__: null, enumerable: true },
    slice: { __proto__: null, enumerable: true },
    stream: { __proto__: null, enumerable: true },
    text: { __proto__: null, enumerable: true },
    arrayBuffer: { __proto__: null, enumerable: true },
    [SymbolToStringTag]: { __proto__: null, configurable: true, value: 'Blob' },
  });

  class File extends Blob {
    constructor(fileBits, fileName, options = {}) {
      if (arguments.length < 2) {
        throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "fileBits" and "fileName" arguments must be specified');
      }
      super(fileBits, options);
      let { lastModified } = options ?? {};
      if (lastModified !== undefined) {
        lastModified = +lastModified;
        if (NumberIsNaN(lastModified)) lastModified = 0;
      } else {
        lastModified = DateNow();
      }
      this[kName] = toUSVString(`${fileName}`);
      this[kLastModified] = lastModified;
    }

    get name() {
      if (this?.[kName] === undefined) throw invalidThis('File');
      return this[kName];
    }

    get lastModified() {
      if (this?.[kName] === undefined) throw invalidThis('File');
      return this[kLastModified];
    }

    [customInspect](depth, options, inspect) {
      if (depth < 0) return this;
      const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
      return `File ${(inspect ?? internals.inspect)({
        size: this.size, type: this.type, name: this.name, lastModified: this.lastModified,
      }, opts)}`;
    }
  }
  ObjectDefineProperties(File.prototype, {
    name: { __proto__: null, enumerable: true },
    lastModified: { __proto__: null, enumerable: true },
    [SymbolToStringTag]: { __proto__: null, configurable: true, value: 'File' },
  });

  // ---- blob: URLs ("blob:nodedata:<uuid>")

  const objectUrls = new SafeMap();  // id -> [bytes, type]

  function createObjectURL(obj) {
    if (!isBlob(obj)) throw invalidArgType('obj', 'Blob', obj);
    const id = internals.web.crypto.randomUUID();
    objectUrls.set(id, [obj[kBytes], obj[kType]]);
    return `blob:nodedata:${id}`;
  }

  function objectUrlId(url) {
    try {
      const split = StringPrototypeSplit(new URL(`${url}`).pathname, ':');
      return split.length === 2 && split[0] === 'nodedata' ? split[1] : undefined;
    } catch {
      return undefined;
    }
  }

  function revokeObjectURL(url) {
    const id = objectUrlId(url);
    if (id !== undefined) objectUrls.delete(id);
  }

  function resolveObjectURL(url) {
    const entry = objectUrls.get(objectUrlId(url));
    return entry === undefined ? undefined : makeBlob(entry[0], entry[1]);
  }

  // ---- transcode: ICU's conversions (runtime/node/buffer_transcode.cc)

  const transcodeIds = { __proto__: null, utf8: 0, utf16le: 1, latin1: 2, ascii: 3 };

  function transcode(source, fromEncoding, toEncoding) {
    const from = normalizeEncoding(fromEncoding) || fromEncoding;
    const to = normalizeEncoding(toEncoding) || toEncoding;
    const result = natives.bufferTranscode(source, transcodeIds[from] ?? -1, transcodeIds[to] ?? -1);
    if (typeof result !== 'number') return new FastBuffer(result);
    const code = natives.bufferIcuErrorName(result);
    const error = new Error(`Unable to transcode Buffer [${code}]`);
    error.code = code;
    error.errno = result;
    throw error;
  }

  return { Blob, File, resolveObjectURL, createObjectURL, revokeObjectURL, transcode, isBlob };
})
