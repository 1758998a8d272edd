// Node's `module` builtin: the CommonJS Module class (cjs_loader.js) with its
// statics: createRequire, builtinModules (the builtins toysnap provides, not
// all of Node's), isBuiltin, wrap, syncBuiltinESMExports. Lazy: modules.js
// registers it and compiles it on first require.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeFilter, ArrayPrototypeIncludes, ArrayPrototypeSort, ObjectDefineProperty,
    RegExpPrototypeExec, SafeRegExpReplace,
    StringPrototypeCharCodeAt, StringPrototypeStartsWith, TypeError,
  } = internals.strictPrimordials();
  const Module = internals.CjsModule;

  // Names only the node: prefix reaches (node:test, node:sea) are not listed,
  // as in Node.
  const builtinModules = ArrayPrototypeSort(ArrayPrototypeFilter(internals.providedBuiltins(),
    (name) => name !== 'test' && name !== 'sea'));

  function invalidFilename(filename) {
    const error = new TypeError("The argument 'filename' must be a file URL object, file URL " +
                                `string, or absolute path string. Received ${internals.inspect(filename)}`);
    error.code = 'ERR_INVALID_ARG_VALUE';
    return error;
  }
  function createRequire(filename) {
    let path = filename;
    const isUrlObject = filename !== null && typeof filename === 'object' &&
                        typeof filename.href === 'string' && typeof filename.protocol === 'string';
    if (isUrlObject || (typeof filename === 'string' && StringPrototypeStartsWith(filename, 'file:'))) {
      path = internals.requireBuiltin('url').fileURLToPath(filename);
      // A directory URL keeps its slash: requires resolve inside it.
      if (RegExpPrototypeExec(/\/$/, isUrlObject ? filename.pathname : filename) !== null) path += '/';
    } else if (typeof filename !== 'string' || StringPrototypeCharCodeAt(filename, 0) !== 47) {
      throw invalidFilename(filename);
    }
    return internals.makeRequire(path);
  }

  const wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
  const statics = {
    builtinModules,
    createRequire,
    // node:test is one, test is not (a name only the prefix reaches).
    isBuiltin: (name) => internals.isBuiltin(name) &&
      (ArrayPrototypeIncludes(builtinModules, SafeRegExpReplace(/^node:/, `${name}`, '')) ||
       RegExpPrototypeExec(/^node:(test|sea)$/, `${name}`) !== null),
    syncBuiltinESMExports() { natives.syncBuiltinESMExports(); },
    wrap: (script) => `${wrapper[0]}${script}${wrapper[1]}`,
    wrapper,
    findSourceMap: () => undefined,
  };
  const names = ['builtinModules', 'createRequire', 'isBuiltin', 'syncBuiltinESMExports', 'wrap',
                 'wrapper', 'findSourceMap'];
  for (let i = 0; i < names.length; i++) {
    ObjectDefineProperty(Module, names[i], {
      __proto__: null, value: statics[names[i]], writable: true, configurable: true, enumerable: true,
    });
  }
  ObjectDefineProperty(Module, 'Module', {
    __proto__: null, value: Module, writable: true, configurable: true, enumerable: true,
  });
  return Module;
})
