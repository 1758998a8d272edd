// Node's `async_hooks`: AsyncLocalStorage and AsyncResource on the runtime's
// async context (runtime/async_context.h). The context is a frame, a map from
// each AsyncLocalStorage to its store that is never changed once current
// (run and enterWith make a new one); V8 keeps it with every promise reaction
// and the runtime with every queued callback and native completion, so stores
// follow await, timers, ticks and I/O without per-callback hooks. Lazy:
// async_hooks.js compiles it on first require.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSplice, ArrayPrototypeUnshift,
    FunctionPrototypeBind, NumberIsSafeInteger, ObjectDefineProperties, ObjectIs, RangeError,
    ReflectApply, SafeMap, Symbol, TypeError,
  } = internals.strictPrimordials();
  const getFrame = natives.asyncContextFrame;
  const setFrame = natives.setAsyncContextFrame;
  const describe = internals.describeReceived;
  const { process, setImmediate } = globalThis;

  function invalidArgType(name, expected, value) {
    const error = new TypeError(`The "${name}" argument must be ${expected}. Received ${describe(value)}`);
    error.code = 'ERR_INVALID_ARG_TYPE';
    return error;
  }
  function propertyType(name, value) {
    const error = new TypeError(`The "${name}" property must be of type string. Received ${describe(value)}`);
    error.code = 'ERR_INVALID_ARG_TYPE';
    return error;
  }
  function validateFunction(value, name) {
    if (typeof value !== 'function') throw invalidArgType(name, 'of type function', value);
  }

  // A frame like `frame` with `storage` holding `store` (none: removed).
  function withStore(frame, storage, store, remove) {
    const next = new SafeMap();
    if (frame !== undefined) {
      for (const entry of frame.entries()) next.set(entry[0], entry[1]);
    }
    if (remove) next.delete(storage); else next.set(storage, store);
    return next.size === 0 ? undefined : next;
  }

  // Runs fn inside `frame`, then restores the caller's.
  function runInFrame(frame, fn, receiver, args) {
    const previous = getFrame();
    setFrame(frame);
    try {
      return ReflectApply(fn, receiver, args);
    } finally {
      setFrame(previous);
    }
  }

  // ---- async ids (exact for AsyncResource scopes; see README) ----
  let nextAsyncId = 2;  // 1 is the program's top level, as in Node
  let executionId = 1;
  let triggerId = 0;
  let executionResource = null;
  const topLevelResource = {};
  const hooks = [];  // enabled AsyncHooks

  function emitHook(name, ...args) {
    for (let i = 0; i < hooks.length; i++) {
      const fn = hooks[i][name];
      if (fn !== undefined) ReflectApply(fn, hooks[i].receiver, args);
    }
  }

  let warnedAsyncResource = false;
  function warnAsyncResourceProperty() {
    if (warnedAsyncResource) return;
    warnedAsyncResource = true;
    process.emitWarning('The asyncResource property on bound functions is deprecated',
                        'DeprecationWarning', 'DEP0172');
  }

  const kAsyncId = Symbol('asyncId');
  const kTriggerAsyncId = Symbol('triggerAsyncId');
  const kFrame = Symbol('asyncContext');
  const kDestroyed = Symbol('destroyed');

  class AsyncResource {
    constructor(type, options = {}) {
      if (typeof type !== 'string') throw invalidArgType('type', 'of type string', type);
      let trigger = options;
      let manualDestroy = false;
      if (typeof options !== 'number') {
        trigger = options.triggerAsyncId === undefined ? executionId : options.triggerAsyncId;
        manualDestroy = !!options.requireManualDestroy;
      }
      if (!NumberIsSafeInteger(trigger) || trigger < -1) {
        const error = new RangeError(`Invalid triggerAsyncId value: ${trigger}`);
        error.code = 'ERR_INVALID_ASYNC_ID';
        throw error;
      }
      this[kAsyncId] = nextAsyncId++;
      this[kTriggerAsyncId] = trigger;
      this[kFrame] = getFrame();
      this[kDestroyed] = false;
      void manualDestroy;  // no garbage-collection-driven destroy hook (README)
      if (hooks.length > 0) emitHook('init', this[kAsyncId], type, trigger, this);
    }

    runInAsyncScope(fn, thisArg, ...args) {
      const savedExecution = executionId;
      const savedTrigger = triggerId;
      const savedResource = executionResource;
      executionId = this[kAsyncId];
      triggerId = this[kTriggerAsyncId];
      executionResource = this;
      if (hooks.length > 0) emitHook('before', executionId);
      try {
        return runInFrame(this[kFrame], fn, thisArg, args);
      } finally {
        if (hooks.length > 0) emitHook('after', this[kAsyncId]);
        executionId = savedExecution;
        triggerId = savedTrigger;
        executionResource = savedResource;
      }
    }

    emitDestroy() {
      if (!this[kDestroyed]) {
        this[kDestroyed] = true;
        // Node calls destroy hooks later, not from emitDestroy itself.
        const id = this[kAsyncId];
        if (hooks.length > 0) setImmediate(() => emitHook('destroy', id));
      }
      return this;
    }

    asyncId() { return this[kAsyncId]; }
    triggerAsyncId() { return this[kTriggerAsyncId]; }

    bind(fn, thisArg) {
      validateFunction(fn, 'fn');
      let bound;
      if (thisArg === undefined) {
        const resource = this;
        bound = function (...args) {
          ArrayPrototypeUnshift(args, fn, this);
          return ReflectApply(resource.runInAsyncScope, resource, args);
        };
      } else {
        bound = FunctionPrototypeBind(this.runInAsyncScope, this, fn, thisArg);
      }
      let self = this;
      ObjectDefineProperties(bound, {
        length: { __proto__: null, configurable: true, enumerable: false, value: fn.length, writable: false },
        asyncResource: {
          __proto__: null, configurable: true, enumerable: true,
          get() { warnAsyncResourceProperty(); return self; },
          set(value) { warnAsyncResourceProperty(); self = value; },
        },
      });
      return bound;
    }

    static bind(fn, type, thisArg) {
      type = type || fn.name;
      return (new AsyncResource(type || 'bound-anonymous-fn')).bind(fn, thisArg);
    }
  }

  class AsyncLocalStorage {
    constructor() {
      // Node's own fields, which util.inspect shows.
      this.kResourceStore = Symbol('kResourceStore');
      this.enabled = false;
    }

    static bind(fn) { return AsyncResource.bind(fn); }

    static snapshot() {
      const frame = getFrame();
      return function runInAsyncScope(fn, ...args) { return runInFrame(frame, fn, undefined, args); };
    }

    disable() { this.enabled = false; }

    getStore() {
      if (!this.enabled) return undefined;
      const frame = getFrame();
      return frame === undefined ? undefined : frame.get(this);
    }

    enterWith(store) {
      this.enabled = true;
      setFrame(withStore(getFrame(), this, store, false));
    }

    run(store, callback, ...args) {
      if (this.enabled && ObjectIs(store, this.getStore())) return ReflectApply(callback, null, args);
      this.enabled = true;
      return runInFrame(withStore(getFrame(), this, store, false), callback, null, args);
    }

    exit(callback, ...args) {
      if (!this.enabled) return ReflectApply(callback, null, args);
      return runInFrame(withStore(getFrame(), this, undefined, true), callback, null, args);
    }
  }

  // createHook: the hooks see AsyncResource lifecycles (and so every
  // resource npm code makes with it), not the runtime's own (README).
  class AsyncHook {
    constructor({ init, before, after, destroy, promiseResolve }) {
      const callbacks = { init, before, after, destroy, promiseResolve };
      const names = ['init', 'before', 'after', 'destroy', 'promiseResolve'];
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        const fn = callbacks[name];
        if (fn !== undefined && typeof fn !== 'function') {
          const error = new TypeError(`hook.${name} must be a function`);
          error.code = 'ERR_ASYNC_CALLBACK';
          throw error;
        }
      }
      this.entry = { init, before, after, destroy, receiver: this };
    }
    enable() {
      if (ArrayPrototypeIndexOf(hooks, this.entry) === -1) ArrayPrototypePush(hooks, this.entry);
      return this;
    }
    disable() {
      const index = ArrayPrototypeIndexOf(hooks, this.entry);
      if (index !== -1) ArrayPrototypeSplice(hooks, index, 1);
      return this;
    }
  }

  const createHook = (callbacks) => new AsyncHook(callbacks);

  // events.EventEmitterAsyncResource: an EventEmitter whose emit runs its
  // listeners in the async context it was made in.
  const EventEmitter = internals.requireBuiltin('events');
  const kResource = Symbol('kAsyncResource');
  const kEmitter = Symbol('kEventEmitter');
  class EventEmitterReferencingAsyncResource extends AsyncResource {
    constructor(emitter, type, options) {
      super(type, options);
      this[kEmitter] = emitter;
    }
    get eventEmitter() { return this[kEmitter]; }
  }
  class EventEmitterAsyncResource extends EventEmitter {
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource && typeof options?.name !== 'string') {
          throw propertyType('options.name', options?.name);
        }
        name = options?.name || new.target.name;
      }
      super(options);
      this[kResource] = new EventEmitterReferencingAsyncResource(this, name, options);
    }
    emit(event, ...args) {
      const resource = this[kResource];
      ArrayPrototypeUnshift(args, super.emit, this, event);
      return ReflectApply(resource.runInAsyncScope, resource, args);
    }
    emitDestroy() { this[kResource].emitDestroy(); }
    get asyncId() { return this[kResource].asyncId(); }
    get triggerAsyncId() { return this[kResource].triggerAsyncId(); }
    get asyncResource() { return this[kResource]; }
  }
  internals.EventEmitterAsyncResource = EventEmitterAsyncResource;

  return {
    AsyncLocalStorage,
    createHook,
    executionAsyncId: () => executionId,
    triggerAsyncId: () => triggerId,
    executionAsyncResource: () => executionResource ?? topLevelResource,
    AsyncResource,
  };
})
