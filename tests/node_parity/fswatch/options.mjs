// fs.watch and fs.promises.watch with { recursive: true }: what they accept
// and what they throw, as Node 20 on Linux (where the recursive watcher is
// written in JavaScript) does: argument errors, ENOENT as a stat error, a
// file as the root, Buffer and URL paths, encodings, and the watcher's shape.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

let dir;
const rel = (value) => String(value).split(dir).join('<tmp>').split(process.cwd()).join('<cwd>');
const show = (label, e) => {
  const keys = Object.keys(e).filter((key) => key !== 'stack');
  console.log(label, e.name, e.code, rel(e.message), keys.join(','), rel(e.path), rel(e.filename),
              e.syscall, e.errno);
};

function tryWatch(label, ...args) {
  try {
    const watcher = fs.watch(...args);
    console.log(label, 'watching', watcher.constructor.name);
    watcher.close();
  } catch (e) {
    show(label, e);
  }
}

// An iterator that does start watching is ended by aborting its signal
// (return() would wait behind the pending next()).
async function tryPromises(label, target, options) {
  const controller = new AbortController();
  const withSignal = options !== null && typeof options === 'object' && !options.signal
    ? { ...options, signal: controller.signal } : options;
  let iterator;
  try {
    iterator = fsp.watch(target, withSignal);
  } catch (e) {
    return show(`${label} (thrown at the call)`, e);
  }
  console.log(label, Object.prototype.toString.call(iterator));
  const abort = setTimeout(() => controller.abort('enough'), 100);
  try {
    const first = await iterator.next();
    console.log(label, 'next', first.done);
  } catch (e) {
    show(label, e);
    if (e.cause !== undefined) console.log(label, 'cause', e.cause);
  } finally {
    clearTimeout(abort);
  }
}

export async function main() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-rwatch-'));
  try {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'file.txt'), 'x');
    const file = path.join(dir, 'sub', 'file.txt');

    tryWatch('recursive "1"', dir, { recursive: '1' });
    tryWatch('recursive 1', dir, { recursive: 1 });
    tryWatch('recursive 0 (falsy: not recursive)', dir, { recursive: 0 });
    tryWatch('recursive null', dir, { recursive: null });
    tryWatch('persistent "yes"', dir, { recursive: true, persistent: 'yes' });
    tryWatch('persistent 1, not recursive', dir, { persistent: 1 });
    tryWatch('encoding 0', dir, { recursive: true, encoding: 0 });
    tryWatch('encoding false', dir, { recursive: true, encoding: false });
    tryWatch('encoding "nope"', dir, { recursive: true, encoding: 'nope' });
    tryWatch('encoding 12', dir, { recursive: true, encoding: 12 });
    tryWatch('encoding buffer', dir, { recursive: true, encoding: 'buffer' });
    tryWatch('encoding as a string', dir, 'hex');
    tryWatch('options 42', dir, 42);
    tryWatch('signal null', dir, { recursive: true, signal: null });
    tryWatch('signal {}', dir, { recursive: true, signal: {} });
    tryWatch('path 42', 42, { recursive: true });
    tryWatch('path with a NUL', 'a\0b', { recursive: true });
    tryWatch('path a Buffer', Buffer.from(dir), { recursive: true });
    tryWatch('path a URL', pathToFileURL(dir), { recursive: true });
    tryWatch('path a file', file, { recursive: true });
    tryWatch('missing', path.join(dir, 'missing'), { recursive: true });
    tryWatch('missing relative', 'no/such/dir', { recursive: true });
    tryWatch('under a file', path.join(file, 'below'), { recursive: true });
    tryWatch('missing, not recursive', path.join(dir, 'missing'));

    const watcher = fs.watch(dir, { recursive: true });
    console.log('shape', watcher instanceof EventEmitter,
                typeof watcher.close, typeof watcher.ref, typeof watcher.unref);
    console.log(util.inspect(watcher));
    console.log('ref', watcher.ref(), 'unref', watcher.unref());
    console.log('own keys', Reflect.ownKeys(watcher).map(String).join(','));
    let closes = 0;
    watcher.on('close', () => { closes += 1; });
    watcher.close();
    console.log('close emitted at once', closes);
    watcher.close();
    console.log('second close', closes);

    await tryPromises('promises options "utf8"', dir, 'utf8');
    await tryPromises('promises options null', dir, null);
    await tryPromises('promises recursive "1"', dir, { recursive: '1' });
    await tryPromises('promises encoding 12', dir, { recursive: true, encoding: 12 });
    await tryPromises('promises encoding "nope"', dir, { recursive: true, encoding: 'nope' });
    await tryPromises('promises encoding "nope", not recursive', dir, { encoding: 'nope' });
    await tryPromises('promises missing', path.join(dir, 'missing'), { recursive: true });
    await tryPromises('promises missing, not recursive', path.join(dir, 'missing'));
    await tryPromises('promises path 42', 42, { recursive: true });
    await tryPromises('promises path 42, not recursive', 42);
    await tryPromises('promises persistent 1', dir, { recursive: true, persistent: 1 });
    await tryPromises('promises persistent 1, not recursive', dir, { persistent: 1 });
    await tryPromises('promises recursive, aborted', dir,
                      { recursive: true, signal: AbortSignal.abort('why') });
    await tryPromises('promises aborted', dir, { signal: AbortSignal.abort('why') });
    await tryPromises('promises recursive, quiet', dir, { recursive: true });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
