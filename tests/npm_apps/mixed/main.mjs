// Local ESM <-> CommonJS <-> JSON, with cycles on both sides.
import { createRequire } from 'node:module';
import data from './data.json' assert { type: 'json' };
import cjs, { fromA } from './cjs_a.cjs';
import { ping } from './esm_a.mjs';
import counter from './counter.mjs';

const require = createRequire(import.meta.url);
const again = require('./cjs_a.cjs');
counter.bump();

export async function main() {
  console.log('json', data, 'same cjs instance', again === cjs, fromA);
  console.log('cjs cycle', cjs.seenB, cjs.b.seenAWhileLoading);
  console.log('esm cycle', ping(3));
  const late = await import('./counter.mjs');
  console.log('dynamic import keeps state', late.default.bump(), late.default === counter);
  const fresh = await import('./fresh.mjs');
  console.log('fresh', fresh.describe());
  console.log('json via require', require('./data.json').items.length, typeof require.resolve);
}
