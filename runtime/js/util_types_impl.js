// Node's util.types (and the `util/types` builtin): brand checks from the
// intrinsics' own getters (inspect_brands.js), V8's predicates where
// JavaScript cannot tell (natives.valueKinds: proxies, iterators, generator
// objects, module namespaces, externals, arguments objects). Lazy:
// builtins.js compiles it the first time a program reads util.types or
// requires util/types.
(function (natives, internals) {
  'use strict';
  const { ArrayBufferIsView, ObjectFreeze } = internals.strictPrimordials();
  const b = internals.inspectBrands;
  const kind = (bit) => (value) => (natives.valueKinds(value) & (1 << bit)) !== 0;
  const typed = (name) => (value) => b.typedArrayName(value) === name;
  const boxed = (type) => (value) => b.findBoxedType(value)?.type === type;

  const types = {
    isAnyArrayBuffer: (v) => b.isArrayBuffer(v) || b.isSharedArrayBuffer(v),
    isArrayBuffer: (v) => b.isArrayBuffer(v),
    isArrayBufferView: (v) => ArrayBufferIsView(v),
    isArgumentsObject: kind(6),
    isAsyncFunction: kind(7),
    isBigInt64Array: typed('BigInt64Array'),
    isBigIntObject: boxed('BigInt'),
    isBigUint64Array: typed('BigUint64Array'),
    isBooleanObject: boxed('Boolean'),
    isBoxedPrimitive: (v) => b.findBoxedType(v) !== undefined,
    // Set when crypto is first required: no CryptoKey exists before.
    isCryptoKey: (value) => internals.cryptoIsCryptoKey?.(value) === true,
    isDataView: (v) => b.isDataView(v),
    isDate: (v) => b.isDate(v),
    isExternal: kind(5),
    isFloat32Array: typed('Float32Array'),
    isFloat64Array: typed('Float64Array'),
    isGeneratorFunction: kind(8),
    isGeneratorObject: kind(1),
    isInt16Array: typed('Int16Array'),
    isInt32Array: typed('Int32Array'),
    isInt8Array: typed('Int8Array'),
    // Set when crypto is first required: no KeyObject exists before.
    isKeyObject: (value) => internals.cryptoIsKeyObject?.(value) === true,
    isMap: (v) => b.isMap(v),
    isMapIterator: kind(2),
    isModuleNamespaceObject: kind(4),
    isNativeError: kind(12),
    isNumberObject: boxed('Number'),
    isPromise: kind(9),
    isProxy: kind(0),
    isRegExp: (v) => b.isRegExp(v),
    isSet: (v) => b.isSet(v),
    isSetIterator: kind(3),
    isSharedArrayBuffer: (v) => b.isSharedArrayBuffer(v),
    isStringObject: boxed('String'),
    isSymbolObject: boxed('Symbol'),
    isTypedArray: (v) => b.isTypedArray(v),
    isUint16Array: typed('Uint16Array'),
    isUint32Array: typed('Uint32Array'),
    isUint8Array: typed('Uint8Array'),
    isUint8ClampedArray: typed('Uint8ClampedArray'),
    isWeakMap: kind(10),
    isWeakSet: kind(11),
  };
  return ObjectFreeze(types);
})
