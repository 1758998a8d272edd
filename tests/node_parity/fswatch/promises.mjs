// fs.promises.watch with and without { recursive: true }, as Node 20 on
// Linux: an async generator that starts watching at the first next(), gives
// the event that comes after each next() (those that come between two are
// dropped), ends on break or return(), and rejects with an AbortError when
// its signal aborts. Every step asks for the next event before causing it.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

let dir;
const at = (...parts) => path.join(dir, ...parts);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function nextAfter(iterator, act) {
  const next = iterator.next();
  act();
  try {
    const { value, done } = await next;
    return done ? 'done' : `${value.eventType} ${value.filename} (${typeof value.filename})`;
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
}

async function recursive() {
  fs.mkdirSync(at('r', 'sub'), { recursive: true });
  fs.writeFileSync(at('r', 'sub', 'old.txt'), 'o');
  const events = fsp.watch(at('r'), { recursive: true, encoding: 'buffer' });
  console.log('recursive', Object.prototype.toString.call(events));
  console.log('create:', await nextAfter(events, () => fs.writeFileSync(at('r', 'one.txt'), '1')));
  console.log('append below:', await nextAfter(events, () => fs.appendFileSync(at('r', 'sub', 'old.txt'), '+')));
  console.log('mkdir:', await nextAfter(events, () => fs.mkdirSync(at('r', 'made'))));
  console.log('in it:', await nextAfter(events, () => fs.writeFileSync(at('r', 'made', 'two.txt'), '2')));
  console.log('unlink:', await nextAfter(events, () => fs.unlinkSync(at('r', 'one.txt'))));
  console.log('return', JSON.stringify(await events.return()));
  console.log('next after return', JSON.stringify(await events.next()));

  let seen = 0;
  const looped = fsp.watch(at('r'), { recursive: true });
  setTimeout(() => fs.writeFileSync(at('r', 'three.txt'), '3'), 50);
  for await (const { eventType, filename } of looped) {
    console.log('for await', eventType, filename);
    if (++seen === 1) break;
  }

  const controller = new AbortController();
  const aborting = fsp.watch(at('r'), { recursive: true, signal: controller.signal });
  setTimeout(() => controller.abort(new Error('stop watching')), 50);
  try {
    for await (const event of aborting) console.log('unexpected', event);
  } catch (e) {
    console.log('aborted', e.name, e.code, e.message, e.cause.message);
  }
  console.log('then', JSON.stringify(await aborting.next()));
}

async function oneDirectory() {
  fs.mkdirSync(at('n'));
  const events = fsp.watch(at('n'));
  // Not watching yet: the first next() starts it.
  fs.writeFileSync(at('n', 'before.txt'), 'b');
  await sleep(50);
  console.log('first:', await nextAfter(events, () => fs.writeFileSync(at('n', 'first.txt'), 'f')));
  // Between two next() calls nothing is kept.
  fs.writeFileSync(at('n', 'dropped.txt'), 'd');
  await sleep(50);
  console.log('second:', await nextAfter(events, () => fs.writeFileSync(at('n', 'second.txt'), 's')));
  await sleep(50);  // second.txt's last events
  const hex = fsp.watch(at('n'), { encoding: 'hex' });
  console.log('hex:', await nextAfter(hex, () => fs.writeFileSync(at('n', 'x'), 'x')));
  await hex.return();
  await sleep(50);
  // Node 20's check of the encoding refuses 'buffer' here.
  const buffers = fsp.watch(at('n'), { encoding: 'buffer' });
  console.log('buffer:', await nextAfter(buffers, () => fs.writeFileSync(at('n', 'y'), 'y')));
  console.log('after the error', JSON.stringify(await buffers.next()));
  console.log('return', JSON.stringify(await events.return()));
}

export async function main() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-pwatch-'));
  try {
    await recursive();
    await oneDirectory();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Every watcher is closed: nothing keeps the program alive.
  console.log('done');
}
