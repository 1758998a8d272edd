// Timer, tick and microtask ordering, compared line by line with Node.
const log = (...args) => console.log(...args);

// At an ES module's top level Node runs promise jobs before nextTick callbacks.
Promise.resolve().then(() => log('top: promise'));
process.nextTick(() => log('top: tick'));
queueMicrotask(() => log('top: microtask'));

export async function main(args) {
  log('main', args);
  // In a macrotask (main, a timer) ticks run before promise jobs. Delays differ
  // by far more than scheduling takes, so Node's own order is not timing-bound.
  setTimeout(() => log('timeout 60'), 60);
  setTimeout(() => log('timeout 1'), 1);
  setTimeout(() => log('timeout 0'), 0);
  setTimeout((a, b) => log('timeout args', a, b), 1, 'x', { y: 1 });
  Promise.resolve().then(() => log('promise 1'));
  process.nextTick(() => log('tick 1'));
  queueMicrotask(() => {
    log('microtask');
    process.nextTick(() => log('tick from microtask'));
  });
  Promise.resolve().then(() => log('promise 2'));
  process.nextTick(() => {
    log('tick 2');
    Promise.resolve().then(() => log('promise from tick'));
  });
  let n = 0;
  const interval = setInterval((tag) => {
    log('interval', tag, n);
    if (++n === 3) clearInterval(interval);
  }, 4, 'i');
  setTimeout(() => {
    log('t100');
    Promise.resolve().then(() => log('promise in t100'));
    process.nextTick(() => log('tick in t100'));
  }, 100);
  setTimeout(() => log('t100 second'), 100);
  const cancelled = setTimeout(() => log('never'), 3);
  clearTimeout(cancelled);
  log('scheduled', typeof cancelled.ref, cancelled.hasRef());
  await new Promise((resolve) => setTimeout(resolve, 120));
  log('after await in main');
  setTimeout(() => log('unref never keeps the loop alive'), 1000).unref();
  const chain = [];
  let p = Promise.resolve(0);
  for (let i = 0; i < 5; i++) p = p.then((v) => { chain.push(v); return v + 1; });
  await p;
  log('chain', chain);
}
