// Compares runtime/js/inspect.js (with the inspect_*.js files) with Node's
// util.format / util.inspect.
// Usage: node [--expose-internals] tests/console_compat/check_inspect.js [-v]
// Node itself is the oracle, so every case is built once and handed to both.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const vm = require('vm');

const verbose = process.argv.includes('-v');
const root = path.resolve(__dirname, '..', '..');
// inspect.js needs what the files before it define; this is their bootstrap order.
const FILES = ['primordials.js', 'inspect_layout.js', 'inspect_brands.js', 'inspect_primitives.js',
  'inspect_errors.js', 'inspect.js', 'inspect_format.js'];
const sources = FILES.map((file) => fs.readFileSync(path.join(root, 'runtime', 'js', file), 'utf8'));
function loadInto(internals) {
  FILES.forEach((file, i) => vm.runInThisContext(sources[i], { filename: file })({}, internals));
  return internals;
}
const internals = loadInto({});
const makeCases = require('./console_cases.js');

let passed = 0;
let failed = 0;

function show(label, text) {
  return `  ${label}: ${JSON.stringify(text)}\n${text.replace(/^/gm, '    | ')}`;
}

function compare(name, expectFn, actualFn) {
  let expected;
  let actual;
  try { expected = expectFn(); } catch (err) { expected = `<threw ${err}>`; }
  try { actual = actualFn(); } catch (err) { actual = `<threw ${err && err.stack}>`; }
  if (expected === actual) {
    passed++;
    if (verbose) console.log(`ok   ${name}`);
    return;
  }
  failed++;
  console.log(`FAIL ${name}\n${show('node', expected)}\n${show('ours', actual)}`);
}

function describeCase(args) {
  const text = args.map((a) => {
    if (typeof a === 'string') return JSON.stringify(a.length > 30 ? a.slice(0, 30) + '...' : a);
    try { return util.inspect(a, { depth: 0, breakLength: Infinity }).slice(0, 40); } catch { return '?'; }
  }).join(', ');
  return text.length > 70 ? text.slice(0, 70) + '...' : text;
}

const cases = makeCases();
cases.forEach((c, index) => {
  if (Array.isArray(c)) {
    compare(`#${index} format(${describeCase(c)})`,
      () => util.format(...c), () => internals.format(...c));
    // Every non-string argument also goes through inspect() directly.
    c.forEach((arg, k) => {
      if (typeof arg === 'string') return;
      compare(`#${index}.${k} inspect(${describeCase([arg])})`,
        () => util.inspect(arg), () => internals.inspect(arg));
    });
  } else {
    compare(`#${index} inspect(${describeCase([c.value])}, ${JSON.stringify(c.options)})`,
      () => util.inspect(c.value, c.options), () => internals.inspect(c.value, c.options));
  }
});

// Promise state comes from a host hook that only Node's internals can feed
// here: `node --expose-internals check_inspect.js` checks that path too.
let binding;
try { binding = require('internal/test/binding').internalBinding('util'); } catch { binding = undefined; }
if (binding !== undefined) {
  const hooked = { getPromiseDetails: (p) => binding.getPromiseDetails(p) };
  loadInto(hooked);
  const rejected = Promise.reject(new RangeError('no'));
  rejected.catch(() => {});
  const hookCases = [
    Promise.resolve(1), new Promise(() => {}), rejected,
    { p: Promise.resolve({ a: { b: { c: 1 } } }) },
    Object.assign(Promise.resolve('s'), { extra: 1 }),
  ];
  hookCases.forEach((value, index) => {
    compare(`hook #${index} inspect(${describeCase([value])})`,
      () => util.inspect(value), () => hooked.inspect(value));
  });
} else if (verbose) {
  console.log('(promise hook cases skipped: run with --expose-internals)');
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
