// crypto.subtle's HKDF and PBKDF2: raw key import, deriveBits and deriveKey
// (into HMAC and AES keys), on the module's hkdfSync/pbkdf2Sync, with Node's
// DOMExceptions. crypto_webcrypto.js asks `handlers[name]` for importKey and
// adds the two methods.
(function (natives, internals, shared, api, web) {
  'use strict';
  const { ArrayBuffer, ArrayPrototypeIncludes, PromiseReject, PromiseResolve, Uint8Array } = internals.strictPrimordials();
  const { domError, makeKey, slots, normalize, normalizeHash, kNames, kBlockBits, bufferSource, arrayBuffer } = web;
  const operationError = () => domError('The operation failed for an operation-specific reason', 'OperationError');

  // Node's importGenericSecretKey (an algorithm's `length` is not among
  // HKDF's or PBKDF2's import parameters: ignored).
  function importSecret(format, data, normalized, extractable, usages) {
    const { name } = normalized;
    if (extractable) throw domError(`${name} keys are not extractable`, 'SyntaxError');
    for (let i = 0; i < usages.length; i++) {
      if (usages[i] !== 'deriveKey' && usages[i] !== 'deriveBits') {
        throw domError(`Unsupported key usage for a ${name} key`, 'SyntaxError');
      }
    }
    if (format !== 'raw') throw domError(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
    return makeKey('secret', false, { name }, usages, api.createSecretKey(data));
  }

  function derive(normalized, baseKey, length) {
    const { keyObject } = slots(baseKey);
    if (normalized.name === 'PBKDF2' && normalized.iterations === 0) {
      throw domError('iterations cannot be zero', 'OperationError');
    }
    if (length === 0) return new ArrayBuffer(0);
    if (length === null) throw domError('length cannot be null', 'OperationError');
    if (length % 8) throw domError('length must be a multiple of 8', 'OperationError');
    const hash = kNames[normalizeHash(normalized.hash)];
    const salt = bufferSource(normalized.salt, 'deriveBits', 'algorithm.salt');
    try {
      if (normalized.name === 'HKDF') {
        const info = bufferSource(normalized.info, 'deriveBits', 'algorithm.info');
        return arrayBuffer(new Uint8Array(api.hkdfSync(hash, keyObject, salt, info, length / 8)));
      }
      return arrayBuffer(api.pbkdf2Sync(keyObject.export(), salt, normalized.iterations, length / 8, hash));
    } catch {
      throw operationError();
    }
  }
  function checkBase(normalized, baseKey, usage) {
    if (!ArrayPrototypeIncludes(slots(baseKey).usages, usage)) {
      throw domError(`baseKey does not have ${usage} usage`, 'InvalidAccessError');
    }
    if (slots(baseKey).algorithm.name !== normalized.name) throw domError('Key algorithm mismatch', 'InvalidAccessError');
    if (normalized.name !== 'HKDF' && normalized.name !== 'PBKDF2') {
      throw domError('Unrecognized algorithm name', 'NotSupportedError');
    }
  }
  function settle(work) {
    try {
      return PromiseResolve(work());
    } catch (error) {
      return PromiseReject(error);
    }
  }

  function deriveBits(algorithm, baseKey, length = null) {
    return settle(() => {
      const normalized = normalize(algorithm);
      checkBase(normalized, baseKey, 'deriveBits');
      return derive(normalized, baseKey, length === null ? null : length >>> 0);
    });
  }
  // The derived key's length in bits, as Node's getKeyLength.
  function keyLength(target) {
    switch (target.name) {
      case 'AES-GCM': case 'AES-CBC': case 'AES-CTR': case 'AES-KW':
        if (target.length !== 128 && target.length !== 192 && target.length !== 256) {
          throw domError('Invalid key length', 'OperationError');
        }
        return target.length;
      case 'HMAC':
        if (target.length === undefined) return kBlockBits[normalizeHash(target.hash)];
        if (typeof target.length === 'number' && target.length !== 0) return target.length;
        throw domError('Invalid key length', 'OperationError');
      case 'HKDF': case 'PBKDF2':
        return null;
      default:
        throw domError('Unrecognized algorithm name', 'NotSupportedError');
    }
  }
  function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, usages) {
    return settle(() => {
      const normalized = normalize(algorithm);
      const target = normalize(derivedKeyAlgorithm);
      checkBase(normalized, baseKey, 'deriveKey');
      const length = keyLength(target);
      const bits = derive(normalized, baseKey, length);
      return web.importKey('raw', bits, derivedKeyAlgorithm, extractable, usages);
    });
  }

  return {
    names: ['HKDF', 'PBKDF2'],
    handlers: { HKDF: { importKey: importSecret }, PBKDF2: { importKey: importSecret } },
    deriveBits,
    deriveKey,
  };
})
