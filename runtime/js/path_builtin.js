// Registers `path`, `path/posix` and `path/win32`, whose code (path.js,
// path_win32.js) is compiled on first require.
(function (natives, internals) {
  'use strict';
  // Node calls process.cwd() itself, so a program that replaces it is heard;
  // process itself is the one of the bootstrap.
  const { process } = globalThis;
  let path;
  const load = () => (path ??= natives.loadScript('path.js')(natives, internals, process));
  internals.defineBuiltin('path', () => load().posix);
  internals.defineBuiltin('path/posix', () => load().posix);
  internals.defineBuiltin('path/win32', () => load().loadWin32());
})
