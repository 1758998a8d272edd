// Node's `child_process`, defined here and loaded from child_process_impl.js
// (a lazy script: programs that never require it pay nothing at start-up).
(function (natives, internals) {
  'use strict';
  // The primordials the lazy script uses, made now: they are sealed after
  // bootstrap, and a name first asked for later would be missing.
  const used = [
    'ArrayIsArray', 'ArrayPrototypeJoin', 'ArrayPrototypePush', 'ArrayPrototypeSlice',
    'ArrayPrototypeUnshift', 'ArrayBufferIsView', 'Error', 'FunctionPrototypeCall',
    'NumberIsInteger', 'ObjectAssign', 'ObjectDefineProperty', 'ObjectKeys',
    'ObjectSetPrototypeOf', 'Promise', 'RangeError', 'SafeMap', 'StringPrototypeIncludes',
    'StringPrototypeSlice', 'StringPrototypeToUpperCase', 'SymbolFor', 'TypeError',
  ];
  for (let i = 0; i < used.length; i++) void internals.primordials[used[i]];

  // What the lazy scripts use of the globals, saved before user code can
  // patch them (Symbol.dispose: ChildProcess[Symbol.dispose], as Node 20's).
  internals.childProcessSaved = {
    nextTick: globalThis.process.nextTick,
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    dispose: globalThis.Symbol.dispose,
  };
  let made;
  internals.defineBuiltin('child_process', () => {
    made ??= natives.loadScript('child_process_impl.js')(natives, internals);
    return made;
  });
})
