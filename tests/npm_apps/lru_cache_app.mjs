// lru-cache 11 publishes its operations on diagnostics_channel ('lru-cache:metrics'
// and the 'lru-cache' tracing channel), which it imports itself at load.
import dc from 'node:diagnostics_channel';
import { LRUCache } from 'lru-cache';

const shown = (status) => {
  const { cache, ...rest } = status;
  return JSON.stringify({ ...rest, cache: cache instanceof LRUCache });
};

export async function main() {
  const metrics = [];
  const traces = [];
  const onMetric = (status) => metrics.push(shown(status));
  dc.subscribe('lru-cache:metrics', onMetric);
  dc.tracingChannel('lru-cache').subscribe({
    start: (ctx) => traces.push(`start ${ctx.op} ${ctx.key}`),
    asyncStart: (ctx) => traces.push(`asyncStart ${ctx.key} ${ctx.fetch}`),
    asyncEnd: (ctx) => traces.push(`asyncEnd ${ctx.key}`),
  });
  const disposed = [];
  const cache = new LRUCache({
    max: 2,
    dispose: (value, key, reason) => disposed.push(`${key}=${value} (${reason})`),
    fetchMethod: async (key) => `fetched:${key}`,
  });
  cache.set('a', 1);
  cache.set('b', 2);
  console.log('get a', cache.get('a'));
  cache.set('c', 3);
  console.log('has b', cache.has('b'), 'peek c', cache.peek('c'));
  console.log('fetch d', await cache.fetch('d'));
  console.log('fetch d again', await cache.fetch('d'));
  cache.delete('a');
  console.log('keys', [...cache.keys()], 'size', cache.size);
  console.log('disposed', disposed);
  console.log('metrics');
  for (const line of metrics) console.log(' ', line);
  console.log('traces', traces);
  dc.unsubscribe('lru-cache:metrics', onMetric);
  cache.set('e', 5);
  console.log('after unsubscribe', metrics.length);
}
