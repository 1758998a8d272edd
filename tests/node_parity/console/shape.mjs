// The global console's shape as Node 20's: own properties in Node's order
// with their attributes, method names and lengths, node:console as a
// builtin (require and import, default and named), the string tag.
import consoleDefault, { Console, log, table } from 'node:console';
import * as namespace from 'console';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function main() {
  const descriptors = Object.getOwnPropertyDescriptors(console);
  for (const key of Object.getOwnPropertyNames(console)) {
    const d = descriptors[key];
    const kind = 'get' in d ? `accessor get:${typeof d.get} set:${typeof d.set}` : `data ${typeof d.value}`;
    const fn = typeof d.value === 'function' ? ` ${JSON.stringify(d.value.name)}/${d.value.length}` : '';
    console.log(key, kind, d.enumerable, d.writable, d.configurable, fn);
  }
  console.log(Object.keys(console).join());
  console.log(String(console), Object.prototype.toString.call(console),
              Object.getPrototypeOf(Object.getPrototypeOf(console)) === Object.prototype);
  console.log(require('console') === console, require('node:console') === console,
              consoleDefault === console, Console === console.Console, log === console.log,
              table === console.table, namespace.default === console,
              Object.keys(namespace).sort().join());
  console.log(console instanceof Console, console._stdout === process.stdout,
              console._stderr === process.stderr, console._ignoreErrors, console._times.size);
  const { log: detached, count } = console;
  detached('a detached log still works');
  count('detached');
  console.Console = 'replaced';
  console.log(console.Console);
  console.Console = Console;
  console.log(console.Console === Console);
}
