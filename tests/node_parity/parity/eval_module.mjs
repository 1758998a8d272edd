// Code for `-e` that only an ES module can run: static imports, top-level
// await, import.meta; run with --input-type=module and with no type given
// (Node 20 then detects the module syntax).
import { cpus } from 'node:os';
import path from 'node:path';

const value = await Promise.resolve(42);
console.log('awaited', value, typeof cpus);
console.log('meta', import.meta.url === `file://${process.cwd()}/[eval1]`,
            import.meta.filename === path.join(process.cwd(), '[eval1]'),
            import.meta.dirname === process.cwd());
console.log('argv', process.argv.length, process.argv.slice(1));
console.log('no CommonJS', typeof require, typeof exports, typeof __filename, this);
console.log('builtins', typeof module, typeof zlib.gzipSync, os === (await import('node:os')).default);
for await (const item of [Promise.resolve('a'), 'b']) console.log('for await', item);
