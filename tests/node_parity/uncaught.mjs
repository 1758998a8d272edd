// Errors thrown by timer, interval, immediate, nextTick and fs callbacks reach
// 'uncaughtExceptionMonitor' and 'uncaughtException' listeners (with the
// origin), and the program carries on, as under Node.
import fs from 'node:fs';

export async function main() {
  process.on('uncaughtExceptionMonitor', (e, origin) => console.log('monitor', e.message, origin));
  const handler = (e, origin) => console.log('caught', e.message, origin);
  process.on('uncaughtException', handler);
  process.nextTick(() => { throw new Error('from a tick'); });
  setImmediate(() => { throw new Error('from an immediate'); });
  setTimeout(() => { throw new RangeError('from a timeout'); }, 30);
  let runs = 0;
  const interval = setInterval(() => {
    if (++runs === 2) clearInterval(interval);
    throw new Error(`from an interval, run ${runs}`);
  }, 60);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await new Promise((resolve) => fs.stat('/', () => { setImmediate(resolve); throw new Error('from an fs callback'); }));
  console.log('interval ran', runs, 'times');
  process.off('uncaughtException', handler);
  process.removeAllListeners('uncaughtExceptionMonitor');
  console.log('listeners left', process.listenerCount('uncaughtException'));
}
