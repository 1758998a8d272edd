// Each lazy global is assigned before anything reads it.
import { describeAll, names } from './describe.mjs';

export function main() {
  const replaced = {};
  for (const name of names) {
    if (name === 'crypto' || name === 'process') continue;  // process keeps printing below
    replaced[name] = `new ${name}`;
    globalThis[name] = replaced[name];
  }
  describeAll('assigned before any read');
  console.log(Object.keys(replaced).every((name) => globalThis[name] === replaced[name]));
  // delete, then a redefinition, as polyfills do.
  console.log(delete globalThis.crypto, typeof globalThis.crypto);
  Object.defineProperty(globalThis, 'crypto', { value: 'mine', configurable: true });
  console.log(globalThis.crypto);
}
