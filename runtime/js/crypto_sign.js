// sign/verify (one-shot, sync or with a callback from libuv's thread pool)
// and createSign/createVerify (Writable streams that hash what they are
// given, then sign the digest), on runtime/node/crypto_sign.cc.
(function (natives, internals, shared) {
  'use strict';
  const { ArrayBufferIsView, Error, FunctionPrototypeCall, ObjectSetPrototypeOf, ReflectApply, Symbol, TypeError } =
    internals.strictPrimordials();
  const { utils, Buffer, classes, bytesArg, keyHandleFor } = shared;
  const { CryptoHash } = classes;
  const { nodeError, invalidArgType, invalidArgValue, validateString, validateFunction, validateEncoding } = utils;
  const { Writable } = internals.requireBuiltin('stream');
  const kHandle = Symbol('kHandle');
  const kAlgorithm = Symbol('kAlgorithm');

  const keyRequired = () => nodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
  function dsaP1363(options) {
    if (options !== null && typeof options === 'object') {
      const { dsaEncoding = 'der' } = options;
      if (dsaEncoding === 'der') return false;
      if (dsaEncoding === 'ieee-p1363') return true;
      throw invalidArgValue('options.dsaEncoding', dsaEncoding);
    }
    return false;
  }
  // Node's getIntOption: padding and saltLength are int32s or absent.
  function intOption(name, options) {
    if (options !== null && typeof options === 'object') {
      const value = options[name];
      if (value !== undefined) {
        if (value === value >> 0) return value;
        throw invalidArgValue(`options.${name}`, value);
      }
    }
    return undefined;
  }

  function signOneShot(algorithm, data, key, callback) {
    if (algorithm != null) validateString(algorithm, 'algorithm');
    if (callback !== undefined) validateFunction(callback, 'callback');
    data = bytesArg(data, 'data');
    if (!key) throw keyRequired();
    const padding = intOption('padding', key);
    const saltLength = intOption('saltLength', key);
    const p1363 = dsaP1363(key);
    const handle = keyHandleFor(key, true);
    if (!callback) return Buffer.from(natives.cryptoSign(handle, algorithm, data, p1363, padding, saltLength));
    natives.cryptoSign(handle, algorithm, data, p1363, padding, saltLength, (error, signature) => {
      if (error) return FunctionPrototypeCall(callback, undefined, error);
      FunctionPrototypeCall(callback, undefined, null, Buffer.from(signature));
    });
  }

  function verifyOneShot(algorithm, data, key, signature, callback) {
    if (algorithm != null) validateString(algorithm, 'algorithm');
    if (callback !== undefined) validateFunction(callback, 'callback');
    data = bytesArg(data, 'data');
    if (!ArrayBufferIsView(data)) throw invalidArgType('data', ['Buffer', 'TypedArray', 'DataView'], data);
    const padding = intOption('padding', key);
    const saltLength = intOption('saltLength', key);
    const p1363 = dsaP1363(key);
    if (!ArrayBufferIsView(signature)) {
      throw invalidArgType('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
    }
    const handle = keyHandleFor(key, false);
    if (!callback) return natives.cryptoVerify(handle, algorithm, data, signature, p1363, padding, saltLength);
    natives.cryptoVerify(handle, algorithm, data, signature, p1363, padding, saltLength, (error, result) => {
      if (error) return FunctionPrototypeCall(callback, undefined, error);
      FunctionPrototypeCall(callback, undefined, null, result);
    });
  }

  function init(self, algorithm, options) {
    validateString(algorithm, 'algorithm');
    if (natives.cryptoDigestSize(algorithm) < 0) throw nodeError(Error, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
    self[kAlgorithm] = algorithm;
    self[kHandle] = new CryptoHash(false, algorithm, -1, undefined, internals.isBuildingSnapshot?.() === true);
    ReflectApply(Writable, self, [options]);
  }
  function Sign(algorithm, options) {
    if (!(this instanceof Sign)) return new Sign(algorithm, options);
    init(this, algorithm, options);
  }
  function Verify(algorithm, options) {
    if (!(this instanceof Verify)) return new Verify(algorithm, options);
    init(this, algorithm, options);
  }
  function update(data, encoding) {
    encoding = encoding || 'buffer';
    if (typeof data === 'string') validateEncoding(data, encoding);
    else if (!ArrayBufferIsView(data)) throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    this[kHandle].update(data, encoding);
    return this;
  }
  function _write(chunk, encoding, callback) {
    this.update(chunk, encoding);
    callback();
  }
  const kClasses = [Sign, Verify];
  for (let i = 0; i < kClasses.length; i++) {
    ObjectSetPrototypeOf(kClasses[i].prototype, Writable.prototype);
    ObjectSetPrototypeOf(kClasses[i], Writable);
    kClasses[i].prototype.update = update;
    kClasses[i].prototype._write = _write;
  }
  // Ed25519 and Ed448 sign messages, not digests, as Node says.
  function checkDigestible(handle) {
    const type = handle.asymmetricKeyType();
    if (type === 'ed25519' || type === 'ed448') {
      throw nodeError(Error, 'ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation');
    }
  }
  Sign.prototype.sign = function sign(options, encoding) {
    if (!options) throw keyRequired();
    const handle = keyHandleFor(options, true);
    const padding = intOption('padding', options);
    const saltLength = intOption('saltLength', options);
    const p1363 = dsaP1363(options);
    checkDigestible(handle);
    const digest = this[kHandle].digest('buffer');
    const signature = Buffer.from(natives.cryptoSignDigest(handle, this[kAlgorithm], digest, p1363, padding, saltLength));
    encoding = encoding || 'buffer';
    return encoding !== 'buffer' ? signature.toString(encoding) : signature;
  };
  Verify.prototype.verify = function verify(options, signature, sigEncoding) {
    const handle = keyHandleFor(options, false);
    sigEncoding = sigEncoding || 'buffer';
    const padding = intOption('padding', options);
    const saltLength = intOption('saltLength', options);
    const p1363 = dsaP1363(options);
    const bytes = typeof signature === 'string'
      ? Buffer.from(signature, sigEncoding === 'buffer' ? 'utf8' : sigEncoding) : bytesArg(signature, 'signature');
    checkDigestible(handle);
    const digest = this[kHandle].digest('buffer');
    return natives.cryptoVerifyDigest(handle, this[kAlgorithm], digest, bytes, p1363, padding, saltLength);
  };

  // publicEncrypt and its kin, as Node's rsaFunctionFor.
  const kRsaPkcs1Padding = 1;
  const kRsaOaepPadding = 4;
  function rsaFunction(operation, defaultPadding, isPrivate) {
    return (options, buffer) => {
      const handle = keyHandleFor(options, isPrivate);
      const padding = options.padding || defaultPadding;
      const { oaepHash, encoding } = options;
      let { oaepLabel } = options;
      if (oaepHash !== undefined) validateString(oaepHash, 'key.oaepHash');
      if (oaepLabel !== undefined) {
        oaepLabel = typeof oaepLabel === 'string' ? Buffer.from(oaepLabel, encoding) : bytesArg(oaepLabel, 'key.oaepLabel');
      }
      buffer = typeof buffer === 'string' ? Buffer.from(buffer, encoding) : bytesArg(buffer, 'buffer');
      // Node 20 refuses PKCS#1 v1.5 decryption with an OpenSSL that has no
      // implicit rejection (CVE-2023-46809), as the linked 3.0 has none.
      if (operation === 1 && padding === kRsaPkcs1Padding) {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'RSA_PKCS1_PADDING is no longer supported for ' +
          'private decryption, this can be reverted with --security-revert=CVE-2023-46809');
      }
      return Buffer.from(natives.cryptoRsaCipher(operation, handle, buffer, padding, oaepHash, oaepLabel));
    };
  }

  return {
    publicEncrypt: rsaFunction(0, kRsaOaepPadding, false),
    privateDecrypt: rsaFunction(1, kRsaOaepPadding, true),
    privateEncrypt: rsaFunction(2, kRsaPkcs1Padding, true),
    publicDecrypt: rsaFunction(3, kRsaPkcs1Padding, false),
    Sign, Verify, sign: signOneShot, verify: verifyOneShot,
    createSign: (algorithm, options) => new Sign(algorithm, options),
    createVerify: (algorithm, options) => new Verify(algorithm, options),
  };
})
