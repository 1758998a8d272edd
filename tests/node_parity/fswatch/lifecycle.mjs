// A recursive fs.watch's life as Node 20 on Linux has it: the listener
// argument, an AbortSignal (already aborted, or aborted later) closing every
// handle, a listener's exception while new entries are announced becoming an
// 'error' event, and a watcher that is not persistent letting the program end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let dir;
const at = (...parts) => path.join(dir, ...parts);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function listenerArgument() {
  await new Promise((resolve) => {
    const watcher = fs.watch(dir, { recursive: true }, (eventType, filename) => {
      console.log('listener', eventType, filename);
      watcher.close();
      resolve();
    });
    fs.writeFileSync(at('sub', 'listened.txt'), 'l');
  });
}

async function signals() {
  const early = fs.watch(dir, { recursive: true, signal: AbortSignal.abort() });
  let closedAtOnce = false;
  early.on('close', () => { closedAtOnce = true; });
  console.log('aborted signal: closed yet?', closedAtOnce);
  await sleep(0);
  console.log('aborted signal: closed on the next tick?', closedAtOnce);

  const controller = new AbortController();
  const later = fs.watch(dir, { recursive: true, signal: controller.signal });
  const events = [];
  later.on('change', (eventType, filename) => events.push(`${eventType} ${filename}`));
  await new Promise((resolve) => {
    later.once('change', resolve);
    fs.writeFileSync(at('sub', 'before-abort.txt'), 'b');
  });
  await sleep(20);
  later.on('close', () => console.log('close after abort'));
  controller.abort();
  fs.appendFileSync(at('sub', 'before-abort.txt'), 'after');
  fs.writeFileSync(at('sub', 'after-abort.txt'), 'a');
  await sleep(100);
  console.log('events until the abort:', events.join(', '));
}

async function throwingListener() {
  const watcher = fs.watch(dir, { recursive: true });
  watcher.on('change', (eventType, filename) => {
    if (filename === 'sub/thrown.txt') throw new Error(`listener threw on ${filename}`);
  });
  const error = await new Promise((resolve) => {
    watcher.once('error', resolve);
    fs.writeFileSync(at('sub', 'thrown.txt'), 't');
  });
  console.log('error event:', error.message);
  watcher.close();
}

export async function main() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-lwatch-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(at('sub'));
  await listenerArgument();
  await signals();
  await throwingListener();
  // Left open: not persistent, its handles do not keep the program alive.
  fs.watch(dir, { recursive: true, persistent: false });
  await sleep(10);
  console.log('done');
}
