// Registers Node's `zlib`; the module itself (zlib_impl.js) is compiled the
// first time a program requires it (Extension::lazy_js), so cold start does
// not grow.
(function (natives, internals) {
  'use strict';
  let zlib;
  internals.loadZlib = () => (zlib ??= natives.loadScript('zlib_impl.js')(natives, internals));
  internals.defineBuiltin('zlib', internals.loadZlib);
})
