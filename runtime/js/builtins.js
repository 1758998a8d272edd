// Node's builtin modules that npm code commonly requires (events, util, os,
// url, timers), created on first require; internals.defineBuiltin
// adds those of later bootstrap files (fs.js, stream.js).
(function (natives, internals) {
  'use strict';
  const {
    ArrayBuffer, ArrayBufferIsView, ArrayFrom, ArrayIsArray, ArrayPrototypeFilter,
    ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePop, ArrayPrototypePush,
    ArrayPrototypeReduce, ArrayPrototypeSlice, DataView, DataViewPrototypeGetUint32, Error, MathMin,
    MathSign, MathTrunc, NumberIsNaN, NumberIsSafeInteger, NumberParseInt, ObjectDefineProperties, ObjectDefineProperty,
    ObjectGetOwnPropertyDescriptors, ObjectGetPrototypeOf, ObjectKeys, ObjectSetPrototypeOf,
    Promise, PromisePrototypeThen, Proxy, RangeError, ReflectApply, ReflectConstruct, SafeMap,
    SafeRegExpReplace, SafeSet, String, StringFromCharCodeApply, StringPrototypeCharCodeAt,
    StringPrototypeEndsWith, StringPrototypeLastIndexOf, StringPrototypeRepeat,
    StringPrototypeSlice, StringPrototypeSplit, StringPrototypeStartsWith, StringPrototypeSubstr,
    StringPrototypeToLowerCase, SymbolFor, TypeError, TypedArrayPrototypeFill,
    TypedArrayPrototypeSet, TypedArrayPrototypeMap, TypedArrayPrototypeSubarray, Uint16Array,
    Uint8Array, SafeStringIterator, uncurryThis,
  } = internals.primordials;
  // Earlier files' globals, captured before user code can replace them.
  const {
    process, setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
  } = globalThis;

  const cache = new SafeMap();
  const factories = new SafeMap();

  factories.set('events', internals.makeEvents);  // events.js
  factories.set('util', () => natives.loadScript('util.js')(natives, internals));  // lazy
  factories.set('os', () => internals.makeOs(builtin));  // os.js
  factories.set('url', () => internals.nodeUrl());  // url.js
  factories.set('process', () => process);
  factories.set('console', () => internals.globalConsole);  // console.js
  factories.set('timers', () => ({
    setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
    get promises() { return builtin('timers/promises'); },
  }));
  factories.set('util/types', () => natives.loadScript('util_types_impl.js')(natives, internals));
  factories.set('timers/promises', () => natives.loadScript('timers_promises.js')(natives, internals));

  function builtin(name) {
    let exports = cache.get(name);
    if (exports === undefined) {
      const factory = factories.get(name);
      if (factory === undefined) {
        const error = new Error(`toysnap does not provide the Node builtin module '${name}'`);
        error.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
        throw error;
      }
      exports = factory();
      cache.set(name, exports);
    }
    return exports;
  }

  // Node code expects `global` as a global (graceful-fs keeps its queue on
  // it); buffer.js defines Buffer.
  Object.defineProperty(globalThis, 'global', {
    configurable: true, writable: true, enumerable: true, value: globalThis,
  });

  // process_node.js (absent when a checker loads builtins.js alone).
  internals.processBecomesEmitter?.(builtin('events'));

  // Builtins that later bootstrap files define (fs.js, stream.js): name -> factory.
  internals.defineBuiltin = (name, factory) => { factories.set(name, factory); };
  internals.isBuiltin = (name) => factories.has(SafeRegExpReplace(/^node:/, String(name), ''));
  internals.requireBuiltin = (name) => builtin(SafeRegExpReplace(/^node:/, String(name), ''));
  // The names toysnap provides (module_builtin.js's builtinModules).
  internals.providedBuiltins = () => ArrayFrom(factories.keys());
  // What `import { x } from 'node:name'` can name: the builtin's own keys.
  internals.builtinExportNames = (name) => ObjectKeys(internals.requireBuiltin(name));
})
