// Node's `child_process`, defined here and loaded from child_process_impl.js
// (a lazy script: programs that never require it pay nothing at start-up).
(function (natives, internals) {
  'use strict';
  // The primordials the lazy script uses, made now: they are sealed after
  // bootstrap, and a name first asked for later would be missing.
  const used = [
    'ArrayIsArray', 'ArrayPrototypeForEach', 'ArrayPrototypeIncludes', 'ArrayPrototypeJoin',
    'ArrayPrototypePush', 'ArrayPrototypePushApply', 'ArrayPrototypeSlice', 'ArrayPrototypeUnshift',
    'ArrayBufferIsView', 'Error', 'FunctionPrototypeCall', 'NumberIsInteger', 'ObjectAssign',
    'ObjectDefineProperty', 'ObjectKeys', 'ObjectPrototypeHasOwnProperty', 'ObjectSetPrototypeOf',
    'Promise', 'RangeError', 'ReflectApply', 'SafeMap', 'String', 'StringPrototypeIncludes',
    'StringPrototypeSlice', 'StringPrototypeToUpperCase', 'SymbolFor', 'TypeError',
  ];
  for (let i = 0; i < used.length; i++) void internals.primordials[used[i]];

  // Saved before user code runs (Node 20 has it as Symbol.dispose).
  internals.childProcessDispose = globalThis.Symbol.dispose;
  let made;
  internals.defineBuiltin('child_process', () => {
    made ??= natives.loadScript('child_process_impl.js')(natives, internals);
    return made;
  });
})
