// crypto.subtle's RSA algorithms (RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP) and
// AES-CBC / AES-CTR / AES-KW, on the module's KeyObjects, sign/verify, public-key and
// symmetric ciphers. crypto_webcrypto.js asks `handlers[name]` for what its
// own switch does not know; each handler may throw Node's DOMExceptions.
(function (natives, internals, shared, api, web) {
  'use strict';
  const {
    ArrayPrototypeFilter, ArrayPrototypeIncludes, BigInt, MathCeil, Number, StringPrototypeSlice,
    TypedArrayPrototypeSubarray, Uint8Array,
  } = internals.strictPrimordials();
  const { Buffer } = shared;
  const { domError, makeKey, slots, checkUsages, normalizeHash, kNames, bufferSource, arrayBuffer } = web;
  const operationError = () => domError('The operation failed for an operation-specific reason', 'OperationError');
  const kDigestBytes = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

  // ---- RSA -----------------------------------------------------------------
  const rsaUsages = (name, isPublic) => (name === 'RSA-OAEP'
    ? (isPublic ? ['encrypt', 'wrapKey'] : ['decrypt', 'unwrapKey'])
    : (isPublic ? ['verify'] : ['sign']));
  // Node's bigIntArrayToUnsignedInt: big-endian bytes, at most 32 bits.
  function exponentOf(bytes) {
    let result = 0;
    for (let i = 0; i < bytes.length; i++) {
      const shift = bytes.length - i - 1;
      if (shift >= 4 && bytes[i]) return undefined;
      result |= bytes[i] << 8 * shift;
    }
    return result;
  }
  function exponentBytes(value) {
    const bytes = [];
    for (let v = BigInt(value); v > 0n; v >>= 8n) bytes.unshift(Number(v & 0xffn));
    return new Uint8Array(bytes);
  }
  function rsaAlgorithm(name, keyObject, hash) {
    const { modulusLength, publicExponent } = keyObject.asymmetricKeyDetails;
    return { name, modulusLength, publicExponent: exponentBytes(publicExponent), hash: { name: hash } };
  }
  function rsaGenerateKey(normalized, extractable, usages) {
    const { name, modulusLength, publicExponent } = normalized;
    const hash = normalizeHash(normalized.hash);
    const exponent = exponentOf(publicExponent ?? []);
    if (exponent === undefined) {
      throw domError('The publicExponent must be equivalent to an unsigned 32-bit value', 'OperationError');
    }
    checkUsages(usages, name === 'RSA-OAEP' ? ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] : ['sign', 'verify'], 'a RSA');
    let pair;
    try {
      pair = api.generateKeyPairSync('rsa', { modulusLength, publicExponent: exponent });
    } catch {
      throw operationError();
    }
    const algorithm = { name, modulusLength, publicExponent, hash: { name: hash } };
    const inPublic = rsaUsages(name, true);
    const inPrivate = rsaUsages(name, false);
    return {
      publicKey: makeKey('public', true, algorithm, ArrayPrototypeFilter(usages, (u) => ArrayPrototypeIncludes(inPublic, u)), pair.publicKey),
      privateKey: makeKey('private', extractable, algorithm, ArrayPrototypeFilter(usages, (u) => ArrayPrototypeIncludes(inPrivate, u)), pair.privateKey),
    };
  }
  function rsaImportKey(format, data, normalized, extractable, usages) {
    const { name } = normalized;
    const hash = normalizeHash(normalized.hash);
    let keyObject;
    const invalid = () => domError('Invalid keyData', 'DataError');
    switch (format) {
      case 'spki': case 'pkcs8': {
        const isPublic = format === 'spki';
        checkUsages(usages, rsaUsages(name, isPublic), `an ${name}`);
        try {
          keyObject = isPublic ? api.createPublicKey({ key: data, format: 'der', type: 'spki' })
            : api.createPrivateKey({ key: data, format: 'der', type: 'pkcs8' });
        } catch {
          throw invalid();
        }
        break;
      }
      case 'jwk': {
        if (!data.kty) throw invalid();
        if (data.kty !== 'RSA') throw domError('Invalid JWK "kty" Parameter', 'DataError');
        checkUsages(usages, rsaUsages(name, data.d === undefined), `an ${name}`);
        if (usages.length > 0 && data.use !== undefined && data.use !== (name === 'RSA-OAEP' ? 'enc' : 'sig')) {
          throw domError('Invalid JWK "use" Parameter', 'DataError');
        }
        if (data.ext === false && extractable === true) {
          throw domError('JWK "ext" Parameter and extractable mismatch', 'DataError');
        }
        if (data.alg !== undefined && data.alg !== rsaJwkAlg({ name, hash: { name: hash } })) {
          throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
        }
        try {
          keyObject = (data.d !== undefined ? api.createPrivateKey : api.createPublicKey)({ key: data, format: 'jwk' });
        } catch {
          throw invalid();
        }
        break;
      }
      default:
        throw domError(`Unable to import RSA key with format ${format}`, 'NotSupportedError');
    }
    if (keyObject.asymmetricKeyType !== 'rsa') throw domError('Invalid key type', 'DataError');
    return makeKey(keyObject.type, extractable, rsaAlgorithm(name, keyObject, hash), usages, keyObject);
  }
  // Node's JWK "alg" names for each hash.
  function rsaJwkAlg({ name, hash }) {
    const bits = StringPrototypeSlice(hash.name, 4);
    if (name === 'RSA-OAEP') return bits === '1' ? 'RSA-OAEP' : `RSA-OAEP-${bits}`;
    return `${name === 'RSA-PSS' ? 'PS' : 'RS'}${bits}`;
  }
  function rsaSignVerify(verifying, normalized, key, signature, data) {
    const { keyObject, algorithm } = slots(key);
    const type = verifying ? 'public' : 'private';
    if (keyObject.type !== type) throw domError(`Key must be a ${type} key`, 'InvalidAccessError');
    const options = { key: keyObject, padding: api.constants.RSA_PKCS1_PADDING };
    if (algorithm.name === 'RSA-PSS') {
      const max = MathCeil((algorithm.modulusLength - 1) / 8) - kDigestBytes[algorithm.hash.name] - 2;
      // Checked inside Node's job: any failure is an OperationError.
      try {
        shared.utils.validateInt32(normalized.saltLength, 'algorithm.saltLength', 0, max);
      } catch {
        throw operationError();
      }
      options.padding = api.constants.RSA_PKCS1_PSS_PADDING;
      options.saltLength = normalized.saltLength;
    }
    const hash = kNames[algorithm.hash.name];
    try {
      return verifying ? api.verify(hash, data, options, signature) : arrayBuffer(api.sign(hash, data, options));
    } catch {
      throw operationError();
    }
  }
  function rsaOaep(decrypting, normalized, key, data) {
    const { keyObject, algorithm } = slots(key);
    if (keyObject.type !== (decrypting ? 'private' : 'public')) {
      throw domError('The requested operation is not valid for the provided key', 'InvalidAccessError');
    }
    const options = { key: keyObject, padding: api.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: kNames[algorithm.hash.name] };
    if (normalized.label !== undefined) options.oaepLabel = bufferSource(normalized.label, decrypting ? 'decrypt' : 'encrypt', 'label');
    try {
      return arrayBuffer(decrypting ? api.privateDecrypt(options, data) : api.publicEncrypt(options, data));
    } catch {
      throw operationError();
    }
  }

  // ---- AES-CBC and AES-CTR ---------------------------------------------------
  const aesUsagesOf = (name) => (name === 'AES-KW' ? ['wrapKey', 'unwrapKey'] : ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
  function aesGenerateKey(normalized, extractable, usages) {
    const { name, length } = normalized;
    if (length !== 128 && length !== 192 && length !== 256) {
      throw domError('AES key length must be 128, 192, or 256 bits', 'OperationError');
    }
    checkUsages(usages, aesUsagesOf(name), 'an AES');
    return makeKey('secret', extractable, { name, length }, usages, api.createSecretKey(api.randomBytes(length >>> 3)));
  }
  function aesImportKey(format, data, normalized, extractable, usages) {
    const { name } = normalized;
    checkUsages(usages, aesUsagesOf(name), 'an AES');
    let bytes;
    if (format === 'raw') {
      bytes = data;
    } else if (format === 'jwk') {
      if (!data.kty) throw domError('Invalid keyData', 'DataError');
      if (data.kty !== 'oct') throw domError('Invalid JWK "kty" Parameter', 'DataError');
      if (usages.length > 0 && data.use !== undefined && data.use !== 'enc') {
        throw domError('Invalid JWK "use" Parameter', 'DataError');
      }
      if (data.ext === false && extractable === true) {
        throw domError('JWK "ext" Parameter and extractable mismatch', 'DataError');
      }
      bytes = Buffer.from(String(data.k), 'base64url');
      if (data.alg !== undefined && data.alg !== aesJwkAlg({ name, length: bytes.length * 8 })) {
        throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
      }
    } else {
      throw domError(`Unable to import AES key with format ${format}`, 'NotSupportedError');
    }
    const length = bytes.length * 8;
    if (length !== 128 && length !== 192 && length !== 256) throw domError('Invalid key length', 'DataError');
    return makeKey('secret', extractable, { name, length }, usages, api.createSecretKey(bytes));
  }
  const aesJwkAlg = ({ name, length }) => `A${length}${StringPrototypeSlice(name, 4)}`;
  function exactBytes(value, name, size, method) {
    const bytes = bufferSource(value, method, name);
    if (bytes.length !== size) throw domError(`${name} must contain exactly ${size} bytes`, 'OperationError');
    return bytes;
  }
  function aesCbc(decrypting, normalized, key, data) {
    const { keyObject, algorithm } = slots(key);
    const iv = exactBytes(normalized.iv, 'algorithm.iv', 16, decrypting ? 'decrypt' : 'encrypt');
    const make = decrypting ? api.createDecipheriv : api.createCipheriv;
    try {
      const cipher = make(`aes-${algorithm.length}-cbc`, keyObject.export(), iv);
      return arrayBuffer(Buffer.concat([cipher.update(data), cipher.final()]));
    } catch {
      throw operationError();
    }
  }
  // CTR counts in the low `length` bits of the counter block; when those
  // wrap within the message, the rest runs from the block with them zeroed.
  function aesCtr(decrypting, normalized, key, data) {
    const { keyObject, algorithm } = slots(key);
    const counter = exactBytes(normalized.counter, 'algorithm.counter', 16, decrypting ? 'decrypt' : 'encrypt');
    const { length } = normalized;
    if (length === 0 || length > 128) {
      throw domError('AES-CTR algorithm.length must be between 1 and 128', 'OperationError');
    }
    const bits = BigInt(length);
    const mask = (1n << bits) - 1n;
    const value = BigInt(`0x${Buffer.from(counter).toString('hex')}`);
    const blocks = BigInt(MathCeil(data.length / 16));
    if (blocks > mask + 1n) throw operationError();
    const cipherName = `aes-${algorithm.length}-ctr`;
    const secret = keyObject.export();
    const run = (start, bytes) => {
      const iv = Buffer.alloc(16);
      for (let i = 15, v = start; i >= 0; i--, v >>= 8n) iv[i] = Number(v & 0xffn);
      const cipher = api.createCipheriv(cipherName, secret, iv);
      return Buffer.concat([cipher.update(bytes), cipher.final()]);
    };
    const untilWrap = mask + 1n - (value & mask);
    if (blocks <= untilWrap) return arrayBuffer(run(value, data));
    const split = Number(untilWrap) * 16;
    const rest = value & ~mask & ((1n << 128n) - 1n);
    return arrayBuffer(Buffer.concat([run(value, TypedArrayPrototypeSubarray(data, 0, split)),
      run(rest, TypedArrayPrototypeSubarray(data, split))]));
  }

  // AES-KW (RFC 3394) with its default IV; Node refuses it for encrypt().
  function aesKw(decrypting, normalized, key, data) {
    const { keyObject, algorithm } = slots(key);
    const make = decrypting ? api.createDecipheriv : api.createCipheriv;
    try {
      const cipher = make(`id-aes${algorithm.length}-wrap`, keyObject.export(), Buffer.from('a6a6a6a6a6a6a6a6', 'hex'));
      return arrayBuffer(Buffer.concat([cipher.update(data), cipher.final()]));
    } catch {
      throw operationError();
    }
  }

  const rsa = {
    generateKey: rsaGenerateKey, importKey: rsaImportKey, jwkAlg: rsaJwkAlg,
    sign: (normalized, key, data) => rsaSignVerify(false, normalized, key, undefined, data),
    verify: (normalized, key, signature, data) => rsaSignVerify(true, normalized, key, signature, data),
  };
  const handlers = {
    'RSASSA-PKCS1-v1_5': rsa,
    'RSA-PSS': rsa,
    'RSA-OAEP': {
      generateKey: rsaGenerateKey, importKey: rsaImportKey, jwkAlg: rsaJwkAlg,
      encrypt: (normalized, key, data) => rsaOaep(false, normalized, key, data),
      decrypt: (normalized, key, data) => rsaOaep(true, normalized, key, data),
    },
    'AES-CBC': {
      generateKey: aesGenerateKey, importKey: aesImportKey, jwkAlg: aesJwkAlg,
      encrypt: (normalized, key, data) => aesCbc(false, normalized, key, data),
      decrypt: (normalized, key, data) => aesCbc(true, normalized, key, data),
    },
    'AES-CTR': {
      generateKey: aesGenerateKey, importKey: aesImportKey, jwkAlg: aesJwkAlg,
      encrypt: (normalized, key, data) => aesCtr(false, normalized, key, data),
      decrypt: (normalized, key, data) => aesCtr(true, normalized, key, data),
    },
  };
  handlers['AES-KW'] = {
    generateKey: aesGenerateKey, importKey: aesImportKey, jwkAlg: aesJwkAlg,
    encrypt: (normalized, key, data) => aesKw(false, normalized, key, data),
    decrypt: (normalized, key, data) => aesKw(true, normalized, key, data),
  };
  return { names: ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'AES-CBC', 'AES-CTR', 'AES-KW'], handlers };
})
