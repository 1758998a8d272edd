// Node's `node:test` builtin (only with the node: prefix, as in Node 20):
// npm's test 3.3.0 run by test_runner_impl.js, both compiled on first require
// (the test_runner extension's lazy_js), so programs that never test carry
// none of it in their snapshot.
(function (natives, internals) {
  'use strict';
  // The runner registers tests made at build time to run at restore; taken
  // now, before user code can replace globalThis.toysnap.
  internals.addRestoreHook = globalThis.toysnap.onRestore;
  internals.defineBuiltin('test', () => natives.loadScript('test_runner_impl.js')(natives, internals));
})
