// Registers Node's `readline` and `readline/promises`; the module itself
// (readline_impl.js) is compiled the first time a program requires either
// (Extension::lazy_js), so cold start does not grow.
(function (natives, internals) {
  'use strict';
  let readline;
  const load = () => (readline ??= natives.loadScript('readline_impl.js')(natives, internals));
  internals.defineBuiltin('readline', load);
  internals.defineBuiltin('readline/promises', () => load().promises);
})
