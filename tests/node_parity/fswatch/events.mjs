// fs.watch(dir, { recursive: true }): the events each change under the root
// brings, named relative to it, as Node 20 on Linux reports them. Each step
// makes one change, then creates a marker file at the root and waits for the
// marker's event: inotify delivers events in order, so everything the change
// brought has come by then, and the step prints it all in arrival order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let dir;
const at = (...parts) => path.join(dir, ...parts);
const events = [];
let waiting = null;  // [name, resolve] of the marker being waited for
let markers = 0;

function onChange(eventType, filename) {
  if (waiting !== null && filename === waiting[0]) {
    const resolve = waiting[1];
    waiting = null;
    resolve();
    return;
  }
  if (!/^marker-/.test(filename)) events.push(`${eventType} ${filename}`);
}

async function step(label, act) {
  act();
  const marker = `marker-${++markers}`;
  await new Promise((resolve) => {
    waiting = [marker, resolve];
    fs.writeFileSync(at(marker), '');
  });
  // The rest of the marker's own batch, then the next step.
  await new Promise((resolve) => setTimeout(resolve, 20));
  console.log(`${label}: ${events.splice(0).join(', ') || '(nothing)'}`);
}

async function tree() {
  fs.mkdirSync(at('sub', 'deeper'), { recursive: true });
  fs.writeFileSync(at('sub', 'file.txt'), 'x');
  fs.writeFileSync(at('sub', 'deeper', 'low.txt'), 'x');
  fs.mkdirSync(at('ab'));
  fs.writeFileSync(at('ab', 'kept.txt'), 'x');
  fs.mkdirSync(at('a'));
  const watcher = fs.watch(dir, { recursive: true });
  watcher.on('change', onChange);
  let closed = 0;
  watcher.on('close', () => { closed += 1; });

  await step('append to sub/file.txt', () => fs.appendFileSync(at('sub', 'file.txt'), 'y'));
  await step('append two levels down', () => fs.appendFileSync(at('sub', 'deeper', 'low.txt'), 'y'));
  await step('create a file', () => fs.writeFileSync(at('new.txt'), 'n'));
  await step('append to it', () => fs.appendFileSync(at('new.txt'), 'n'));
  await step('rewrite it', () => fs.writeFileSync(at('new.txt'), 'rewritten'));
  await step('mkdir', () => fs.mkdirSync(at('made')));
  await step('a file in it', () => fs.writeFileSync(at('made', 'in.txt'), 'i'));
  await step('mkdir -p three levels', () => fs.mkdirSync(at('p', 'q', 'r'), { recursive: true }));
  await step('a file at the bottom', () => fs.writeFileSync(at('p', 'q', 'r', 'end.txt'), 'e'));
  await step('chmod a directory', () => fs.chmodSync(at('sub'), 0o700));
  await step('chmod a file', () => fs.chmodSync(at('sub', 'file.txt'), 0o600));
  await step('rename a file', () => fs.renameSync(at('new.txt'), at('renamed.txt')));
  await step('move a file down', () => fs.renameSync(at('renamed.txt'), at('sub', 'moved.txt')));
  await step('unlink', () => fs.unlinkSync(at('sub', 'file.txt')));
  await step('rm -r a tree', () => fs.rmSync(at('p'), { recursive: true }));
  await step('mkdir it again', () => fs.mkdirSync(at('p')));
  await step('a file in it again', () => fs.writeFileSync(at('p', 'again.txt'), 'a'));
  await step('rmdir a (a prefix of ab)', () => fs.rmdirSync(at('a')));
  await step('append to ab/kept.txt', () => fs.appendFileSync(at('ab', 'kept.txt'), 'k'));
  await step('symlink to sub', () => fs.symlinkSync(at('sub'), at('link')));
  await step('a file in sub, seen through the link', () => fs.writeFileSync(at('sub', 'z.txt'), 'z'));
  await step('dangling symlink', () => fs.symlinkSync(at('nowhere'), at('dangling')));
  await step('rename a directory', () => fs.renameSync(at('made'), at('made2')));
  await step('a file in the renamed one', () => fs.writeFileSync(at('made2', 'late.txt'), 'l'));

  watcher.close();
  console.log('close is emitted at once:', closed);
  watcher.close();
  fs.appendFileSync(at('sub', 'deeper', 'low.txt'), 'after');
  fs.writeFileSync(at('after.txt'), 'after');
  await new Promise((resolve) => setTimeout(resolve, 100));
  console.log('after close:', events.length === 0 ? '(nothing)' : events.join(', '));
}

// A file as the root: its changes are named by its base name.
async function fileRoot() {
  const file = at('root.txt');
  fs.writeFileSync(file, 'r');
  const watcher = fs.watch(file, { recursive: true });
  const seen = (act) => new Promise((resolve) => {
    watcher.once('change', (eventType, filename) => resolve(`${eventType} '${filename}'`));
    act();
  });
  console.log('file root, append:', await seen(() => fs.appendFileSync(file, 'more')));
  console.log('file root, unlink:', await seen(() => fs.unlinkSync(file)));
  watcher.close();
}

// The root itself removed: its event has an empty name, and nothing is left.
async function rootRemoved() {
  const root = at('doomed');
  fs.mkdirSync(root);
  const watcher = fs.watch(root, { recursive: true });
  const names = [];
  await new Promise((resolve) => {
    watcher.on('change', (eventType, filename) => {
      names.push(`${eventType} '${filename}'`);
      if (filename === '') resolve();
    });
    fs.rmdirSync(root);
  });
  console.log('root removed:', names.join(', '));
  watcher.close();
}

export async function main() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-rwatch-'));
  try {
    await tree();
    await fileRoot();
    await rootRemoved();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log('done');
}
