// What the console prints on a terminal (run through pty_run.py) or on a
// pipe with FORCE_COLOR / NO_COLOR: Node's colorMode 'auto', true and false.
import { Console } from 'node:console';
import { Writable } from 'node:stream';

export function main() {
  console.log('a plain string');
  console.log({ a: 1, b: 'two', c: [true, null, undefined], d: new Map([[1n, Symbol('s')]]) }, 5, 'text');
  console.log('%s and %d and %o and %O', { s: 1 }, 42, { o: [1] }, { big: 2n });
  console.info(Array.from({ length: 30 }, (_, i) => i * 11));
  console.error(new Set(['err', 3]));
  console.warn('warn', { w: /re/g });
  console.dir({ dir: { nested: { deep: { deeper: 1 } } } }, { depth: 0 });
  console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
  console.group('group');
  console.log({ grouped: 1 });
  console.groupEnd();
  console.log(process.stdout.isTTY === true, typeof process.stdout.hasColors === 'function' &&
    process.stdout.hasColors());

  // Consoles of their own: colorMode against a stream that is not a terminal.
  const chunks = [];
  const sink = new Writable({ write(chunk, encoding, done) { chunks.push(String(chunk)); done(); } });
  for (const colorMode of [true, false, 'auto']) {
    new Console({ stdout: sink, colorMode }).log(colorMode, { n: 1 });
  }
  new Console({ stdout: sink, inspectOptions: { colors: true } }).log({ opt: 's' });
  new Console(process.stdout, process.stderr).log({ own: 1 });
  new Console({ stdout: process.stdout, colorMode: false }).log({ off: 1 });
  console.log(JSON.stringify(chunks));
}
