// perf_hooks: marks and measures (by name, options, durations), the entry
// buffer, clearing, PerformanceObserver (entryTypes, type + buffered,
// takeRecords, disconnect), timerify, and Node's argument errors. Times are
// not printed, only their relations.
import { performance, PerformanceObserver, PerformanceMark, PerformanceEntry, constants } from 'node:perf_hooks';

function tryIt(tag, fn) {
  try {
    fn();
    console.log(tag, 'no error');
  } catch (error) {
    console.log(tag, `${error.name} [${error.code}]: ${error.message}`);
  }
}

export async function main() {
  const seen = [];
  const observer = new PerformanceObserver((list, self) => {
    seen.push(list.getEntries().map((e) => `${e.entryType}:${e.name}`).join(','), self === observer);
  });
  observer.observe({ entryTypes: ['mark', 'measure'] });
  const start = performance.mark('start', { startTime: 20, detail: { step: 1 } });
  console.log(start.constructor.name, start.entryType, start.name, start.duration, start.detail, start instanceof PerformanceEntry);
  const fixed = performance.mark('fixed', { startTime: 10 });
  console.log('fixed', fixed.startTime, JSON.stringify(fixed));
  console.log(new PerformanceMark('standalone', { startTime: 3, detail: 'd' }));
  const byNames = performance.measure('between', 'fixed', 'start');
  console.log('between', byNames.startTime, byNames.duration === start.startTime - 10);
  const byOptions = performance.measure('options', { start: 2, end: 12, detail: [1] });
  console.log(byOptions);
  console.log('durations', performance.measure('d1', { start: 1, duration: 2 }).duration,
              performance.measure('d2', { end: 10, duration: 4 }).startTime,
              performance.measure('from origin').startTime);
  console.log('entries', performance.getEntries().map((e) => e.name));
  console.log('by type', performance.getEntriesByType('mark').map((e) => e.name),
              performance.getEntriesByName('d1', 'measure').length, performance.getEntriesByName('d1', 'mark').length);
  performance.clearMarks('fixed');
  tryIt('cleared mark', () => performance.measure('x', 'fixed'));
  performance.clearMeasures();
  console.log('after clear', performance.getEntries().map((e) => e.name));
  console.log('records', observer.takeRecords().length);
  performance.mark('observed', { startTime: 30 });
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  console.log('observer saw', seen);
  observer.disconnect();
  performance.mark('unobserved', { startTime: 40 });

  const buffered = [];
  const late = new PerformanceObserver((list) => buffered.push(list.getEntries().map((e) => e.name)));
  late.observe({ type: 'mark', buffered: true });
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log('buffered', buffered);
  late.disconnect();

  const fnEntries = [];
  const fnObserver = new PerformanceObserver((list) => fnEntries.push(...list.getEntries().map((e) => `${e.entryType}:${e.name}`)));
  fnObserver.observe({ entryTypes: ['function'] });
  const timed = performance.timerify(function work(n) { return n * 2; });
  console.log('timerify', timed.name, timed.length, timed(21), performance.timerify(timed) === timed);
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log('function entries', fnEntries);
  fnObserver.disconnect();

  console.log(PerformanceObserver.supportedEntryTypes, constants.NODE_PERFORMANCE_GC_MAJOR);
  console.log('globals', globalThis.PerformanceMark === PerformanceMark, typeof globalThis.PerformanceObserverEntryList,
              Object.getOwnPropertyDescriptor(globalThis, 'PerformanceEntry').enumerable);
  tryIt('mark no name', () => performance.mark());
  tryIt('mark negative', () => performance.mark('x', { startTime: -1 }));
  tryIt('mark bad time', () => performance.mark('x', { startTime: 'a' }));
  tryIt('mark bad options', () => performance.mark('x', 1));
  tryIt('measure missing mark', () => performance.measure('m', 'nomark'));
  tryIt('measure three options', () => performance.measure('m', { start: 1, end: 2, duration: 1 }));
  tryIt('measure endMark with options', () => performance.measure('m', { start: 1 }, 'x'));
  tryIt('measure empty options', () => performance.measure('m', {}));
  tryIt('observer callback', () => new PerformanceObserver(1));
  tryIt('observe nothing', () => new PerformanceObserver(() => {}).observe());
  tryIt('observe both', () => new PerformanceObserver(() => {}).observe({ entryTypes: ['mark'], type: 'mark' }));
  tryIt('observe string', () => new PerformanceObserver(() => {}).observe({ entryTypes: 'mark' }));
  tryIt('getEntriesByName none', () => performance.getEntriesByName());
  tryIt('timerify bad', () => performance.timerify(1));
}
