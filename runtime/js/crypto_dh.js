// Node's Diffie-Hellman: DiffieHellman, DiffieHellmanGroup and ECDH (with
// their create* functions and ECDH.convertKey) on the native handles of the
// same names (runtime/node/crypto_dh.cc, crypto_ecdh.cc), and
// crypto.diffieHellman() on two KeyObjects. Loaded by crypto_impl.js.
(function (natives, internals, shared) {
  'use strict';
  const {
    ArrayBufferIsView, Error, FunctionPrototypeCall, ObjectDefineProperty, String, Symbol, TypeError,
  } = internals.strictPrimordials();
  const { utils, Buffer, classes, isAnyArrayBuffer } = shared;
  const { DiffieHellman: DhHandle, DiffieHellmanGroup: DhGroupHandle, ECDH: EcdhHandle } = classes;
  const { nodeError, invalidArgType, invalidArgValue, validateObject, validateString, validateInt32 } = utils;

  const kHandle = Symbol('kHandle');
  const kBytesTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];
  const kPrimeTypes = ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];
  const POINT_CONVERSION_COMPRESSED = 2;
  const POINT_CONVERSION_UNCOMPRESSED = 4;
  const POINT_CONVERSION_HYBRID = 6;

  // Node's toBuf and getArrayBufferOrView: a string in `encoding` ('buffer'
  // is UTF-8) as a Buffer; bytes as they are.
  function toBuf(value, encoding) {
    if (typeof value !== 'string') return value;
    return Buffer.from(value, encoding === 'buffer' ? 'utf8' : encoding);
  }
  function bytesOf(value, name, encoding) {
    if (isAnyArrayBuffer(value)) return value;
    if (typeof value === 'string') return toBuf(value, encoding);
    if (!ArrayBufferIsView(value)) throw invalidArgType(name, kBytesTypes, value);
    return value;
  }
  // A native result (an ArrayBuffer) as a Buffer, or a string in `encoding`.
  function encode(bytes, encoding) {
    const buffer = typeof bytes === 'string' ? bytes : Buffer.from(bytes);
    return encoding && encoding !== 'buffer' ? buffer.toString(encoding) : buffer;
  }
  // The handle's own accessor (as Node's, which util.inspect shows), then
  // the wrapper's value.
  const { getVerifyError } = DhHandle.prototype;
  function verifyErrorOf() { return FunctionPrototypeCall(getVerifyError, this); }
  function defineVerifyError(object, handle) {
    ObjectDefineProperty(handle, 'verifyError', { __proto__: null, enumerable: true, get: verifyErrorOf });
    object[kHandle] = handle;
    ObjectDefineProperty(object, 'verifyError', {
      __proto__: null, enumerable: true, value: handle.verifyError, writable: false,
    });
  }

  // Functions, not classes: Node's may be called without `new`.
  function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
    if (!(this instanceof DiffieHellman)) return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
    if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' &&
        !ArrayBufferIsView(sizeOrKey) && !isAnyArrayBuffer(sizeOrKey)) {
      throw invalidArgType('sizeOrKey', kPrimeTypes, sizeOrKey);
    }
    // Negative sizes pass, for OpenSSL to refuse, as in Node.
    if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
    // A second argument that names no encoding is the generator.
    if (keyEncoding && !Buffer.isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
      genEncoding = generator;
      generator = keyEncoding;
      keyEncoding = false;
    }
    if (typeof sizeOrKey !== 'number') sizeOrKey = toBuf(sizeOrKey, keyEncoding);
    if (!generator) {
      generator = 2;  // 0 too, by a fluke of Node's history
    } else if (typeof generator === 'number') {
      validateInt32(generator, 'generator');
    } else if (typeof generator === 'string') {
      generator = toBuf(generator, genEncoding);
    } else if (!ArrayBufferIsView(generator) && !isAnyArrayBuffer(generator)) {
      throw invalidArgType('generator', kPrimeTypes, generator);
    }
    defineVerifyError(this, new DhHandle(sizeOrKey, generator));
  }

  function DiffieHellmanGroup(name) {
    if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
    defineVerifyError(this, new DhGroupHandle(name));
  }

  function dhGenerateKeys(encoding) {
    return encode(this[kHandle].generateKeys(), encoding);
  }
  function dhComputeSecret(key, inEnc, outEnc) {
    const secret = this[kHandle].computeSecret(bytesOf(key, 'key', inEnc));
    if (typeof secret === 'string') {
      throw nodeError(Error, 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve');
    }
    return encode(secret, outEnc);
  }
  function dhGetPrime(encoding) { return encode(this[kHandle].getPrime(), encoding); }
  function dhGetGenerator(encoding) { return encode(this[kHandle].getGenerator(), encoding); }
  function dhGetPublicKey(encoding) { return encode(this[kHandle].getPublicKey(), encoding); }
  function dhGetPrivateKey(encoding) { return encode(this[kHandle].getPrivateKey(), encoding); }
  const sharedMethods = [
    ['generateKeys', dhGenerateKeys], ['computeSecret', dhComputeSecret], ['getPrime', dhGetPrime],
    ['getGenerator', dhGetGenerator], ['getPublicKey', dhGetPublicKey], ['getPrivateKey', dhGetPrivateKey],
  ];
  for (let i = 0; i < sharedMethods.length; i++) {
    const [name, method] = sharedMethods[i];
    DiffieHellmanGroup.prototype[name] = method;
    DiffieHellman.prototype[name] = method;
  }
  // Only DiffieHellman has setters: a group's keys come from generateKeys.
  DiffieHellman.prototype.setPublicKey = function setPublicKey(key, encoding) {
    this[kHandle].setPublicKey(bytesOf(key, 'key', encoding));
    return this;
  };
  DiffieHellman.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
    this[kHandle].setPrivateKey(bytesOf(key, 'key', encoding));
    return this;
  };

  function ECDH(curve) {
    if (!(this instanceof ECDH)) return new ECDH(curve);
    validateString(curve, 'curve');
    this[kHandle] = new EcdhHandle(curve);
  }
  // Node's %s in 'Invalid ECDH format: %s'.
  function formatName(format) {
    if (typeof format === 'string' || typeof format === 'number' || typeof format === 'boolean') return String(format);
    if (typeof format === 'bigint') return `${format}n`;
    return internals.inspect(format);
  }
  function getFormat(format) {
    if (format) {
      if (format === 'compressed') return POINT_CONVERSION_COMPRESSED;
      if (format === 'hybrid') return POINT_CONVERSION_HYBRID;
      if (format !== 'uncompressed') {
        throw nodeError(TypeError, 'ERR_CRYPTO_ECDH_INVALID_FORMAT', `Invalid ECDH format: ${formatName(format)}`);
      }
    }
    return POINT_CONVERSION_UNCOMPRESSED;
  }
  ECDH.prototype.computeSecret = dhComputeSecret;
  ECDH.prototype.setPrivateKey = DiffieHellman.prototype.setPrivateKey;
  ECDH.prototype.setPublicKey = DiffieHellman.prototype.setPublicKey;
  ECDH.prototype.getPrivateKey = dhGetPrivateKey;
  ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
    this[kHandle].generateKeys();
    return this.getPublicKey(encoding, format);
  };
  ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
    const form = getFormat(format);
    return encode(this[kHandle].getPublicKey(form), encoding);
  };
  ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
    validateString(curve, 'curve');
    key = bytesOf(key, 'key', inEnc);
    const form = getFormat(format);
    return encode(natives.cryptoEcdhConvertKey(key, curve, form), outEnc);
  };

  function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  }
  function createDiffieHellmanGroup(name) { return new DiffieHellmanGroup(name); }
  function createECDH(curve) { return new ECDH(curve); }

  const isDhKeyType = (type) => type === 'dh' || type === 'ec' || type === 'x448' || type === 'x25519';
  function diffieHellman(options) {
    validateObject(options, 'options');
    const { privateKey, publicKey } = options;
    if (!(privateKey instanceof shared.KeyObject)) throw invalidArgValue('options.privateKey', privateKey);
    if (!(publicKey instanceof shared.KeyObject)) throw invalidArgValue('options.publicKey', publicKey);
    const invalidType = (type, expected) => nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
      `Invalid key object type ${type}, expected ${expected}.`);
    if (privateKey.type !== 'private') throw invalidType(privateKey.type, 'private');
    if (publicKey.type !== 'public' && publicKey.type !== 'private') {
      throw invalidType(publicKey.type, 'private or public');
    }
    const privateType = privateKey.asymmetricKeyType;
    const publicType = publicKey.asymmetricKeyType;
    if (privateType !== publicType || !isDhKeyType(privateType)) {
      throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY',
        `Incompatible key types for Diffie-Hellman: ${privateType} and ${publicType}`);
    }
    return Buffer.from(natives.cryptoDiffieHellman(shared.keyObjectHandleOf(privateKey),
      shared.keyObjectHandleOf(publicKey)));
  }

  return {
    DiffieHellman, DiffieHellmanGroup, ECDH, createDiffieHellman, createDiffieHellmanGroup, createECDH,
    diffieHellman,
  };
})
