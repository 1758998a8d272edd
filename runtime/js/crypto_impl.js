// Node's `crypto` module: assembles the parts (crypto_hash.js, crypto_random.js,
// crypto_kdf.js) on the natives of runtime/node/crypto*.cc. Loaded by crypto.js
// at the first require.
(function (natives, internals, webcrypto) {
  'use strict';
  const {
    ArrayBufferIsView, ArrayFrom, ArrayPrototypeSlice, ArrayPrototypeSort, SafeMap, StringPrototypeToLowerCase,
  } = internals.strictPrimordials();
  const utils = internals.loadFsUtils();  // Node's validators and error makers
  const { Buffer } = internals.requireBuiltin('buffer');
  const classes = natives.cryptoClasses();
  const brands = internals.inspectBrands;
  const isAnyArrayBuffer = (value) => brands.isArrayBuffer(value) || brands.isSharedArrayBuffer(value);
  // Node's getArrayBufferOrView: what a password, salt or IV may be.
  function bytesArg(value, name) {
    if (isAnyArrayBuffer(value)) return value;
    if (typeof value === 'string') return Buffer.from(value, 'utf8');
    if (!ArrayBufferIsView(value)) {
      throw utils.invalidArgType(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
    }
    return value;
  }
  // crypto_hash.js adds LazyTransform and secretKeyBytes for the later files.
  const shared = { utils, Buffer, classes, isAnyArrayBuffer, bytesArg };

  const hash = natives.loadScript('crypto_hash.js')(natives, internals, shared);
  const random = natives.loadScript('crypto_random.js')(natives, internals, shared);
  shared.randomBytes = random.randomBytes;
  const kdf = natives.loadScript('crypto_kdf.js')(natives, internals, shared);
  const cipher = natives.loadScript('crypto_cipher.js')(natives, internals, shared);
  const keys = natives.loadScript('crypto_keys.js')(natives, internals, shared);
  const sig = natives.loadScript('crypto_sign.js')(natives, internals, shared);
  shared.KeyObject = keys.KeyObject;
  const dh = natives.loadScript('crypto_dh.js')(natives, internals, shared);
  const { Certificate } = natives.loadScript('crypto_certificate.js')(natives, internals, shared);

  // OpenSSL's names without case duplicates (the last spelling kept, or the
  // lower-case one), sorted, as Node lists them.
  function withoutDuplicates(names, lower) {
    const unique = new SafeMap();
    for (let i = 0; i < names.length; i++) {
      const key = StringPrototypeToLowerCase(names[i]);
      unique.set(key, lower ? key : names[i]);
    }
    return ArrayPrototypeSort(ArrayFrom(unique.values()));
  }
  // Node's crypto.constants: OpenSSL's values, then the TLS constants and
  // Node's default cipher list (the tls module's, spelled out by Node).
  function makeConstants() {
    const constants = natives.cryptoConstants();
    const kCipherList = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
      'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
      'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:' +
      'DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:' +
      'DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';
    constants.defaultCoreCipherList = kCipherList;
    constants.TLS1_VERSION = 0x301;
    constants.TLS1_1_VERSION = 0x302;
    constants.TLS1_2_VERSION = 0x303;
    constants.TLS1_3_VERSION = 0x304;
    constants.POINT_CONVERSION_COMPRESSED = 2;
    constants.POINT_CONVERSION_UNCOMPRESSED = 4;
    constants.POINT_CONVERSION_HYBRID = 6;
    constants.defaultCipherList = kCipherList;
    return constants;
  }
  // Node returns a fresh copy of one list computed once.
  function cached(compute) {
    let list;
    return () => ArrayPrototypeSlice(list ??= compute());
  }

  const crypto = {
    createCipheriv: cipher.createCipheriv,
    createDecipheriv: cipher.createDecipheriv,
    createHash: hash.createHash,
    createHmac: hash.createHmac,
    createPrivateKey: keys.createPrivateKey,
    createPublicKey: keys.createPublicKey,
    createSecretKey: keys.createSecretKey,
    createSign: sig.createSign,
    createVerify: sig.createVerify,
    getCipherInfo: cipher.getCipherInfo,
    getCurves: cached(() => keys.getCurves()),
    getCiphers: cached(() => withoutDuplicates(natives.cryptoCiphers(), false)),
    getHashes: cached(() => withoutDuplicates(natives.cryptoHashes(), false)),
    generateKey: keys.generateKey,
    generateKeyPair: keys.generateKeyPair,
    generateKeyPairSync: keys.generateKeyPairSync,
    generateKeySync: keys.generateKeySync,
    hkdf: kdf.hkdf,
    hkdfSync: kdf.hkdfSync,
    privateDecrypt: sig.privateDecrypt,
    privateEncrypt: sig.privateEncrypt,
    publicDecrypt: sig.publicDecrypt,
    publicEncrypt: sig.publicEncrypt,
    pbkdf2: kdf.pbkdf2,
    pbkdf2Sync: kdf.pbkdf2Sync,
    randomBytes: random.randomBytes,
    randomFill: random.randomFill,
    randomFillSync: random.randomFillSync,
    randomInt: random.randomInt,
    randomUUID: random.randomUUID,
    scrypt: kdf.scrypt,
    scryptSync: kdf.scryptSync,
    sign: sig.sign,
    timingSafeEqual: random.timingSafeEqual,
    verify: sig.verify,
    getFips: () => natives.cryptoFips(),
    setFips(value) {
      if (!internals.requireBuiltin('worker_threads').isMainThread) {
        throw utils.nodeError(Error, 'ERR_WORKER_UNSUPPORTED_OPERATION', 'Calling crypto.setFips() is not supported in workers');
      }
      natives.cryptoFips(!!value);
    },
    // toysnap has no --secure-heap: OpenSSL's secure heap is never set up.
    secureHeapUsed: () => ({ total: 0, used: 0, utilization: 0, min: 0 }),
    hash: hash.hash,
    Cipheriv: cipher.Cipheriv,
    Decipheriv: cipher.Decipheriv,
    Hash: hash.Hash,
    Hmac: hash.Hmac,
    KeyObject: keys.KeyObject,
    Sign: sig.Sign,
    Verify: sig.Verify,
    Certificate,
    createDiffieHellman: dh.createDiffieHellman,
    createDiffieHellmanGroup: dh.createDiffieHellmanGroup,
    createECDH: dh.createECDH,
    diffieHellman: dh.diffieHellman,
    getDiffieHellman: dh.createDiffieHellmanGroup,
    DiffieHellman: dh.DiffieHellman,
    DiffieHellmanGroup: dh.DiffieHellmanGroup,
    ECDH: dh.ECDH,
    constants: makeConstants(),
    webcrypto,
    getRandomValues: (array) => webcrypto.getRandomValues(array),
  };
  // crypto.subtle, also the global crypto's (web.js asks for it).
  const web = natives.loadScript('crypto_webcrypto.js')(natives, internals, shared, crypto);
  crypto.subtle = web.subtle;
  internals.cryptoSubtle = web.subtle;
  internals.cryptoClasses = { CryptoKey: web.CryptoKey, SubtleCrypto: web.SubtleCrypto };
  return crypto;
})
