// assert.CallTracker (deprecated in Node 20, DEP0173): counts, reports,
// verify()'s errors, bad arguments, and the warning as Node prints it.
import assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import util from 'node:util';

function attempt(label, fn) {
  try {
    console.log(label, 'ok', util.inspect(fn()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

// What an AssertionError from verify() holds, stacks left out.
function describeError(e) {
  const fields = {};
  for (const key of Object.keys(e)) {
    const value = e[key];
    fields[key] = value instanceof Error ? `Error(${value.message})` : value;
  }
  return { name: e.name, message: e.message, fields };
}

function shape() {
  console.log('keys', Object.keys(assert).join());
  console.log('strict keys', Object.keys(assert.strict).join());
  const d = Object.getOwnPropertyDescriptor(assert, 'CallTracker');
  console.log('descriptor', typeof d.value, d.writable, d.enumerable, d.configurable);
  const T = assert.CallTracker;
  console.log('class', T.name, T.length, Object.getOwnPropertyNames(T.prototype).join());
  console.log('strict same', assert.strict.CallTracker === T);
  const tracker = new T();
  console.log('instance', util.inspect(tracker), tracker instanceof T);
  console.log('noop', util.inspect(tracker.calls()), util.inspect(tracker.calls(3)));
}

function counting() {
  const tracker = new assert.CallTracker();
  function foo(a, b) { return a + b; }
  const callsFoo = tracker.calls(foo, 2);
  console.log('wrapper', typeof callsFoo, callsFoo.name, callsFoo.length, callsFoo !== foo);
  console.log('result', callsFoo(1, 2), callsFoo.call('self', 'x', 'y'));
  const calls = tracker.getCalls(callsFoo);
  console.log('getCalls', util.inspect(calls), Object.isFrozen(calls), Object.isFrozen(calls[0]),
              Object.isFrozen(calls[0].arguments));
  console.log('report empty', util.inspect(tracker.report()));
  tracker.verify();
  callsFoo(3, 4);
  const [entry] = tracker.report();
  console.log('report over', entry.message, entry.actual, entry.expected, entry.operator,
              entry.stack instanceof Error, Object.keys(entry).join());
  tracker.reset(callsFoo);
  console.log('after reset', tracker.getCalls(callsFoo).length, tracker.report()[0].actual);
  const anon = tracker.calls(() => {});
  const bound = tracker.calls(foo.bind(null), 1);
  console.log('names', tracker.report().map((r) => r.operator).join());
  tracker.reset();
  console.log('reset all', tracker.report().length);
  anon(); bound(); callsFoo(); callsFoo();
  tracker.verify();
  console.log('verified');
}

function verifying() {
  const tracker = new assert.CallTracker();
  const a = tracker.calls(function first() {}, 1);
  tracker.calls(function second() {}, 2);
  try { tracker.verify(); } catch (e) { console.log('two', util.inspect(describeError(e))); }
  a(); a();
  const only = new assert.CallTracker();
  only.calls(function lonely() {}, 3);
  try { only.verify(); } catch (e) {
    console.log('one', util.inspect(describeError(e)), e instanceof assert.AssertionError,
                e.generatedMessage);
  }
  const e = new assert.AssertionError({ message: 'custom', details: [{ message: 'm', actual: 1,
    expected: 2, operator: 'op', stack: 'trace' }] });
  console.log('details', util.inspect(describeError(e)));
}

function badArguments() {
  const tracker = new assert.CallTracker();
  attempt('expected -1', () => tracker.calls(() => {}, -1));
  attempt('expected 0', () => tracker.calls(() => {}, 0));
  attempt('expected 1.5', () => tracker.calls(1.5));
  attempt('expected NaN', () => tracker.calls(() => {}, NaN));
  attempt('expected 2**32', () => tracker.calls(() => {}, 2 ** 32));
  attempt('expected string', () => tracker.calls(() => {}, '2'));
  attempt('fn string', () => tracker.calls('x'));
  attempt('fn null', () => tracker.calls(null));
  attempt('getCalls untracked', () => tracker.getCalls(() => {}));
  attempt('getCalls none', () => tracker.getCalls());
  attempt('reset number', () => tracker.reset(5));
  attempt('reset object', () => tracker.reset({ a: 1 }));
}

// The warning goes to stderr with a pid: a child of the same executable shows
// it, pid masked. argv0 "node" so that Node's hint names the same command.
function warnings() {
  const dir = mkdtempSync(join(tmpdir(), 'calltracker-'));
  const script = join(dir, 'warn.cjs');
  writeFileSync(script, [
    "const assert = require('assert');",
    "process.on('warning', (w) => console.log('event', w.name, w.code, w.message));",
    "process.on('uncaughtException', (e) => console.log('uncaught', e.name, e.code, e.message));",
    'new assert.CallTracker();',
    'new assert.CallTracker();',
    "process.emitWarning('second warning');",
    "try { new assert.strict.CallTracker(); console.log('constructed'); } catch (e) { console.log('threw', e.name, e.code); }",
  ].join('\n'));
  for (const flags of [[], ['--no-deprecation'], ['--throw-deprecation']]) {
    const child = spawnSync(process.execPath, [...flags, script], { argv0: 'node', encoding: 'utf8' });
    console.log('flags', flags.join() || '(none)', 'status', child.status);
    console.log(child.stdout.trimEnd());
    console.log(child.stderr.replace(/\(node:\d+\)/g, '(node:PID)').trimEnd());
  }
}

// calls() from an 'exit' listener: ERR_UNAVAILABLE_DURING_EXIT.
function duringExit() {
  console.log('_exiting before', process._exiting);
  process.on('exit', () => {
    console.log('_exiting in exit', process._exiting);
    try { new assert.CallTracker().calls(() => {}); } catch (e) { console.log('exit', e.name, e.code, e.message); }
  });
}

export function main() {
  process.noDeprecation = true;
  shape();
  counting();
  verifying();
  badArguments();
  process.noDeprecation = false;
  warnings();
  duringExit();
}
