// Timers kept in the JS heap, so a snapshot carries them; the C++ event loop
// drives them through internals.runNextDueTimer / nextTimerDeadline.
//
// The structure is Node's (lib/internal/timers.js), so the order matches when
// the loop runs late too: one list per delay, its timers in the order they
// were started, and a min-heap of the lists by (expiry, id). A list's expiry
// is when its first timer is due; its id grows each time it is rescheduled.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeMap, ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeSort, Error, MathCeil,
    MathTrunc, Number, ReflectApply, SafeMap, SafeRegExpReplace, String, StringPrototypeSplit,
    StringPrototypeTrim, SymbolToPrimitive, TypeError,
  } = internals.primordials;

  const TIMEOUT_MAX = 2 ** 31 - 1;
  // A delay counts from the call that starts it: Node reads libuv's loop time
  // there after updating it (getLibuvNow: uv_update_time, then uv_now), so work
  // done earlier in the same turn does not eat into the delay. libuv's clock has
  // whole milliseconds and fires up to 1 ms early; this one does not.
  const clock = natives.monotonicNow;
  // AsyncLocalStorage's context (async_context.h): each queued callback runs
  // in the one that was current when it was queued.
  const asyncFrame = natives.asyncContextFrame;
  const setAsyncFrame = natives.setAsyncContextFrame;
  let nextId = 1;
  let nextListId = 1;
  const lists = new SafeMap();  // delay -> TimerList
  const heap = [];              // TimerLists by (expiry, id)
  const byId = new SafeMap();   // id -> Timeout, once code has asked for its number
  let refCount = 0;             // started, referenced timers
  let refTimeouts = 0;          // ... of which not intervals

  class TimerList {
    constructor(delay, expiry) {
      this.delay = delay;
      this.expiry = expiry;
      this.id = nextListId++;
      this.head = null;
      this.tail = null;
      this.position = -1;  // index in `heap`
    }
  }

  class Timeout {
    constructor(callback, delay, args, repeat) {
      this._id = nextId++;
      this._callback = callback;
      this._delay = delay;
      this._args = args;
      this._repeat = repeat;
      this._ref = true;
      this._where = callerLocation();
      this._start = 0;
      this._list = null;  // while started: the list it is linked into
      this._prev = null;
      this._next = null;
      this._hasPrimitive = false;
      this._cleared = false;
      this._ended = false;  // _idleTimeout = -1 or _onTimeout = null: not started again
      this._asyncFrame = asyncFrame();
      start(this, clock());
    }
    ref() {
      if (!this._ref && this._list !== null) count(this, 1);
      this._ref = true;
      return this;
    }
    unref() {
      if (this._ref && this._list !== null) count(this, -1);
      this._ref = false;
      return this;
    }
    hasRef() { return this._ref; }
    // As in Node, this also starts again a timeout that has fired.
    refresh() {
      if (!this._cleared) {
        if (this._list !== null) unlink(this);
        start(this, clock());
      }
      return this;
    }
    close() { clear(this); return this; }
    // Node's own field names, which tests and old npm code read and write:
    // _onTimeout = null skips the callback, _idleTimeout = -1 ends an interval.
    get _onTimeout() { return this._callback; }
    set _onTimeout(callback) { this._callback = callback; }
    get _idleTimeout() { return this._cleared || this._ended ? -1 : this._delay; }
    set _idleTimeout(delay) {
      if (delay === -1) this._ended = true;
      else if (typeof delay === 'number' && delay >= 1) this._delay = MathTrunc(delay);
    }
    [SymbolToPrimitive]() {
      if (!this._hasPrimitive) {
        this._hasPrimitive = true;
        byId.set(this._id, this);
      }
      return this._id;
    }
  }

  function count(timer, delta) {
    refCount += delta;
    if (!timer._repeat) refTimeouts += delta;
  }

  // ---- the heap of lists

  function before(a, b) {
    return a.expiry < b.expiry || (a.expiry === b.expiry && a.id < b.id);
  }
  function place(list, i) {
    heap[i] = list;
    list.position = i;
  }
  function siftUp(i) {
    const list = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(list, heap[parent])) break;
      place(heap[parent], i);
      i = parent;
    }
    place(list, i);
  }
  function siftDown(i) {
    const list = heap[i];
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right], heap[left]) ? right : left;
      if (!before(heap[child], list)) break;
      place(heap[child], i);
      i = child;
    }
    place(list, i);
  }
  function removeList(list) {
    lists.delete(list.delay);
    const i = list.position;
    const last = ArrayPrototypePop(heap);
    list.position = -1;
    if (last === list) return;
    place(last, i);
    siftDown(i);
    siftUp(last.position);
  }

  // ---- starting and stopping timers

  // Appends `timer` to its delay's list, started at `startTime`.
  function start(timer, startTime) {
    timer._start = startTime;
    let list = lists.get(timer._delay);
    if (list === undefined) {
      list = new TimerList(timer._delay, startTime + timer._delay);
      lists.set(timer._delay, list);
      place(list, heap.length);
      siftUp(list.position);
    }
    timer._list = list;
    timer._prev = list.tail;
    timer._next = null;
    if (list.tail === null) list.head = timer; else list.tail._next = timer;
    list.tail = timer;
    if (timer._ref) count(timer, 1);
  }

  // Takes a started timer out of its list; an emptied list goes too.
  function unlink(timer) {
    const list = timer._list;
    if (timer._prev === null) list.head = timer._next; else timer._prev._next = timer._next;
    if (timer._next === null) list.tail = timer._prev; else timer._next._prev = timer._prev;
    timer._list = timer._prev = timer._next = null;
    if (timer._ref) count(timer, -1);
    if (list.head === null && list.position !== -1) removeList(list);
  }

  function finished(timer) {
    if (timer._hasPrimitive) byId.delete(timer._id);
  }

  function clear(timer) {
    if (typeof timer === 'number' || typeof timer === 'string') timer = byId.get(Number(timer));
    if (!(timer instanceof Timeout)) return;
    timer._cleared = true;
    if (timer._list !== null) unlink(timer);
    finished(timer);
  }

  function callerLocation() {
    const stack = StringPrototypeSplit(String(new Error().stack ?? ''), '\n');
    // [0] "Error", [1] callerLocation, [2] constructor, [3] set*, [4] user code.
    const line = stack[4] || '';
    return SafeRegExpReplace(/^at /, StringPrototypeTrim(line), '');
  }

  function checkCallback(callback) {
    if (typeof callback !== 'function') {
      const error = new TypeError(
        `The "callback" argument must be of type function. Received ${describe(callback)}`);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
  }

  function describe(value) {
    if (value === null || value === undefined) return String(value);
    if (typeof value === 'function') return `function ${value.name}`;
    if (typeof value === 'object') return 'an instance of ' + (value.constructor?.name ?? 'Object');
    return `type ${typeof value} (${String(value)})`;
  }

  internals.describeReceived = describe;

  // The earliest expiry of any started timer, referenced or not: when the loop
  // must wake if it is alive anyway. -1 without timers.
  internals.earliestTimer = function () {
    return heap.length === 0 ? -1 : heap[0].expiry;
  };

  function delayOf(value) {
    const delay = Number(value);
    if (delay >= 1 && delay <= TIMEOUT_MAX) return MathTrunc(delay);
    if (delay > TIMEOUT_MAX) {
      globalThis.process.emitWarning(`${delay} does not fit into a 32-bit signed integer.` +
                                     '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
    }
    return 1;
  }

  globalThis.setTimeout = function setTimeout(callback, delay, ...args) {
    checkCallback(callback);
    return new Timeout(callback, delayOf(delay), args, false);
  };
  globalThis.setInterval = function setInterval(callback, delay, ...args) {
    checkCallback(callback);
    return new Timeout(callback, delayOf(delay), args, true);
  };
  globalThis.clearTimeout = function clearTimeout(timer) { clear(timer); };
  globalThis.clearInterval = function clearInterval(timer) { clear(timer); };

  // Runs the next timer due at `now`, the time this pass of the loop started
  // (Node's processTimers(now)), so a timer its callbacks start waits for a
  // later pass. As in Node's listOnTimeout, the list at the top of the heap
  // runs its due timers in order; when its first timer is not due yet, the
  // list is rescheduled behind lists with the same expiry. False when no timer
  // is due.
  internals.runNextDueTimer = function (now) {
    for (;;) {
      if (heap.length === 0 || heap[0].expiry > now) return false;
      const list = heap[0];
      const timer = list.head;
      const due = timer._start + list.delay;  // the one expression both tests use
      if (due <= now) {
        run(timer);
        return true;
      }
      list.expiry = due;
      list.id = nextListId++;
      siftDown(0);
    }
  };

  // process_errors.js: listeners may handle what a callback throws; else the
  // error goes on as it was thrown (its message keeps the user's line), after
  // 'exit' was emitted.
  function callUserCode(fn, receiver, args) {
    if (internals.uncaughtListened()) {
      try {
        ReflectApply(fn, receiver, args);
      } catch (error) {
        internals.handleUncaught(error);
      }
      return;
    }
    let threw = true;
    try {
      ReflectApply(fn, receiver, args);
      threw = false;
    } finally {
      if (threw) internals.beforeFatalError();
    }
  }
  internals.callUserCode = callUserCode;

  // callUserCode for a queued callback: inside the async context `frame`
  // it was queued in (undefined: the root one).
  function callQueued(fn, receiver, args, frame) {
    const previous = asyncFrame();
    if (previous === frame) return callUserCode(fn, receiver, args);
    setAsyncFrame(frame);
    try {
      callUserCode(fn, receiver, args);
    } finally {
      setAsyncFrame(previous);
    }
  }
  internals.callQueued = callQueued;

  // The timer whose callback runs: Node still counts it as an active resource.
  let running = null;
  internals.activeTimeouts = () =>
    refCount + (running !== null && running._ref && !running._cleared && running._list === null ? 1 : 0);

  function run(timer) {
    unlink(timer);
    running = timer;
    // An interval's next period starts when its callback is called; it is
    // started again afterwards (even if the callback throws), unless the
    // callback cleared it.
    const startTime = timer._repeat ? clock() : 0;
    try {
      if (typeof timer._callback === 'function') callQueued(timer._callback, timer, timer._args, timer._asyncFrame);
      else timer._ended = true;
    } finally {
      running = null;
      if (timer._repeat && !timer._cleared && !timer._ended) {
        if (timer._list !== null) unlink(timer);
        start(timer, startTime);
      } else if (timer._list === null) {
        finished(timer);
      }
    }
  }

  // When the loop should next wake for timers, or -1 if no referenced timer
  // keeps it alive. The builder skips intervals: they would keep it waiting
  // forever (they still run while it waits).
  internals.nextTimerDeadline = function (skipIntervals) {
    if ((skipIntervals === true ? refTimeouts : refCount) === 0) return -1;
    return heap[0].expiry;
  };

  function forEachStarted(visit) {
    for (let i = 0; i < heap.length; i++) {
      for (let timer = heap[i].head; timer !== null; timer = timer._next) visit(timer);
    }
  }

  // In the order they were created.
  internals.describePendingTimers = function () {
    const pending = [];
    forEachStarted((timer) => { if (timer._ref) ArrayPrototypePush(pending, timer); });
    ArrayPrototypeSort(pending, (a, b) => a._id - b._id);
    return ArrayPrototypeMap(pending, (timer) =>
      `${timer._repeat ? 'setInterval' : 'setTimeout'}(\u2026, ${timer._delay}) created at ${timer._where}`);
  };

  // Clock readings are per process, so the snapshot keeps start times relative
  // to the moment it is taken, in whole milliseconds rounded up (never early):
  // sub-millisecond build timing does not reach the snapshot's bytes.
  internals.timersBeforeSnapshot = function () {
    const now = clock();
    forEachStarted((timer) => { timer._start = MathCeil(timer._start - now); });
    for (let i = 0; i < heap.length; i++) heap[i].expiry = heap[i].head._start + heap[i].delay;
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  };

  internals.timersOnRestore = (function () {
    // Monotonic clocks of two processes share no origin; rebase what the build left.
    const now = clock();
    forEachStarted((timer) => { timer._start += now; });
    for (let i = 0; i < heap.length; i++) heap[i].expiry += now;
  });
})
