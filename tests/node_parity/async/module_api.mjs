// `module`: the Module class and its statics, createRequire from URLs and
// paths (directories too), isBuiltin, wrap, and Node's errors. builtinModules
// lists what toysnap provides (README), so only names both have are printed.
import module, { createRequire, builtinModules, isBuiltin } from 'node:module';
import { pathToFileURL } from 'node:url';

export function main() {
  console.log(module === module.Module, typeof module, typeof module._load, typeof module._resolveFilename);
  console.log(['fs', 'path', 'events', 'util', 'async_hooks', 'diagnostics_channel', 'module', 'perf_hooks']
    .every((name) => builtinModules.includes(name)), builtinModules.includes('node:fs'));
  console.log(isBuiltin('node:fs'), isBuiltin('fs/promises'), isBuiltin('nope'), isBuiltin(1), isBuiltin('node:nope'));
  const require = createRequire(import.meta.url);
  console.log(require('node:path').join('a', 'b'), require('util') === require('node:util'));
  const fromDir = createRequire(pathToFileURL('/tmp/'));
  console.log(fromDir.resolve('node:fs'), typeof createRequire('/tmp/x.js').resolve.paths);
  for (const bad of ['relative/x.js', 1, null, {}]) {
    try {
      createRequire(bad);
    } catch (error) {
      console.log(error.name, error.code, error.message);
    }
  }
  console.log(module.wrap('return 1'));
  console.log(JSON.stringify(module.wrapper));
}
