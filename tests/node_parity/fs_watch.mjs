// fs.watch, fs.watchFile and fs.promises.watch, compared with Node: the first
// event each change brings (inotify may report a write more than once, so only
// the first is printed), 'close' and 'stop', errors, and a watcher that is not
// persistent letting the program end.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

let dir;
const at = (...parts) => path.join(dir, ...parts);
const rel = (p) => String(p).split(dir).join('<tmp>');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function firstEvent(watcher, act) {
  return new Promise((resolve) => {
    watcher.once('change', (eventType, filename) => resolve([eventType, filename]));
    act();
  });
}

async function watching() {
  try {
    fs.watch(at('missing'));
  } catch (e) {
    console.log('missing', e.name, e.code, e.errno, e.syscall, rel(e.message), rel(e.path),
                rel(e.filename));
  }
  const dirWatcher = fs.watch(dir);
  console.log('watcher', typeof dirWatcher.close, dirWatcher.ref() === dirWatcher,
              dirWatcher.unref() === dirWatcher);
  dirWatcher.ref();
  const created = await firstEvent(dirWatcher, () => fs.writeFileSync(at('a.txt'), 'one'));
  console.log('created', created);
  await new Promise((resolve) => {
    dirWatcher.on('close', () => { console.log('close event'); resolve(); });
    dirWatcher.close();
    dirWatcher.close();  // a second close does nothing
  });

  const fileWatcher = fs.watch(at('a.txt'), { encoding: 'buffer' });
  const changed = await firstEvent(fileWatcher, () => fs.appendFileSync(at('a.txt'), ' two'));
  console.log('changed', changed[0], Buffer.isBuffer(changed[1]), String(changed[1]));
  fileWatcher.close();

  const listened = await new Promise((resolve) => {
    const watcher = fs.watch(dir, (eventType, filename) => {
      watcher.close();
      resolve([eventType, filename]);
    });
    fs.renameSync(at('a.txt'), at('b.txt'));
  });
  console.log('listener', listened[0], ['a.txt', 'b.txt'].includes(listened[1]));
}

async function polling() {
  const target = at('b.txt');
  const seen = await new Promise((resolve) => {
    const watcher = fs.watchFile(target, { interval: 20 }, (current, previous) => {
      resolve([current.size, previous.size, current.isFile(), current instanceof fs.Stats]);
    });
    console.log('watchFile returns', typeof watcher.ref, typeof watcher.unref);
    setTimeout(() => fs.appendFileSync(target, ' three'), 150);
  });
  console.log('watchFile', seen);
  await new Promise((resolve) => {
    const watcher = fs.watchFile(target, () => {});
    watcher.on('stop', () => { console.log('stop event'); resolve(); });
    fs.unwatchFile(target);
  });
  const gone = await new Promise((resolve) => {
    fs.watchFile(target, { interval: 20, bigint: true }, (current, previous) => {
      fs.unwatchFile(target);
      resolve([current.size, previous.size > 0n, current.mtimeMs, typeof current.nlink]);
    });
    setTimeout(() => fs.unlinkSync(target), 150);
  });
  console.log('removed', gone);
  try {
    fs.watchFile(target);
  } catch (e) {
    console.log('no listener', e.code, e.message);
  }
}

async function promises() {
  const controller = new AbortController();
  const events = fsp.watch(dir, { signal: controller.signal });
  setTimeout(() => fs.writeFileSync(at('c.txt'), 'c'), 50);
  for await (const event of events) {
    console.log('promises.watch', event.eventType, event.filename);
    break;
  }
  const aborted = fsp.watch(dir, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  try {
    // What arrives before the abort depends on timing (c.txt's own events).
    for await (const event of aborted) if (event.filename !== 'c.txt') console.log('unexpected', event);
  } catch (e) {
    console.log('aborted', e.name, e.code, e.message);
  }
}

export async function main() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-watch-'));
  try {
    await watching();
    await polling();
    await promises();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Not persistent: it does not keep the program alive.
  fs.watch(os.tmpdir(), { persistent: false });
  await sleep(10);
  console.log('done');
}
