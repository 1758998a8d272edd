// Protected copies of the built-ins the runtime's own JavaScript calls, taken
// before any user code runs, as Node's primordials are: a program that patches
// Array.prototype.push, Reflect.apply or Function.prototype.call cannot switch
// the runtime's timers, ticks, console or module loader off. Evaluated first;
// the other files read internals.primordials. A snapshot keeps these copies
// with the rest of the bootstrap's heap, so a restored program has them too.
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

  const { apply, bind, call } = Function.prototype;
  // uncurryThis(fn)(receiver, ...args) is fn.call(receiver, ...args), through
  // a bound copy of the original `call`.
  const uncurryThis = bind.bind(call);
  const applyBind = bind.bind(apply);
  const bindTo = uncurryThis(bind);
  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, ownKeys } = Reflect;
  const freeze = Object.freeze;
  const setPrototypeOf = Object.setPrototypeOf;

  // A primordial is made, from its name, the first time the bootstrap asks for
  // it: the bootstrap takes ~130 of the ~1,300 names, and making them all up
  // front cost every start from source ~1 ms more and every snapshot 25 KB.
  // No other code runs during the bootstrap, so the built-ins are still the
  // originals (and the code below that runs only then calls their methods
  // directly); sealPrimordials, called when the bootstrap is done, leaves a
  // frozen object of what it took and makes no more.
  const made = { __proto__: null };  // name -> primordial
  let sealed = false;
  const define = (name, value) => { made[name] = value; };
  define('uncurryThis', uncurryThis);
  define('applyBind', applyBind);

  // What a name can start with: prefix -> [object whose members it names,
  // whether they are prototype methods, receiver statics are bound to].
  let owners = { __proto__: null };
  let byInitial = { __proto__: null };  // first letter -> prefixes, longest first
  function addOwner(prefix, object, isPrototype, receiver) {
    owners[prefix] = [object, isPrototype, receiver];
    const list = byInitial[prefix[0]] ?? (byInitial[prefix[0]] = []);
    let at = list.length;
    while (at > 0 && list[at - 1].length < prefix.length) at--;
    list.splice(at, 0, prefix);
  }

  const variadic = [
    'ArrayOf', 'ArrayPrototypePush', 'ArrayPrototypeUnshift', 'MathHypot', 'MathMax', 'MathMin',
    'StringFromCharCode', 'StringFromCodePoint', 'StringPrototypeConcat', 'TypedArrayOf',
  ];

  // 'Push' -> 'push', 'SymbolIterator' -> Symbol.iterator; uppercase keys
  // (MAX_SAFE_INTEGER, BYTES_PER_ELEMENT, PI) are also tried as they are.
  function keysOf(rest) {
    if (rest === '') return [];
    if (rest.startsWith('Symbol') && rest.length > 6) {
      const symbol = Symbol[`${rest[6].toLowerCase()}${rest.slice(7)}`];
      if (typeof symbol === 'symbol') return [symbol];
    }
    return [`${rest[0].toLowerCase()}${rest.slice(1)}`, rest];
  }

  // The member of `owner` that `rest`, the name after the owner's prefix, names.
  function member(owner, rest, name) {
    const object = owner[0];
    const isPrototype = owner[1];
    if (rest.endsWith('Apply') && variadic.includes(name.slice(0, -5))) {
      const desc = getOwnPropertyDescriptor(object, keysOf(rest.slice(0, -5))[0]);
      if (desc === undefined) return undefined;
      return isPrototype ? applyBind(desc.value) : applyBind(desc.value, object);
    }
    const keys = keysOf(rest);
    for (let i = 0; i < keys.length; i++) {
      const desc = getOwnPropertyDescriptor(object, keys[i]);
      if (desc === undefined || !('value' in desc)) continue;
      const value = desc.value;
      if (typeof value !== 'function') return value;
      if (isPrototype) return uncurryThis(value);
      return owner[2] !== undefined ? bindTo(value, owner[2]) : value;
    }
    // `${prefix}Get${Key}` and `${prefix}Set${Key}` name accessors.
    const accessor = rest.startsWith('Get') ? 'get' : rest.startsWith('Set') ? 'set' : '';
    if (accessor === '') return undefined;
    const accessorKeys = keysOf(rest.slice(3));
    for (let i = 0; i < accessorKeys.length; i++) {
      const desc = getOwnPropertyDescriptor(object, accessorKeys[i]);
      if (desc !== undefined && typeof desc[accessor] === 'function') {
        return uncurryThis(desc[accessor]);
      }
    }
    return undefined;
  }

  function primordial(name) {
    if (sealed || name in made) return made[name];
    const prefixes = byInitial[name[0]] ?? [];
    for (let i = 0; i < prefixes.length; i++) {
      if (name.length <= prefixes[i].length || !name.startsWith(prefixes[i])) continue;
      const value = member(owners[prefixes[i]], name.slice(prefixes[i].length), name);
      if (value !== undefined) {
        made[name] = value;
        return value;
      }
    }
    return undefined;
  }

  const globals = ['globalThis', 'Proxy', 'decodeURI', 'decodeURIComponent', 'encodeURI',
    'encodeURIComponent', 'parseInt', 'parseFloat', 'isNaN', 'isFinite'];
  for (let i = 0; i < globals.length; i++) define(globals[i], globalThis[globals[i]]);
  const namespaces = ['JSON', 'Math', 'Reflect'];
  for (let i = 0; i < namespaces.length; i++) addOwner(namespaces[i], globalThis[namespaces[i]], false);
  addOwner('Proxy', Proxy, false);

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
    addOwner(classes[i], original, false);
    addOwner(`${classes[i]}Prototype`, original.prototype, true);
  }
  // Promise's statics need Promise as their receiver.
  define('Promise', Promise);
  addOwner('Promise', Promise, false, Promise);
  addOwner('PromisePrototype', Promise.prototype, true);

  // Intrinsics with no global name.
  const TypedArray = getPrototypeOf(Uint8Array);
  define('TypedArray', TypedArray);
  addOwner('TypedArray', TypedArray, false);
  addOwner('TypedArrayPrototype', TypedArray.prototype, true);
  addOwner('ArrayIteratorPrototype', getPrototypeOf([][Symbol.iterator]()), true);
  addOwner('StringIteratorPrototype', getPrototypeOf(''[Symbol.iterator]()), true);
  addOwner('MapIteratorPrototype', getPrototypeOf(new Map()[Symbol.iterator]()), true);
  addOwner('SetIteratorPrototype', getPrototypeOf(new Set()[Symbol.iterator]()), true);

  const ArrayPrototypeSymbolIterator = primordial('ArrayPrototypeSymbolIterator');
  const ArrayIteratorPrototypeNext = primordial('ArrayIteratorPrototypeNext');
  const StringPrototypeSymbolIterator = primordial('StringPrototypeSymbolIterator');
  const StringIteratorPrototypeNext = primordial('StringIteratorPrototypeNext');
  const RegExpPrototypeExec = primordial('RegExpPrototypeExec');
  const RegExpPrototypeGetGlobal = primordial('RegExpPrototypeGetGlobal');
  const StringPrototypeSlice = primordial('StringPrototypeSlice');
  const ReflectApply = primordial('ReflectApply');

  // An iterator whose next() is the original one, over the iterator `create`
  // makes of the constructor's argument (or over that argument itself): for-of
  // over it reaches no patchable method.
  function makeSafeIterator(create, next) {
    class SafeIterator {
      constructor(iterable) { this._iterator = create === undefined ? iterable : create(iterable); }
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
    let SafeIterator;  // one class for entries(), keys(), values(): they share next()
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (getOwnPropertyDescriptor(safe.prototype, key) !== undefined) continue;
      const desc = getOwnPropertyDescriptor(unsafe.prototype, key);
      if (typeof desc.value === 'function' && desc.value.length === 0) {
        const result = call.call(desc.value, dummy);
        if (result !== null && typeof result === 'object' && Symbol.iterator in result) {
          const create = uncurryThis(desc.value);
          SafeIterator ??= makeSafeIterator(undefined, uncurryThis(result.next));
          desc.value = function () { return new SafeIterator(create(this)); };
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
  for (let i = 0; i < flagNames.length; i++) flagGetters[i] = primordial(`RegExpPrototypeGet${flagNames[i]}`);
  define('SafeRegExpFlags', function SafeRegExpFlags(re) {
    let flags = '';
    for (let i = 0; i < flagGetters.length; i++) if (flagGetters[i](re)) flags += flagLetters[i];
    return flags;
  });

  // Read-only; whatever the bootstrap asks for is made then.
  internals.primordials = new Proxy(made, {
    get: (target, name) => (typeof name === 'string' ? primordial(name) : undefined),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  // Runtime::Bootstrap calls this after the last bootstrap file, with the
  // names the lazy scripts (compiled later, maybe after user code patched the
  // built-ins) take: comma-separated, made now.
  internals.sealPrimordials = function (lazyNames) {
    const names = lazyNames === '' ? [] : lazyNames.split(',');
    for (let i = 0; i < names.length; i++) primordial(names[i]);
    sealed = true;
    owners = byInitial = null;
    internals.primordials = freeze(made);
  };
  // For scripts compiled after the bootstrap (Extension::lazy_js): the sealed
  // primordials, where a name the bootstrap did not make throws when it is
  // destructured (the file that loads such a script makes them beforehand),
  // instead of reading as undefined until first called.
  let strict;
  const SavedProxy = Proxy;  // user code runs before the first call
  const SavedError = Error;
  internals.strictPrimordials = function () {
    return strict ??= new SavedProxy(made, {
      get(target, name) {
        if (typeof name === 'string' && !(name in target)) {
          throw new SavedError(`the primordial ${name} was not made at bootstrap`);
        }
        return target[name];
      },
    });
  };
})
