// console.Console: both constructor forms, its options and their errors,
// instances' shape, instanceof, subclasses, inspectOptions, groupIndentation,
// and how a Console treats its streams' errors (ignoreErrors).
import { Console } from 'node:console';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';

const require = createRequire(import.meta.url);

function sink() {
  const stream = new Writable({ write(chunk, encoding, cb) { stream.text += chunk; cb(); } });
  stream.text = '';
  return stream;
}

export function main() {
  const out = sink();
  const err = sink();
  const logger = new Console({ stdout: out, stderr: err });
  logger.log('to out %d', 1);
  logger.info({ a: [1, 2] });
  logger.warn('to err');
  logger.error(new Set([1]));
  logger.group('g');
  logger.table([{ a: 1 }]);
  logger.count();
  logger.trace === undefined || logger.assert(false, 'asserted');
  logger.groupEnd();
  logger.dir({ deep: { deeper: { deepest: { bottom: 1 } } } }, { depth: 0 });
  console.log(JSON.stringify(out.text));
  console.log(JSON.stringify(err.text));

  const plain = sink();
  const positional = Console(plain);
  positional.log('positional, stderr defaults to stdout');
  positional.error('this too');
  console.log(JSON.stringify(plain.text));
  console.log(positional instanceof Console, console instanceof Console, {} instanceof Console,
              require('console').Console === Console, console.Console === Console);
  console.log(Object.keys(positional).join());
  console.log(Object.getOwnPropertyNames(positional).join());
  console.log(positional.log.name, positional.log.length, positional.dir.length, positional.table.length,
              positional.assert.length, positional._ignoreErrors, positional._stdout === plain,
              positional._stderr === plain, typeof positional._stdoutErrorHandler);
  console.log(Object.keys(Console.prototype).join(), Console.length, Console.name,
              Console.prototype.debug === Console.prototype.log,
              Object.prototype.toString.call(positional));

  const indented = sink();
  const wide = new Console({ stdout: indented, groupIndentation: 4 });
  wide.group('four');
  wide.log('a\nb');
  wide.group();
  wide.log('eight');
  wide.groupEnd();
  wide.groupEnd();
  wide.log('none');
  console.log(JSON.stringify(indented.text));

  const shallow = sink();
  const options = { depth: 0 };
  const limited = new Console({ stdout: shallow, inspectOptions: options });
  limited.log({ a: { b: 1 } }, 'and %o', { c: { d: 1 } });
  limited.dir({ a: { b: 1 } });
  console.log(JSON.stringify(shallow.text), options);
  const colored = new Console({ stdout: sink(), colorMode: false });
  colored.log('colorMode false');

  class Prefixed extends Console {
    log(...args) { super.log('[prefixed]', ...args); }
  }
  const sub = sink();
  const prefixed = new Prefixed(sub);
  prefixed.log('sub');
  prefixed.count('c');
  prefixed.info('info is not log');
  console.log(JSON.stringify(sub.text), prefixed instanceof Prefixed, prefixed instanceof Console);

  const bad = [undefined, null, 5, {}, { stdout: {} }, { stdout: out, stderr: 5 },
    { stdout: out, stderr: { write: 1 } }, { stdout: out, colorMode: 'x' },
    { stdout: out, colorMode: 1, inspectOptions: 5 }, { stdout: out, inspectOptions: 5 },
    { stdout: out, inspectOptions: 'x' }, { stdout: out, inspectOptions: { colors: true }, colorMode: true },
    { stdout: out, groupIndentation: 'a' }, { stdout: out, groupIndentation: 1.5 },
    { stdout: out, groupIndentation: -1 }, { stdout: out, groupIndentation: 1001 },
    { stdout: out, groupIndentation: 1000 }, { write() {} }];
  for (const options of bad) {
    try {
      new Console(options);
      console.log('constructed');
    } catch (error) {
      console.log(error.name, error.code, error.message);
    }
  }
  try { new Console(out, 5); } catch (error) { console.log(error.code, error.message); }

  // A stream that fails: errors are swallowed (synchronous throws, emitted
  // errors, callbacks' errors), unless ignoreErrors is false.
  const failing = new Writable({ write(chunk, encoding, cb) { cb(new Error('write failed')); } });
  const quiet = new Console(failing);
  quiet.log('lost');
  quiet.log('lost again');
  const throwing = { write() { throw new Error('thrown by write'); }, listenerCount() { return 1; },
    once() {}, removeListener() {} };
  new Console(throwing).log('swallowed');
  try { new Console(throwing, throwing, false).log('not swallowed'); } catch (error) {
    console.log('caught:', error.message);
  }
  const overflowing = { write() { throw new RangeError('Maximum call stack size exceeded'); },
    listenerCount() { return 1; }, once() {}, removeListener() {} };
  try { new Console(overflowing).log('x'); } catch (error) { console.log('rethrown:', error.message); }
  setTimeout(() => console.log('no uncaught error', failing.destroyed), 10);
}
