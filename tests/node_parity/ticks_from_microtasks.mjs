// process.nextTick called from a microtask when no tick ran before it in that
// turn (after `await import()`, after awaiting a promise a microtask settled):
// the tick still runs once the microtask queue is empty, as in Node. Stream
// code queues its callbacks this way all the time.
export async function main() {
  await import('node:path');
  process.nextTick(() => console.log('tick queued by a microtask'));
  queueMicrotask(() => console.log('microtask queued after it'));
  await null;
  console.log('after await null');
  await new Promise((resolve) => process.nextTick(resolve));
  console.log('resumed by a tick');
  await Promise.resolve();
  process.nextTick(() => console.log('second tick from a microtask'));
}
