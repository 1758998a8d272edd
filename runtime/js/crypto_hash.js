// Node's Hash and Hmac (createHash, createHmac, crypto.hash) on the native
// CryptoHash class (runtime/node/crypto_hash.cc). Both are Transform streams
// made lazily, as Node's LazyTransform: the stream state exists only once a
// program uses one as a stream.
(function (natives, internals, shared) {
  'use strict';
  const {
    ArrayBufferIsView, Error, ObjectDefineProperties, ObjectDefineProperty, ObjectSetPrototypeOf,
    ReflectApply, StringPrototypeToLowerCase, Symbol, TypeError,
  } = internals.strictPrimordials();
  const { utils, Buffer, classes } = shared;
  const { CryptoHash } = classes;
  const { nodeError, invalidArgType, invalidArgValue, validateString, validateUint32, validateEncoding } = utils;
  const { Transform } = internals.requireBuiltin('stream');

  const kHandle = Symbol('kHandle');
  const kMaxOutputLength = 2 ** 30;
  const kFinalized = Symbol('kFinalized');
  const building = () => internals.isBuildingSnapshot?.() === true;

  // ---- LazyTransform: Transform's state made on first use ------------------
  function LazyTransform(options) { this._options = options; }
  ObjectSetPrototypeOf(LazyTransform.prototype, Transform.prototype);
  ObjectSetPrototypeOf(LazyTransform, Transform);
  function lazyState(name) {
    return {
      get() {
        ReflectApply(Transform, this, [this._options]);
        this._writableState.decodeStrings = false;
        return this[name];
      },
      set(value) {
        ObjectDefineProperty(this, name, { value, enumerable: true, configurable: true, writable: true });
      },
      configurable: true,
      enumerable: true,
    };
  }
  ObjectDefineProperties(LazyTransform.prototype, {
    _readableState: lazyState('_readableState'),
    _writableState: lazyState('_writableState'),
    _transformState: lazyState('_transformState'),
  });

  const finalized = () => nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');

  // ---- Hash ----------------------------------------------------------------
  function Hash(algorithm, options) {
    if (!(this instanceof Hash)) return new Hash(algorithm, options);
    const copying = algorithm instanceof CryptoHash;
    if (!copying) validateString(algorithm, 'algorithm');
    const outputLength = typeof options === 'object' && options !== null ? options.outputLength : undefined;
    if (outputLength !== undefined) validateUint32(outputLength, 'options.outputLength');
    // Node dies allocating a digest this big; toysnap refuses it instead.
    if (outputLength > kMaxOutputLength) {
      throw utils.outOfRange('options.outputLength', `<= ${kMaxOutputLength}`, outputLength);
    }
    this[kHandle] = new CryptoHash(false, algorithm, outputLength ?? -1, undefined, building());
    this[kFinalized] = false;
    ReflectApply(LazyTransform, this, [options]);
  }
  ObjectSetPrototypeOf(Hash.prototype, LazyTransform.prototype);
  ObjectSetPrototypeOf(Hash, LazyTransform);

  Hash.prototype.copy = function copy(options) {
    if (this[kFinalized]) throw finalized();
    return new Hash(this[kHandle], options);
  };
  Hash.prototype._transform = function _transform(chunk, encoding, callback) {
    this[kHandle].update(chunk, encoding);
    callback();
  };
  Hash.prototype._flush = function _flush(callback) {
    this.push(Buffer.from(this[kHandle].digest('buffer')));
    callback();
  };
  Hash.prototype.update = function update(data, encoding) {
    encoding = encoding || 'buffer';
    if (this[kFinalized]) throw finalized();
    if (typeof data === 'string') {
      validateEncoding(data, encoding);
    } else if (!ArrayBufferIsView(data)) {
      throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    if (!this[kHandle].update(data, encoding)) {
      throw nodeError(Error, 'ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed');
    }
    return this;
  };
  Hash.prototype.digest = function digest(outputEncoding) {
    if (this[kFinalized]) throw finalized();
    outputEncoding = outputEncoding || 'buffer';
    const result = this[kHandle].digest(`${outputEncoding}`);
    this[kFinalized] = true;
    return typeof result === 'string' ? result : Buffer.from(result);
  };

  // ---- Hmac ----------------------------------------------------------------
  function isKeyObject(value) { return internals.cryptoIsKeyObject?.(value) === true; }
  function secretKeyBytes(key, encoding) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') {
        throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
          `Invalid key object type ${key.type}, expected secret.`);
      }
      return key.export();
    }
    if (typeof key === 'string') return Buffer.from(key, encoding);
    if (ArrayBufferIsView(key) || shared.isAnyArrayBuffer(key)) return key;
    throw invalidArgType('key',
      ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
  }

  function Hmac(hmac, key, options) {
    if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
    validateString(hmac, 'hmac');
    let encoding;
    if (options !== null && typeof options === 'object' && options.encoding !== undefined) {
      encoding = options.encoding;
      validateString(encoding, 'options.encoding');
    }
    const bytes = secretKeyBytes(key, encoding);
    this[kHandle] = new CryptoHash(true, hmac, -1, bytes, building());
    this[kFinalized] = false;
    ReflectApply(LazyTransform, this, [options]);
  }
  ObjectSetPrototypeOf(Hmac.prototype, LazyTransform.prototype);
  ObjectSetPrototypeOf(Hmac, LazyTransform);
  Hmac.prototype.update = Hash.prototype.update;
  Hmac.prototype.digest = function digest(outputEncoding) {
    outputEncoding = outputEncoding || 'buffer';
    if (this[kFinalized]) {
      const empty = Buffer.from('');
      return outputEncoding === 'buffer' ? empty : empty.toString(outputEncoding);
    }
    const result = this[kHandle].digest(`${outputEncoding}`);
    this[kFinalized] = true;
    return typeof result === 'string' ? result : Buffer.from(result);
  };
  Hmac.prototype._flush = Hash.prototype._flush;
  Hmac.prototype._transform = Hash.prototype._transform;

  // ---- crypto.hash(): a one-shot digest (Node 20.12) ------------------------
  const kEncodings = {
    __proto__: null, utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le',
    utf16le: 'utf16le', 'utf-16le': 'utf16le', latin1: 'latin1', binary: 'latin1',
    base64: 'base64', base64url: 'base64url', hex: 'hex', ascii: 'ascii',
  };
  function hash(algorithm, input, outputEncoding = 'hex') {
    validateString(algorithm, 'algorithm');
    if (typeof input !== 'string' && !ArrayBufferIsView(input)) {
      throw invalidArgType('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    }
    let normalized = outputEncoding;
    if (outputEncoding !== 'hex') {
      validateString(outputEncoding, 'outputEncoding');
      const lower = StringPrototypeToLowerCase(outputEncoding);
      normalized = kEncodings[outputEncoding] ?? kEncodings[lower] ?? (lower === 'buffer' ? 'buffer' : undefined);
      if (normalized === undefined) throw invalidArgValue('outputEncoding', outputEncoding);
    }
    if (natives.cryptoDigestSize(algorithm) < 0) {
      throw new Error(`Digest method ${algorithm} is not supported`);
    }
    const handle = new CryptoHash(false, algorithm, -1, undefined, false);
    handle.update(input, 'utf8');
    const result = handle.digest(normalized);
    return typeof result === 'string' ? result : Buffer.from(result);
  }

  shared.LazyTransform = LazyTransform;
  shared.secretKeyBytes = secretKeyBytes;
  return {
    Hash, Hmac, hash,
    createHash: (algorithm, options) => new Hash(algorithm, options),
    createHmac: (hmac, key, options) => new Hmac(hmac, key, options),
  };
})
