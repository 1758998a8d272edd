// Registers `async_hooks` and `diagnostics_channel`, each compiled on first
// require (async_hooks_impl.js, diagnostics_channel.js): nothing of them is in
// a heap that does not use them.
(function (natives, internals) {
  'use strict';
  internals.defineBuiltin('async_hooks',
                          () => natives.loadScript('async_hooks_impl.js')(natives, internals));
  internals.defineBuiltin('diagnostics_channel',
                          () => natives.loadScript('diagnostics_channel.js')(natives, internals));
})
