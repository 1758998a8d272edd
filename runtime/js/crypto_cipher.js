// Node's Cipheriv and Decipheriv (createCipheriv, createDecipheriv) and
// getCipherInfo on the native CryptoCipher class (runtime/node/crypto_cipher.cc):
// lazy Transform streams, string output through a StringDecoder as Node does.
(function (natives, internals, shared) {
  'use strict';
  const { ArrayBufferIsView, Error, ObjectSetPrototypeOf, ReflectApply, Symbol, TypeError } =
    internals.strictPrimordials();
  const { utils, Buffer, classes, LazyTransform, secretKeyBytes, bytesArg } = shared;
  const { CryptoCipher } = classes;
  const { nodeError, invalidArgType, invalidArgValue, validateString, validateInt32, validateObject,
    validateEncoding } = utils;
  const { StringDecoder } = internals.requireBuiltin('string_decoder');
  const building = () => internals.isBuildingSnapshot?.() === true;
  const kHandle = Symbol('kHandle');

  const invalidState = (operation) => nodeError(Error, 'ERR_CRYPTO_INVALID_STATE',
    `Invalid state for operation ${operation}`);

  function normalizeEncoding(encoding) {
    return Buffer.isEncoding(encoding) ? new StringDecoder(encoding).encoding : undefined;
  }
  function getDecoder(decoder, encoding) {
    const normalized = normalizeEncoding(encoding);
    decoder = decoder || new StringDecoder(encoding);
    if (decoder.encoding !== normalized) {
      if (normalized === undefined) {
        throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
      }
      throw nodeError(Error, 'ERR_INTERNAL_ASSERTION', 'Cannot change encoding\n' +
        'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
        'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n');
    }
    return decoder;
  }
  function stringOption(options, key) {
    if (options !== null && typeof options === 'object' && options[key] !== undefined) {
      validateString(options[key], `options.${key}`);
      return options[key];
    }
    return undefined;
  }
  function uintOption(options, key) {
    if (options !== null && typeof options === 'object' && options[key] !== undefined) {
      const value = options[key];
      if (value >>> 0 !== value) throw invalidArgValue(`options.${key}`, value);
      return value;
    }
    return -1;
  }

  function init(self, decrypt, cipher, key, iv, options) {
    validateString(cipher, 'cipher');
    const keyBytes = secretKeyBytes(key, stringOption(options, 'encoding'));
    const ivBytes = iv === null ? null : bytesArg(iv, 'iv');
    const tagLength = uintOption(options, 'authTagLength');
    self[kHandle] = new CryptoCipher(decrypt, cipher, keyBytes, ivBytes, tagLength, building());
    self._decoder = null;
    ReflectApply(LazyTransform, self, [options]);
  }

  function Cipheriv(cipher, key, iv, options) {
    if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
    init(this, false, cipher, key, iv, options);
  }
  function Decipheriv(cipher, key, iv, options) {
    if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
    init(this, true, cipher, key, iv, options);
  }

  const methods = {
    _transform(chunk, encoding, callback) {
      this.push(Buffer.from(this[kHandle].update(chunk, encoding)));
      callback();
    },
    _flush(callback) {
      try {
        this.push(this.final());
      } catch (error) {
        callback(error);
        return;
      }
      callback();
    },
    update(data, inputEncoding, outputEncoding) {
      if (typeof data === 'string') {
        validateEncoding(data, inputEncoding);
      } else if (!ArrayBufferIsView(data)) {
        throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
      }
      const result = Buffer.from(this[kHandle].update(data, inputEncoding));
      if (outputEncoding && outputEncoding !== 'buffer') {
        this._decoder = getDecoder(this._decoder, outputEncoding);
        return this._decoder.write(result);
      }
      return result;
    },
    final(outputEncoding) {
      const result = Buffer.from(this[kHandle].final());
      if (outputEncoding && outputEncoding !== 'buffer') {
        this._decoder = getDecoder(this._decoder, outputEncoding);
        return this._decoder.end(result);
      }
      return result;
    },
    setAutoPadding(autoPadding) {
      if (!this[kHandle].setAutoPadding(!!autoPadding)) throw invalidState('setAutoPadding');
      return this;
    },
    setAAD(aadbuf, options) {
      const encoding = stringOption(options, 'encoding');
      const plaintextLength = uintOption(options, 'plaintextLength');
      const bytes = typeof aadbuf === 'string' ? Buffer.from(aadbuf, encoding) : bytesArg(aadbuf, 'buffer');
      if (!this[kHandle].setAAD(bytes, plaintextLength)) throw invalidState('setAAD');
      return this;
    },
  };
  const kClasses = [Cipheriv, Decipheriv];
  const kMethods = ['_transform', '_flush', 'update', 'final', 'setAutoPadding', 'setAAD'];
  for (let i = 0; i < kClasses.length; i++) {
    ObjectSetPrototypeOf(kClasses[i].prototype, LazyTransform.prototype);
    ObjectSetPrototypeOf(kClasses[i], LazyTransform);
    for (let j = 0; j < kMethods.length; j++) kClasses[i].prototype[kMethods[j]] = methods[kMethods[j]];
  }
  Cipheriv.prototype.getAuthTag = function getAuthTag() {
    const tag = this[kHandle].getAuthTag();
    if (tag === undefined) throw invalidState('getAuthTag');
    return Buffer.from(tag);
  };
  Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
    const bytes = typeof tagbuf === 'string' ? Buffer.from(tagbuf, encoding) : bytesArg(tagbuf, 'buffer');
    if (!this[kHandle].setAuthTag(bytes)) throw invalidState('setAuthTag');
    return this;
  };

  function getCipherInfo(nameOrNid, options) {
    if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
      throw invalidArgType('nameOrNid', ['string', 'number'], nameOrNid);
    }
    if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
    let keyLength;
    let ivLength;
    if (options !== undefined) {
      validateObject(options, 'options');
      ({ keyLength, ivLength } = options);
      if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
      if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
    }
    return natives.cryptoCipherInfo(nameOrNid, keyLength, ivLength);
  }

  return {
    Cipheriv, Decipheriv, getCipherInfo,
    createCipheriv: (cipher, key, iv, options) => new Cipheriv(cipher, key, iv, options),
    createDecipheriv: (cipher, key, iv, options) => new Decipheriv(cipher, key, iv, options),
  };
})
