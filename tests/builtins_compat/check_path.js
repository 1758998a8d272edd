// Compares runtime/js/path.js's `path` with Node's path.posix on many inputs.
// Usage: node tests/builtins_compat/check_path.js
'use strict';
const vm = require('vm');
const fs = require('fs');
const util = require('util');
const np = require('path').posix;
const internals = { inspect: util.inspect, format: util.format };
const natives = { cwd: () => process.cwd(), print() {}, fileKind: () => 0 };
// path.js calls what primordials.js saves and validates with node_errors.js;
// builtins.js and path_builtin.js register it. This is their bootstrap order;
// path.js itself is loaded through natives.loadScript, as at run time.
const load = (file) => vm.runInThisContext(
  fs.readFileSync(require('path').join(__dirname, '../../runtime/js', file), 'utf8'),
  { filename: file });
natives.loadScript = load;
for (const file of ['primordials.js', 'node_errors.js', 'builtins.js', 'path_builtin.js']) {
  load(file)(natives, internals);
}
const p = internals.requireBuiltin('path');
const inputs = ['', '.', '..', '/', '//', '///a//b/', 'a/b/../c', '/a/b/../../..', '../a/./b', 'a/', 'a//', '/a/b/c.txt', 'a.b.c', '.bashrc', 'a/.bashrc', '..a', 'a..', '/a/b.', 'x/y/', '/x/', 'foo.', '.foo.', 'a/b/c/', './', '../', 'a/../..', '/..'];
let fail = 0, pass = 0;
const cmp = (name, a, b) => { if (JSON.stringify(a) === JSON.stringify(b)) pass++; else { fail++; console.log('FAIL', name, JSON.stringify(a), JSON.stringify(b)); } };
// Node's parse('/..') reports ext '.', unlike its own extname('/..'); not copied.
const knownDifferences = new Set(['parse("/..")']);
for (const i of inputs) {
  for (const f of ['normalize', 'dirname', 'basename', 'extname', 'isAbsolute', 'parse']) {
    if (knownDifferences.has(`${f}(${JSON.stringify(i)})`)) continue;
    cmp(`${f}(${JSON.stringify(i)})`, p[f](i), np[f](i));
  }
  cmp(`resolve(${i})`, p.resolve(i), np.resolve(i));
  cmp(`basename(${i}, .txt)`, p.basename(i, '.txt'), np.basename(i, '.txt'));
  for (const j of inputs) {
    cmp(`join(${i},${j})`, p.join(i, j), np.join(i, j));
    cmp(`relative(${i},${j})`, p.relative(i, j), np.relative(i, j));
    cmp(`resolve(${i},${j})`, p.resolve(i, j), np.resolve(i, j));
  }
}
for (const o of [{dir:'/a', base:'b.c'}, {root:'/', base:'x'}, {root:'/', dir:'/', base:'x'}, {name:'n', ext:'.e'}, {dir:'d', name:'n', ext:'.e'}]) cmp('format', p.format(o), np.format(o));
cmp('join()', p.join(), np.join());
console.log(`${pass} passed, ${fail} failed`);
process.exitCode = fail === 0 ? 0 : 1;
