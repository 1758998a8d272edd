// Node 20's deep equality for assert.deepEqual/deepStrictEqual and
// util.isDeepStrictEqual. Strict mode compares prototypes, own enumerable keys
// (symbols too), Object.is for primitives; loose mode compares primitives with
// ==, ignores prototypes and symbol keys. Both: Map/Set by content, typed
// arrays by bytes, boxed primitives by value, Errors by name and message,
// Dates by time, RegExps by source/flags/lastIndex, cycles by position.
// Lazy (assert.js loads it); uses only the primordials assert.js made.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, MapPrototypeGet, MapPrototypeHas, NumberIsNaN,
    ObjectGetOwnPropertySymbols, ObjectGetPrototypeOf, ObjectIs, ObjectKeys,
    ObjectPrototypeHasOwnProperty, ObjectPrototypePropertyIsEnumerable, ObjectPrototypeToString,
    SafeMap, SafeSet, SetPrototypeHas, DatePrototypeGetTime, RegExpPrototypeGetSource,
    SafeRegExpFlags, Error, Uint8Array, ArrayBufferIsView,
    TypedArrayPrototypeGetByteLength, MapPrototypeEntries, SetPrototypeValues,
    ArrayBufferPrototypeGetByteLength,
  } = internals.strictPrimordials();
  const brands = internals.inspectBrands;
  const hasOwn = ObjectPrototypeHasOwnProperty;
  const isEnumerable = ObjectPrototypePropertyIsEnumerable;

  const isNativeError = (v) => brands.builtinTag(v) === 'Error' || v instanceof Error;
  const isAnyArrayBuffer = (v) => brands.isArrayBuffer(v) || brands.isSharedArrayBuffer(v);
  const isBoxed = (v) => brands.findBoxedType(v) !== undefined;

  // Safe iteration of a Map's entries / a Set's values (user code may patch
  // the iterator prototypes' next).
  function entriesOf(map) {
    const out = [];
    const it = MapPrototypeEntries(map);
    for (let step = it.next(); !step.done; step = it.next()) out[out.length] = step.value;
    return out;
  }
  function valuesOf(set) {
    const out = [];
    const it = SetPrototypeValues(set);
    for (let step = it.next(); !step.done; step = it.next()) out[out.length] = step.value;
    return out;
  }

  // Own keys that are not array indices, enumerable; symbols only when strict.
  function nonIndexKeys(value, strict) {
    const keys = ObjectKeys(value);
    const out = [];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const n = +key;
      if (`${n >>> 0}` === key && n >>> 0 !== 4294967295) continue;
      out[out.length] = key;
    }
    if (strict) {
      const symbols = ObjectGetOwnPropertySymbols(value);
      for (let i = 0; i < symbols.length; i++) {
        if (isEnumerable(value, symbols[i])) out[out.length] = symbols[i];
      }
    }
    return out;
  }

  function bytesOf(view) {
    return new Uint8Array(view.buffer, view.byteOffset, TypedArrayPrototypeGetByteLength(view));
  }
  function sameBytes(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  function sameViews(a, b, strict) {
    const tag = brands.typedArrayName(a);
    if (tag === undefined) {  // DataView
      return sameBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
                       new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    }
    if (!strict && (tag === 'Float32Array' || tag === 'Float64Array')) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      return true;
    }
    return sameBytes(bytesOf(a), bytesOf(b));
  }
  function sameBoxed(a, b) {
    const typeA = brands.findBoxedType(a);
    const typeB = brands.findBoxedType(b);
    if (typeA === undefined || typeA !== typeB) return false;
    return ObjectIs(typeA.valueOf(a), typeB.valueOf(b));
  }

  function deepEqual(a, b, strict, memos) {
    if (a === b) return a !== 0 || ObjectIs(a, b) || !strict;
    if (strict) {
      if (typeof a !== 'object') return typeof a === 'number' && NumberIsNaN(a) && NumberIsNaN(b);
      if (typeof b !== 'object' || a === null || b === null) return false;
      if (ObjectGetPrototypeOf(a) !== ObjectGetPrototypeOf(b)) return false;
    } else {
      if (a === null || typeof a !== 'object') {
        if (b === null || typeof b !== 'object') return a == b || (NumberIsNaN(a) && NumberIsNaN(b));  // eslint-disable-line eqeqeq
        return false;
      }
      if (b === null || typeof b !== 'object') return false;
    }
    const tag = ObjectPrototypeToString(a);
    if (tag !== ObjectPrototypeToString(b)) return false;

    if (ArrayIsArray(a)) {
      if (!ArrayIsArray(b) || a.length !== b.length) return false;
      const keysA = nonIndexKeys(a, strict);
      if (keysA.length !== nonIndexKeys(b, strict).length) return false;
      return keyCheck(a, b, strict, memos, 'array', keysA);
    } else if (tag === '[object Object]' && !brands.isMap(a) && !brands.isSet(a) &&
               !isNativeError(a) && !isBoxed(a)) {
      return keyCheck(a, b, strict, memos, 'none');
    } else if (brands.isDate(a)) {
      if (!brands.isDate(b) || DatePrototypeGetTime(a) !== DatePrototypeGetTime(b)) return false;
    } else if (brands.isRegExp(a)) {
      if (!brands.isRegExp(b) || RegExpPrototypeGetSource(a) !== RegExpPrototypeGetSource(b) ||
          SafeRegExpFlags(a) !== SafeRegExpFlags(b) || a.lastIndex !== b.lastIndex) {
        return false;
      }
    } else if (isNativeError(a)) {
      if (!isNativeError(b) || a.message !== b.message || a.name !== b.name) return false;
    } else if (ArrayBufferIsView(a)) {
      if (!ArrayBufferIsView(b) || !sameViews(a, b, strict)) return false;
      const keysA = nonIndexKeys(a, strict);
      if (keysA.length !== nonIndexKeys(b, strict).length) return false;
      return keyCheck(a, b, strict, memos, 'none', keysA);
    } else if (brands.isSet(a)) {
      if (!brands.isSet(b) || a.size !== b.size) return false;
      return keyCheck(a, b, strict, memos, 'set');
    } else if (brands.isMap(a)) {
      if (!brands.isMap(b) || a.size !== b.size) return false;
      return keyCheck(a, b, strict, memos, 'map');
    } else if (isAnyArrayBuffer(a)) {
      if (!isAnyArrayBuffer(b)) return false;
      const lengthA = brands.isArrayBuffer(a) ? ArrayBufferPrototypeGetByteLength(a) : a.byteLength;
      const lengthB = brands.isArrayBuffer(b) ? ArrayBufferPrototypeGetByteLength(b) : b.byteLength;
      if (lengthA !== lengthB || !sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
    } else if (isBoxed(a)) {
      if (!sameBoxed(a, b)) return false;
    } else if (ArrayIsArray(b) || ArrayBufferIsView(b) || brands.isSet(b) || brands.isMap(b) ||
               brands.isDate(b) || brands.isRegExp(b) || isAnyArrayBuffer(b) || isBoxed(b) ||
               isNativeError(b)) {
      return false;
    }
    return keyCheck(a, b, strict, memos, 'none');
  }

  function keyCheck(a, b, strict, memos, kind, keysA) {
    if (keysA === undefined) {
      keysA = ObjectKeys(a);
      if (keysA.length !== ObjectKeys(b).length) return false;
      if (strict) {
        const symbolsA = ObjectGetOwnPropertySymbols(a);
        let count = 0;
        for (let i = 0; i < symbolsA.length; i++) {
          const key = symbolsA[i];
          if (isEnumerable(a, key)) {
            if (!isEnumerable(b, key)) return false;
            keysA[keysA.length] = key;
            count++;
          } else if (isEnumerable(b, key)) {
            return false;
          }
        }
        const symbolsB = ObjectGetOwnPropertySymbols(b);
        let countB = 0;
        for (let i = 0; i < symbolsB.length; i++) if (isEnumerable(b, symbolsB[i])) countB++;
        if (countB !== count) return false;
      }
    }
    for (let i = 0; i < keysA.length; i++) {
      if (!hasOwn(b, keysA[i])) return false;
    }
    if (keysA.length === 0 &&
        (kind === 'none' || (kind === 'array' && a.length === 0) || a.size === 0)) {
      return true;
    }
    // Cycles: a pair already being compared is equal if seen at the same depth.
    if (memos === undefined) {
      memos = { a: new SafeMap(), b: new SafeMap(), position: 0 };
    } else {
      const seenA = memos.a.get(a);
      if (seenA !== undefined) {
        const seenB = memos.b.get(b);
        if (seenB !== undefined) return seenA === seenB;
      }
      memos.position++;
    }
    memos.a.set(a, memos.position);
    memos.b.set(b, memos.position);
    const equal = objEquiv(a, b, strict, keysA, memos, kind);
    memos.a.delete(a);
    memos.b.delete(b);
    return equal;
  }

  function objEquiv(a, b, strict, keys, memos, kind) {
    if (kind === 'set') {
      if (!setEquiv(a, b, strict, memos)) return false;
    } else if (kind === 'map') {
      if (!mapEquiv(a, b, strict, memos)) return false;
    } else if (kind === 'array') {
      for (let i = 0; i < a.length; i++) {
        if (hasOwn(a, i)) {
          if (!hasOwn(b, i) || !deepEqual(a[i], b[i], strict, memos)) return false;
        } else if (hasOwn(b, i)) {
          return false;
        } else {
          // A hole: compare the remaining own keys one by one.
          const keysA = ObjectKeys(a);
          for (; i < keysA.length; i++) {
            const key = keysA[i];
            if (!hasOwn(b, key) || !deepEqual(a[key], b[key], strict, memos)) return false;
          }
          return keysA.length === ObjectKeys(b).length;
        }
      }
    }
    for (let i = 0; i < keys.length; i++) {
      if (!deepEqual(a[keys[i]], b[keys[i]], strict, memos)) return false;
    }
    return true;
  }

  // For loose mode: the primitive a value could == to, or a verdict.
  function looseCounterpart(prim) {
    switch (typeof prim) {
      case 'undefined': return null;
      case 'object': return undefined;
      case 'symbol': return false;
      case 'string': prim = +prim;  // falls through
      case 'number': if (NumberIsNaN(prim)) return false;
    }
    return true;
  }

  function takeEqual(set, value, strict, memos) {
    const items = valuesOf(set);
    for (let i = 0; i < items.length; i++) {
      if (deepEqual(value, items[i], strict, memos)) {
        set.delete(items[i]);
        return true;
      }
    }
    return false;
  }

  function setEquiv(a, b, strict, memos) {
    let pending = null;
    const valuesA = valuesOf(a);
    for (let i = 0; i < valuesA.length; i++) {
      const value = valuesA[i];
      if (typeof value === 'object' && value !== null) {
        (pending ??= new SafeSet()).add(value);
      } else if (!SetPrototypeHas(b, value)) {
        if (strict) return false;
        const alt = looseCounterpart(value);
        if (alt !== undefined && alt !== null ? !alt :
            !(SetPrototypeHas(b, alt) && !SetPrototypeHas(a, alt))) {
          return false;
        }
        (pending ??= new SafeSet()).add(value);
      }
    }
    if (pending === null) return true;
    const valuesB = valuesOf(b);
    for (let i = 0; i < valuesB.length; i++) {
      const value = valuesB[i];
      if (typeof value === 'object' && value !== null) {
        if (!takeEqual(pending, value, strict, memos)) return false;
      } else if (!strict && !SetPrototypeHas(a, value) && !takeEqual(pending, value, strict, memos)) {
        return false;
      }
    }
    return pending.size === 0;
  }

  function takeEqualEntry(pending, map, key, item, strict, memos) {
    const keys = valuesOf(pending);
    for (let i = 0; i < keys.length; i++) {
      if (deepEqual(key, keys[i], strict, memos) &&
          deepEqual(item, MapPrototypeGet(map, keys[i]), strict, memos)) {
        pending.delete(keys[i]);
        return true;
      }
    }
    return false;
  }

  function mapMightHaveLoose(a, b, key, item, memos) {
    const alt = looseCounterpart(key);
    if (alt !== undefined && alt !== null) return alt;
    const other = MapPrototypeGet(b, alt);
    if ((other === undefined && !MapPrototypeHas(b, alt)) || !deepEqual(item, other, false, memos)) {
      return false;
    }
    return !MapPrototypeHas(a, alt);
  }

  function mapEquiv(a, b, strict, memos) {
    let pending = null;
    const entriesA = entriesOf(a);
    for (let i = 0; i < entriesA.length; i++) {
      const key = entriesA[i][0];
      const item = entriesA[i][1];
      if (typeof key === 'object' && key !== null) {
        (pending ??= new SafeSet()).add(key);
      } else {
        const other = MapPrototypeGet(b, key);
        if ((other === undefined && !MapPrototypeHas(b, key)) ||
            !deepEqual(item, other, strict, memos)) {
          if (strict || !mapMightHaveLoose(a, b, key, item, memos)) return false;
          (pending ??= new SafeSet()).add(key);
        }
      }
    }
    if (pending === null) return true;
    const entriesB = entriesOf(b);
    for (let i = 0; i < entriesB.length; i++) {
      const key = entriesB[i][0];
      const item = entriesB[i][1];
      if (typeof key === 'object' && key !== null) {
        if (!takeEqualEntry(pending, a, key, item, strict, memos)) return false;
      } else if (!strict && (!MapPrototypeHas(a, key) ||
                 !deepEqual(MapPrototypeGet(a, key), item, false, memos)) &&
                 !takeEqualEntry(pending, a, key, item, false, memos)) {
        return false;
      }
    }
    return pending.size === 0;
  }

  return {
    isDeepEqual: (a, b) => deepEqual(a, b, false),
    isDeepStrictEqual: (a, b) => deepEqual(a, b, true),
  };
})
