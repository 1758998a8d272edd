// The web's EventTarget and Event, and AbortController / AbortSignal on them
// (abort_controller.js, compiled on first use), as Node 20 has them as globals. Streams, events.once and timers take an
// AbortSignal; readable-stream (stream.js) uses these instead of a polyfill.
// Evaluated after web.js (DOMException, performance); events.js reads
// internals.eventTargets for getEventListeners and setMaxListeners.
(function (natives, internals) {
  'use strict';
  const {
    Error, ObjectDefineProperty, PromisePrototypeThen, RangeError, ReflectApply, SafeMap, Symbol,
    SymbolFor, SymbolToStringTag, TypeError,
  } = internals.primordials;
  const { DOMException, performance } = internals.web;
  const { process, setTimeout } = globalThis;
  const performanceNow = () => ReflectApply(performance.now, performance, []);
  const kInspect = SymbolFor('nodejs.util.inspect.custom');
  const kMaxListeners = Symbol('events.maxEventTargetListeners');
  const kMaxListenersWarned = Symbol('events.maxEventTargetListenersWarned');
  const kTrusted = Symbol('kTrustEvent');  // only the runtime's own events are trusted

  function coded(Ctor, code, message) {
    const error = new Ctor(message);
    error.code = code;
    return error;
  }
  const invalidArgType = (name, expected, value) => coded(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be ${expected}. Received ${internals.describeReceived(value)}`);
  const invalidThis = (type) =>
    coded(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);

  // `Name { ...fields }`, as Node prints its event classes (past the depth
  // limit, returning `self` lets inspect print `[Name]`).
  function customInspect(self, fields, depth, options) {
    if (depth < 0) return self;
    const inner = { ...options, depth: options.depth === null ? null : options.depth - 1 };
    return `${self.constructor.name} ${internals.inspect(fields, inner)}`;
  }

  // ---- Event ----------------------------------------------------------------

  let isEvent;
  class Event {
    #type;
    #bubbles;
    #cancelable;
    #composed;
    #trusted;
    #timeStamp = performanceNow();
    #canceled = false;
    #stopped = false;       // stopPropagation()
    #stoppedNow = false;    // stopImmediatePropagation()
    #target = null;
    #currentTarget = null;
    #dispatching = false;
    constructor(type, options = undefined) {
      if (arguments.length === 0) {
        throw coded(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
      }
      if (options != null && typeof options !== 'object' && typeof options !== 'function') {
        throw invalidArgType('options', 'of type object', options);
      }
      this.#type = `${type}`;
      this.#bubbles = !!options?.bubbles;
      this.#cancelable = !!options?.cancelable;
      this.#composed = !!options?.composed;
      this.#trusted = options?.[kTrusted] === true;
    }
    static {
      isEvent = (value) => value !== null && typeof value === 'object' && #type in value;
      internals.eventState = {
        begin(event, target) {
          if (event.#dispatching) return false;
          event.#dispatching = true;
          event.#target = event.#currentTarget = target;
          return true;
        },
        end(event) {
          event.#dispatching = false;
          event.#currentTarget = null;
        },
        stoppedNow: (event) => event.#stoppedNow,
      };
    }
    initEvent(type, bubbles = false, cancelable = false) {
      checkEvent(this);
      if (arguments.length === 0) {
        throw coded(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
      }
      if (this.#dispatching) return;
      this.#type = `${type}`;
      this.#bubbles = !!bubbles;
      this.#cancelable = !!cancelable;
    }
    stopImmediatePropagation() { checkEvent(this); this.#stopped = this.#stoppedNow = true; }
    preventDefault() { checkEvent(this); if (this.#cancelable) this.#canceled = true; }
    get target() { checkEvent(this); return this.#target; }
    get currentTarget() { checkEvent(this); return this.#currentTarget; }
    get srcElement() { checkEvent(this); return this.#target; }
    get type() { checkEvent(this); return this.#type; }
    get cancelable() { checkEvent(this); return this.#cancelable; }
    get defaultPrevented() { checkEvent(this); return this.#cancelable && this.#canceled; }
    get timeStamp() { checkEvent(this); return this.#timeStamp; }
    composedPath() { checkEvent(this); return this.#dispatching ? [this.#currentTarget] : []; }
    get returnValue() { checkEvent(this); return !(this.#cancelable && this.#canceled); }
    get bubbles() { checkEvent(this); return this.#bubbles; }
    get composed() { checkEvent(this); return this.#composed; }
    get eventPhase() { checkEvent(this); return this.#dispatching ? Event.AT_TARGET : Event.NONE; }
    get cancelBubble() { checkEvent(this); return this.#stopped; }
    set cancelBubble(value) { checkEvent(this); if (value) this.#stopped = true; }
    stopPropagation() { checkEvent(this); this.#stopped = true; }
    get isTrusted() { checkEvent(this); return this.#trusted; }
    [kInspect](depth, options) {
      return customInspect(this, {
        type: this.#type, defaultPrevented: this.defaultPrevented,
        cancelable: this.#cancelable, timeStamp: this.#timeStamp,
      }, depth, options);
    }
  }
  function checkEvent(value) {
    if (!isEvent(value)) throw invalidThis('Event');
  }
  const phases = ['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE'];
  for (let i = 0; i < phases.length; i++) {
    ObjectDefineProperty(Event, phases[i], { value: i, enumerable: true });
    ObjectDefineProperty(Event.prototype, phases[i], { value: i, enumerable: true });
  }
  ObjectDefineProperty(Event.prototype, SymbolToStringTag, { value: 'Event', configurable: true });

  // ---- EventTarget ----------------------------------------------------------

  // A listener record in its type's doubly linked list. A record removed while
  // its event is being dispatched keeps `next`, so the dispatch walks on, and
  // listeners added meanwhile are reached too, as in Node.
  function listenerRecord(listener, once, capture) {
    return { listener, once, capture, removed: false, prev: null, next: null };
  }

  // A listener error is the program's uncaught exception, after the dispatch.
  function reportError(error) {
    process.nextTick(() => { throw error; });
  }

  let isEventTarget;
  class EventTarget {
    #listeners = new SafeMap();  // type -> { head, tail, size }
    constructor() {
      this[kMaxListeners] = internals.makeEvents().defaultMaxListeners;
      this[kMaxListenersWarned] = false;
    }
    static {
      isEventTarget = (value) => value !== null && typeof value === 'object' && #listeners in value;
      internals.eventTargets = {
        isEventTarget: (value) => isEventTarget(value),
        listenersOf(target, type) {
          const list = target.#listeners.get(`${type}`);
          const out = [];
          for (let record = list?.head; record; record = record.next) {
            out[out.length] = record.listener;
          }
          return out;
        },
      };
    }
    addEventListener(type, listener, options = undefined) {
      checkTarget(this);
      if (arguments.length < 2) {
        throw coded(TypeError, 'ERR_MISSING_ARGS',
          'The "type" and "listener" arguments must be specified');
      }
      if (!checkListener(listener)) return;
      const { once, capture, signal } = listenerOptions(options);
      if (signal !== undefined) {
        if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
          throw coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "options.signal" property must ' +
            `be an instance of AbortSignal. Received ${internals.describeReceived(signal)}`);
        }
        if (signal.aborted) return;
      }
      type = `${type}`;
      let list = this.#listeners.get(type);
      if (list === undefined) {
        list = { head: null, tail: null, size: 0 };
        this.#listeners.set(type, list);
      }
      for (let record = list.head; record; record = record.next) {
        if (record.listener === listener && record.capture === capture) return;  // a duplicate
      }
      const record = listenerRecord(listener, once, capture);
      record.prev = list.tail;
      if (list.tail) list.tail.next = record; else list.head = record;
      list.tail = record;
      list.size++;
      const max = this[kMaxListeners];
      if (list.size > max && max > 0 && !this[kMaxListenersWarned]) {
        this[kMaxListenersWarned] = true;
        natives.print(2, '(toysnap) MaxListenersExceededWarning: Possible EventTarget memory ' +
          `leak detected. ${list.size} ${type} listeners added to [${this.constructor.name}]. ` +
          `MaxListeners is ${max}. Use events.setMaxListeners() to increase limit\n`);
      }
      if (signal !== undefined) {
        signal.addEventListener('abort', () => this.removeEventListener(type, listener, options),
          { once: true });
      }
    }
    removeEventListener(type, listener, options = undefined) {
      checkTarget(this);
      const capture = typeof options === 'boolean' ? options : !!options?.capture;
      const list = this.#listeners.get(`${type}`);
      for (let record = list?.head; record; record = record.next) {
        if (record.listener === listener && record.capture === capture) {
          unlink(this.#listeners, `${type}`, list, record);
          return;
        }
      }
    }
    dispatchEvent(event) {
      checkTarget(this);
      if (arguments.length < 1) {
        throw coded(TypeError, 'ERR_MISSING_ARGS', 'The "event" argument must be specified');
      }
      if (!isEvent(event)) throw invalidArgType('event', 'an instance of Event', event);
      const state = internals.eventState;
      if (!state.begin(event, this)) {
        const error = new Error(`The event "${event.type}" is already being dispatched`);
        error.code = 'ERR_EVENT_RECURSION';
        throw error;
      }
      const type = event.type;
      const list = this.#listeners.get(type);
      try {
        for (let record = list?.head; record && !state.stoppedNow(event); record = record.next) {
          if (record.removed) continue;
          if (record.once) unlink(this.#listeners, type, list, record);
          const listener = record.listener;
          try {
            const result = typeof listener === 'function'
              ? ReflectApply(listener, this, [event])
              : callHandleEvent(listener, event);
            if (result !== undefined && result !== null && typeof result.then === 'function') {
              PromisePrototypeThen(result, undefined, reportError);
            }
          } catch (error) {
            reportError(error);
          }
        }
      } finally {
        state.end(event);
      }
      return !event.defaultPrevented;
    }
    [kInspect](depth, options) { return customInspect(this, {}, depth, options); }
  }
  function callHandleEvent(listener, event) {
    const handleEvent = listener.handleEvent;
    if (typeof handleEvent !== 'function') {
      throw invalidArgType('listener.handleEvent', 'of type function', handleEvent);
    }
    return ReflectApply(handleEvent, listener, [event]);
  }
  function unlink(listeners, type, list, record) {
    record.removed = true;
    if (record.prev) record.prev.next = record.next; else list.head = record.next;
    if (record.next) record.next.prev = record.prev; else list.tail = record.prev;
    if (--list.size === 0) listeners.delete(type);
  }
  function checkTarget(value) {
    if (!isEventTarget(value)) throw invalidThis('EventTarget');
  }
  // A function, an object (its handleEvent is looked up at each dispatch), or
  // null/undefined, which the web ignores.
  function checkListener(listener) {
    if (typeof listener === 'function' || (typeof listener === 'object' && listener !== null)) {
      return true;
    }
    if (listener == null) return false;
    throw invalidArgType('listener', 'an instance of EventListener', listener);
  }
  function listenerOptions(options) {
    if (typeof options === 'boolean') return { once: false, capture: options, signal: undefined };
    if (options == null) return { once: false, capture: false, signal: undefined };
    return { once: !!options.once, capture: !!options.capture, signal: options.signal };
  }
  ObjectDefineProperty(EventTarget.prototype, SymbolToStringTag,
    { value: 'EventTarget', configurable: true });

  // AbortSignal and AbortController: Node 20's lazy globals, compiled at the
  // first read of either (abort_controller.js).
  let abortClasses;
  internals.abortClasses = () => {
    abortClasses ??= natives.loadScript('abort_controller.js')(natives, internals, {
      Event, EventTarget, kTrusted, kInspect, coded, invalidArgType, invalidThis, customInspect,
      DOMException, setTimeout,
    });
    return abortClasses;
  };
  internals.defineLazyGlobals(['AbortController', 'AbortSignal'], internals.abortClasses, false);

  // Classes are not enumerable on globalThis, as in Node.
  const globals = [['EventTarget', EventTarget], ['Event', Event]];
  for (let i = 0; i < globals.length; i++) {
    ObjectDefineProperty(globalThis, globals[i][0],
      { value: globals[i][1], writable: true, configurable: true, enumerable: false });
  }
  internals.kMaxEventTargetListeners = kMaxListeners;
  internals.kMaxEventTargetListenersWarned = kMaxListenersWarned;
})
