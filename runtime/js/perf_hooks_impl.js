// Node 20's user timing: performance.mark/measure and their buffer
// (getEntries*, clearMarks/clearMeasures), PerformanceObserver (callbacks in
// the next check phase, as Node's setImmediate), timerify, and the perf_hooks
// exports. Lazy: perf_hooks.js compiles it on first require or on the first
// call of one of these performance methods.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeFilter, ArrayPrototypeIncludes, ArrayPrototypePush,
    ArrayPrototypeSlice, ArrayPrototypeSort, ObjectDefineProperty, ObjectFreeze, ReflectApply,
    ReflectConstruct, RegExpPrototypeExec, SafeMap, SafeSet, SafeWeakMap, SymbolFor,
    SymbolToStringTag, TypeError,
  } = internals.strictPrimordials();
  const { structuredClone, setImmediate } = globalThis;
  const { performance, DOMException } = internals.web;
  const now = () => ReflectApply(performance.now, performance, []);
  const inspect = internals.inspect;

  function coded(code, message, Ctor = TypeError) {
    const error = new Ctor(message);
    error.code = code;
    return error;
  }
  function invalidArgType(name, expected, value) {
    const kind = RegExpPrototypeExec(/\./, name) !== null ? 'property' : 'argument';
    return coded('ERR_INVALID_ARG_TYPE', `The "${name}" ${kind} must be ${expected}. Received ${internals.describeReceived(value)}`);
  }
  const missingArgs = (text) => coded('ERR_MISSING_ARGS', `The ${text} must be specified`);
  const invalidTimestamp = (value) => coded('ERR_PERFORMANCE_INVALID_TIMESTAMP', `${value} is not a valid timestamp`);

  // ---- entries ------------------------------------------------------------------

  const kConstruct = SymbolFor('toysnap.perf.construct');
  class PerformanceEntry {
    #name; #type; #start; #duration;
    constructor(token, name, type, start, duration) {
      if (token !== kConstruct) throw coded('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
      this.#name = name;
      this.#type = type;
      this.#start = start;
      this.#duration = duration;
    }
    get name() { return this.#name; }
    get entryType() { return this.#type; }
    get startTime() { return this.#start; }
    get duration() { return this.#duration; }
    toJSON() {
      return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration };
    }
    [SymbolFor('nodejs.util.inspect.custom')](depth, options) {
      if (depth < 0) return this;
      return `${this.constructor.name} ${inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
    }
  }
  ObjectDefineProperty(PerformanceEntry.prototype, SymbolToStringTag,
                       { __proto__: null, value: 'PerformanceEntry', configurable: true });

  class PerformanceMark extends PerformanceEntry {
    #detail;
    constructor(name, options = undefined) {
      if (arguments.length === 0) throw missingArgs('"name" argument');
      name = `${name}`;
      if (options !== undefined && (options === null || typeof options !== 'object')) {
        throw invalidArgType('options', 'of type object', options);
      }
      const startTime = options?.startTime ?? now();
      if (typeof startTime !== 'number') throw invalidArgType('startTime', 'of type number', startTime);
      if (startTime < 0) throw invalidTimestamp(startTime);
      super(kConstruct, name, 'mark', startTime, 0);
      const detail = options?.detail;
      this.#detail = detail === undefined ? null : structuredClone(detail);
    }
    get detail() { return this.#detail; }
    toJSON() { return { ...super.toJSON(), detail: this.#detail }; }
  }
  ObjectDefineProperty(PerformanceMark.prototype, SymbolToStringTag,
                       { __proto__: null, value: 'PerformanceMark', configurable: true });

  class PerformanceMeasure extends PerformanceEntry {
    #detail;
    constructor(token, name, start, duration, detail) {
      super(token, name, 'measure', start, duration);
      this.#detail = detail;
    }
    get detail() { return this.#detail; }
    toJSON() { return { ...super.toJSON(), detail: this.#detail }; }
  }
  ObjectDefineProperty(PerformanceMeasure.prototype, SymbolToStringTag,
                       { __proto__: null, value: 'PerformanceMeasure', configurable: true });

  // ---- the buffer and observers -----------------------------------------------

  let marks = [];
  let measures = [];
  const markTimes = new SafeMap();  // name -> startTime of the latest mark
  const observers = new SafeSet();
  let dispatchQueued = false;

  const byStartTime = (a, b) => a.startTime - b.startTime;
  function filterEntries(name, type) {
    let list;
    if (type === 'mark') list = ArrayPrototypeSlice(marks);
    else if (type === 'measure') list = ArrayPrototypeSlice(measures);
    else if (type === undefined) {
      list = ArrayPrototypeSlice(marks);
      for (let i = 0; i < measures.length; i++) ArrayPrototypePush(list, measures[i]);
    }
    else list = [];
    if (name !== undefined) list = ArrayPrototypeFilter(list, (entry) => entry.name === name);
    return ArrayPrototypeSort(list, byStartTime);
  }

  function enqueue(entry) {
    for (const observer of observers) observer._offer(entry);
  }
  function queueDispatch() {
    if (dispatchQueued) return;
    dispatchQueued = true;
    setImmediate(() => {
      dispatchQueued = false;
      for (const observer of observers) observer._dispatch();
    });
  }

  function mark(name, options) {
    const entry = ReflectConstruct(PerformanceMark, arguments.length === 0 ? [] : [name, options]);
    ArrayPrototypePush(marks, entry);
    markTimes.set(entry.name, entry.startTime);
    enqueue(entry);
    return entry;
  }

  function markTime(name) {
    if (name === undefined) return undefined;
    if (typeof name === 'number') {
      if (name < 0) throw invalidTimestamp(name);
      return name;
    }
    name = `${name}`;
    const time = markTimes.get(name);
    if (time === undefined) {
      throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
    }
    return time;
  }

  function invalidMeasure(message) {
    return coded('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', message);
  }

  function measure(name, startOrOptions, endMark) {
    if (arguments.length === 0) throw missingArgs('"name" argument');
    if (startOrOptions === null) startOrOptions = undefined;
    let start;
    let end;
    let duration;
    let fromOptions = false;
    if (typeof startOrOptions === 'object') {
      ({ start, end, duration } = startOrOptions);
      fromOptions = start !== undefined || end !== undefined;
    }
    if (fromOptions) {
      if (endMark !== undefined) throw invalidMeasure('endMark must not be specified');
      if (start !== undefined && end !== undefined && duration !== undefined) {
        throw invalidMeasure('Must not have options.start, options.end, and options.duration specified');
      }
    }
    if (endMark !== undefined) end = markTime(endMark);
    else if (fromOptions && end !== undefined) end = markTime(end);
    else if (fromOptions && start !== undefined && duration !== undefined) end = markTime(start) + markTime(duration);
    else end = now();
    if (typeof startOrOptions === 'string') start = markTime(startOrOptions);
    else if (fromOptions && start !== undefined) start = markTime(start);
    else if (fromOptions && duration !== undefined && end !== undefined) start = end - markTime(duration);
    else start = 0;
    const detail = typeof startOrOptions === 'object' && startOrOptions !== undefined &&
                   startOrOptions.detail !== undefined ? structuredClone(startOrOptions.detail) : null;
    const entry = new PerformanceMeasure(kConstruct, `${name}`, start, end - start, detail);
    ArrayPrototypePush(measures, entry);
    enqueue(entry);
    return entry;
  }

  function clearMarks(name) {
    if (name === undefined) {
      marks = [];
      markTimes.clear();
      return;
    }
    name = `${name}`;
    marks = ArrayPrototypeFilter(marks, (entry) => entry.name !== name);
    markTimes.delete(name);
  }
  function clearMeasures(name) {
    if (name === undefined) {
      measures = [];
      return;
    }
    name = `${name}`;
    measures = ArrayPrototypeFilter(measures, (entry) => entry.name !== name);
  }
  function getEntriesByName(name, type) {
    if (arguments.length === 0) throw missingArgs('"name" argument');
    return filterEntries(`${name}`, type === undefined ? undefined : `${type}`);
  }
  function getEntriesByType(type) {
    if (arguments.length === 0) throw missingArgs('"type" argument');
    return filterEntries(undefined, `${type}`);
  }

  // ---- PerformanceObserver ------------------------------------------------------

  const supportedEntryTypes = ObjectFreeze(['dns', 'function', 'gc', 'http', 'http2', 'mark',
                                            'measure', 'net', 'resource']);

  class PerformanceObserverEntryList {
    #entries;
    constructor(token, entries) {
      if (token !== kConstruct) throw coded('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
      this.#entries = ArrayPrototypeSort(entries, byStartTime);
    }
    getEntries() { return ArrayPrototypeSlice(this.#entries); }
    getEntriesByType(type) {
      if (arguments.length === 0) throw missingArgs('"type" argument');
      type = `${type}`;
      return ArrayPrototypeFilter(this.#entries, (entry) => entry.entryType === type);
    }
    getEntriesByName(name, type) {
      if (arguments.length === 0) throw missingArgs('"name" argument');
      name = `${name}`;
      return ArrayPrototypeFilter(this.#entries, (entry) =>
        entry.name === name && (type === undefined || entry.entryType === `${type}`));
    }
  }

  class PerformanceObserver {
    #callback;
    #types = new SafeSet();
    #buffer = [];
    constructor(callback) {
      if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
      this.#callback = callback;
    }
    static get supportedEntryTypes() { return supportedEntryTypes; }

    observe(options = {}) {
      if (options === null || typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
      const { entryTypes, type, buffered } = options;
      if (entryTypes === undefined && type === undefined) {
        throw missingArgs('"options.entryTypes" and "options.type" arguments');
      }
      if (entryTypes !== undefined && type !== undefined) {
        throw coded('ERR_INVALID_ARG_VALUE', "The property 'options.entryTypes' options.entryTypes " +
                    `can not set with options.type together. Received ${inspect(entryTypes)}`);
      }
      this.#types.clear();
      if (entryTypes !== undefined) {
        if (!ArrayIsArray(entryTypes)) throw invalidArgType('options.entryTypes', 'string[]', entryTypes);
        for (let i = 0; i < entryTypes.length; i++) {
          if (ArrayPrototypeIncludes(supportedEntryTypes, entryTypes[i])) this.#types.add(entryTypes[i]);
        }
      } else {
        if (!ArrayPrototypeIncludes(supportedEntryTypes, type)) return;
        this.#types.add(type);
        if (buffered) {
          const existing = filterEntries(undefined, type);
          for (let i = 0; i < existing.length; i++) ArrayPrototypePush(this.#buffer, existing[i]);
          if (existing.length > 0) queueDispatch();
        }
      }
      if (this.#types.size > 0) observers.add(this); else this.disconnect();
    }
    disconnect() {
      observers.delete(this);
      this.#buffer = [];
    }
    takeRecords() {
      const list = this.#buffer;
      this.#buffer = [];
      return list;
    }
    _offer(entry) {
      if (!this.#types.has(entry.entryType)) return;
      ArrayPrototypePush(this.#buffer, entry);
      queueDispatch();
    }
    _dispatch() {
      if (this.#buffer.length === 0) return;
      const list = new PerformanceObserverEntryList(kConstruct, this.takeRecords());
      ReflectApply(this.#callback, this, [list, this]);
    }
  }

  // timerify: calls of the wrapper become 'function' entries for observers.
  const timerified = new SafeWeakMap();
  function timerify(fn, options = {}) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'of type function', fn);
    if (options === null || typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
    const existing = timerified.get(fn);
    if (existing !== undefined) return existing;
    function wrapped(...args) {
      const start = now();
      const result = new.target ? ReflectConstruct(fn, args, fn) : ReflectApply(fn, this, args);
      const entry = new PerformanceEntry(kConstruct, fn.name, 'function', start, now() - start);
      enqueue(entry);
      return result;
    }
    ObjectDefineProperty(wrapped, 'name', { __proto__: null, value: `timerified ${fn.name}`, configurable: true });
    ObjectDefineProperty(wrapped, 'length', { __proto__: null, value: fn.length, configurable: true });
    timerified.set(fn, wrapped);
    return wrapped;
  }

  const constants = {
    NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16, NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2, NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32, NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  };

  return {
    methods: {
      clearMarks, clearMeasures, getEntries: () => filterEntries(undefined, undefined),
      getEntriesByName, getEntriesByType, mark, measure, timerify,
    },
    exports: {
      Performance: performance.constructor,
      PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver,
      PerformanceObserverEntryList, performance, constants,
    },
  };
})
