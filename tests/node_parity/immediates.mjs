// Issue #13: setImmediate and async WebAssembly on the libuv loop.
// setImmediate in Node's order: after the timers phase, one pass at a time,
// ticks and microtasks after each callback; clearImmediate and unref.
export async function main() {
  const log = [];
  await new Promise((resolve) => {
    setTimeout(() => {
      setImmediate(() => log.push('immediate from a timer'));
      setTimeout(() => { log.push('timeout 0 from a timer'); resolve(); }, 0);
    }, 1);
  });
  await new Promise((resolve) => {
    setImmediate((a, b) => {
      log.push(`first ${a} ${b}`);
      process.nextTick(() => log.push('tick after first'));
      Promise.resolve().then(() => log.push('microtask after first'));
      setImmediate(() => { log.push('queued during the pass: next pass'); resolve(); });
    }, 'x', 'y');
    const cleared = setImmediate(() => log.push('cleared: never'));
    setImmediate(() => log.push('second'));
    clearImmediate(cleared);
  });
  const handle = setImmediate(() => {});
  log.push(`hasRef ${handle.hasRef()} ${handle.unref().hasRef()} ${handle.ref().hasRef()}`);
  log.push(Object.prototype.toString.call(handle));
  try { setImmediate('nope'); } catch (e) { log.push(`${e.name} ${e.code} ${e.message}`); }
  // An unreferenced immediate runs while something else keeps the loop alive.
  setImmediate(() => log.push('unref ran while a timer kept the loop alive')).unref();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3,
    2, 1, 0, 7, 7, 1, 3, 97, 100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11]);
  const { instance } = await WebAssembly.instantiate(bytes);
  log.push(`async WebAssembly: ${instance.exports.add(40, 2)}`);
  const module = await WebAssembly.compile(bytes);
  log.push(`compiled: ${WebAssembly.Module.exports(module).map((e) => e.name)}`);
  console.log(log.join('\n'));
  // Alone, it does not keep the loop alive: this never prints.
  setImmediate(() => console.log('an unreferenced immediate kept the loop alive')).unref();
}
