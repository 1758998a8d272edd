// Defines the `fs`, `fs/promises` and `constants` builtins. Their code
// (fs_utils.js, fs.js, fs_dir.js, fs_promises.js, fs_cp.js: fs's lazy_js) is
// compiled the first time a program requires one of them, so a program that
// uses no fs keeps it out of its heap, its snapshot and its start-up; one
// that requires fs at build time has it in its snapshot, compiled.
(function (natives, internals) {
  'use strict';
  const kScripts = ['fs.js', 'fs_dir.js', 'fs_promises.js', 'fs_cp.js'];
  // fs_utils.js alone (Node's validators and errors), for net, tty and dns too.
  function utils() {
    if (internals.fsUtils === undefined) natives.loadScript('fs_utils.js')(natives, internals);
    return internals.fsUtils;
  }
  internals.loadFsUtils = utils;
  let loaded = false;
  function load(name) {
    if (!loaded) {
      loaded = true;
      utils();
      // Each script defines its builtins again, with the real factories.
      for (let i = 0; i < kScripts.length; i++) natives.loadScript(kScripts[i])(natives, internals);
    }
    return internals.requireBuiltin(name);
  }
  internals.defineBuiltin('fs', () => load('fs'));
  internals.defineBuiltin('fs/promises', () => load('fs/promises'));
  internals.defineBuiltin('constants', () => load('constants'));
})
