// The module system's entry points, whose code (module_resolution.js,
// cjs_loader.js, modules.js) is compiled the first time one is used: an
// import to resolve, a CommonJS module, `require`, node:module. A program
// without imports never needs it, so its heap does not hold it.
(function (natives, internals) {
  'use strict';
  const { ObjectDefineProperty } = internals.primordials;
  // What those files define on internals (their last lines).
  const names = [
    'moduleResolution', 'lexCjs', 'cjsCache', 'CjsModule', 'resolveRequire', 'loadCommonJs',
    'makeRequire', 'cjsExportNames', 'cjsLoader', 'resolveImport',
  ];
  let loaded = false;
  function load() {
    if (loaded) return;
    loaded = true;
    for (let i = 0; i < names.length; i++) delete internals[names[i]];
    natives.loadScript('module_resolution.js')(natives, internals);
    natives.loadScript('cjs_loader.js')(natives, internals);
    natives.loadScript('modules.js')(natives, internals);
  }
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    ObjectDefineProperty(internals, name, {
      __proto__: null, configurable: true, enumerable: true,
      get() { load(); return internals[name]; },
    });
  }
  // Read when a snapshot is made: none without the loader (cjs_loader.js
  // replaces it).
  internals.cjsModuleList = () => [];
  internals.defineBuiltin('module', () => natives.loadScript('module_builtin.js')(natives, internals));
})
