// Tests registered by main() at run time, from its arguments; and
// process.exitCode set by the program stays when every test passes.
import './durations.mjs';
import { test, describe, it } from 'node:test';

export function main(args) {
  describe(`suite for ${args.length} args`, () => {
    for (const arg of args) it(`arg ${arg}`, () => {});
  });
  test('last', async () => { await new Promise((resolve) => setTimeout(resolve, 5)); });
  process.exitCode = 3;
}
