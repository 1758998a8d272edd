// How argument errors describe what they received ("Received type string
// ('xxx...')", "an instance of Map", "function f"), in every module that
// makes them: all share one description, Node's.
import assert from 'node:assert';
import fs from 'node:fs';
import readline from 'node:readline';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

export async function main() {
  const values = [-0, 10n, Symbol('s'), 'x'.repeat(40), "it's", () => {}, function named() {},
                  Object.create(null), [1], new Map(), true, 3.5, "a'b".repeat(12)];
  for (const value of values) {
    try { fs.readFileSync(value); } catch (e) { console.log('fs', e.message); }
    try { await sleep(1, undefined, { signal: value }); } catch (e) { console.log('timers', e.message); }
    try {
      readline.createInterface({ input: new PassThrough(), completer: value });
    } catch (e) {
      console.log('readline', e.message);
    }
    try {
      assert.throws(() => { throw new Error('x'); }, value);
    } catch (e) {
      console.log('assert', e.message.split('\n')[0]);
    }
  }
}
