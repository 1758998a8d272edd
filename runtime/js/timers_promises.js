// Node 20's `timers/promises`: setTimeout, setImmediate, the setInterval
// async iterator and scheduler.wait/yield, over the runtime's timers, with
// the `signal` (AbortError, code ABORT_ERR, cause = the signal's reason) and
// `ref` options. Lazy: builtins.js compiles it on the first require.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeShift, Error, Promise, PromiseReject,
    PromiseResolve, Symbol, SymbolAsyncIterator, TypeError,
  } = internals.strictPrimordials();
  const { AbortSignal } = internals.abortClasses();
  const timers = internals.requireBuiltin('timers');

  const received = internals.describeReceived;
  function invalidArgType(name, what, value) {
    const kind = name === 'options' ? 'argument' : 'property';
    const error = new TypeError(`The "${name}" ${kind} must be ${what}. Received ${received(value)}`);
    error.code = 'ERR_INVALID_ARG_TYPE';
    return error;
  }
  function abortError(cause) {
    const error = new Error('The operation was aborted', cause === undefined ? undefined : { cause });
    error.name = 'AbortError';
    error.code = 'ABORT_ERR';
    return error;
  }

  // The options' error, or undefined: Node rejects (it does not throw) on these.
  function checkOptions(options) {
    if (options === null || typeof options !== 'object') {
      return invalidArgType('options', 'of type object', options);
    }
    const { signal, ref } = options;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      return invalidArgType('options.signal', 'an instance of AbortSignal', signal);
    }
    if (ref !== undefined && typeof ref !== 'boolean') {
      return invalidArgType('options.ref', 'of type boolean', ref);
    }
    return undefined;
  }

  // A promise for `value` once `start(done)` calls done; `cancel` undoes it on abort.
  function later(value, options, start, cancel) {
    const invalid = checkOptions(options);
    if (invalid !== undefined) return PromiseReject(invalid);
    const { signal, ref = true } = options;
    if (signal?.aborted) return PromiseReject(abortError(signal.reason));
    return new Promise((resolve, reject) => {
      let onAbort;
      const handle = start(() => {
        if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
        resolve(value);
      });
      if (!ref) handle.unref();
      if (signal !== undefined) {
        onAbort = () => {
          cancel(handle);
          reject(abortError(signal.reason));
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
  }

  function setTimeout(delay, value, options = {}) {
    return later(value, options, (done) => timers.setTimeout(done, delay), timers.clearTimeout);
  }
  function setImmediate(value, options = {}) {
    return later(value, options, (done) => timers.setImmediate(done), timers.clearImmediate);
  }

  // Each tick yields `value` once; ticks that come while nobody waits are
  // counted and yielded by the next calls, as Node's iterator does.
  function setInterval(delay, value, options = {}) {
    const invalid = checkOptions(options);
    let handle;
    let pendingTicks = 0;
    let finished = false;
    let failure = invalid;
    const waiting = [];
    const { signal, ref = true } = invalid === undefined ? options : {};
    const stop = () => {
      if (handle !== undefined) timers.clearInterval(handle);
      finished = true;
    };
    const onAbort = () => {
      stop();
      failure = abortError(signal.reason);
      while (waiting.length > 0) ArrayPrototypeShift(waiting).reject(failure);
    };
    function begin() {
      if (handle !== undefined || finished || failure !== undefined) return;
      if (signal?.aborted) {
        failure = abortError(signal.reason);
        finished = true;
        return;
      }
      handle = timers.setInterval(() => {
        if (waiting.length > 0) ArrayPrototypeShift(waiting).resolve({ value, done: false });
        else pendingTicks++;
      }, delay);
      if (!ref) handle.unref();
      signal?.addEventListener('abort', onAbort, { once: true });
    }
    return {
      next() {
        begin();
        if (failure !== undefined) {
          const error = failure;
          failure = undefined;
          finished = true;
          return PromiseReject(error);
        }
        if (pendingTicks > 0) {
          pendingTicks--;
          return PromiseResolve({ value, done: false });
        }
        if (finished) return PromiseResolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => ArrayPrototypePush(waiting, { resolve, reject }));
      },
      return() {
        stop();
        signal?.removeEventListener('abort', onAbort);
        while (waiting.length > 0) ArrayPrototypeShift(waiting).resolve({ value: undefined, done: true });
        return PromiseResolve({ value: undefined, done: true });
      },
      [SymbolAsyncIterator]() { return this; },
    };
  }

  // Node's experimental Scheduler: wait(delay, options) and yield(); only
  // this file may construct one.
  const kScheduler = Symbol('kScheduler');
  class Scheduler {
    constructor(key) {
      if (key !== kScheduler) {
        const error = new TypeError('Illegal constructor');
        error.code = 'ERR_ILLEGAL_CONSTRUCTOR';
        throw error;
      }
    }
    wait(delay, options) { return setTimeout(delay, undefined, options); }
    yield() { return setImmediate(); }
  }
  const scheduler = new Scheduler(kScheduler);

  return { setTimeout, setImmediate, setInterval, scheduler };
})
