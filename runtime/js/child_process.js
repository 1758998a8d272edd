// Node's `child_process`, defined here and loaded from child_process_impl.js
// (a lazy script: programs that never require it pay nothing at start-up).
(function (natives, internals) {
  'use strict';
  // What the lazy scripts use of the globals, saved before user code can
  // patch them (Symbol.dispose: ChildProcess[Symbol.dispose], as Node 20's).
  internals.childProcessSaved = {
    nextTick: globalThis.process.nextTick,
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    dispose: globalThis.Symbol.dispose,
  };
  let made;
  internals.defineBuiltin('child_process', () => {
    made ??= natives.loadScript('child_process_impl.js')(natives, internals);
    return made;
  });
})
