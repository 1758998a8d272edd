// Registers `vm` (runtime/js/vm.js, compiled on first require).
(function (natives, internals) {
  'use strict';
  internals.defineBuiltin('vm', () => natives.loadScript('vm.js')(natives, internals));
})
