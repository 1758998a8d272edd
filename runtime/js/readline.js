// Registers Node's `readline` and `readline/promises`; the module itself
// (readline_impl.js) is compiled the first time a program requires either
// (Extension::lazy_js), so cold start does not grow.
(function (natives, internals) {
  'use strict';
  // Primordials are sealed when the bootstrap ends: every name readline_impl.js
  // and readline_tty.js destructure from internals.primordials must be made here, now.
  const kLazyPrimordials = [
    'ArrayIsArray', 'ArrayPrototypeIndexOf', 'ArrayPrototypePop', 'ArrayPrototypePush',
    'ArrayPrototypeShift', 'ArrayPrototypeSplice', 'ArrayPrototypeUnshift', 'DateNow', 'Error',
    'FunctionPrototypeCall', 'MathCeil', 'MathMax', 'NumberIsFinite', 'NumberIsInteger',
    'NumberIsNaN', 'ObjectSetPrototypeOf', 'Promise', 'PromiseReject', 'PromiseResolve',
    'RangeError', 'RegExpPrototypeExec', 'SafeRegExpReplace', 'SafeStringIterator',
    'StringFromCharCode', 'StringPrototypeCharCodeAt', 'StringPrototypeCodePointAt',
    'StringPrototypeEndsWith', 'StringPrototypeIncludes', 'StringPrototypeSlice',
    'StringPrototypeSplit', 'StringPrototypeStartsWith', 'StringPrototypeToLowerCase',
    'StringPrototypeTrim', 'Symbol', 'SymbolAsyncIterator', 'SymbolFor', 'TypeError',
  ];
  for (let i = 0; i < kLazyPrimordials.length; i++) {
    if (internals.primordials[kLazyPrimordials[i]] === undefined) {
      throw new internals.primordials.Error(`readline.js: no primordial ${kLazyPrimordials[i]}`);
    }
  }
  let readline;
  const load = () => (readline ??= natives.loadScript('readline_impl.js')(natives, internals));
  internals.defineBuiltin('readline', load);
  internals.defineBuiltin('readline/promises', () => load().promises);
})
