// timers/promises compared with Node: the order timers, immediates and the
// interval iterator resolve in, their values, scheduler.wait/yield, and the
// errors: AbortError (code ABORT_ERR, the signal's reason as cause) for
// aborted and pre-aborted signals, Node's ERR_INVALID_ARG_TYPE for options.
import timers from 'node:timers';
import { setTimeout, setImmediate, setInterval, scheduler } from 'node:timers/promises';

const show = (label, e) => console.log(label, e.name, e.code, e.message, e.cause === undefined ? '-' : String(e.cause));

export async function main() {
  const order = [];
  await Promise.all([
    // Far enough apart that a loaded machine cannot reorder them.
    setTimeout(200, 'timeout 200').then((v) => order.push(v)),
    setTimeout(50, 'timeout 50').then((v) => order.push(v)),
    setImmediate('immediate').then((v) => order.push(v)),
    Promise.resolve('promise').then((v) => order.push(v)),
  ]);
  console.log(order.join(', '));
  console.log('no value', await setTimeout(1), await setImmediate());

  let count = 0;
  for await (const value of setInterval(2, 'tick')) {
    console.log(value, count);
    if (++count === 3) break;
  }
  console.log('wait', await scheduler.wait(2), 'yield', await scheduler.yield());

  const controller = new AbortController();
  const pending = setTimeout(1000, 'never', { signal: controller.signal });
  controller.abort('stop');
  await pending.catch((e) => show('aborted timeout', e));
  await setImmediate('never', { signal: AbortSignal.abort() }).catch((e) => show('pre-aborted immediate', e));
  await scheduler.wait(1, { signal: AbortSignal.abort('r') }).catch((e) => show('pre-aborted wait', e));
  const intervalController = new AbortController();
  const iterator = setInterval(1000, 'x', { signal: intervalController.signal });
  const next = iterator.next();
  intervalController.abort();
  await next.catch((e) => show('aborted interval', e));

  await setTimeout(1, 'v', 1).catch((e) => show('options number', e));
  await setTimeout(1, 'v', { signal: 1 }).catch((e) => show('bad signal', e));
  await setTimeout(1, 'v', { ref: 'yes' }).catch((e) => show('bad ref', e));
  await setInterval(1, 'v', null).next().catch((e) => show('interval options', e));

  // An unref()ed timer does not hold the process; a ref()ed one resolves.
  setTimeout(10000, 'unref', { ref: false }).then(() => console.log('unref resolved?'));
  console.log(await setTimeout(5, 'ref resolved', { ref: true }));
  console.log(typeof timers.setImmediate, timers.promises.setTimeout === setTimeout);
}
