// Node's KeyObject (SecretKeyObject, PublicKeyObject, PrivateKeyObject),
// createSecretKey/createPublicKey/createPrivateKey from PEM, DER and JWK,
// export as PEM, DER and JWK, and generateKeyPair(Sync) for rsa, rsa-pss, dsa,
// dh, ec (named or explicit), ed25519, ed448, x25519 and x448, on the native CryptoKeyHandle
// (runtime/node/crypto_keys.cc).
(function (natives, internals, shared) {
  'use strict';
  const {
    ArrayBufferIsView, ArrayPrototypeIncludes, ArrayPrototypeJoin, ArrayPrototypeMap, Error,
    FunctionPrototypeCall, ObjectDefineProperty, Promise, Symbol, SymbolFor, SymbolToStringTag, TypeError,
  } = internals.strictPrimordials();
  const { utils, Buffer, classes, isAnyArrayBuffer, bytesArg } = shared;
  const { CryptoKeyHandle } = classes;
  const { nodeError, invalidArgType, invalidArgValue, validateObject, validateString, validateFunction } = utils;

  const kHandle = Symbol('kHandle');
  const kKeyType = Symbol('kKeyType');
  const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
  const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');

  const invalidKeyObjectType = (type, expected) => nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
    `Invalid key object type ${type}, expected ${expected}.`);
  const incompatible = (name, reason) => nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
    `The selected key encoding ${name} ${reason}.`);
  const invalidJwk = () => nodeError(TypeError, 'ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data');
  function validateOneOf(value, name, choices) {
    if (!ArrayPrototypeIncludes(choices, value)) {
      const allowed = ArrayPrototypeJoin(ArrayPrototypeMap(choices, (v) => (typeof v === 'string' ? `'${v}'` : String(v))), ', ');
      throw invalidArgValue(name, value, `must be one of: ${allowed}`);
    }
  }

  class KeyObject {
    constructor(type, handle) {
      if (type !== 'secret' && type !== 'public' && type !== 'private') throw invalidArgValue('type', type);
      if (!(handle instanceof CryptoKeyHandle)) throw invalidArgType('handle', 'object', handle);
      this[kKeyType] = type;
      ObjectDefineProperty(this, kHandle, { value: handle, enumerable: false, configurable: false, writable: false });
    }
    get type() { return this[kKeyType]; }
    // A CryptoKey's own KeyObject (crypto_webcrypto.js knows CryptoKeys).
    static from(key) {
      if (!internals.cryptoIsCryptoKey?.(key)) throw invalidArgType('key', 'CryptoKey', key);
      return internals.cryptoKeyObjectOf(key);
    }
    equals(otherKeyObject) {
      if (!isKeyObject(otherKeyObject)) throw invalidArgType('otherKeyObject', 'KeyObject', otherKeyObject);
      return otherKeyObject.type === this.type && this[kHandle].equals(otherKeyObject[kHandle]);
    }
  }
  ObjectDefineProperty(KeyObject.prototype, SymbolToStringTag, { configurable: true, value: 'KeyObject' });
  function isKeyObject(value) {
    return value !== null && typeof value === 'object' && value[kHandle] instanceof CryptoKeyHandle;
  }

  function base64url(bytes) { return Buffer.from(bytes).toString('base64url'); }

  class SecretKeyObject extends KeyObject {
    constructor(handle) { super('secret', handle); }
    get symmetricKeySize() { return this[kHandle].symmetricKeySize(); }
    export(options) {
      if (options !== undefined) {
        validateObject(options, 'options');
        validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
        if (options.format === 'jwk') return { kty: 'oct', k: base64url(this[kHandle].exportSecret()) };
      }
      return Buffer.from(this[kHandle].exportSecret());
    }
  }

  class AsymmetricKeyObject extends KeyObject {
    constructor(type, handle) { super(type, handle); }
    get asymmetricKeyType() { return this[kAsymmetricKeyType] ||= this[kHandle].asymmetricKeyType(); }
    get asymmetricKeyDetails() {
      switch (this.asymmetricKeyType) {
        case 'rsa': case 'rsa-pss': case 'dsa': case 'ec':
          return this[kAsymmetricKeyDetails] ||= this[kHandle].details();
        default:
          return {};
      }
    }
  }

  function exportJwk(key) {
    const raw = key[kHandle].exportJwk();
    if (raw === undefined) {
      if (key.asymmetricKeyType === 'ec') {
        throw nodeError(Error, 'ERR_CRYPTO_JWK_UNSUPPORTED_CURVE',
          `Unsupported JWK EC curve: ${key.asymmetricKeyDetails.namedCurve}.`);
      }
      throw nodeError(Error, 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.');
    }
    const jwk = {};
    // Node's member order for each kind of key.
    const order = raw.kty === 'EC' ? ['kty', 'x', 'y', 'crv', 'd']
      : raw.kty === 'OKP' ? ['crv', 'd', 'x', 'kty']
        : ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];
    for (let i = 0; i < order.length; i++) {
      const value = raw[order[i]];
      if (value !== undefined) jwk[order[i]] = typeof value === 'string' ? value : base64url(value);
    }
    return jwk;
  }

  // ---- Node's key encoding options -----------------------------------------
  const option = (name, objName) => (objName === undefined ? `options.${name}` : `options.${objName}.${name}`);
  function parseKeyFormat(format, defaultFormat, optionName) {
    if (format === undefined && defaultFormat !== undefined) return defaultFormat;
    if (format === 'pem' || format === 'der' || format === 'jwk') return format;
    throw invalidArgValue(optionName, format);
  }
  function parseKeyType(type, required, keyType, isPublic, optionName) {
    if (type === undefined && !required) return undefined;
    if (type === 'pkcs1') {
      if (keyType !== undefined && keyType !== 'rsa') throw incompatible(type, 'can only be used for RSA keys');
      return type;
    }
    if (type === 'spki' && isPublic !== false) return type;
    if (type === 'pkcs8' && isPublic !== true) return type;
    if (type === 'sec1' && isPublic !== true) {
      if (keyType !== undefined && keyType !== 'ec') throw incompatible(type, 'can only be used for EC keys');
      return type;
    }
    throw invalidArgValue(optionName, type);
  }
  const isStringOrBuffer = (value) => typeof value === 'string' || ArrayBufferIsView(value) || isAnyArrayBuffer(value);
  function parseKeyEncoding(enc, keyType, isPublic, objName) {
    validateObject(enc, 'options');
    const isInput = keyType === undefined;
    const format = parseKeyFormat(enc.format, isInput ? 'pem' : undefined, option('format', objName));
    const required = (!isInput || format === 'der') && format !== 'jwk';
    const type = parseKeyType(enc.type, required, keyType, isPublic, option('type', objName));
    let cipher;
    let passphrase;
    let encoding;
    if (isPublic !== true) {
      ({ cipher, passphrase, encoding } = enc);
      if (!isInput) {
        if (cipher != null) {
          if (typeof cipher !== 'string') throw invalidArgValue(option('cipher', objName), cipher);
          if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
            throw incompatible(type, 'does not support encryption');
          }
        } else if (passphrase !== undefined) {
          throw invalidArgValue(option('cipher', objName), cipher);
        }
      }
      if ((isInput && passphrase !== undefined && !isStringOrBuffer(passphrase)) ||
          (!isInput && cipher != null && !isStringOrBuffer(passphrase))) {
        throw invalidArgValue(option('passphrase', objName), passphrase);
      }
    }
    if (passphrase !== undefined) {
      passphrase = typeof passphrase === 'string' ? Buffer.from(passphrase, encoding) : bytesArg(passphrase, 'key.passphrase');
    }
    return { format, type, cipher, passphrase };
  }

  function exportAsymmetric(key, handle, format, type, cipher, passphrase) {
    if (cipher != null && natives.cryptoCipherInfo(cipher) === undefined) {
      throw nodeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
    }
    const result = handle.export(format, type, cipher, passphrase);
    return typeof result === 'string' ? result : Buffer.from(result);
  }

  class PublicKeyObject extends AsymmetricKeyObject {
    constructor(handle) { super('public', handle); }
    export(options) {
      if (options && options.format === 'jwk') return exportJwk(this);
      const { format, type } = parseKeyEncoding(options, this.asymmetricKeyType, true);
      return exportAsymmetric(this, this[kHandle], format, type);
    }
  }
  class PrivateKeyObject extends AsymmetricKeyObject {
    constructor(handle) { super('private', handle); }
    export(options) {
      if (options && options.format === 'jwk') {
        if (options.passphrase !== undefined) throw incompatible('jwk', 'does not support encryption');
        return exportJwk(this);
      }
      const { format, type, cipher, passphrase } = parseKeyEncoding(options, this.asymmetricKeyType, false);
      return exportAsymmetric(this, this[kHandle], format, type, cipher, passphrase);
    }
  }

  // ---- making keys ---------------------------------------------------------
  const kConsumePublic = 0;
  const kConsumePrivate = 1;
  const kCreatePublic = 2;
  const kCreatePrivate = 3;
  function keyTypes(allowKeyObject) {
    return allowKeyObject ? ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey']
      : ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string'];
  }
  function keyObjectHandle(key, ctx) {
    if (ctx === kCreatePrivate) throw invalidArgType('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
    if (key.type !== 'private') {
      if (ctx === kConsumePrivate || ctx === kCreatePublic) throw invalidKeyObjectType(key.type, 'private');
      if (key.type !== 'public') throw invalidKeyObjectType(key.type, 'private or public');
    }
    return key[kHandle];
  }
  // Node's prepareAsymmetricKey: { handle } or { data, format, type, passphrase }.
  function prepareAsymmetricKey(key, ctx) {
    if (isKeyObject(key)) return { handle: keyObjectHandle(key, ctx) };
    if (isStringOrBuffer(key)) return { format: 'pem', data: bytesArg(key, 'key') };
    if (key !== null && typeof key === 'object') {
      const { key: data, encoding, format } = key;
      if (isKeyObject(data)) return { handle: keyObjectHandle(data, ctx) };
      if (format === 'jwk') {
        validateObject(data, 'key.key');
        return { data, format: 'jwk' };
      }
      if (!isStringOrBuffer(data)) throw invalidArgType('key.key', keyTypes(ctx !== kCreatePrivate), data);
      const isPublic = ctx === kConsumePrivate || ctx === kCreatePrivate ? false : undefined;
      const bytes = typeof data === 'string' ? Buffer.from(data, encoding) : data;
      return { data: bytes, ...parseKeyEncoding(key, undefined, isPublic) };
    }
    throw invalidArgType('key', keyTypes(ctx !== kCreatePrivate), key);
  }

  function handleFromJwk(jwk, isPublic) {
    validateObject(jwk, 'key');
    validateOneOf(jwk.kty, 'key.kty', ['RSA', 'EC', 'OKP']);
    const fields = {};
    const bytes = (name) => { validateString(jwk[name], `key.${name}`); fields[name] = Buffer.from(jwk[name], 'base64'); };
    if (jwk.kty === 'OKP') {
      validateString(jwk.crv, 'key.crv');
      validateOneOf(jwk.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
      bytes('x');
      if (!isPublic) bytes('d');
      const size = { Ed25519: 32, X25519: 32, Ed448: 57, X448: 56 }[jwk.crv];
      if (fields[isPublic ? 'x' : 'd'].byteLength !== size) throw invalidJwk();
    } else if (jwk.kty === 'EC') {
      validateString(jwk.crv, 'key.crv');
      validateOneOf(jwk.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
      bytes('x');
      bytes('y');
      if (!isPublic) bytes('d');
    } else {
      bytes('n');
      bytes('e');
      if (!isPublic) {
        const names = ['d', 'p', 'q', 'dp', 'dq', 'qi'];
        for (let i = 0; i < names.length; i++) bytes(names[i]);
      }
    }
    const handle = new CryptoKeyHandle();
    if (!handle.initJwk(!isPublic, jwk.kty, jwk.crv, fields)) throw invalidJwk();
    return handle;
  }

  function handleFrom(prepared, isPrivate) {
    if (prepared.handle !== undefined) return prepared.handle;
    if (prepared.format === 'jwk') return handleFromJwk(prepared.data, !isPrivate);
    const handle = new CryptoKeyHandle();
    handle.initParse(isPrivate, prepared.format, prepared.type ?? '', prepared.data, prepared.passphrase);
    return handle;
  }

  function createPublicKey(key) {
    const prepared = prepareAsymmetricKey(key, kCreatePublic);
    let handle = handleFrom(prepared, false);
    if (prepared.handle !== undefined) {
      handle = new CryptoKeyHandle();
      handle.initPublicOf(prepared.handle);
    }
    return new PublicKeyObject(handle);
  }
  function createPrivateKey(key) {
    return new PrivateKeyObject(handleFrom(prepareAsymmetricKey(key, kCreatePrivate), true));
  }
  function createSecretKey(key, encoding) {
    if (typeof key !== 'string' && !ArrayBufferIsView(key) && !isAnyArrayBuffer(key)) {
      throw invalidArgType('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
    }
    const handle = new CryptoKeyHandle();
    handle.initSecret(typeof key === 'string' ? Buffer.from(key, encoding) : key);
    return new SecretKeyObject(handle);
  }
  // For signing and verifying (crypto_sign.js): a handle of the right type.
  function keyHandleFor(key, isPrivate) {
    const prepared = prepareAsymmetricKey(key, isPrivate ? kConsumePrivate : kConsumePublic);
    if (prepared.handle !== undefined || isPrivate) return handleFrom(prepared, isPrivate);
    // A public key may be given as a private key's PEM or DER.
    return handleFrom(prepared, false);
  }

  // ---- generateKeyPair -----------------------------------------------------
  function pairEncodings(type, options = {}) {
    const { publicKeyEncoding, privateKeyEncoding } = options;
    let pub;
    let priv;
    if (publicKeyEncoding == null) pub = undefined;
    else if (typeof publicKeyEncoding === 'object') pub = parseKeyEncoding(publicKeyEncoding, type, true, 'publicKeyEncoding');
    else throw invalidArgValue('options.publicKeyEncoding', publicKeyEncoding);
    if (privateKeyEncoding == null) priv = undefined;
    else if (typeof privateKeyEncoding === 'object') priv = parseKeyEncoding(privateKeyEncoding, type, false, 'privateKeyEncoding');
    else throw invalidArgValue('options.privateKeyEncoding', privateKeyEncoding);
    return { pub, priv };
  }
  const invalidDigest = (what, name) => nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid ${what}: ${name}`);
  const optionPair = (a, b) => nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
    `Option "${a}" cannot be used in combination with option "${b}"`);
  function deprecatedHashOption(options, old, current) {
    const value = options[old];
    if (value === undefined) return;
    internals.requireBuiltin('process').emitWarning(`"options.${old}" is deprecated, use "options.${current}" instead.`,
      'DeprecationWarning', 'DEP0154');
    validateString(value, `options.${old}`);
    if (options[current] && value !== options[current]) throw invalidArgValue(`options.${old}`, value);
  }
  function rsaJob(type, options) {
    validateObject(options, 'options');
    const { modulusLength } = options;
    utils.validateUint32(modulusLength, 'options.modulusLength');
    let { publicExponent } = options;
    if (publicExponent == null) publicExponent = 0x10001;
    else utils.validateUint32(publicExponent, 'options.publicExponent');
    const job = { modulusLength, publicExponent };
    if (type === 'rsa') return job;
    const { hash, mgf1Hash, hashAlgorithm, mgf1HashAlgorithm, saltLength } = options;
    if (saltLength !== undefined) utils.validateInt32(saltLength, 'options.saltLength', 0);
    if (hashAlgorithm !== undefined) validateString(hashAlgorithm, 'options.hashAlgorithm');
    if (mgf1HashAlgorithm !== undefined) validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
    deprecatedHashOption(options, 'hash', 'hashAlgorithm');
    deprecatedHashOption(options, 'mgf1Hash', 'mgf1HashAlgorithm');
    job.hash = hashAlgorithm || hash;
    job.mgf1Hash = mgf1HashAlgorithm || mgf1Hash;
    job.saltLength = saltLength;
    // Checked when the job is made, as Node's RsaKeyGenTraits does.
    if (job.hash !== undefined && natives.cryptoDigestSize(job.hash) < 0) throw invalidDigest('digest', job.hash);
    if (job.mgf1Hash !== undefined && natives.cryptoDigestSize(job.mgf1Hash) < 0) {
      throw invalidDigest('MGF1 digest', job.mgf1Hash);
    }
    return job;
  }
  function dhJob(options) {
    validateObject(options, 'options');
    const { group, primeLength, prime, generator } = options;
    if (group != null) {
      if (prime != null) throw optionPair('group', 'prime');
      if (primeLength != null) throw optionPair('group', 'primeLength');
      if (generator != null) throw optionPair('group', 'generator');
      validateString(group, 'options.group');
      if (!natives.cryptoDhGroupKnown(group)) throw nodeError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
      return { group };
    }
    if (prime != null) {
      if (primeLength != null) throw optionPair('prime', 'primeLength');
      utils.validateBuffer(prime, 'options.prime');
    } else if (primeLength != null) {
      utils.validateInt32(primeLength, 'options.primeLength', 0);
    } else {
      throw nodeError(TypeError, 'ERR_MISSING_OPTION',
        'At least one of the group, prime, or primeLength options is required');
    }
    if (generator != null) utils.validateInt32(generator, 'options.generator', 0);
    return { prime: prime ?? undefined, primeLength: primeLength ?? undefined, generator: generator ?? 2 };
  }
  // {encodings, job} for the native job, after Node's checks (createJob's order).
  function pairJob(type, options) {
    validateString(type, 'type');
    const encodings = pairEncodings(type, options);
    if (options !== undefined) validateObject(options, 'options');
    switch (type) {
      case 'rsa': case 'rsa-pss':
        return { encodings, job: rsaJob(type, options) };
      case 'dsa': {
        validateObject(options, 'options');
        const { modulusLength } = options;
        utils.validateUint32(modulusLength, 'options.modulusLength');
        let { divisorLength } = options;
        if (divisorLength == null) divisorLength = -1;
        else utils.validateInt32(divisorLength, 'options.divisorLength', 0);
        return { encodings, job: { modulusLength, divisorLength } };
      }
      case 'ec': {
        validateObject(options, 'options');
        const { namedCurve, paramEncoding } = options;
        validateString(namedCurve, 'options.namedCurve');
        if (paramEncoding != null && paramEncoding !== 'named' && paramEncoding !== 'explicit') {
          throw invalidArgValue('options.paramEncoding', paramEncoding);
        }
        const curve = natives.cryptoCurveKnown(namedCurve);
        if (curve === undefined) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
        return { encodings, job: { curve, explicit: paramEncoding === 'explicit' } };
      }
      case 'ed25519': case 'ed448': case 'x25519': case 'x448':
        return { encodings, job: {} };
      case 'dh':
        return { encodings, job: dhJob(options) };
      default:
        throw invalidArgValue('type', type, 'must be a supported key type');
    }
  }
  function wrapPair(privateHandle, publicHandle, encodings) {
    const publicKey = new PublicKeyObject(publicHandle);
    const privateKey = new PrivateKeyObject(privateHandle);
    const { pub, priv } = encodings;
    return {
      publicKey: pub === undefined ? publicKey : pub.format === 'jwk' ? exportJwk(publicKey)
        : exportAsymmetric(publicKey, publicHandle, pub.format, pub.type),
      privateKey: priv === undefined ? privateKey : priv.format === 'jwk' ? exportJwk(privateKey)
        : exportAsymmetric(privateKey, privateHandle, priv.format, priv.type, priv.cipher, priv.passphrase),
    };
  }
  function generateKeyPairSync(type, options) {
    const { encodings, job } = pairJob(type, options);
    const privateHandle = new CryptoKeyHandle();
    const publicHandle = new CryptoKeyHandle();
    natives.cryptoGenerateKeyPair(type, job, privateHandle, publicHandle);
    return wrapPair(privateHandle, publicHandle, encodings);
  }
  function generateKeyPair(type, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    validateFunction(callback, 'callback');
    const { encodings, job } = pairJob(type, options);
    const privateHandle = new CryptoKeyHandle();
    const publicHandle = new CryptoKeyHandle();
    natives.cryptoGenerateKeyPair(type, job, privateHandle, publicHandle, (error) => {
      if (error) return FunctionPrototypeCall(callback, undefined, error);
      let pair;
      try {
        pair = wrapPair(privateHandle, publicHandle, encodings);
      } catch (e) {
        return FunctionPrototypeCall(callback, undefined, e);
      }
      FunctionPrototypeCall(callback, undefined, null, pair.publicKey, pair.privateKey);
    });
  }

  const kPromisifyCustom = SymbolFor('nodejs.util.promisify.custom');
  ObjectDefineProperty(generateKeyPair, kPromisifyCustom, {
    value: (type, options) => new Promise((resolve, reject) => generateKeyPair(type, options,
      (error, publicKey, privateKey) => (error ? reject(error) : resolve({ publicKey, privateKey })))),
    configurable: true,
  });

  // generateKey(Sync) for 'hmac' and 'aes' secrets, Node's checks.
  function secretJob(type, options) {
    validateString(type, 'type');
    validateObject(options, 'options');
    const { length } = options;
    switch (type) {
      case 'hmac':
        utils.validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
        break;
      case 'aes':
        validateOneOf(length, 'options.length', [128, 192, 256]);
        break;
      default:
        throw invalidArgValue('type', type, 'must be a supported key type');
    }
    return length >>> 3;
  }
  function secretFrom(bytes) {
    const handle = new CryptoKeyHandle();
    handle.initSecret(bytes);
    return new SecretKeyObject(handle);
  }
  function generateKeySync(type, options) {
    const size = secretJob(type, options);
    return secretFrom(shared.randomBytes(size));
  }
  function generateKey(type, options, callback) {
    const size = secretJob(type, options);
    validateFunction(callback, 'callback');
    shared.randomBytes(size, (error, bytes) => {
      if (error) return FunctionPrototypeCall(callback, undefined, error);
      FunctionPrototypeCall(callback, undefined, null, secretFrom(bytes));
    });
  }

  internals.cryptoIsKeyObject = isKeyObject;
  shared.keyHandleFor = keyHandleFor;
  shared.keyObjectHandleOf = (key) => key[kHandle];
  return {
    KeyObject, createSecretKey, createPublicKey, createPrivateKey, generateKeyPair, generateKeyPairSync,
    generateKey, generateKeySync, getCurves: () => natives.cryptoCurves(),
  };
})
