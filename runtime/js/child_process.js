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
  let ipc;
  internals.childProcessIpc = () => (ipc ??= natives.loadScript('child_process_ipc.js')(natives, internals));
  // process.js's setArgs, at run time, in a child given an IPC channel.
  internals.startIpcChannel = (env) => internals.childProcessIpc().startFromEnv(env);
  internals.defineBuiltin('child_process', () => {
    made ??= natives.loadScript('child_process_impl.js')(natives, internals);
    return made;
  });
})
