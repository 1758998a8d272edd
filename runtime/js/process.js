// The `toysnap` namespace and a minimal `process`, because npm code reads it.
(function (natives, internals) {
  'use strict';

  let exitCode;
  const restoreHooks = [];
  // process.nextTick callbacks: run before promise jobs, as under Node.
  const ticks = [];

  function exit(code) {
    if (code !== undefined) exitCode = code;
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
      restoreHooks.push(hook);
    },
  };

  const process = {
    argv: [],
    env: toysnap.env,
    platform: 'linux',
    exit,
    get exitCode() { return exitCode; },
    set exitCode(code) { exitCode = code; },
    nextTick(callback, ...args) {
      if (typeof callback !== 'function') {
        throw new TypeError('The "callback" argument must be of type function');
      }
      ticks.push({ callback, args });
    },
  };

  globalThis.queueMicrotask = function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError('The "callback" argument must be of type function');
    }
    Promise.resolve().then(() => callback());
  };

  for (const [name, value] of [['toysnap', toysnap], ['process', process]]) {
    Object.defineProperty(globalThis, name, {
      value, writable: true, configurable: true, enumerable: false,
    });
  }

  internals.setEnv = function (env) {
    // Replace contents, keep identity: code may hold a reference to process.env.
    for (const key of Object.keys(toysnap.env)) delete toysnap.env[key];
    Object.assign(toysnap.env, env);
  };

  internals.setArgs = function (args, execPath, entryPath) {
    toysnap.args = args;
    process.argv = [execPath, entryPath, ...args];
  };

  // Runs every queued tick, including ticks queued meanwhile; how many ran.
  internals.runTicks = function () {
    let count = 0;
    try {
      while (count < ticks.length) {
        const { callback, args } = ticks[count++];
        Reflect.apply(callback, undefined, args);
      }
    } finally {
      ticks.splice(0, count);
    }
    return count;
  };

  internals.getExitCode = function () {
    return Number(exitCode ?? 0) | 0;
  };

  internals.beforeSnapshot = function () {
    internals.timersBeforeSnapshot();
    internals.webBeforeSnapshot();
  };

  internals.onRestore = function () {
    internals.timersOnRestore();
    internals.webOnRestore();
    for (const hook of restoreHooks) hook();
  };
})
