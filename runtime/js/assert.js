// Registers Node's `assert` and `assert/strict`; the module itself
// (assert_impl.js, assert_error.js, assert_deep.js) is compiled the first time
// a program requires it (Extension::lazy_js), so a start that never asserts
// does not pay for it. util.isDeepStrictEqual shares its comparison.
(function (natives, internals) {
  'use strict';
  // Primordials are sealed when the bootstrap ends: every name the lazy files
  // destructure from internals.primordials must be made here, now.
  const kLazyPrimordials = [
    'ArrayBufferIsView', 'ArrayBufferPrototypeGetByteLength', 'ArrayIsArray',
    'ArrayPrototypeIncludes', 'ArrayPrototypeIndexOf', 'ArrayPrototypeJoin', 'ArrayPrototypePop',
    'ArrayPrototypePush', 'ArrayPrototypeShift', 'ArrayPrototypeSlice', 'ArrayPrototypeSplice',
    'DatePrototypeGetTime', 'Error', 'ErrorCaptureStackTrace', 'FunctionPrototypeCall',
    'MapPrototypeEntries', 'MapPrototypeGet', 'MapPrototypeHas', 'MathMax', 'NumberIsNaN',
    'ObjectAssign', 'ObjectDefineProperty', 'ObjectGetOwnPropertySymbols', 'ObjectGetPrototypeOf',
    'ObjectIs', 'ObjectKeys', 'ObjectPrototypeHasOwnProperty', 'ObjectPrototypeIsPrototypeOf',
    'ObjectPrototypePropertyIsEnumerable', 'ObjectPrototypeToString', 'ReflectApply',
    'RegExpPrototypeExec', 'RegExpPrototypeGetSource', 'SafeMap', 'SafeRegExpFlags', 'SafeSet',
    'SetPrototypeHas', 'SetPrototypeValues', 'String', 'StringPrototypeCharCodeAt',
    'StringPrototypeEndsWith', 'StringPrototypeRepeat', 'StringPrototypeSlice',
    'StringPrototypeSplit', 'StringPrototypeToLowerCase', 'TypeError',
    'TypedArrayPrototypeGetByteLength', 'Uint8Array',
  ];
  const { Error } = internals.primordials;
  for (let i = 0; i < kLazyPrimordials.length; i++) {
    if (internals.primordials[kLazyPrimordials[i]] === undefined) {
      throw new Error(`assert.js: no primordial ${kLazyPrimordials[i]}`);
    }
  }

  let deep;
  let assert;
  const comparison = () => (deep ??= natives.loadScript('assert_deep.js')(natives, internals));
  function load() {
    if (assert === undefined) {
      const errors = natives.loadScript('assert_error.js')(natives, internals);
      assert = natives.loadScript('assert_impl.js')(natives, internals, comparison(), errors);
    }
    return assert;
  }
  internals.isDeepStrictEqual = (a, b) => comparison().isDeepStrictEqual(a, b);
  internals.defineBuiltin('assert', load);
  internals.defineBuiltin('assert/strict', () => load().strict);
})
