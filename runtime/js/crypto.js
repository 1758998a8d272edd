// Registers Node's `crypto`; the module itself (crypto_impl.js and the files
// it loads) is compiled the first time a program requires it
// (Extension::lazy_js), so cold start does not grow. process.versions.openssl
// names the OpenSSL the runtime links (Node's tests read it as "has crypto").
(function (natives, internals) {
  'use strict';
  const { ObjectDefineProperty } = internals.primordials;
  const { crypto: webcrypto, process } = globalThis;  // before user code can replace them
  ObjectDefineProperty(process.versions, 'openssl', {
    value: natives.cryptoOpensslVersion(), writable: true, enumerable: true, configurable: true,
  });
  let crypto;
  internals.defineBuiltin('crypto', () =>
    (crypto ??= natives.loadScript('crypto_impl.js')(natives, internals, webcrypto)));
})
