// pbkdf2, scrypt and hkdf (sync and callback forms) as Node 20 validates them;
// the derivation runs in OpenSSL, on libuv's thread pool for the callback
// forms (runtime/node/crypto_kdf.cc).
(function (natives, internals, shared) {
  'use strict';
  const { ArrayBufferIsView, Error, FunctionPrototypeCall, RangeError, TypeError } = internals.strictPrimordials();
  const { utils, Buffer, isAnyArrayBuffer, bytesArg } = shared;
  const {
    nodeError, invalidArgType, outOfRange, validateFunction, validateString, validateInt32,
    validateUint32, validateInteger,
  } = utils;

  function invalidDigest(digest) {
    return nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${digest}`);
  }
  // Node's jobs call back with the job as `this`; ours with undefined.
  function toBuffer(callback) {
    return (error, result) => {
      if (error) return FunctionPrototypeCall(callback, undefined, error);
      FunctionPrototypeCall(callback, undefined, null, Buffer.from(result));
    };
  }

  // ---- pbkdf2 --------------------------------------------------------------
  function pbkdf2Check(password, salt, iterations, keylen, digest) {
    validateString(digest, 'digest');
    password = bytesArg(password, 'password');
    salt = bytesArg(salt, 'salt');
    validateInt32(iterations, 'iterations', 1);
    validateInt32(keylen, 'keylen', 0);
    if (natives.cryptoDigestSize(digest) < 0) throw invalidDigest(digest);
    return [password, salt, iterations, keylen, digest];
  }
  function pbkdf2(password, salt, iterations, keylen, digest, callback) {
    if (typeof digest === 'function') {
      callback = digest;
      digest = undefined;
    }
    const args = pbkdf2Check(password, salt, iterations, keylen, digest);
    validateFunction(callback, 'callback');
    natives.cryptoPbkdf2(args[0], args[1], args[2], args[3], args[4], toBuffer(callback));
  }
  function pbkdf2Sync(password, salt, iterations, keylen, digest) {
    const args = pbkdf2Check(password, salt, iterations, keylen, digest);
    return Buffer.from(natives.cryptoPbkdf2(args[0], args[1], args[2], args[3], args[4]));
  }

  // ---- scrypt --------------------------------------------------------------
  const defaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };
  function conflict() {
    return nodeError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
  }
  function scryptCheck(password, salt, keylen, options) {
    password = bytesArg(password, 'password');
    salt = bytesArg(salt, 'salt');
    validateInt32(keylen, 'keylen', 0);
    let { N, r, p, maxmem } = defaults;
    if (options && options !== defaults) {
      const hasN = options.N !== undefined;
      if (hasN) validateUint32(N = options.N, 'N');
      if (options.cost !== undefined) {
        if (hasN) throw conflict();
        validateUint32(N = options.cost, 'cost');
      }
      const hasR = options.r !== undefined;
      if (hasR) validateUint32(r = options.r, 'r');
      if (options.blockSize !== undefined) {
        if (hasR) throw conflict();
        validateUint32(r = options.blockSize, 'blockSize');
      }
      const hasP = options.p !== undefined;
      if (hasP) validateUint32(p = options.p, 'p');
      if (options.parallelization !== undefined) {
        if (hasP) throw conflict();
        validateUint32(p = options.parallelization, 'parallelization');
      }
      if (options.maxmem !== undefined) validateInteger(maxmem = options.maxmem, 'maxmem', 0);
      if (N === 0) N = defaults.N;
      if (r === 0) r = defaults.r;
      if (p === 0) p = defaults.p;
      if (maxmem === 0) maxmem = defaults.maxmem;
    }
    const invalid = natives.cryptoScryptCheck(N, r, p, maxmem);
    if (invalid !== '') throw nodeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', invalid);
    return [password, salt, N, r, p, maxmem, keylen];
  }
  function scrypt(password, salt, keylen, options, callback = defaults) {
    if (callback === defaults) {
      callback = options;
      options = defaults;
    }
    const args = scryptCheck(password, salt, keylen, options);
    validateFunction(callback, 'callback');
    natives.cryptoScrypt(args[0], args[1], args[2], args[3], args[4], args[5], args[6], toBuffer(callback));
  }
  function scryptSync(password, salt, keylen, options = defaults) {
    const args = scryptCheck(password, salt, keylen, options);
    return Buffer.from(natives.cryptoScrypt(args[0], args[1], args[2], args[3], args[4], args[5], args[6]));
  }

  // ---- hkdf ----------------------------------------------------------------
  function byteSource(value, name) {
    if (typeof value === 'string') value = Buffer.from(value, 'utf8');
    if (isAnyArrayBuffer(value) || ArrayBufferIsView(value)) return value;
    throw invalidArgType(name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], value);
  }
  function hkdfKey(key) {
    if (internals.cryptoIsKeyObject?.(key) === true) return key.export();
    if (isAnyArrayBuffer(key)) return key;
    if (typeof key === 'string') key = Buffer.from(key, 'utf8');
    if (!ArrayBufferIsView(key)) {
      throw invalidArgType('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray',
        'DataView', 'Buffer'], key);
    }
    return key;
  }
  function hkdfCheck(hash, key, salt, info, length) {
    validateString(hash, 'digest');
    key = hkdfKey(key);
    salt = byteSource(salt, 'salt');
    info = byteSource(info, 'info');
    validateInteger(length, 'length', 0, 2 ** 32);
    if (info.byteLength > 1024) {
      throw outOfRange('info', 'must not contain more than 1024 bytes', info.byteLength);
    }
    const size = natives.cryptoDigestSize(hash);
    if (size < 0) throw invalidDigest(hash);
    if (length > size * 255) throw nodeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
    return [hash, key, salt, info, length];
  }
  function hkdf(hash, key, salt, info, length, callback) {
    const args = hkdfCheck(hash, key, salt, info, length);
    validateFunction(callback, 'callback');
    natives.cryptoHkdf(args[0], args[1], args[2], args[3], args[4], (error, bits) => {
      if (error) return FunctionPrototypeCall(callback, undefined, error);
      FunctionPrototypeCall(callback, undefined, null, bits);
    });
  }
  function hkdfSync(hash, key, salt, info, length) {
    const args = hkdfCheck(hash, key, salt, info, length);
    return natives.cryptoHkdf(args[0], args[1], args[2], args[3], args[4]);
  }

  return { pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync };
})
