// mock.fn and mock.method: calls with arguments, results and this, the
// implementation switched once and for good, restore, and a test's own
// t.mock reset when the test ends.
import './durations.mjs';
import { test, mock } from 'node:test';
import assert from 'node:assert';

test('mock.fn', () => {
  const fn = mock.fn((a, b) => a + b);
  assert.strictEqual(fn(1, 2), 3);
  fn.call({ who: 'me' }, 5, 6);
  assert.strictEqual(fn.mock.callCount(), 2);
  assert.deepStrictEqual(fn.mock.calls[0].arguments, [1, 2]);
  assert.strictEqual(fn.mock.calls[1].result, 11);
  assert.deepStrictEqual(fn.mock.calls[1].this, { who: 'me' });
  fn.mock.mockImplementationOnce(() => 'once');
  assert.strictEqual(fn(1, 1), 'once');
  assert.strictEqual(fn(1, 1), 2);
  fn.mock.mockImplementation(() => 'always');
  assert.strictEqual(fn(), 'always');
  fn.mock.resetCalls();
  assert.strictEqual(fn.mock.callCount(), 0);
  const thrower = mock.fn(() => { throw new TypeError('bad'); });
  assert.throws(() => thrower(), TypeError);
  assert.strictEqual(thrower.mock.calls[0].error.message, 'bad');
  console.log('mock.fn checked');
});

test('mock.method', () => {
  const object = { value: 2, double() { return this.value * 2; } };
  const spy = mock.method(object, 'double');
  assert.strictEqual(object.double(), 4);
  assert.strictEqual(spy.mock.callCount(), 1);
  mock.method(object, 'double', () => 100);
  assert.strictEqual(object.double(), 100);
  mock.restoreAll();
  assert.strictEqual(object.double(), 4);
  console.log('mock.method checked');
});

let leaked;
test('t.mock resets after its test', (t) => {
  const object = { hello: () => 'real' };
  t.mock.method(object, 'hello', () => 'fake');
  assert.strictEqual(object.hello(), 'fake');
  leaked = object;
});
test('after the reset', () => {
  assert.strictEqual(leaked.hello(), 'real');
  console.log('t.mock restored');
});

export function main() {}
