// Protected copies of the built-ins the runtime's own JavaScript calls, taken
// before any user code runs, as Node's primordials are: a program that patches
// Array.prototype.push, Reflect.apply or Function.prototype.call cannot switch
// the runtime's timers, ticks, console or module loader off. Evaluated first;
// the other files read internals.primordials. A snapshot keeps these copies
// with the rest of the bootstrap's heap.
//
// Names are Node's: statics as `ObjectKeys`, prototype methods taking the
// receiver first, `ArrayPrototypePush(array, item)`, accessors as
// `MapPrototypeGetSize(map)`, symbol keys as `ArrayPrototypeSymbolIterator`,
// and for variadic methods an `...Apply(receiver, list)` form.
//
// Syntax also reaches patchable built-ins: for-of, spread and array
// destructuring call Array.prototype[Symbol.iterator]; `new Map(array)` calls
// it and Map.prototype.set; regexp methods look up `exec`. Runtime code uses
// index loops, SafeMap/SafeSet (whose iterators are safe, but whose entries
// are arrays: read entry[0], do not destructure) and RegExpPrototypeExec, or
// SafeRegExpReplace below instead of String.prototype.replace with a regexp.
// Code that runs only while the bootstrap itself runs may use anything.
(function (natives, internals) {
  'use strict';

  const primordials = { __proto__: null };
  const { apply, bind, call } = Function.prototype;
  // uncurryThis(fn)(receiver, ...args) is fn.call(receiver, ...args), through
  // a bound copy of the original `call`.
  const uncurryThis = bind.bind(call);
  const applyBind = bind.bind(apply);
  const {
    defineProperty, getOwnPropertyDescriptor, ownKeys, getPrototypeOf,
  } = Reflect;
  const freeze = Object.freeze;
  const setPrototypeOf = Object.setPrototypeOf;
  primordials.uncurryThis = uncurryThis;
  primordials.applyBind = applyBind;

  const variadic = [
    'ArrayOf', 'ArrayPrototypePush', 'ArrayPrototypeUnshift', 'MathHypot', 'MathMax', 'MathMin',
    'StringFromCharCode', 'StringFromCodePoint', 'StringPrototypeConcat', 'TypedArrayOf',
  ];
  const isVariadic = (name) => uncurryThis(Array.prototype.includes)(variadic, name);

  // 'Symbol.iterator' -> 'SymbolIterator', 'push' -> 'Push'.
  function newKey(key) {
    if (typeof key === 'symbol') {
      const description = uncurryThis(getOwnPropertyDescriptor(Symbol.prototype, 'description').get)(key);
      return `Symbol${description[7].toUpperCase()}${description.slice(8)}`;
    }
    return `${key[0].toUpperCase()}${key.slice(1)}`;
  }

  function define(name, value) {
    defineProperty(primordials, name, { __proto__: null, value, enumerable: true });
  }

  function copyAccessor(prefix, key, desc) {
    define(`${prefix}Get${key}`, uncurryThis(desc.get));
    if (desc.set !== undefined) define(`${prefix}Set${key}`, uncurryThis(desc.set));
  }

  // Static members, called without a receiver (or bound to `src` when `bindTo`).
  function copyStatics(src, prefix, bindTo) {
    const keys = ownKeys(src);
    for (let i = 0; i < keys.length; i++) {
      const key = newKey(keys[i]);
      const desc = getOwnPropertyDescriptor(src, keys[i]);
      if ('get' in desc) {
        copyAccessor(prefix, key, desc);
        continue;
      }
      let value = desc.value;
      if (bindTo !== undefined && typeof value === 'function') value = bind.call(value, bindTo);
      define(`${prefix}${key}`, value);
      if (isVariadic(`${prefix}${key}`)) define(`${prefix}${key}Apply`, applyBind(desc.value, src));
    }
  }

  // Prototype members, taking the receiver as their first argument.
  function copyPrototype(src, prefix) {
    const keys = ownKeys(src);
    for (let i = 0; i < keys.length; i++) {
      const key = newKey(keys[i]);
      const desc = getOwnPropertyDescriptor(src, keys[i]);
      if ('get' in desc) {
        copyAccessor(prefix, key, desc);
        continue;
      }
      const value = desc.value;
      define(`${prefix}${key}`, typeof value === 'function' ? uncurryThis(value) : value);
      if (isVariadic(`${prefix}${key}`)) define(`${prefix}${key}Apply`, applyBind(value));
    }
  }

  const globals = ['globalThis', 'Proxy', 'decodeURI', 'decodeURIComponent', 'encodeURI',
    'encodeURIComponent', 'parseInt', 'parseFloat', 'isNaN', 'isFinite'];
  for (let i = 0; i < globals.length; i++) define(globals[i], globalThis[globals[i]]);

  const namespaces = ['JSON', 'Math', 'Proxy', 'Reflect'];
  for (let i = 0; i < namespaces.length; i++) copyStatics(globalThis[namespaces[i]], namespaces[i]);

  const classes = [
    'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array',
    'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry', 'Float32Array',
    'Float64Array', 'Function', 'Int16Array', 'Int32Array', 'Int8Array', 'Map', 'Number',
    'Object', 'RangeError', 'ReferenceError', 'RegExp', 'Set', 'String', 'Symbol',
    'SyntaxError', 'TypeError', 'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array',
    'Uint8ClampedArray', 'WeakMap', 'WeakRef', 'WeakSet',
  ];
  for (let i = 0; i < classes.length; i++) {
    const original = globalThis[classes[i]];
    define(classes[i], original);
    copyStatics(original, classes[i]);
    copyPrototype(original.prototype, `${classes[i]}Prototype`);
  }
  // Promise's statics need Promise as their receiver.
  define('Promise', Promise);
  copyStatics(Promise, 'Promise', Promise);
  copyPrototype(Promise.prototype, 'PromisePrototype');

  // Intrinsics with no global name.
  const TypedArray = getPrototypeOf(Uint8Array);
  define('TypedArray', TypedArray);
  copyStatics(TypedArray, 'TypedArray');
  copyPrototype(TypedArray.prototype, 'TypedArrayPrototype');
  const iterators = [
    ['ArrayIterator', [][Symbol.iterator]()],
    ['StringIterator', ''[Symbol.iterator]()],
    ['MapIterator', new Map()[Symbol.iterator]()],
    ['SetIterator', new Set()[Symbol.iterator]()],
  ];
  for (let i = 0; i < iterators.length; i++) {
    copyPrototype(getPrototypeOf(iterators[i][1]), `${iterators[i][0]}Prototype`);
  }

  const {
    ArrayPrototypeSymbolIterator, ArrayIteratorPrototypeNext, StringPrototypeSymbolIterator,
    StringIteratorPrototypeNext, RegExpPrototypeExec, RegExpPrototypeGetGlobal, StringPrototypeSlice,
    ReflectApply,
  } = primordials;

  // An iterator over `iterable` whose next() is the original one: for-of over
  // it reaches no patchable method.
  function makeSafeIterator(create, next) {
    class SafeIterator {
      constructor(iterable) { this._iterator = create(iterable); }
      next() { return next(this._iterator); }
      [Symbol.iterator]() { return this; }
    }
    setPrototypeOf(SafeIterator.prototype, null);
    freeze(SafeIterator.prototype);
    freeze(SafeIterator);
    return SafeIterator;
  }
  define('SafeArrayIterator', makeSafeIterator(ArrayPrototypeSymbolIterator, ArrayIteratorPrototypeNext));
  define('SafeStringIterator', makeSafeIterator(StringPrototypeSymbolIterator, StringIteratorPrototypeNext));

  // A subclass whose prototype holds the original methods and no parent: its
  // instances are real Maps (Sets, ...) that never look at Map.prototype.
  // Methods returning iterators return safe ones.
  function makeSafe(unsafe, safe) {
    const keys = ownKeys(unsafe.prototype);
    const dummy = new unsafe();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (getOwnPropertyDescriptor(safe.prototype, key) !== undefined) continue;
      const desc = getOwnPropertyDescriptor(unsafe.prototype, key);
      if (typeof desc.value === 'function' && desc.value.length === 0) {
        const result = call.call(desc.value, dummy);
        if (result !== null && typeof result === 'object' && Symbol.iterator in result) {
          const create = uncurryThis(desc.value);
          const SafeIterator = makeSafeIterator(create, uncurryThis(result.next));
          desc.value = function () { return new SafeIterator(this); };
        }
      }
      defineProperty(safe.prototype, key, { __proto__: null, ...desc });
    }
    setPrototypeOf(safe.prototype, null);
    freeze(safe.prototype);
    freeze(safe);
    return safe;
  }
  define('SafeMap', makeSafe(Map, class SafeMap extends Map {
    constructor() { super(); }
  }));
  define('SafeSet', makeSafe(Set, class SafeSet extends Set {
    constructor() { super(); }
  }));
  define('SafeWeakMap', makeSafe(WeakMap, class SafeWeakMap extends WeakMap {
    constructor() { super(); }
  }));
  define('SafeWeakSet', makeSafe(WeakSet, class SafeWeakSet extends WeakSet {
    constructor() { super(); }
  }));

  // string.replace(re, replacement) without RegExp.prototype[Symbol.replace],
  // which looks up `exec` on the regexp: every match of a global regexp, else
  // the first. `replacement` is a function (match, ...groups, index, input) or
  // a string inserted as is (no `$` patterns).
  define('SafeRegExpReplace', function SafeRegExpReplace(re, string, replacement) {
    const global = RegExpPrototypeGetGlobal(re);
    if (global) re.lastIndex = 0;
    let out = '';
    let last = 0;
    for (;;) {
      const match = RegExpPrototypeExec(re, string);
      if (match === null) break;
      const index = match.index;
      out += StringPrototypeSlice(string, last, index);
      if (typeof replacement === 'function') {
        const args = [];
        for (let i = 0; i < match.length; i++) args[i] = match[i];
        args[args.length] = index;
        args[args.length] = string;
        out += `${ReflectApply(replacement, undefined, args)}`;
      } else {
        out += replacement;
      }
      last = index + match[0].length;
      if (!global) break;
      if (match[0].length === 0) re.lastIndex = last + 1;
    }
    if (global) re.lastIndex = 0;
    return last === 0 && out === '' ? string : out + StringPrototypeSlice(string, last);
  });

  // RegExp.prototype.flags, without its lookups of `global`, `ignoreCase`...
  // on the regexp: the original getters read its flags directly.
  const flagGetters = [];
  const flagLetters = 'dgimsuy';
  const flagNames = ['HasIndices', 'Global', 'IgnoreCase', 'Multiline', 'DotAll', 'Unicode', 'Sticky'];
  for (let i = 0; i < flagNames.length; i++) flagGetters[i] = primordials[`RegExpPrototypeGet${flagNames[i]}`];
  define('SafeRegExpFlags', function SafeRegExpFlags(re) {
    let flags = '';
    for (let i = 0; i < flagGetters.length; i++) if (flagGetters[i](re)) flags += flagLetters[i];
    return flags;
  });

  internals.primordials = freeze(primordials);
})
