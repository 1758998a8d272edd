// Bad arguments: Node 20's errors, thrown where the test is declared or
// reported as the test's failure.
import './durations.mjs';
import { test, mock } from 'node:test';

Error.stackTraceLimit = 0;

export function main() {
  for (const [what, call] of [
    ['mock.fn(1)', () => mock.fn(1)],
    ['mock.method(null)', () => mock.method(null, 'x')],
    ['mock.method missing', () => mock.method({}, 'missing')],
    ['mock.method non-function', () => mock.method({ x: 1 }, 'x')],
  ]) {
    try {
      call();
      console.log(what, 'did not throw');
    } catch (error) {
      console.log(what, error.code, error.message);
    }
  }
  for (const [what, options] of [
    ['timeout', { timeout: 'soon' }],
    ['negative timeout', { timeout: -1 }],
    ['concurrency', { concurrency: 'many' }],
    ['signal', { signal: 'nope' }],
  ]) {
    try {
      test(`bad ${what}`, options, () => {});
      console.log(what, 'did not throw');
    } catch (error) {
      console.log(what, error.name, error.code, error.message);
    }
  }
  test('good', () => {});
}
