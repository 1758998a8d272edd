// Timers kept in the JS heap, so a snapshot carries them; the C++ event loop
// drives them through internals.runNextDueTimer / nextTimerDeadline.
(function (natives, internals) {
  'use strict';

  const TIMEOUT_MAX = 2 ** 31 - 1;
  // Like libuv's loop time: fixed while a callback runs, so timers scheduled in
  // one turn share a start time as they do under Node.
  let loopNow = natives.monotonicNow();
  let nextId = 1;
  let sequence = 0;
  const active = new Map();  // id -> Timeout
  // Min-heap of arm records by (due, seq). Clearing or re-arming a timer leaves
  // its old record in place; records are checked against `active` when they
  // surface, and the heap is rebuilt when stale ones outnumber live ones.
  let queue = [];

  class Timeout {
    constructor(callback, delay, args, repeat) {
      this._id = nextId++;
      this._callback = callback;
      this._delay = delay;
      this._args = args;
      this._repeat = repeat;
      this._ref = true;
      this._where = callerLocation();
      this._arm();
    }
    _arm() {
      this._due = loopNow + this._delay;
      this._seq = sequence++;
      if (queue.length > 64 && queue.length > 2 * active.size) rebuild();
      active.set(this._id, this);
      push({ timer: this, due: this._due, seq: this._seq });
    }
    ref() { this._ref = true; return this; }
    unref() { this._ref = false; return this; }
    hasRef() { return this._ref; }
    refresh() { if (active.has(this._id)) this._arm(); return this; }
    close() { active.delete(this._id); return this; }
    [Symbol.toPrimitive]() { return this._id; }
  }

  function callerLocation() {
    const stack = String(new Error().stack ?? '').split('\n');
    // [0] "Error", [1] callerLocation, [2] constructor, [3] set*, [4] user code.
    const line = stack[4] || '';
    return line.trim().replace(/^at /, '');
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

  function delayOf(value) {
    const delay = Number(value);
    return delay >= 1 && delay <= TIMEOUT_MAX ? Math.trunc(delay) : 1;
  }

  function clear(timer) {
    if (timer instanceof Timeout) {
      active.delete(timer._id);
    } else if (typeof timer === 'number' || typeof timer === 'string') {
      active.delete(Number(timer));
    }
  }

  function before(a, b) {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  function push(record) {
    let i = queue.push(record) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(queue[i], queue[parent])) break;
      [queue[i], queue[parent]] = [queue[parent], queue[i]];
      i = parent;
    }
  }

  function pop() {
    const last = queue.pop();
    if (queue.length === 0) return;
    queue[0] = last;
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < queue.length && before(queue[left], queue[least])) least = left;
      if (right < queue.length && before(queue[right], queue[least])) least = right;
      if (least === i) return;
      [queue[i], queue[least]] = [queue[least], queue[i]];
      i = least;
    }
  }

  function live(record) {
    return active.get(record.timer._id) === record.timer && record.timer._seq === record.seq;
  }

  // One record per active timer, in order: after clears pile up, and after
  // due times shift around a snapshot.
  function rebuild() {
    queue = [...active.values()]
      .map((timer) => ({ timer, due: timer._due, seq: timer._seq }))
      .sort((a, b) => (before(a, b) ? -1 : 1));
  }

  // The earliest active timer, by due time then creation order.
  function first() {
    while (queue.length > 0 && !live(queue[0])) pop();
    return queue.length > 0 ? queue[0].timer : null;
  }

  // The earliest timer that passes the filters; a scan, for the rare case that
  // the first timer is unreferenced or an interval the builder skips.
  function earliest(refOnly, skipIntervals) {
    const head = first();
    if (head === null || ((!refOnly || head._ref) && !(skipIntervals && head._repeat))) return head;
    let best = null;
    for (const timer of active.values()) {
      if (refOnly && !timer._ref) continue;
      if (skipIntervals && timer._repeat) continue;
      if (best === null || timer._due < best._due ||
          (timer._due === best._due && timer._seq < best._seq)) {
        best = timer;
      }
    }
    return best;
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

  // Runs the earliest timer due at `now`; false when none is due.
  internals.runNextDueTimer = function (now) {
    loopNow = now;
    const timer = first();
    if (timer === null || timer._due > now) return false;
    pop();
    if (timer._repeat) timer._arm(); else active.delete(timer._id);
    Reflect.apply(timer._callback, timer, timer._args);
    return true;
  };

  // When the next referenced timer is due, or -1 if none keeps the loop alive.
  // The builder skips intervals: they would keep it waiting forever.
  internals.nextTimerDeadline = function (skipIntervals) {
    const timer = earliest(true, skipIntervals === true);
    return timer === null ? -1 : timer._due;
  };

  internals.describePendingTimers = function () {
    const lines = [];
    for (const timer of active.values()) {
      if (!timer._ref) continue;
      const kind = timer._repeat ? 'setInterval' : 'setTimeout';
      lines.push(`${kind}(…, ${timer._delay}) created at ${timer._where}`);
    }
    return lines;
  };

  // Clock readings are per process; zeroing them keeps the snapshot's bytes
  // independent of when it was built. Due times become relative to 0.
  internals.timersBeforeSnapshot = function () {
    for (const timer of active.values()) timer._due -= loopNow;
    loopNow = 0;
    rebuild();
  };

  internals.timersOnRestore = function () {
    // Monotonic clocks of two processes share no origin; rebase what the build left.
    const now = natives.monotonicNow();
    for (const timer of active.values()) timer._due = now + (timer._due - loopNow);
    loopNow = now;
    rebuild();
  };
})
