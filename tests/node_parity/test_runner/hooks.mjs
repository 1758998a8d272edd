// Hooks as Node 20 runs them: top-level before/after once around all tests,
// beforeEach/afterEach inherited by every test below (subtests of tests and
// of nested suites; a test's own afterEach before its parents'), none for a
// suite itself or a skipped test, hooks with a done callback.
import './durations.mjs';
import { test, describe, it, before, after, beforeEach, afterEach } from 'node:test';

before(() => console.log('top before'));
after(() => console.log('top after'));
beforeEach((t) => console.log('top beforeEach', t.name));
afterEach((t, done) => { console.log('top afterEach', t.name); done(); });

test('plain', () => console.log('plain runs'));
test('with subtests', async (t) => {
  t.beforeEach((t2) => console.log('own beforeEach', t2.name));
  t.afterEach(() => console.log('own afterEach'));
  await t.test('child', () => console.log('child runs'));
});
test.skip('skipped', () => {});
describe('outer', () => {
  before(() => console.log('outer before'));
  beforeEach(async () => { await Promise.resolve(); console.log('outer beforeEach'); });
  afterEach(() => console.log('outer afterEach'));
  after(() => console.log('outer after'));
  it('outer it', () => console.log('outer it runs'));
  describe('inner', () => {
    beforeEach(() => console.log('inner beforeEach'));
    it('inner it', () => console.log('inner it runs'));
  });
});

export function main() {}
