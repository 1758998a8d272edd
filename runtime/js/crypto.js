// Registers Node's `crypto`; the module itself (crypto_impl.js and the files
// it loads) is compiled the first time a program requires it
// (Extension::lazy_js), so cold start does not grow. process.versions.openssl
// names the OpenSSL the runtime links (Node's tests read it as "has crypto").
(function (natives, internals) {
  'use strict';
  const { ObjectDefineProperty, ObjectGetPrototypeOf } = internals.primordials;
  const { process } = globalThis;  // before user code can replace it
  const webcrypto = internals.web.crypto;
  ObjectDefineProperty(process.versions, 'openssl', {
    value: natives.cryptoOpensslVersion(), writable: true, enumerable: true, configurable: true,
  });
  let crypto;
  const load = () => (crypto ??= natives.loadScript('crypto_impl.js')(natives, internals, webcrypto));
  internals.defineBuiltin('crypto', load);
  // Web Crypto's classes, as Node's lazy globals: accessors that load the
  // module when read; assigning one replaces it.
  const classes = {
    Crypto: () => ObjectGetPrototypeOf(webcrypto).constructor,
    CryptoKey: () => load() && internals.cryptoClasses.CryptoKey,
    SubtleCrypto: () => load() && internals.cryptoClasses.SubtleCrypto,
  };
  const names = ['Crypto', 'CryptoKey', 'SubtleCrypto'];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    ObjectDefineProperty(globalThis, name, {
      __proto__: null,
      get: function () { return classes[name](); },
      set: function (value) {
        ObjectDefineProperty(this, name, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
      },
      enumerable: false,
      configurable: true,
    });
  }
})
