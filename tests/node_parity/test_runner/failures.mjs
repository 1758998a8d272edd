// Failing tests: TAP's details for each (location, failure type, message,
// code), the summary, and exit code 1. No stack frames (stackTraceLimit 0):
// Node's show its own internals' files and lines, toysnap's the package's.
import './durations.mjs';
import { test, describe, it } from 'node:test';

Error.stackTraceLimit = 0;

test('throws', () => { throw new Error('boom'); });
test('rejects', async () => { await Promise.reject(new Error('rejected')); });
test('done with an error', (t, done) => { done(new Error('via done')); });
test('throws a string', () => { throw 'just a string'; });
test('passes between failures', () => {});
describe('suite with a failure', () => {
  it('fails inside', () => { throw new Error('inner'); });
  it('passes inside', () => {});
});
test('failing subtest', async (t) => {
  await t.test('child fails', () => { throw new Error('child'); });
});

export function main() {}
