// Node's `punycode` builtin: npm's punycode 2.3.0, as Node 20 bundles it,
// compiled on first require (punycode_package.js); its file still says
// version '2.1.0', as Node's does. Node 20 warns (DEP0040)
// only under --pending-deprecation, which toysnap does not have: no warning.
(function (natives, internals) {
  'use strict';
  const { Error, ReflectApply } = internals.primordials;
  internals.defineBuiltin('punycode', () => {
    const files = natives.loadScript('punycode_package.js')(natives, internals);
    const id = files[0][0];
    const requires = files[0][1];
    const factory = files[0][2];
    for (const specifier in requires) throw new Error(`${id} requires '${specifier}', which punycode.js does not map`);
    const module = { id, exports: {}, loaded: false };
    ReflectApply(factory, module.exports, [module.exports, undefined, module, `/toysnap/internal/${id}`,
      '/toysnap/internal/punycode']);
    module.loaded = true;
    return module.exports;
  });
})
