// setImmediate / clearImmediate: callbacks for the event loop's check phase,
// after I/O polling, in Node's order. A pass runs the immediates queued when it
// began; those queued meanwhile wait for the next pass. The C++ loop drives it
// through internals.beginImmediates / runNextImmediate / immediateState, and
// runs ticks and microtasks after each callback, as Node does.
(function (natives, internals) {
  'use strict';
  const { ReflectApply, TypeError } = internals.primordials;

  let head = null;
  let tail = null;
  let passEnd = null;  // the last immediate of the running pass
  let count = 0;       // queued
  let refCount = 0;    // queued and referenced

  class Immediate {
    constructor(callback, args) {
      this._onImmediate = callback;
      this._argv = args;
      this._asyncFrame = natives.asyncContextFrame();  // timers.js's callQueued restores it
      this._ref = true;
      this._queued = true;
      this._prev = tail;
      this._next = null;
      if (tail === null) head = this; else tail._next = this;
      tail = this;
      count++;
      refCount++;
    }
    ref() {
      if (!this._ref && this._queued) refCount++;
      this._ref = true;
      return this;
    }
    unref() {
      if (this._ref && this._queued) refCount--;
      this._ref = false;
      return this;
    }
    hasRef() { return this._ref; }
  }

  function unlink(immediate) {
    if (immediate === passEnd) passEnd = immediate._prev;
    if (immediate._prev === null) head = immediate._next; else immediate._prev._next = immediate._next;
    if (immediate._next === null) tail = immediate._prev; else immediate._next._prev = immediate._prev;
    immediate._prev = immediate._next = null;
    immediate._queued = false;
    count--;
    if (immediate._ref) refCount--;
  }

  globalThis.setImmediate = function setImmediate(callback, ...args) {
    if (typeof callback !== 'function') {
      const error = new TypeError(
        `The "callback" argument must be of type function. Received ${internals.describeReceived(callback)}`);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    return new Immediate(callback, args);
  };

  globalThis.clearImmediate = function clearImmediate(immediate) {
    if (immediate instanceof Immediate && immediate._queued) unlink(immediate);
  };

  internals.beginImmediates = function () { passEnd = tail; };

  // Runs the next immediate of the pass; false when the pass is over.
  internals.runNextImmediate = function () {
    if (passEnd === null || head === null) return false;
    const immediate = head;
    const last = immediate === passEnd;
    unlink(immediate);
    if (last) passEnd = null;
    internals.callQueued(immediate._onImmediate, immediate, immediate._argv, immediate._asyncFrame);  // timers.js
    return true;
  };

  internals.activeImmediates = () => refCount;

  // 0: none queued; 1: queued, none referenced; 2: a referenced one queued.
  internals.immediateState = function () {
    if (count === 0) return 0;
    return refCount > 0 ? 2 : 1;
  };

  internals.describePendingImmediates = function () {
    const lines = [];
    for (let immediate = head; immediate !== null; immediate = immediate._next) {
      if (immediate._ref) lines[lines.length] = 'setImmediate(\u2026)';
    }
    return lines;
  };
})
