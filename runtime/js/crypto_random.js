// randomBytes, randomFill(Sync), randomInt, randomUUID and timingSafeEqual, as
// Node 20 validates them, on OpenSSL's generator (runtime/node/crypto_random.cc).
(function (natives, internals, shared) {
  'use strict';
  const {
    ArrayBufferIsView, ArrayPrototypeForEach, ArrayPrototypePush, ArrayPrototypeShift,
    ArrayPrototypeSplice, FunctionPrototypeCall, MathMin, NumberIsNaN, NumberIsSafeInteger, TypeError,
  } = internals.strictPrimordials();
  const { utils, Buffer, isAnyArrayBuffer } = shared;
  const { nodeError, invalidArgType, outOfRange, validateFunction, validateObject, validateBoolean } = utils;
  const { process } = globalThis;
  const nextTick = process.nextTick;

  const kMaxPossibleLength = 2 ** 31 - 1;

  function validateNumber(value, name) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  }
  function assertOffset(offset, elementSize, length) {
    validateNumber(offset, 'offset');
    offset *= elementSize;
    const maxLength = MathMin(length, kMaxPossibleLength);
    if (NumberIsNaN(offset) || offset > maxLength || offset < 0) {
      throw outOfRange('offset', `>= 0 && <= ${maxLength}`, offset);
    }
    return offset >>> 0;
  }
  function assertSize(size, elementSize, offset, length) {
    validateNumber(size, 'size');
    size *= elementSize;
    if (NumberIsNaN(size) || size > kMaxPossibleLength || size < 0) {
      throw outOfRange('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
    }
    if (size + offset > length) throw outOfRange('size + offset', `<= ${length}`, size + offset);
    return size >>> 0;
  }
  function validateBuf(buf) {
    if (!isAnyArrayBuffer(buf) && !ArrayBufferIsView(buf)) {
      throw invalidArgType('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
    }
  }

  function randomBytes(size, callback) {
    size = assertSize(size, 1, 0, Infinity);
    if (callback !== undefined) validateFunction(callback, 'callback');
    const buf = Buffer.alloc(size);
    if (callback === undefined) {
      if (size > 0) natives.cryptoRandomFill(buf, 0, size);
      return buf;
    }
    randomFill(buf, 0, size, function (error) {
      if (error) return FunctionPrototypeCall(callback, this, error);
      FunctionPrototypeCall(callback, this, null, buf);
    });
  }

  function randomFillSync(buf, offset = 0, size) {
    validateBuf(buf);
    const elementSize = buf.BYTES_PER_ELEMENT || 1;
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
    if (size === 0) return buf;
    natives.cryptoRandomFill(buf, offset, size);
    return buf;
  }

  function randomFill(buf, offset, size, callback) {
    validateBuf(buf);
    const elementSize = buf.BYTES_PER_ELEMENT || 1;
    if (typeof offset === 'function') {
      callback = offset;
      offset = 0;
      size = buf.byteLength;
    } else if (typeof size === 'function') {
      callback = size;
      size = undefined;  // the rest of the buffer after `offset` (elements)
    } else {
      validateFunction(callback, 'callback');
    }
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
    if (size === 0) {
      nextTick(callback, null, buf);
      return;
    }
    natives.cryptoRandomFill(buf, offset, size, (error) => {
      if (error) return FunctionPrototypeCall(callback, undefined, error);
      FunctionPrototypeCall(callback, undefined, null, buf);
    });
  }

  // randomInt draws 6 bytes per try from a cache. At build time the cache is
  // never kept: its bytes would be in the snapshot, the same in every process.
  const kRandMax = 0xFFFF_FFFF_FFFF;
  const cache = Buffer.alloc(6 * 1024);
  let cacheOffset = cache.length;
  let asyncFillInProgress = false;
  const pendingTasks = [];
  const building = () => internals.isBuildingSnapshot?.() === true;
  function readUint48(offset) {
    return cache[offset] * 2 ** 40 + cache[offset + 1] * 2 ** 32 + cache[offset + 2] * 2 ** 24 +
      cache[offset + 3] * 2 ** 16 + cache[offset + 4] * 2 ** 8 + cache[offset + 5];
  }

  function randomInt(min, max, callback) {
    const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
    if (minNotSpecified) {
      callback = max;
      max = min;
      min = 0;
    }
    const isSync = typeof callback === 'undefined';
    if (!isSync) validateFunction(callback, 'callback');
    if (!NumberIsSafeInteger(min)) throw invalidArgType('min', 'a safe integer', min);
    if (!NumberIsSafeInteger(max)) throw invalidArgType('max', 'a safe integer', max);
    if (max <= min) throw outOfRange('max', `greater than the value of "min" (${min})`, max);
    const range = max - min;
    if (!(range <= kRandMax)) {
      throw outOfRange(`max${minNotSpecified ? '' : ' - min'}`, `<= ${kRandMax}`, range);
    }
    const randLimit = kRandMax - (kRandMax % range);
    while (isSync || cacheOffset < cache.length) {
      if (cacheOffset === cache.length) {
        natives.cryptoRandomFill(cache, 0, cache.length);
        cacheOffset = 0;
      }
      const x = readUint48(cacheOffset);
      cacheOffset += 6;
      if (building()) cacheOffset = cache.length;
      if (x < randLimit) {
        const n = (x % range) + min;
        if (isSync) return n;
        nextTick(callback, undefined, n);
        return;
      }
    }
    ArrayPrototypePush(pendingTasks, { min, max, callback });
    refillAsync();
  }
  function refillAsync() {
    if (asyncFillInProgress) return;
    asyncFillInProgress = true;
    randomFill(cache, (error) => {
      asyncFillInProgress = false;
      const errorReceiver = error && ArrayPrototypeShift(pendingTasks);
      if (!error) cacheOffset = 0;
      ArrayPrototypeForEach(ArrayPrototypeSplice(pendingTasks, 0), (task) => {
        randomInt(task.min, task.max, task.callback);
      });
      if (errorReceiver) errorReceiver.callback(error);
    });
  }

  function randomUUID(options) {
    if (options !== undefined) validateObject(options, 'options');
    const { disableEntropyCache = false } = options || {};
    validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
    return natives.randomUUID();
  }

  function timingSafeEqual(buf1, buf2) {
    const names = ['buf1', 'buf2'];
    const values = [buf1, buf2];
    for (let i = 0; i < 2; i++) {
      const name = names[i];
      const value = values[i];
      if (!ArrayBufferIsView(value) && !isAnyArrayBuffer(value)) {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be an ` +
          'instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
      }
    }
    return natives.cryptoTimingSafeEqual(buf1, buf2);
  }

  return { randomBytes, randomFill, randomFillSync, randomInt, randomUUID, timingSafeEqual };
})
