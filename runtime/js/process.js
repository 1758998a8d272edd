// The `toysnap` namespace and a minimal `process`, because npm code reads it.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeSplice, Number, ObjectAssign, ObjectKeys,
    PromisePrototypeThen, PromiseResolve, ReflectApply, TypeError,
  } = internals.primordials;

  let exitCode;
  const restoreHooks = [];
  // process.nextTick callbacks: run before promise jobs, as under Node.
  const ticks = [];

  function exit(code) {
    if (code !== undefined) exitCode = code;
    internals.emitProcessExit?.(Number(exitCode ?? 0) | 0);  // process_node.js
    natives.exit(Number(exitCode ?? 0) | 0);
  }

  const toysnap = {
    args: [],
    env: {},
    exit,
    get exitCode() { return exitCode; },
    set exitCode(code) { exitCode = code; },
    onRestore(hook) {
      if (typeof hook !== 'function') throw new TypeError('onRestore expects a function');
      ArrayPrototypePush(restoreHooks, hook);
    },
  };

  const process = {
    argv: [],
    env: toysnap.env,
    platform: 'linux',
    // The Node release toysnap follows; npm code reads it (graceful-fs at load).
    version: 'v20.20.2',
    exit,
    get exitCode() { return exitCode; },
    set exitCode(code) { exitCode = code; },
    nextTick(callback, ...args) {
      if (typeof callback !== 'function') {
        throw new TypeError('The "callback" argument must be of type function');
      }
      ArrayPrototypePush(ticks, { callback, args });
    },
  };

  globalThis.queueMicrotask = function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError('The "callback" argument must be of type function');
    }
    PromisePrototypeThen(PromiseResolve(), () => callback());
  };

  for (const [name, value] of [['toysnap', toysnap], ['process', process]]) {
    Object.defineProperty(globalThis, name, {
      value, writable: true, configurable: true, enumerable: false,
    });
  }

  internals.setEnv = function (env) {
    // Replace contents, keep identity: code may hold a reference to process.env.
    const keys = ObjectKeys(toysnap.env);
    for (let i = 0; i < keys.length; i++) delete toysnap.env[keys[i]];
    ObjectAssign(toysnap.env, env);
  };

  internals.setArgs = function (args, execPath, entryPath) {
    toysnap.args = args;
    const argv = [execPath, entryPath];
    for (let i = 0; i < args.length; i++) ArrayPrototypePush(argv, args[i]);
    process.argv = argv;
  };

  // Runs every queued tick, including ticks queued meanwhile; how many ran.
  // event_loop.cc's RunMicrotasks alternates this with promise checkpoints
  // until a call right after a checkpoint runs none.
  internals.runTicks = function () {
    let count = 0;
    try {
      while (count < ticks.length) {
        const { callback, args } = ticks[count++];
        ReflectApply(callback, undefined, args);
      }
    } finally {
      ArrayPrototypeSplice(ticks, 0, count);
    }
    return count;
  };

  internals.getExitCode = function () {
    return Number(exitCode ?? 0) | 0;
  };

  internals.beforeSnapshot = function () {
    internals.timersBeforeSnapshot();
    internals.webBeforeSnapshot();
    internals.removeBuildGuards();
  };

  internals.onRestore = function () {
    internals.timersOnRestore();
    internals.webOnRestore();
    internals.inspectOnRestore();
    for (let i = 0; i < restoreHooks.length; i++) {
      const hook = restoreHooks[i];
      hook();
    }
  };
})
