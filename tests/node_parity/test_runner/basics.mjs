// node:test's API on passing tests, registered at the top level (so a
// snapshot keeps them for its restore): sync, async and callback tests,
// subtests, skip/todo in every form, suites with hooks, names, diagnostics.
import './durations.mjs';
import test, { describe, it, suite, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert';
import { createRequire, isBuiltin } from 'node:module';

// Only node:test is a builtin in Node 20: a bare 'test' is a package name.
try {
  createRequire(import.meta.url)('test');
} catch (error) {
  console.log('require(\'test\'):', error.code);
}
console.log(isBuiltin('node:test'), isBuiltin('test'));

console.log(Object.keys(test).join(','), test.name, test.length, it === test, suite === describe);

test('sync', () => { assert.strictEqual(1 + 1, 2); });
test('async', async () => { await Promise.resolve(); });
test('callback', (t, done) => { queueMicrotask(done); });
test('subtests', async (t) => {
  t.diagnostic(`running ${t.name}`);
  await t.test('first', () => {});
  await t.test('second', async (t2) => {
    await t2.test('grandchild', () => {});
  });
});
test('skipped by option', { skip: true }, () => { throw new Error('never'); });
test('skipped with a reason', { skip: 'not today' }, () => {});
test('todo by option', { todo: 'later' }, () => {});
test.skip('skip shorthand', () => {});
test.todo('todo shorthand');
test('skip from inside', (t) => { t.skip('decided at run time'); });
test('todo from inside', (t) => { t.todo(); });
test(function namedByFunction() {});
test({ skip: 'options first' }, () => {});
test('t.assert', (t) => { t.assert.deepStrictEqual({ a: [1] }, { a: [1] }); t.assert.ok(true); });

describe('a suite', () => {
  before(() => console.log('before'));
  beforeEach((t) => console.log('beforeEach', t.name));
  afterEach(() => console.log('afterEach'));
  after(() => console.log('after'));
  it('first it', () => {});
  it('second it', async () => {});
  describe('nested suite', () => {
    it('deep', () => {});
  });
  it.skip('skipped it');
  it.todo('todo it');
});
suite('suite alias', () => {
  test('test inside a suite', () => {});
});
describe.skip('skipped suite', () => { it('not run', () => { throw new Error('never'); }); });
describe.todo('todo suite', () => { it('runs anyway', () => {}); });

export function main() {}
