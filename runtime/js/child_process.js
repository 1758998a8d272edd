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
  // A child started with an IPC channel (fork, or 'ipc' in spawn's stdio) opens
  // it before the program runs; process.js's setArgs calls this at run time.
  internals.startIpcChannel = function startIpcChannel(env) {
    const fd = env.NODE_CHANNEL_FD;
    const mode = env.NODE_CHANNEL_SERIALIZATION_MODE;
    // As Node: the program's children do not inherit the channel.
    delete env.NODE_CHANNEL_FD;
    delete env.NODE_CHANNEL_SERIALIZATION_MODE;
    const number = +fd;
    if (!(number >= 0 && number === (number | 0))) return;
    internals.childProcessIpc().startChildChannel(number, mode === 'advanced' ? 'advanced' : 'json');
  };
  internals.defineBuiltin('child_process', () => {
    made ??= natives.loadScript('child_process_impl.js')(natives, internals);
    return made;
  });
})
