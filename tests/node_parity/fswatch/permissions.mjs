// Recursive fs.watch under Node's permission model, as Node 20 has it: its
// start stats the root, and a denial there (not being ENOENT) is swallowed,
// leaving a watcher that watches nothing; fs.watch without `recursive`
// throws ERR_ACCESS_DENIED, fs.promises.watch rejects with it.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

const show = (label, e) => console.log(label, e.code, e.message, e.permission, e.resource);

export async function main(args) {
  const [allowed, denied] = args;
  const watcher = fs.watch(denied, { recursive: true });
  console.log('denied, recursive:', watcher.constructor.name);
  watcher.on('change', (eventType, filename) => console.log('unexpected', eventType, filename));
  watcher.close();
  try {
    fs.watch(denied);
  } catch (e) {
    show('denied:', e);
  }
  try {
    await fsp.watch(denied).next();
  } catch (e) {
    show('denied, promises:', e);
  }
  const missing = fs.watch(path.join(denied, 'missing'), { recursive: true });
  console.log('denied and missing, recursive:', missing.constructor.name);
  missing.close();
  const allowedWatcher = fs.watch(allowed, { recursive: true });
  const event = await new Promise((resolve) => {
    allowedWatcher.once('change', (eventType, filename) => resolve(`${eventType} ${filename}`));
    fs.writeFileSync(path.join(allowed, 'sub', 'granted.txt'), 'g');
  });
  console.log('allowed, recursive:', event);
  allowedWatcher.close();
  fs.unlinkSync(path.join(allowed, 'sub', 'granted.txt'));  // for the next run
}
