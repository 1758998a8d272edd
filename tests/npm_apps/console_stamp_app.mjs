// console-stamp: patches console's methods with a prefix, formatting through
// a helper `new console.Console(stream)` over its own Writable and printing
// tables with console.table; console.reset() puts the methods back.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const consoleStamp = require('console-stamp');

export function main() {
  consoleStamp(console, { format: ':label(7)', stderr: process.stdout });
  console.log('hello', { a: 1, nested: { b: [1, 2] } });
  console.info('info %d and %s', 5, 'text');
  console.warn('warned');
  console.error(new Map([['k', 1]]));
  console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
  console.table({ row: { col: 'v' } }, ['col']);
  console.reset();
  console.log('plain again', console.__patched);
  consoleStamp(console, { format: ':label', include: ['log'] });
  console.log('only log is stamped');
  console.table([[1, 2], [3]]);
  console.reset();
}
