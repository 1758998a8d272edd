// Which built-in a value is, for inspect.js: brand checks made from the
// intrinsics' own getters and methods (a value cannot fake them the way it
// can fake Symbol.toStringTag), and the names of the global constructors.
// Defines internals.inspectBrands; evaluated before inspect.js.
(function (natives, internals) {
  'use strict';
  const {
    ArrayBufferPrototypeGetByteLength, ArrayPrototypeFilter, ArrayPrototypePush,
    BigIntPrototypeValueOf, BooleanPrototypeValueOf, DataViewPrototypeGetBuffer,
    DatePrototypeGetTime, Error, FunctionPrototypeCall, MapPrototypeGetSize,
    NumberPrototypeValueOf, ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames,
    ObjectGetPrototypeOf, ObjectPrototypeHasOwnProperty, ObjectPrototypePropertyIsEnumerable,
    ObjectPrototypeToString, Promise, RegExp, RegExpPrototypeExec, RegExpPrototypeGetSource,
    SafeSet, SetPrototypeGetSize, StringPrototypeSlice, StringPrototypeValueOf,
    SymbolPrototypeValueOf, SymbolToStringTag, TypedArrayPrototypeGetLength,
    TypedArrayPrototypeGetSymbolToStringTag, WeakMapPrototypeHas, WeakSetPrototypeHas,
  } = internals.primordials;

  const objToString = ObjectPrototypeToString;
  const hasOwn = ObjectPrototypeHasOwnProperty;
  const isEnumerable = ObjectPrototypePropertyIsEnumerable;
  // `fn` throws a TypeError unless its receiver (its first argument) carries
  // the internal slot.
  const brand = (fn) => (v) => { try { fn(v); return true; } catch { return false; } };

  const typedArrayName = TypedArrayPrototypeGetSymbolToStringTag;
  const typedArrayLength = TypedArrayPrototypeGetLength;
  const regExpSource = brand(RegExpPrototypeGetSource);
  const mapSize = MapPrototypeGetSize;
  const setSize = SetPrototypeGetSize;
  const isDate = brand(DatePrototypeGetTime);
  const isMap = brand(mapSize);
  const isSet = brand(setSize);
  const isWeakMap = brand((v) => WeakMapPrototypeHas(v, {}));
  const isWeakSet = brand((v) => WeakSetPrototypeHas(v, {}));
  const isArrayBuffer = brand(ArrayBufferPrototypeGetByteLength);
  // SharedArrayBuffer is not there while a snapshot is built (build_guards.js),
  // so its getter is looked for again when a restored program starts.
  let sharedByteLength;
  function findSharedArrayBuffer() {
    const SharedArrayBuffer = globalThis.SharedArrayBuffer;
    const desc = typeof SharedArrayBuffer === 'function' ?
      ObjectGetOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength') : undefined;
    sharedByteLength = typeof desc?.get === 'function' ? desc.get : undefined;
  }
  findSharedArrayBuffer();
  const sharedBrand = brand((v) => FunctionPrototypeCall(sharedByteLength, v));
  const isSharedArrayBuffer = (v) => sharedByteLength !== undefined && sharedBrand(v);
  const isDataView = brand(DataViewPrototypeGetBuffer);
  const isTypedArray = (v) => typedArrayName(v) !== undefined;
  const isRegExp = (v) => v !== RegExp.prototype && regExpSource(v);
  // Only trust Object.prototype.toString when no @@toStringTag can fake it.
  const builtinTag = (v) => {
    try { if (v[SymbolToStringTag] !== undefined) return ''; } catch { return ''; }
    return StringPrototypeSlice(objToString(v), 8, -1);
  };
  const isError = (v) => v instanceof Error || builtinTag(v) === 'Error';
  const isArguments = (v) => builtinTag(v) === 'Arguments';
  const isPromise = (v) => objToString(v) === '[object Promise]' && v !== Promise.prototype;
  // Object.prototype.toString names the built-in type unless @@toStringTag
  // hides it, so "[object Object]" plus a constructor rules out every
  // throwing brand check (one exception per check made printing slow).
  const mayBeBuiltin = (value, constructor) =>
    constructor === null || objToString(value) !== '[object Object]';
  const boxedTypes = [
    ['Number', NumberPrototypeValueOf], ['String', StringPrototypeValueOf],
    ['Boolean', BooleanPrototypeValueOf], ['BigInt', BigIntPrototypeValueOf],
    ['Symbol', SymbolPrototypeValueOf],
  ].map(([type, valueOf]) => ({ type, valueOf, is: brand(valueOf) }));
  const findBoxedType = (value) => {
    for (let i = 0; i < boxedTypes.length; i++) if (boxedTypes[i].is(value)) return boxedTypes[i];
    return undefined;
  };
  const AsyncFunctionProto = ObjectGetPrototypeOf(async function () {});
  const GeneratorFunctionProto = ObjectGetPrototypeOf(function* () {});
  const AsyncGeneratorFunctionProto = ObjectGetPrototypeOf(async function* () {});
  // Constructors of these are printed without listing prototype properties
  // and count as having a "built-in" toString for %s. The globals a snapshot
  // build lacks (build_guards.js) are there when the program runs.
  const builtInObjects = new SafeSet();
  const globalNames = ArrayPrototypeFilter(ObjectGetOwnPropertyNames(globalThis),
    (name) => RegExpPrototypeExec(/^[A-Z][a-zA-Z0-9]+$/, name) !== null);
  ArrayPrototypePush(globalNames, 'SharedArrayBuffer', 'Atomics', 'WebAssembly');
  for (let i = 0; i < globalNames.length; i++) builtInObjects.add(globalNames[i]);

  internals.inspectBrands = {
    objToString, hasOwn, isEnumerable, typedArrayName, typedArrayLength, mapSize, setSize, isDate,
    isMap, isSet, isWeakMap, isWeakSet, isArrayBuffer, isSharedArrayBuffer, isDataView,
    isTypedArray, isRegExp, builtinTag, isError, isArguments, isPromise, mayBeBuiltin,
    findBoxedType, AsyncFunctionProto, GeneratorFunctionProto, AsyncGeneratorFunctionProto,
    builtInObjects,
  };
  internals.inspectOnRestore = findSharedArrayBuffer;
})
