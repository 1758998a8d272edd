// Compares the module system in runtime/js (cjs_lexer.js, module_paths.js,
// module_resolution.js, cjs_loader.js, modules.js) with Node itself:
// ESM and CommonJS resolution (results, error codes and messages), CommonJS
// programs (cycles, cache, JSON, errors), and the names `import` sees of
// CommonJS modules. Node is the oracle, run as a child process with the
// options that match toysnap: no require(esm), no module-syntax detection, no
// addons. Resolution answers come from Node's own defaultResolve (reached
// with --expose-internals), which is what `import` runs.
// Usage: node tests/modules_compat/check_modules.js   (exit 1 on any failure)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const { execFileSync } = require('child_process');
const { pathToFileURL } = require('url');

const repo = path.join(__dirname, '../..');
const NODE_FLAGS = ['--no-experimental-require-module', '--no-experimental-detect-module', '--no-addons'];

// ---- a temp copy of the fixtures, with the symlinks git does not keep ------

const tmp = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'toysnap-modules-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const root = path.join(tmp, 'fixtures');
// dereference: under Bazel the runfiles are symlinks to the sources.
fs.cpSync(path.join(__dirname, 'fixtures'), root, { recursive: true, dereference: true });
// Bazel's runfiles cannot hold names with spaces, so the sources spell them
// "__SPACE__"; the copy gets the real names.
(function restoreSpaces(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    let name = entry.name;
    if (name.includes('__SPACE__')) {
      name = name.replaceAll('__SPACE__', ' ');
      fs.renameSync(path.join(dir, entry.name), path.join(dir, name));
    }
    if (entry.isDirectory()) restoreSpaces(path.join(dir, name));
  }
})(root);
fs.symlinkSync('../linked-src', path.join(root, 'node_modules/linked-pkg'));
fs.symlinkSync('real-file.js', path.join(root, 'linked-file.js'));
const at = (p) => path.join(root, p);
const urlOf = (p) => pathToFileURL(at(p)).href;

// ---- our implementation, natives stubbed with node:fs and node:vm ----------

function loadOurs() {
  // defineBuiltin: modules.js registers the `module` builtin (not checked here).
  const internals = { defineBuiltin: () => {} };
  const natives = {
    readFile: (p) => { try { return fs.readFileSync(p, 'utf8'); } catch { return undefined; } },
    fileKind(p) {
      try {
        const st = fs.statSync(p);
        return st.isFile() ? 1 : st.isDirectory() ? 2 : 0;
      } catch { return 0; }
    },
    realpath: (p) => { try { return fs.realpathSync(p); } catch { return undefined; } },
    compileCjs: (source, filename) => vm.compileFunction(source,
      ['exports', 'require', 'module', '__filename', '__dirname'], { filename }),
    cwd: () => root,
    // The modules extension's lazy scripts (cjs_lexer.js), compiled on demand.
    loadScript: (file) => vm.runInThisContext(
      fs.readFileSync(path.join(repo, 'runtime/js', file), 'utf8'), { filename: file }),
  };
  // The bootstrap's evaluation order (runtime/module_loader.cc).
  for (const file of ['primordials.js', 'module_paths.js', 'module_resolution.js', 'cjs_loader.js', 'modules.js']) {
    natives.loadScript(file)(natives, internals);
  }
  internals.requireBuiltin = (name) => (name === 'module'
    ? { createRequire: (f) => internals.makeRequire(String(f)) } : require(name));
  return internals;
}

// ---- comparison bookkeeping -------------------------------------------------

let passed = 0;
let failed = 0;
const show = (v) => JSON.stringify(v);
function compare(label, ours, node) {
  if (show(ours) === show(node)) { passed++; return; }
  failed++;
  console.log(`FAIL ${label}\n  ours: ${show(ours)}\n  node: ${show(node)}`);
}
const errorShape = (e) => ({ error: { code: e.code, name: e.name, message: e.message,
  ...(e.requireStack ? { requireStack: e.requireStack } : {}) } });

// Runs `source` in a Node child (CommonJS unless `module`), passing `input`
// as JSON on stdin, and returns its JSON stdout.
function runNode(source, input, { module = false, internalsFlag = false } = {}) {
  const script = path.join(tmp, `oracle-${Math.random().toString(36).slice(2)}.${module ? 'mjs' : 'cjs'}`);
  fs.writeFileSync(script, source);
  const flags = [...NODE_FLAGS, ...(internalsFlag ? ['--expose-internals'] : [])];
  const out = execFileSync(process.execPath, [...flags, script], {
    cwd: root, input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 << 20,
    env: { ...process.env, NODE_OPTIONS: '', NODE_PATH: '' }, stdio: ['pipe', 'pipe', 'ignore'],
  });
  return JSON.parse(out);
}

// ---- 1. resolution: import and require, one batch each side ----------------

const SPECIFIERS = [
  './file.js', './file', './file.json', './only-json', './only-json.json', './dir', './dir/', './dir/index.js',
  './dir/index', './missing.js', './missing/', './notes.txt', './addon.node', './addon', './bin/tool',
  './esm-scope/tool', './esm-scope/index.js', './esm-scope/plain.js', './esm-scope/legacy.cjs', './mjs.mjs',
  './lib/c.cjs', './lib/c.mjs', './weird-type/a.js', './with space/mod.js', './with%20space/mod.js',
  './unicodé/mod.js', './unicod%C3%A9/mod.js', './percent%25dir/mod.js', './percent%dir/mod.js',
  './file.js?query=1', './file.js#hash', './a%2fb.js', './dir%2Findex.js', './linked-file.js', './dir-main',
  './dir-badmain', './dir-worsemain', './dir-mainjson', './dir-json', '.', '..', './', '../', './entry.mjs',
  './sub/../file.js', './sub/./deeper/file.js', './%2e/file.js', './dir\\index.js', './bad.json',
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'node:test', 'test', 'node:nope', 'events', 'path/posix',
  'exp-string', 'exp-string/other.js', 'exp-string/package.json',
  'exp-subpath', 'exp-subpath/feature', 'exp-subpath/feature.js', 'exp-subpath/data', 'exp-subpath/lib/a',
  'exp-subpath/lib/a.js', 'exp-subpath/lib/sub/c', 'exp-subpath/lib/private/p', 'exp-subpath/lib/missing',
  'exp-subpath/deep/x/file', 'exp-subpath/internal/x', 'exp-subpath/bad-target', 'exp-subpath/escape',
  'exp-subpath/nm', 'exp-subpath/abs', 'exp-subpath/url', 'exp-subpath/num', 'exp-subpath/array',
  'exp-subpath/array-null', 'exp-subpath/array-bad', 'exp-subpath/array-empty', 'exp-subpath/cond',
  'exp-subpath/nested', 'exp-subpath/browser-only', 'exp-subpath/numeric', 'exp-subpath/addons',
  'exp-subpath/module-sync', 'exp-subpath/dir/x.js', 'exp-subpath/dir/', 'exp-subpath/assets/logo.txt',
  'exp-subpath/missing', 'exp-subpath/star/a/x/b', 'exp-subpath/dotdot/../index.js', 'exp-subpath/dotdot/./a.js',
  'exp-subpath/dotdot/node_modules/x', 'exp-subpath/dotdot/%2e%2e/index.js', 'exp-subpath/dotdot/NODE_MODULES/x',
  'exp-subpath/dotdot/%6eode_modules/x', 'exp-subpath/dotdot//a.js', 'exp-subpath/dotdot/.%2E/x', 'exp-subpath/encoded/a%2fb', 'exp-subpath/lib/space name',
  'exp-subpath/lib/percent%20name', 'exp-subpath/unexported.js', 'exp-subpath/package.json', 'exp-subpath/',
  'exp-sugar', 'exp-sugar/x', 'exp-mixed', 'exp-null', 'exp-array', 'exp-nomain', 'exp-nomain/sub', 'exp-false',
  'legacy-main', 'legacy-main/lib/other.js', 'legacy-main/lib/other', 'legacy-main-dir', 'legacy-nomain',
  'legacy-badmain', 'legacy-nothing', 'legacy-jsonmain', 'legacy-nopkg', 'legacy-nopkg/sub.js', 'legacy-nopkg/sub',
  'type-module-pkg', 'type-module-pkg/sub/file.js', 'type-module-pkg/cjs.cjs', 'type-module-pkg/plain.js',
  'dual', 'dual/package.json', 'dual/index.cjs', '@scope/pkg', '@scope/pkg/sub', '@scope/pkg/x', '@scope/pkg/nope',
  '@scope/legacy', '@scope/legacy/extra.js', '@scope/legacy/extra', '@scope', '@scope/', '.hidden', 'a\\b',
  'dep', 'dep/index.js', 'nested-host', 'nested-host/lib/x.js', 'self-named', 'self-named/x', 'fixture-app',
  'fixture-app/util', 'fixture-app/missing', 'fixture-app/nope', 'linked-pkg', 'linked-pkg/dep', 'imports-pkg',
  'no-such-pkg', 'no-such-pkg/sub', 'bad-json-pkg', 'pattern-pkg/features/f1.js', 'pattern-pkg/features/f1',
  'pattern-pkg/features/sub/f2', 'pattern-pkg/features/internal/i', 'pattern-pkg/r.js', 'pattern-pkg/dir/r2.js',
  'pattern-pkg/a/x/b/y', 'pattern-pkg/trail/z', 'pattern-pkg/ext/e.cjs', 'pattern-pkg/xyz', 'pattern-pkg/x',
  'pattern-pkg/x.js', 'pattern-pkg', '#internal', '#dep', '#dep/a', '#dep/a.js', '#conds', '#utils/a', '#utils/b',
  '#utils/private/p', '#utils/nope', '#null', '#escape', '#abs', '#array', '#missing', '#bare-missing', '#nope',
  '#', '#/x', '#utils/', '', 'nope:thing', 'file:///definitely/not/here.js',
];
const PARENTS = {
  'entry.mjs': SPECIFIERS,
  // './file' and './only-json' also show Node's hint quirk: it tries them from the cwd.
  'sub/deeper/file.js': ['../../file.js', './file.js', '../file.js', 'dep', '#internal', 'fixture-app', '../../dir',
    './missing', '../../only-json', './file', './only-json', './dir', '../../file', 'exp-subpath/lib/a.js/'],
  'esm-scope/index.js': ['./sub/deep.js', 'inner', '../file.js', '#internal', 'fixture-app', './tool', './plain',
    './legacy.cjs', 'exp-sugar'],
  'node_modules/nested-host/lib/x.js': ['dep', 'dep/package.json', '../index.js', 'nested-host', '../../dep',
    'exp-string'],
  'node_modules/imports-pkg/index.js': ['#a', '#ext', '#x/y', '#x/nope', '#deep/z', '#dep', '#outside/a.js', '#nope',
    'imports-pkg'],
  'node_modules/self-named/index.js': ['self-named', 'self-named/x', 'self-named/hidden', 'self-named/other.js',
    'self-named/package.json'],
  'cjs-scope/nested/x.js': ['cjs-scope-pkg', 'cjs-scope-pkg/package.json', '../index.js', '../'],
  'node_modules/linked-pkg/index.js': ['dep', './dep.js', 'linked-pkg/dep'],
  'linked-src/index.js': ['dep', './dep.js', 'linked-pkg/dep', '../file.js'],
  'node_modules/exp-subpath/lib/a.js': ['exp-subpath', 'exp-subpath/feature', '../index.js'],
  'with space/mod.js': ['./mod.js', '../file.js', './nope'],
};
const ENTRY_SPECIFIERS = ['./entry.mjs', 'exp-string', './nope.js', 'fixture-app', './dir', './file'];

function resolutionCases() {
  const cases = [];
  for (const [parent, specifiers] of Object.entries(PARENTS)) {
    for (const specifier of specifiers) {
      cases.push({ kind: 'import', specifier, parent: urlOf(parent) });
      cases.push({ kind: 'require', specifier, parent: at(parent) });
    }
  }
  for (const specifier of ENTRY_SPECIFIERS) {
    cases.push({ kind: 'import', specifier, parent: undefined });
    cases.push({ kind: 'require', specifier, parent: undefined });
  }
  return cases;
}

const RESOLVE_ORACLE = `
const { defaultResolve } = require('internal/modules/esm/resolve');
const { defaultGetFormat } = require('internal/modules/esm/get_format');
const { createRequire, isBuiltin } = require('module');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const shape = (e) => ({ error: { code: e.code, name: e.name, message: e.message,
  ...(e.requireStack ? { requireStack: e.requireStack } : {}) } });
console.log(JSON.stringify(cases.map((c) => {
  try {
    if (c.kind === 'require') {
      const resolved = createRequire(c.parent ?? process.cwd() + '/').resolve(c.specifier);
      return { resolved: isBuiltin(resolved) && !resolved.startsWith('node:') ? 'node:' + resolved : resolved };
    }
    const { url } = defaultResolve(c.specifier, { parentURL: c.parent });
    if (url.startsWith('node:')) {
      if (!isBuiltin(url)) throw Object.assign(new Error('No such built-in module: ' + url), { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
      return { url, format: 'builtin' };
    }
    if (!url.startsWith('file:')) {
      const error = new Error('Only URLs with a scheme in: file, data, and node are supported by the default ESM ' +
        "loader. Received protocol '" + new URL(url).protocol + "'");
      throw Object.assign(error, { code: 'ERR_UNSUPPORTED_ESM_URL_SCHEME' });
    }
    // What load() does next: a format from the file name and source, or an error.
    let source;
    try { source = require('fs').readFileSync(new URL(url), 'utf8'); } catch {}
    return { url, format: defaultGetFormat(new URL(url), { source }) };
  } catch (e) { return shape(e); }
})));
`;

// Deliberate differences, applied to Node's answer before comparing.
function knownDifferences(answer) {
  const message = answer.error?.message;
  // toysnap does not load data: URLs, and says so.
  if (message) answer.error.message = message.replace('file, data, and node', 'file and node');
  return answer;
}

function ourResolution(internals, c) {
  try {
    if (c.kind === 'require') return { resolved: internals.resolveRequire(c.specifier, c.parent) };
    return internals.resolveImport(c.specifier, c.parent);
  } catch (e) {
    if (!Array.isArray(e.tried)) return { error: 'no .tried on the error', message: e.message };
    return errorShape(e);
  }
}

function checkResolution() {
  const cases = resolutionCases();
  const node = runNode(RESOLVE_ORACLE, cases, { internalsFlag: true });
  const internals = loadOurs();
  cases.forEach((c, i) => {
    const from = c.parent === undefined ? '(cwd)' : path.relative(root, c.parent.replace('file://', ''));
    compare(`${c.kind} ${JSON.stringify(c.specifier)} from ${from}`, ourResolution(internals, c), knownDifferences(node[i]));
  });
}

// ---- 2. CommonJS programs: same printed results as under Node ---------------

const PROGRAMS = ['cycle.js', 'cache.js', 'json.js', 'errors.js', 'resolve.js'];
// An ES module entry, as in toysnap (so require.main is undefined).
const PROGRAM_ORACLE = `
import { readFileSync } from 'fs';
import { pathToFileURL } from 'url';
const [file] = JSON.parse(readFileSync(0, 'utf8'));
globalThis.__out = [];
try { await import(pathToFileURL(file).href); } catch (e) { __out.push(['threw', e.code, e.message]); }
console.log(JSON.stringify([__out]));
`;

function checkPrograms() {
  const files = PROGRAMS.map((p) => at(`programs/${p}`));
  const node = files.map((file) => runNode(PROGRAM_ORACLE, [file], { module: true })[0]);
  files.forEach((file, i) => {
    const internals = loadOurs();
    for (const key of ['__out', '__count', '__throws']) delete globalThis[key];
    globalThis.__out = [];
    try { internals.loadCommonJs(file); } catch (e) { globalThis.__out.push(['threw', e.code, e.message]); }
    const ours = JSON.parse(JSON.stringify(globalThis.__out));
    node[i].forEach((entry, j) => compare(`program ${PROGRAMS[i]} #${j} ${entry[0]}`, ours[j], entry));
    if (ours.length !== node[i].length) compare(`program ${PROGRAMS[i]} length`, ours.length, node[i].length);
  });
}

// ---- 3. names `import` sees of CommonJS modules ------------------------------

const EXPORTS_ORACLE = `
import { readFileSync } from 'fs';
import { pathToFileURL } from 'url';
const files = JSON.parse(readFileSync(0, 'utf8'));
const out = [];
for (const file of files) {
  try {
    const ns = await import(pathToFileURL(file).href);
    out.push(Object.keys(ns).filter((k) => k !== 'default').sort());
  } catch (e) { out.push({ error: e.message }); }
}
console.log(JSON.stringify(out));
`;

function checkExportNames() {
  const dir = at('exports-cases');
  const files = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
  const node = runNode(EXPORTS_ORACLE, files, { module: true });
  const internals = loadOurs();
  files.forEach((file, i) => {
    compare(`export names of ${path.basename(file)}`, internals.cjsExportNames(file).sort(), node[i]);
  });
}

// ---- 4. the lexer alone vs Node's bundled cjs-module-lexer -------------------

const LEXER_SNIPPETS = require('./lexer_cases.js');
const LEXER_ORACLE = `
const { parse } = require('internal/deps/cjs-module-lexer/lexer');
const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify(inputs.map((s) => {
  try { const r = parse(s); return { exports: r.exports, reexports: r.reexports }; }
  catch (e) { return { threw: e.code || 'error' }; }
})));
`;

function checkLexer() {
  const node = runNode(LEXER_ORACLE, LEXER_SNIPPETS, { internalsFlag: true });
  const internals = loadOurs();
  LEXER_SNIPPETS.forEach((source, i) => {
    let ours;
    try {
      const r = internals.lexCjs(source);
      ours = { exports: r.exports, reexports: r.reexports };
    } catch (e) { ours = { threw: e.code || 'error' }; }
    compare(`lexer ${JSON.stringify(source).slice(0, 80)}`, ours, node[i]);
  });
}

for (const check of [checkResolution, checkPrograms, checkExportNames, checkLexer]) {
  try {
    check();
  } catch (error) {
    failed++;
    console.log(`FAIL ${check.name} crashed: ${error.stack}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
