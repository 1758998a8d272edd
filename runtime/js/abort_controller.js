// AbortSignal and AbortController on event_target.js's EventTarget, compiled
// at the first read of either global (or internals.abortClasses()).
(function (natives, internals, parts) {
  'use strict';
  const {
    ObjectDefineProperty, RangeError, ReflectApply, Symbol, SymbolToStringTag, TypeError,
  } = internals.primordials;
  const {
    Event, EventTarget, kTrusted, kInspect, coded, invalidArgType, invalidThis, customInspect,
    DOMException, setTimeout,
  } = parts;

  const kConstruct = Symbol('construct');
  let isAbortSignal;
  let abortSignal;
  class AbortSignal extends EventTarget {
    #aborted = false;
    #reason = undefined;
    #onabort = null;
    #onabortListener = null;
    constructor(token) {
      if (token !== kConstruct) {
        throw coded(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
      }
      super();
    }
    static {
      isAbortSignal = (value) => value !== null && typeof value === 'object' && #aborted in value;
      abortSignal = (signal, reason) => {
        if (signal.#aborted) return;
        signal.#aborted = true;
        signal.#reason = reason;
        signal.dispatchEvent(new Event('abort', { [kTrusted]: true }));
      };
    }
    get aborted() { checkSignal(this); return this.#aborted; }
    get reason() { checkSignal(this); return this.#reason; }
    throwIfAborted() {
      checkSignal(this);
      if (this.#aborted) throw this.#reason;
    }
    get onabort() { checkSignal(this); return this.#onabort; }
    set onabort(handler) {
      checkSignal(this);
      if (this.#onabortListener === null) {  // keeps its place from the first assignment
        this.#onabortListener = (event) => {
          const current = this.#onabort;
          if (typeof current === 'function') return ReflectApply(current, this, [event]);
          return undefined;
        };
        this.addEventListener('abort', this.#onabortListener);
      }
      const callable = typeof handler === 'function' ||
        (typeof handler === 'object' && handler !== null);
      this.#onabort = callable ? handler : null;
    }
    static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
      const signal = new AbortSignal(kConstruct);
      signal.#aborted = true;
      signal.#reason = reason;
      return signal;
    }
    static timeout(delay) {
      if (typeof delay !== 'number') throw invalidArgType('delay', 'of type number', delay);
      if (!(delay >= 0 && delay <= 4294967295) || delay % 1 !== 0) {
        throw coded(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "delay" is out of range. ' +
          `It must be >= 0 && <= 4294967295. Received ${internals.inspect(delay)}`);
      }
      const signal = new AbortSignal(kConstruct);
      const timer = setTimeout(() => abortSignal(signal,
        new DOMException('The operation was aborted due to timeout', 'TimeoutError')), delay);
      timer?.unref?.();  // a pending timeout does not keep the program alive
      return signal;
    }
    static any(signals) {
      if (signals === null || typeof signals !== 'object' || typeof signals.length !== 'number') {
        throw invalidArgType('signals', 'an instance of Array', signals);
      }
      for (let i = 0; i < signals.length; i++) {
        if (!isAbortSignal(signals[i])) {
          throw coded(TypeError, 'ERR_INVALID_ARG_TYPE', `The "signals[${i}]" argument must be ` +
            `an instance of AbortSignal. Received ${internals.describeReceived(signals[i])}`);
        }
      }
      for (let i = 0; i < signals.length; i++) {
        if (signals[i].#aborted) return AbortSignal.abort(signals[i].#reason);
      }
      const combined = new AbortSignal(kConstruct);
      for (let i = 0; i < signals.length; i++) {
        const source = signals[i];
        source.addEventListener('abort', () => abortSignal(combined, source.#reason),
          { once: true });
      }
      return combined;
    }
    [kInspect](depth, options) {
      return customInspect(this, { aborted: this.#aborted }, depth, options);
    }
  }
  function checkSignal(value) {
    if (!isAbortSignal(value)) throw invalidThis('AbortSignal');
  }
  ObjectDefineProperty(AbortSignal.prototype, SymbolToStringTag,
    { value: 'AbortSignal', configurable: true });

  class AbortController {
    #signal = new AbortSignal(kConstruct);
    get signal() { checkController(this); return this.#signal; }
    abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
      checkController(this);
      abortSignal(this.#signal, reason);
    }
    static {
      internals.isAbortController = (value) =>
        value !== null && typeof value === 'object' && #signal in value;
    }
    [kInspect](depth, options) {
      return customInspect(this, { signal: this.#signal }, depth, options);
    }
  }
  function checkController(value) {
    if (!internals.isAbortController(value)) throw invalidThis('AbortController');
  }
  ObjectDefineProperty(AbortController.prototype, SymbolToStringTag,
    { value: 'AbortController', configurable: true });

  return { AbortController, AbortSignal };
})
