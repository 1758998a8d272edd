// crypto.subtle (Web Crypto) on the module's own parts: digest; HMAC,
// AES-GCM, ECDSA and Ed25519 keys (generateKey, importKey/exportKey as raw,
// jwk, spki, pkcs8); sign/verify; AES-GCM encrypt/decrypt; CryptoKey. RSA and
// AES-CBC/CTR are crypto_webcrypto_rsa_aes.js's; HKDF, PBKDF2, deriveBits and
// deriveKey crypto_webcrypto_derive.js's.
// Every method returns a promise, rejected with Node's DOMException (or
// TypeError) for bad input. Loaded by crypto_impl.js.
(function (natives, internals, shared, api) {
  'use strict';
  const {
    ArrayBufferIsView, ArrayPrototypeIncludes, ArrayPrototypeFilter, JSONParse, JSONStringify, ObjectFreeze,
    StringPrototypeRepeat, Promise, PromiseReject,
    PromiseResolve, StringPrototypeSlice, StringPrototypeToUpperCase, Symbol, SymbolFor, SymbolToStringTag, TypeError,
    ObjectDefineProperty, TypedArrayPrototypeSubarray, Uint8Array,
  } = internals.strictPrimordials();
  const { utils, Buffer, isAnyArrayBuffer } = shared;
  const { DOMException } = internals.web;
  const kSlots = Symbol('kCryptoKeySlots');
  const kConstruct = Symbol('kConstruct');

  const domError = (message, name) => new DOMException(message, name);
  const unrecognized = () => domError('Unrecognized algorithm name', 'NotSupportedError');
  const operationError = () => domError('The operation failed for an operation-specific reason', 'OperationError');

  const illegalConstructor = () => utils.nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  class CryptoKey {
    constructor(token) {
      if (token !== kConstruct) throw illegalConstructor();
    }
    get type() { return slots(this).type; }
    get extractable() { return slots(this).extractable; }
    get algorithm() { return slots(this).algorithm; }
    get usages() { return slots(this).usages; }
    [SymbolFor('nodejs.util.inspect.custom')](depth, options, inspect) {
      const { type, extractable, algorithm, usages } = slots(this);
      const inner = { ...options, depth: options.depth == null ? null : options.depth - 1 };
      return `CryptoKey ${inspect({ type, extractable, algorithm, usages }, inner)}`;
    }
  }
  ObjectDefineProperty(CryptoKey.prototype, SymbolToStringTag, { value: 'CryptoKey', configurable: true });
  function slots(key) {
    const value = key?.[kSlots];
    if (value === undefined) throw new TypeError('Illegal invocation');
    return value;
  }
  function makeKey(type, extractable, algorithm, usages, keyObject) {
    const key = new CryptoKey(kConstruct);
    ObjectDefineProperty(key, kSlots, {
      value: { type, extractable, algorithm: ObjectFreeze(algorithm), usages: ObjectFreeze(usages), keyObject },
    });
    return key;
  }
  const isCryptoKey = (value) => value !== null && typeof value === 'object' && value[kSlots] !== undefined;
  internals.cryptoIsCryptoKey = isCryptoKey;
  internals.cryptoKeyObjectOf = (key) => slots(key).keyObject;

  // ---- algorithms --------------------------------------------------------
  const kNames = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
  const kAlgorithms = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'HMAC', 'AES-GCM', 'ECDSA', 'Ed25519'];
  const kBlockBits = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
  function normalize(algorithm) {
    if (typeof algorithm === 'string') algorithm = { name: algorithm };
    if (algorithm === null || typeof algorithm !== 'object') throw unrecognized();
    const name = String(algorithm.name);
    const upper = StringPrototypeToUpperCase(name);
    for (let i = 0; i < kAlgorithms.length; i++) {
      if (StringPrototypeToUpperCase(kAlgorithms[i]) === upper) return { ...algorithm, name: kAlgorithms[i] };
    }
    throw unrecognized();
  }
  function normalizeHash(hash) {
    const normalized = normalize(hash);
    if (kNames[normalized.name] === undefined) throw unrecognized();
    return normalized.name;
  }
  function bufferSource(value, method, position) {
    if (ArrayBufferIsView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    if (isAnyArrayBuffer(value)) return Buffer.from(value);
    throw utils.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `Failed to execute '${method}' on 'SubtleCrypto': ` +
      `${position} argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
  }
  const arrayBuffer = (bytes) => {
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    return copy.buffer;
  };
  function checkUsages(usages, allowed, what) {
    for (let i = 0; i < usages.length; i++) {
      if (!ArrayPrototypeIncludes(allowed, usages[i])) {
        throw domError(`Unsupported key usage for ${what} key`, 'SyntaxError');
      }
    }
  }
  function requireUsage(key, usage) {
    if (!ArrayPrototypeIncludes(slots(key).usages, usage)) {
      throw domError(`Unable to use this key to ${usage}`, 'InvalidAccessError');
    }
  }
  function requireAlgorithm(key, name) {
    if (slots(key).algorithm.name !== name) {
      throw domError('The requested operation is not valid for the provided key', 'InvalidAccessError');
    }
  }
  // Runs `work` and settles a promise with its result, as Node's async methods.
  function run(work) {
    try {
      return PromiseResolve(work());
    } catch (error) {
      return PromiseReject(error);
    }
  }

  // RSA and AES-CBC/CTR live in crypto_webcrypto_rsa_aes.js.
  const extra = natives.loadScript('crypto_webcrypto_rsa_aes.js')(natives, internals, shared, api, {
    domError, makeKey, slots, checkUsages, normalizeHash, kNames, bufferSource, arrayBuffer,
  });
  // HKDF and PBKDF2 in crypto_webcrypto_derive.js.
  const derive = natives.loadScript('crypto_webcrypto_derive.js')(natives, internals, shared, api, {
    domError, makeKey, slots, normalize, normalizeHash, kNames, kBlockBits, bufferSource, arrayBuffer, importKey,
  });
  for (let i = 0; i < extra.names.length; i++) kAlgorithms[kAlgorithms.length] = extra.names[i];
  for (let i = 0; i < derive.names.length; i++) kAlgorithms[kAlgorithms.length] = derive.names[i];
  const handlerOf = (name, method) => (extra.handlers[name] ?? derive.handlers[name])?.[method];

  // ---- the methods -------------------------------------------------------
  function digest(algorithm, data) {
    return run(() => {
      const name = normalizeHash(algorithm);
      const bytes = bufferSource(data, 'digest', '2nd');
      return arrayBuffer(api.createHash(kNames[name]).update(bytes).digest());
    });
  }

  // WebIDL's enum check of KeyFormat, as Node words it.
  function checkFormat(format, method) {
    if (format !== 'raw' && format !== 'spki' && format !== 'pkcs8' && format !== 'jwk') {
      throw utils.nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `Failed to execute '${method}' on 'SubtleCrypto': ` +
        `1st argument value '${format}' is not a valid enum value of type KeyFormat.`);
    }
  }

  function secretKey(algorithm, bytes, extractable, usages) {
    return makeKey('secret', extractable, algorithm, usages, api.createSecretKey(bytes));
  }
  function asymmetricAlgorithm(normalized) {
    if (normalized.name === 'ECDSA') {
      if (normalized.namedCurve !== 'P-256' && normalized.namedCurve !== 'P-384' && normalized.namedCurve !== 'P-521') {
        throw domError('Unrecognized namedCurve', 'NotSupportedError');
      }
      return { name: 'ECDSA', namedCurve: normalized.namedCurve };
    }
    return { name: 'Ed25519' };
  }

  function generateKey(algorithm, extractable, usages) {
    return run(() => {
      const normalized = normalize(algorithm);
      switch (normalized.name) {
        case 'HMAC': {
          checkUsages(usages, ['sign', 'verify'], 'an HMAC');
          const hash = normalizeHash(normalized.hash);
          const length = normalized.length ?? kBlockBits[hash];
          return secretKey({ name: 'HMAC', length, hash: { name: hash } }, api.randomBytes(length >>> 3), extractable, usages);
        }
        case 'AES-GCM': {
          checkUsages(usages, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'], 'an AES-GCM');
          const { length } = normalized;
          if (length !== 128 && length !== 192 && length !== 256) {
            throw domError('AES key length must be 128, 192, or 256 bits', 'OperationError');
          }
          return secretKey({ name: 'AES-GCM', length }, api.randomBytes(length >>> 3), extractable, usages);
        }
        case 'ECDSA': case 'Ed25519': {
          checkUsages(usages, ['sign', 'verify'], `an ${normalized.name}`);
          const keyAlgorithm = asymmetricAlgorithm(normalized);
          const pair = keyAlgorithm.name === 'ECDSA'
            ? api.generateKeyPairSync('ec', { namedCurve: keyAlgorithm.namedCurve })
            : api.generateKeyPairSync('ed25519');
          return {
            publicKey: makeKey('public', true, keyAlgorithm, ArrayPrototypeFilter(usages, (u) => u === 'verify'), pair.publicKey),
            privateKey: makeKey('private', extractable, keyAlgorithm, ArrayPrototypeFilter(usages, (u) => u === 'sign'), pair.privateKey),
          };
        }
        default:
          if (handlerOf(normalized.name, 'generateKey')) return extra.handlers[normalized.name].generateKey(normalized, extractable, usages);
          throw unrecognized();
      }
    });
  }

  const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
  function importKey(format, keyData, algorithm, extractable, usages) {
    return run(() => {
      checkFormat(format, 'importKey');
      const normalized = normalize(algorithm);
      const isJwk = format === 'jwk';
      const data = isJwk ? keyData : bufferSource(keyData, 'importKey', '2nd');
      switch (normalized.name) {
        case 'HMAC': case 'AES-GCM': {
          if (format !== 'raw' && !isJwk) throw domError('Unsupported format', 'NotSupportedError');
          const bytes = isJwk ? Buffer.from(String(data.k), 'base64url') : data;
          if (normalized.name === 'HMAC') {
            checkUsages(usages, ['sign', 'verify'], 'an HMAC');
            const hash = normalizeHash(normalized.hash);
            return secretKey({ name: 'HMAC', hash: { name: hash }, length: normalized.length ?? bytes.length * 8 },
              bytes, extractable, usages);
          }
          checkUsages(usages, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'], 'an AES-GCM');
          if (bytes.length !== 16 && bytes.length !== 24 && bytes.length !== 32) {
            throw domError('Invalid key length', 'DataError');
          }
          return secretKey({ name: 'AES-GCM', length: bytes.length * 8 }, bytes, extractable, usages);
        }
        case 'ECDSA': case 'Ed25519': {
          const keyAlgorithm = asymmetricAlgorithm(normalized);
          const isEc = keyAlgorithm.name === 'ECDSA';
          let keyObject;
          try {
            if (format === 'pkcs8') {
              keyObject = api.createPrivateKey({ key: data, format: 'der', type: 'pkcs8' });
            } else if (format === 'spki') {
              keyObject = api.createPublicKey({ key: data, format: 'der', type: 'spki' });
            } else if (isJwk) {
              const create = data.d !== undefined ? api.createPrivateKey : api.createPublicKey;
              keyObject = create({ key: data, format: 'jwk' });
            } else if (isEc) {
              const half = (data.length - 1) >> 1;
              if (data[0] !== 4 || data.length !== 2 * half + 1) throw domError('Invalid keyData', 'DataError');
              keyObject = api.createPublicKey({ format: 'jwk', key: { kty: 'EC', crv: keyAlgorithm.namedCurve,
                x: b64url(TypedArrayPrototypeSubarray(data, 1, 1 + half)), y: b64url(TypedArrayPrototypeSubarray(data, 1 + half)) } });
            } else {
              keyObject = api.createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', x: b64url(data) } });
            }
          } catch (error) {
            if (error instanceof DOMException) throw error;
            throw domError('Invalid keyData', 'DataError');
          }
          const expectedType = isEc ? 'ec' : 'ed25519';
          if (keyObject.asymmetricKeyType !== expectedType ||
              (isEc && keyObject.export({ format: 'jwk' }).crv !== keyAlgorithm.namedCurve)) {
            throw domError('Invalid key type', 'DataError');
          }
          const type = keyObject.type;
          checkUsages(usages, type === 'private' ? ['sign'] : ['verify'], `an ${keyAlgorithm.name}`);
          return makeKey(type, extractable, keyAlgorithm, usages, keyObject);
        }
        default:
          if (handlerOf(normalized.name, 'importKey')) {
            return handlerOf(normalized.name, 'importKey')(format, data, normalized, extractable, usages);
          }
          throw unrecognized();
      }
    });
  }

  function exportKey(format, key) {
    return run(() => {
      checkFormat(format, 'exportKey');
      const { type, extractable, algorithm, usages, keyObject } = slots(key);
      if (!extractable) throw domError('key is not extractable', 'InvalidAccessException');
      if (format === 'jwk') {
        const jwk = { key_ops: usages, ext: extractable, ...keyObject.export({ format: 'jwk' }) };
        if (algorithm.name === 'HMAC') jwk.alg = `HS${StringPrototypeSlice(algorithm.hash.name, 4)}`;
        if (algorithm.name === 'AES-GCM') jwk.alg = `A${algorithm.length}GCM`;
        if (algorithm.name === 'Ed25519') jwk.alg = 'Ed25519';
        if (handlerOf(algorithm.name, 'jwkAlg')) jwk.alg = extra.handlers[algorithm.name].jwkAlg(algorithm);
        return jwk;
      }
      if (format === 'raw') {
        if (type === 'secret') return arrayBuffer(keyObject.export());
        if (type === 'public') {
          const jwk = keyObject.export({ format: 'jwk' });
          if (algorithm.name === 'Ed25519') return arrayBuffer(Buffer.from(jwk.x, 'base64url'));
          return arrayBuffer(Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]));
        }
      }
      if (format === 'spki' && type === 'public') return arrayBuffer(keyObject.export({ format: 'der', type: 'spki' }));
      if (format === 'pkcs8' && type === 'private') return arrayBuffer(keyObject.export({ format: 'der', type: 'pkcs8' }));
      throw domError('Unable to export a raw or spki key of this type', 'InvalidAccessError');
    });
  }

  function signOrVerify(verifying, algorithm, key, signature, data) {
    const normalized = normalize(algorithm);
    const bytes = bufferSource(data, verifying ? 'verify' : 'sign', verifying ? '4th' : '3rd');
    requireUsage(key, verifying ? 'verify' : 'sign');
    requireAlgorithm(key, normalized.name);
    const { keyObject, algorithm: keyAlgorithm } = slots(key);
    switch (normalized.name) {
      case 'HMAC': {
        const mac = api.createHmac(kNames[keyAlgorithm.hash.name], keyObject).update(bytes).digest();
        if (!verifying) return arrayBuffer(mac);
        return signature.length === mac.length && api.timingSafeEqual(signature, mac);
      }
      case 'ECDSA': {
        const hash = kNames[normalizeHash(normalized.hash)];
        const options = { key: keyObject, dsaEncoding: 'ieee-p1363' };
        return verifying ? api.verify(hash, bytes, options, signature) : arrayBuffer(api.sign(hash, bytes, options));
      }
      case 'Ed25519':
        return verifying ? api.verify(null, bytes, keyObject, signature) : arrayBuffer(api.sign(null, bytes, keyObject));
      default:
        if (handlerOf(normalized.name, verifying ? 'verify' : 'sign')) {
          return verifying ? extra.handlers[normalized.name].verify(normalized, key, signature, bytes)
            : extra.handlers[normalized.name].sign(normalized, key, bytes);
        }
        throw unrecognized();
    }
  }
  function sign(algorithm, key, data) { return run(() => signOrVerify(false, algorithm, key, undefined, data)); }
  function verify(algorithm, key, signature, data) {
    return run(() => signOrVerify(true, algorithm, key, bufferSource(signature, 'verify', '3rd'), data));
  }

  // Node's cipherOrWrap; `usage` is 'wrapKey'/'unwrapKey' for those.
  function aesGcm(decrypting, algorithm, key, data, usage) {
    const normalized = normalize(algorithm);
    const bytes = bufferSource(data, decrypting ? 'decrypt' : 'encrypt', '3rd');
    const method = decrypting ? 'decrypt' : 'encrypt';
    // AES-KW is no algorithm of encrypt()/decrypt() (Node's normalizeAlgorithm).
    if (normalized.name === 'AES-KW' && usage === undefined) throw unrecognized();
    // One message for a wrong algorithm or usage.
    if (slots(key).algorithm.name !== normalized.name ||
        !ArrayPrototypeIncludes(slots(key).usages, usage ?? method)) {
      throw domError('The requested operation is not valid for the provided key', 'InvalidAccessError');
    }
    if (normalized.name !== 'AES-GCM' && handlerOf(normalized.name, method)) {
      requireAlgorithm(key, normalized.name);
      return extra.handlers[normalized.name][method](normalized, key, bytes);
    }
    requireAlgorithm(key, 'AES-GCM');
    if (normalized.name !== 'AES-GCM') throw unrecognized();
    const iv = bufferSource(normalized.iv, decrypting ? 'decrypt' : 'encrypt', 'iv');
    const tagLength = normalized.tagLength ?? 128;
    if (!ArrayPrototypeIncludes([32, 64, 96, 104, 112, 120, 128], tagLength)) {
      throw domError(`${tagLength} is not a valid AES-GCM tag length`, 'OperationError');
    }
    const { keyObject, algorithm: keyAlgorithm } = slots(key);
    const cipherName = `aes-${keyAlgorithm.length}-gcm`;
    const options = { authTagLength: tagLength >>> 3 };
    const aad = normalized.additionalData !== undefined ? bufferSource(normalized.additionalData, 'encrypt', 'additionalData') : undefined;
    const secret = keyObject.export();
    if (!decrypting) {
      const cipher = api.createCipheriv(cipherName, secret, iv, options);
      if (aad !== undefined) cipher.setAAD(aad);
      const out = Buffer.concat([cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
      return arrayBuffer(out);
    }
    const tagBytes = tagLength >>> 3;
    if (bytes.length < tagBytes) throw domError('The provided data is too small.', 'OperationError');
    try {
      const decipher = api.createDecipheriv(cipherName, secret, iv, options);
      if (aad !== undefined) decipher.setAAD(aad);
      decipher.setAuthTag(TypedArrayPrototypeSubarray(bytes, bytes.length - tagBytes));
      return arrayBuffer(Buffer.concat([decipher.update(TypedArrayPrototypeSubarray(bytes, 0, bytes.length - tagBytes)), decipher.final()]));
    } catch {
      throw operationError();
    }
  }
  function encrypt(algorithm, key, data) { return run(() => aesGcm(false, algorithm, key, data)); }
  function decrypt(algorithm, key, data) { return run(() => aesGcm(true, algorithm, key, data)); }
  // wrapKey: exportKey, then encrypt (a JWK as JSON, space-padded to 8 bytes
  // for AES-KW); unwrapKey the reverse, as Node.
  function wrapKey(format, key, wrappingKey, algorithm) {
    return exportKey(format, key).then((keyData) => {
      let bytes = keyData;
      if (format === 'jwk') {
        let json = JSONStringify(keyData);
        if (normalize(algorithm).name === 'AES-KW' && json.length % 8 !== 0) {
          json += StringPrototypeRepeat(' ', 8 - (json.length % 8));
        }
        bytes = Buffer.from(json);
      }
      return aesGcm(false, algorithm, wrappingKey, bytes, 'wrapKey');
    });
  }
  function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, keyAlgorithm, extractable, usages) {
    return run(() => {
      let keyData = Buffer.from(aesGcm(true, unwrapAlgorithm, unwrappingKey, wrappedKey, 'unwrapKey'));
      if (format === 'jwk') {
        try {
          keyData = JSONParse(keyData.toString());
        } catch {
          throw domError('Invalid wrapped JWK key', 'DataError');
        }
      }
      return importKey(format, keyData, keyAlgorithm, extractable, usages);
    });
  }

  class SubtleCrypto {
    constructor(token) {
      if (token !== kConstruct) throw illegalConstructor();
    }
  }
  const { deriveBits, deriveKey } = derive;
  const methods = {
    digest, generateKey, importKey, exportKey, sign, verify, encrypt, decrypt, deriveBits, deriveKey, wrapKey, unwrapKey,
  };
  const names = ['digest', 'generateKey', 'importKey', 'exportKey', 'sign', 'verify', 'encrypt', 'decrypt',
    'deriveBits', 'deriveKey', 'wrapKey', 'unwrapKey'];
  for (let i = 0; i < names.length; i++) {
    ObjectDefineProperty(SubtleCrypto.prototype, names[i], { value: methods[names[i]], writable: true, configurable: true });
  }
  ObjectDefineProperty(SubtleCrypto.prototype, SymbolToStringTag, { value: 'SubtleCrypto', configurable: true });
  return { subtle: new SubtleCrypto(kConstruct), SubtleCrypto, CryptoKey };
})
