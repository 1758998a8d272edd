// Node's `events` module: EventEmitter as Node 20 shapes it (a plain
// constructor that subclasses may call as `EventEmitter.call(this)`, listeners
// in `_events` as one function or an array, `_eventsCount`, `_maxListeners`),
// `once`, `on`, `errorMonitor`, captured rejections, `addAbortListener`.
// npm code (readable-stream's Stream is `EE.call(this, opts)`) depends on that
// shape. Evaluated before builtins.js, which calls internals.makeEvents the
// first time `events` is required.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeShift, ArrayPrototypeSlice, ArrayPrototypeSplice,
    ArrayPrototypeUnshift, Error, NumberIsNaN, ObjectDefineProperty,
    ObjectGetPrototypeOf, Promise, PromiseReject, PromiseResolve, RangeError, ReflectApply,
    ReflectOwnKeys, String, Symbol, SymbolAsyncIterator, SymbolFor, TypeError,
  } = internals.primordials;
  const { process, queueMicrotask } = globalThis;

  const kRejection = SymbolFor('nodejs.rejection');
  const kDispose = SymbolFor('nodejs.dispose');  // Node 20's Symbol.dispose (engine.js)
  const kShapeMode = Symbol('shapeMode');
  const kCapture = Symbol('kCapture');
  const kErrorMonitor = Symbol('events.errorMonitor');
  // What an EventTarget's own limit is kept under (event_target.js).
  const kMaxEventTargetListeners = internals.kMaxEventTargetListeners;
  const kMaxEventTargetListenersWarned = internals.kMaxEventTargetListenersWarned;

  function coded(Ctor, code, message) {
    const error = new Ctor(message);
    error.code = code;
    return error;
  }
  const invalidArgType = (name, expected, value) => coded(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" ${name.includes('.') ? 'property' : 'argument'} must be ${expected}. ` +
    `Received ${internals.describeReceived(value)}`);
  function checkListener(listener) {
    if (typeof listener !== 'function') {
      throw invalidArgType('listener', 'of type function', listener);
    }
  }
  function checkMax(n, name) {
    if (typeof n !== 'number') throw invalidArgType(name, 'of type number', n);
    if (n < 0 || NumberIsNaN(n)) {
      throw coded(RangeError, 'ERR_OUT_OF_RANGE',
        `The value of "${name}" is out of range. It must be >= 0. Received ${n}`);
    }
  }
  function checkSignal(signal, name) {
    if (signal !== undefined &&
        (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw invalidArgType(name, 'an instance of AbortSignal', signal);
    }
  }

  // Node's AbortError (not the DOMException an AbortController's reason is).
  class AbortError extends Error {
    constructor(message = 'The operation was aborted', options = undefined) {
      super(message, options);
      this.code = 'ABORT_ERR';
      this.name = 'AbortError';
    }
  }

  function EventEmitter(opts) {
    ReflectApply(EventEmitter.init, this, [opts]);
  }
  EventEmitter.prototype._events = undefined;
  EventEmitter.prototype._eventsCount = 0;
  EventEmitter.prototype._maxListeners = undefined;
  ObjectDefineProperty(EventEmitter.prototype, kCapture, { value: false, writable: true });

  let defaultMaxListeners = 10;
  EventEmitter.init = function (opts) {
    if (this._events === undefined || this._events === ObjectGetPrototypeOf(this)._events) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
      this[kShapeMode] = false;
    } else {
      this[kShapeMode] = true;
    }
    this._maxListeners = this._maxListeners || undefined;
    if (opts?.captureRejections) {
      if (typeof opts.captureRejections !== 'boolean') {
        throw invalidArgType('options.captureRejections', 'of type boolean',
          opts.captureRejections);
      }
      this[kCapture] = true;
    } else {
      this[kCapture] = EventEmitter.prototype[kCapture];
    }
  };

  // A promise a listener returned rejects: 'error' (or the rejection handler).
  function addCatch(emitter, promise, type, args) {
    if (!emitter[kCapture]) return;
    try {
      const then = promise.then;
      if (typeof then === 'function') {
        ReflectApply(then, promise, [undefined, (error) => {
          process.nextTick(emitRejection, emitter, error, type, args);
        }]);
      }
    } catch (error) {
      emitter.emit('error', error);
    }
  }
  function emitRejection(emitter, error, type, args) {
    if (typeof emitter[kRejection] === 'function') {
      ReflectApply(emitter[kRejection], emitter, [error, type, ...args]);
      return;
    }
    const previous = emitter[kCapture];
    try {
      emitter[kCapture] = false;
      emitter.emit('error', error);
    } finally {
      emitter[kCapture] = previous;
    }
  }

  const maxListenersOf = (emitter) =>
    (emitter._maxListeners === undefined ? defaultMaxListeners : emitter._maxListeners);

  function addListener(target, type, listener, prepend) {
    checkListener(listener);
    let events = target._events;
    let existing;
    if (events === undefined) {
      events = target._events = { __proto__: null };
      target._eventsCount = 0;
    } else {
      if (events.newListener !== undefined) {
        target.emit('newListener', type, listener.listener ?? listener);
        events = target._events;  // a newListener listener may have replaced it
      }
      existing = events[type];
    }
    if (existing === undefined) {
      events[type] = listener;
      ++target._eventsCount;
      return target;
    }
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      ArrayPrototypeUnshift(existing, listener);
    } else {
      ArrayPrototypePush(existing, listener);
    }
    const max = maxListenersOf(target);
    if (max > 0 && existing.length > max && !existing.warned) {
      existing.warned = true;
      // Node's warning: an Error carrying the emitter, type and count, through
      // process.emitWarning ('warning' listeners see it; then it is printed).
      const shown = internals.inspect(target, { depth: -1 });
      const warning = new Error('Possible EventEmitter memory leak detected. ' +
        `${existing.length} ${String(type)} listeners added to ${shown}. MaxListeners ` +
        `is ${max}. Use emitter.setMaxListeners() to increase limit`);
      warning.name = 'MaxListenersExceededWarning';
      warning.emitter = target;
      warning.type = type;
      warning.count = existing.length;
      process.emitWarning(warning);
    }
    return target;
  }

  function onceWrapper(...args) {
    if (this.fired) return undefined;
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return ReflectApply(this.listener, this.target, args);
  }
  function wrapOnce(target, type, listener) {
    checkListener(listener);
    const state = { fired: false, wrapFn: undefined, target, type, listener };
    const wrapped = (...args) => ReflectApply(onceWrapper, state, args);
    ObjectDefineProperty(wrapped, 'name', { value: 'bound onceWrapper' });
    wrapped.listener = listener;
    state.wrapFn = wrapped;
    return wrapped;
  }

  function listenersOf(target, type, unwrap) {
    const events = target._events;
    const list = events === undefined ? undefined : events[type];
    if (list === undefined) return [];
    if (typeof list === 'function') return unwrap ? [list.listener || list] : [list];
    const copy = ArrayPrototypeSlice(list);
    if (unwrap) for (let i = 0; i < copy.length; i++) copy[i] = copy[i].listener || copy[i];
    return copy;
  }

  const methods = {
    setMaxListeners(n) {
      checkMax(n, 'setMaxListeners');
      this._maxListeners = n;
      return this;
    },
    getMaxListeners() { return maxListenersOf(this); },
    emit(type, ...args) {
      let doError = type === 'error';
      const events = this._events;
      if (events !== undefined) {
        if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
        doError = doError && events.error === undefined;
      } else if (!doError) {
        return false;
      }
      if (doError) {
        const error = args.length > 0 ? args[0] : undefined;
        if (error instanceof Error) throw error;  // Unhandled 'error' event
        let shown;
        try { shown = internals.inspect(error); } catch { shown = error; }
        const wrapped = coded(Error, 'ERR_UNHANDLED_ERROR', `Unhandled error. (${shown})`);
        wrapped.context = error;
        throw wrapped;
      }
      const handler = events[type];
      if (handler === undefined) return false;
      if (typeof handler === 'function') {
        const result = ReflectApply(handler, this, args);
        if (result !== undefined && result !== null) addCatch(this, result, type, args);
      } else {
        const listeners = ArrayPrototypeSlice(handler);
        for (let i = 0; i < listeners.length; i++) {
          const result = ReflectApply(listeners[i], this, args);
          if (result !== undefined && result !== null) addCatch(this, result, type, args);
        }
      }
      return true;
    },
    addListener(type, listener) { return addListener(this, type, listener, false); },
    prependListener(type, listener) { return addListener(this, type, listener, true); },
    // Through this.on / this.prependListener, as Node's: a subclass's `on`
    // (Readable's starts the flow for 'data') sees once() listeners too.
    once(type, listener) {
      this.on(type, wrapOnce(this, type, listener));
      return this;
    },
    prependOnceListener(type, listener) {
      this.prependListener(type, wrapOnce(this, type, listener));
      return this;
    },
    removeListener(type, listener) {
      checkListener(listener);
      const events = this._events;
      if (events === undefined) return this;
      const list = events[type];
      if (list === undefined) return this;
      if (list === listener || list.listener === listener) {
        this._eventsCount -= 1;
        if (this[kShapeMode]) {
          events[type] = undefined;
        } else if (this._eventsCount === 0) {
          this._events = { __proto__: null };
        } else {
          delete events[type];
          if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
        }
      } else if (typeof list !== 'function') {
        let position = -1;
        for (let i = list.length - 1; i >= 0; i--) {
          if (list[i] === listener || list[i].listener === listener) {
            position = i;
            break;
          }
        }
        if (position < 0) return this;
        if (position === 0) ArrayPrototypeShift(list); else ArrayPrototypeSplice(list, position, 1);
        if (list.length === 1) events[type] = list[0];
        if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
      }
      return this;
    },
    removeAllListeners(type) {
      const events = this._events;
      if (events === undefined) return this;
      if (events.removeListener === undefined) {
        if (arguments.length === 0) {
          this._events = { __proto__: null };
          this._eventsCount = 0;
        } else if (events[type] !== undefined) {
          if (--this._eventsCount === 0) this._events = { __proto__: null };
          else delete events[type];
        }
        this[kShapeMode] = false;
        return this;
      }
      if (arguments.length === 0) {  // 'removeListener' listeners hear about every other one
        const keys = ReflectOwnKeys(events);
        for (let i = 0; i < keys.length; i++) {
          if (keys[i] !== 'removeListener') this.removeAllListeners(keys[i]);
        }
        this.removeAllListeners('removeListener');
        this._events = { __proto__: null };
        this._eventsCount = 0;
        this[kShapeMode] = false;
        return this;
      }
      const listeners = events[type];
      if (typeof listeners === 'function') {
        this.removeListener(type, listeners);
      } else if (listeners !== undefined) {
        for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
      }
      return this;
    },
    listeners(type) { return listenersOf(this, type, true); },
    rawListeners(type) { return listenersOf(this, type, false); },
    listenerCount(type, listener) {
      const events = this._events;
      const list = events === undefined ? undefined : events[type];
      if (list === undefined) return 0;
      if (typeof list === 'function') {
        return listener == null || listener === list || listener === list.listener ? 1 : 0;
      }
      if (listener == null) return list.length;
      let count = 0;
      for (let i = 0; i < list.length; i++) {
        if (list[i] === listener || list[i].listener === listener) count++;
      }
      return count;
    },
    eventNames() { return this._eventsCount > 0 ? ReflectOwnKeys(this._events) : []; },
  };
  // Assigned, as Node's are (enumerable), with `on` and `off` after what they alias.
  const names = ReflectOwnKeys(methods);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    EventEmitter.prototype[name] = methods[name];
    if (name === 'addListener') EventEmitter.prototype.on = methods[name];
    if (name === 'removeListener') EventEmitter.prototype.off = methods[name];
  }

  // ---- statics --------------------------------------------------------------

  // Listeners on an EventEmitter or, through the same call, an EventTarget.
  function addAgnostic(emitter, name, listener, once) {
    if (typeof emitter.on === 'function') {
      if (once) emitter.once(name, listener); else emitter.on(name, listener);
    } else if (typeof emitter.addEventListener === 'function') {
      emitter.addEventListener(name, listener, { __proto__: null, once });
    } else {
      throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitter);
    }
  }
  function removeAgnostic(emitter, name, listener) {
    if (typeof emitter.removeListener === 'function') {
      emitter.removeListener(name, listener);
    } else if (typeof emitter.removeEventListener === 'function') {
      emitter.removeEventListener(name, listener);
    }
  }
  function checkOptions(options) {
    if (options === null || typeof options !== 'object') {
      throw invalidArgType('options', 'of type object', options);
    }
  }

  // Resolves with the arguments of the next `name` event; rejects on 'error'.
  async function once(emitter, name, options = {}) {
    checkOptions(options);
    const signal = options.signal;
    checkSignal(signal, 'options.signal');
    if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
    return new Promise((resolve, reject) => {
      const onError = (error) => {
        removeAgnostic(emitter, name, resolver);
        if (signal != null) removeAgnostic(signal, 'abort', onAbort);
        reject(error);
      };
      const resolver = (...args) => {
        if (typeof emitter.removeListener === 'function') emitter.removeListener('error', onError);
        if (signal != null) removeAgnostic(signal, 'abort', onAbort);
        resolve(args);
      };
      addAgnostic(emitter, name, resolver, true);
      if (name !== 'error' && typeof emitter.once === 'function') emitter.once('error', onError);
      function onAbort() {
        removeAgnostic(emitter, name, resolver);
        removeAgnostic(emitter, 'error', onError);
        reject(new AbortError(undefined, { cause: signal?.reason }));
      }
      if (signal != null) addAgnostic(signal, 'abort', onAbort, true);
    });
  }

  // An async iterator over `event`'s arguments; 'error' rejects the next read.
  function on(emitter, event, options = {}) {
    checkOptions(options);
    const signal = options.signal;
    checkSignal(signal, 'options.signal');
    if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
    const closeEvents = options.close ?? [];
    const unconsumed = [];  // event argument lists nobody has asked for yet
    const waiting = [];     // [resolve, reject] of reads that came first
    let error = null;
    let finished = false;
    const settle = (value, done) => ({ value, done });
    function onEvent(...args) {
      if (waiting.length > 0) ArrayPrototypeShift(waiting)[0](settle(args, false));
      else ArrayPrototypePush(unconsumed, args);
    }
    function onError(err) {
      if (waiting.length > 0) ArrayPrototypeShift(waiting)[1](err); else error = err;
      iterator.return();
    }
    function onClose() { closeIterator(); }
    function onAbort() { onError(new AbortError(undefined, { cause: signal?.reason })); }
    function closeIterator() {
      removeAgnostic(emitter, event, onEvent);
      if (event !== 'error') removeAgnostic(emitter, 'error', onError);
      for (let i = 0; i < closeEvents.length; i++) removeAgnostic(emitter, closeEvents[i], onClose);
      if (signal != null) removeAgnostic(signal, 'abort', onAbort);
      finished = true;
      while (waiting.length > 0) ArrayPrototypeShift(waiting)[0](settle(undefined, true));
      return PromiseResolve(settle(undefined, true));
    }
    const iterator = {
      next() {
        if (unconsumed.length > 0) {
          return PromiseResolve(settle(ArrayPrototypeShift(unconsumed), false));
        }
        if (error) {
          const pending = PromiseReject(error);
          error = null;
          return pending;
        }
        if (finished) return closeIterator();
        return new Promise((resolve, reject) => ArrayPrototypePush(waiting, [resolve, reject]));
      },
      return() { return closeIterator(); },
      throw(err) {
        if (!err || !(err instanceof Error)) {
          throw invalidArgType('EventEmitter.AsyncIterator', 'an instance of Error', err);
        }
        onError(err);
        return undefined;
      },
      [SymbolAsyncIterator]() { return this; },
    };
    addAgnostic(emitter, event, onEvent, false);
    if (event !== 'error' && typeof emitter.on === 'function') emitter.on('error', onError);
    for (let i = 0; i < closeEvents.length; i++) {
      addAgnostic(emitter, closeEvents[i], onClose, false);
    }
    if (signal != null) addAgnostic(signal, 'abort', onAbort, true);
    return iterator;
  }

  function addAbortListener(signal, listener) {
    if (signal === undefined) throw invalidArgType('signal', 'an instance of AbortSignal', signal);
    checkSignal(signal, 'signal');
    if (typeof listener !== 'function') {
      throw invalidArgType('listener', 'of type function', listener);
    }
    let remove;
    if (signal.aborted) {
      queueMicrotask(() => listener());
    } else {
      signal.addEventListener('abort', listener, { __proto__: null, once: true });
      remove = () => signal.removeEventListener('abort', listener);
    }
    return { __proto__: null, [kDispose]() { remove?.(); } };
  }

  const eventTargets = () => internals.eventTargets;  // event_target.js
  function getEventListeners(target, type) {
    if (typeof target.listeners === 'function') return target.listeners(type);
    if (eventTargets().isEventTarget(target)) return eventTargets().listenersOf(target, type);
    throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', target);
  }
  function getMaxListeners(target) {
    if (typeof target?.getMaxListeners === 'function') return maxListenersOf(target);
    if (eventTargets().isEventTarget(target)) {
      return target[kMaxEventTargetListeners] ?? defaultMaxListeners;
    }
    throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', target);
  }
  function setMaxListeners(n = defaultMaxListeners, ...targets) {
    checkMax(n, 'n');
    if (targets.length === 0) defaultMaxListeners = n;
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i];
      if (eventTargets().isEventTarget(target)) {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (typeof target.setMaxListeners === 'function') {
        target.setMaxListeners(n);
      } else {
        throw invalidArgType('eventTargets', 'an instance of EventEmitter or EventTarget', target);
      }
    }
  }
  function listenerCount(emitter, type) {
    if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
    return ReflectApply(methods.listenerCount, emitter, [type]);
  }
  const captureRejections = {
    get() { return EventEmitter.prototype[kCapture]; },
    set(value) {
      if (typeof value !== 'boolean') {
        throw invalidArgType('EventEmitter.captureRejections', 'of type boolean', value);
      }
      EventEmitter.prototype[kCapture] = value;
    },
  };
  const defaultMax = {
    get() { return defaultMaxListeners; },
    set(value) {
      checkMax(value, 'defaultMaxListeners');
      defaultMaxListeners = value;
    },
  };
  // In the order of Node's own keys; [name, value] or [name, accessors, true].
  const statics = [
    ['addAbortListener', addAbortListener], ['once', once], ['on', on],
    ['getEventListeners', getEventListeners], ['getMaxListeners', getMaxListeners],
    ['EventEmitter', EventEmitter], ['usingDomains', false], ['captureRejectionSymbol', kRejection],
    ['captureRejections', captureRejections, true],
    // async_hooks_impl.js, compiled when first read.
    ['EventEmitterAsyncResource', {
      get: () => internals.requireBuiltin('async_hooks') && internals.EventEmitterAsyncResource,
      set: undefined,
    }, true],
    ['errorMonitor', kErrorMonitor],
    ['defaultMaxListeners', defaultMax, true], ['setMaxListeners', setMaxListeners],
    ['init', EventEmitter.init], ['listenerCount', listenerCount],
  ];
  delete EventEmitter.init;
  for (let i = 0; i < statics.length; i++) {
    const entry = statics[i];
    if (entry[2]) {
      ObjectDefineProperty(EventEmitter, entry[0],
        { get: entry[1].get, set: entry[1].set, enumerable: true, configurable: true });
    } else {
      EventEmitter[entry[0]] = entry[1];
    }
  }
  ObjectDefineProperty(EventEmitter, 'kMaxEventTargetListeners',
    { value: kMaxEventTargetListeners });
  ObjectDefineProperty(EventEmitter, 'kMaxEventTargetListenersWarned',
    { value: kMaxEventTargetListenersWarned });

  internals.AbortError = AbortError;
  internals.makeEvents = () => EventEmitter;
})
