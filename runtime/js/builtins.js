// Node's builtin modules that npm code commonly requires (events, util, os,
// url, module), created on first require; internals.defineBuiltin
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
    TextEncoder, TextDecoder, atob, btoa, process, performance, crypto,
    setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
  } = globalThis;
  const TextEncoderPrototypeEncode = uncurryThis(TextEncoder.prototype.encode);
  const TextDecoderPrototypeDecode = uncurryThis(TextDecoder.prototype.decode);

  const cache = new SafeMap();
  const factories = new SafeMap();

  // ---- util ---------------------------------------------------------------

  function makeUtil() {
    const customPromisify = SymbolFor('nodejs.util.promisify.custom');
    const warned = new SafeSet();
    const util = {
      format: (...args) => ReflectApply(internals.format, undefined, args),
      inspect: internals.inspect,
      // libuv's name for a negative error number, as Node's (uv_err_name).
      getSystemErrorName(err) {
        if (typeof err !== 'number') {
          const error = new TypeError('The "err" argument must be of type number. Received ' +
                                      internals.describeReceived(err));
          error.code = 'ERR_INVALID_ARG_TYPE';
          throw error;
        }
        if (err >= 0 || !NumberIsSafeInteger(err)) {
          const error = new RangeError('The value of "err" is out of range. It must be a ' +
                                       `negative integer. Received ${err}`);
          error.code = 'ERR_OUT_OF_RANGE';
          throw error;
        }
        return natives.uvErrorName(err)[0];
      },
      inherits(ctor, superCtor) {
        ObjectDefineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
        ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
      },
      promisify(original) {
        if (typeof original !== 'function') {
          throw new TypeError('The "original" argument must be of type function');
        }
        if (original[customPromisify]) return original[customPromisify];
        function promisified(...args) {
          return new Promise((resolve, reject) => {
            ArrayPrototypePush(args, (error, value) => {
              if (error) reject(error); else resolve(value);
            });
            ReflectApply(original, this, args);
          });
        }
        ObjectSetPrototypeOf(promisified, ObjectGetPrototypeOf(original));
        return ObjectDefineProperties(promisified, ObjectGetOwnPropertyDescriptors(original));
      },
      callbackify(original) {
        return function (...args) {
          const callback = ArrayPrototypePop(args);
          PromisePrototypeThen(ReflectApply(original, this, args),
            (value) => process.nextTick(callback, null, value),
            (error) => process.nextTick(callback, error));
        };
      },
      deprecate(fn, message, code) {
        return function deprecated(...args) {
          const key = code ?? message;
          if (!warned.has(key)) {
            warned.add(key);
            process.emitWarning(message, 'DeprecationWarning', code, deprecated);
          }
          return new.target ? ReflectConstruct(fn, args, new.target) : ReflectApply(fn, this, args);
        };
      },
      debuglog() {
        const log = () => {};
        log.enabled = false;
        return log;
      },
      isArray: ArrayIsArray,
      isDeepStrictEqual: (a, b) => internals.isDeepStrictEqual(a, b),  // assert.js
      TextEncoder: globalThis.TextEncoder,
      TextDecoder: globalThis.TextDecoder,
    };
    // util_types_impl.js, compiled when first read.
    ObjectDefineProperty(util, 'types', {
      get: () => builtin('util/types'), set: undefined, enumerable: true, configurable: true,
    });
    util.promisify.custom = customPromisify;
    util.inspect.custom = SymbolFor('nodejs.util.inspect.custom');
    return util;
  }

  // ---- os, module ---------------------------------------------------------

  function makeModule() {
    const names = ArrayFrom(factories.keys());
    return {
      builtinModules: names,
      isBuiltin: (name) => factories.has(SafeRegExpReplace(/^node:/, String(name), '')),
      createRequire(filename) {
        const path = StringPrototypeStartsWith(String(filename), 'file:')
          ? builtin('url').fileURLToPath(filename) : String(filename);
        return internals.makeRequire(path);
      },
      syncBuiltinESMExports() { natives.syncBuiltinESMExports(); },
    };
  }

  factories.set('events', internals.makeEvents);  // events.js
  factories.set('util', makeUtil);
  factories.set('os', () => internals.makeOs(builtin));  // os.js
  factories.set('url', () => internals.nodeUrl());  // url.js
  factories.set('module', makeModule);
  factories.set('process', () => process);
  factories.set('timers', () => ({
    setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
    get promises() { return builtin('timers/promises'); },
  }));
  factories.set('util/types', () => natives.loadScript('util_types_impl.js')(natives, internals));
  factories.set('timers/promises', () => natives.loadScript('timers_promises.js')(natives, internals));
  factories.set('perf_hooks', () => ({ performance }));
  factories.set('crypto', () => ({
    webcrypto: crypto,
    randomUUID: () => crypto.randomUUID(),
    getRandomValues: (array) => crypto.getRandomValues(array),
  }));

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
  // What `import { x } from 'node:name'` can name: the builtin's own keys.
  internals.builtinExportNames = (name) => ObjectKeys(internals.requireBuiltin(name));
})
