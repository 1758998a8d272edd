// Registers `v8` (runtime/js/v8.js, compiled on first require).
(function (natives, internals) {
  'use strict';
  internals.defineBuiltin('v8', () => natives.loadScript('v8.js')(natives, internals));
})
