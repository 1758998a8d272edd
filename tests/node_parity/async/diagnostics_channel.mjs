// diagnostics_channel: channels, subscribe/unsubscribe, hasSubscribers,
// bindStore/runStores with AsyncLocalStorage, tracing channels (sync,
// promise, callback), a throwing subscriber, and Node's argument errors.
import dc from 'node:diagnostics_channel';
import { AsyncLocalStorage } from 'node:async_hooks';

const show = (tag, ...values) => console.log(tag, ...values.map((v) => JSON.stringify(v)));
function tryIt(tag, fn) {
  try {
    fn();
    console.log(tag, 'no error');
  } catch (error) {
    console.log(tag, `${error.name} [${error.code}]: ${error.message}`);
  }
}

export async function main() {
  const ch = dc.channel('app:request');
  show('same channel', dc.channel('app:request') === ch, ch.name, ch instanceof dc.Channel);
  show('no subscribers', ch.hasSubscribers, dc.hasSubscribers('app:request'), dc.hasSubscribers('none'));
  ch.publish({ ignored: true });
  const seen = [];
  const onMessage = (message, name) => seen.push([message, name]);
  ch.subscribe(onMessage);
  show('subscribed', ch.hasSubscribers, dc.hasSubscribers('app:request'));
  ch.publish({ n: 1 });
  dc.subscribe('app:request', (message) => seen.push(['second', message.n]));
  ch.publish({ n: 2 });
  show('seen', seen);
  show('unsubscribe', ch.unsubscribe(onMessage), ch.unsubscribe(onMessage), dc.unsubscribe('app:request', () => {}));
  const sym = Symbol('sym');
  show('symbol channel', typeof dc.channel(sym).name, dc.channel(sym) === dc.channel(sym));

  const als = new AsyncLocalStorage();
  const storeChannel = dc.channel('app:store');
  storeChannel.bindStore(als, (data) => ({ wrapped: data.id }));
  show('bound store', storeChannel.hasSubscribers);
  const result = storeChannel.runStores({ id: 7 }, function (a) {
    return [als.getStore(), this, a];
  }, 'self', 'arg');
  show('runStores', result, als.getStore());
  await storeChannel.runStores({ id: 8 }, async () => {
    await null;
    show('runStores after await', als.getStore());
  });
  show('unbindStore', storeChannel.unbindStore(als), storeChannel.unbindStore(als), storeChannel.hasSubscribers);
  show('plain runStores', dc.channel('app:plain').runStores({}, (x) => x * 2, null, 21));

  const tc = dc.tracingChannel('app:op');
  show('tracing names', tc.start.name, tc.end.name, tc.asyncStart.name, tc.asyncEnd.name, tc.error.name);
  const events = [];
  const handlers = {
    start: (ctx) => events.push(['start', ctx.arg]),
    end: (ctx) => events.push(['end', ctx.result ?? null]),
    asyncStart: (ctx) => events.push(['asyncStart', ctx.result ?? null]),
    asyncEnd: (ctx) => events.push(['asyncEnd']),
    error: (ctx) => events.push(['error', ctx.error.message]),
  };
  tc.subscribe(handlers);
  show('traceSync', tc.traceSync((x) => x + 1, { arg: 'sync' }, null, 1));
  try {
    tc.traceSync(() => { throw new Error('sync fail'); }, { arg: 'throws' });
  } catch (error) {
    show('traceSync threw', error.message);
  }
  show('tracePromise', await tc.tracePromise(async (x) => x * 3, { arg: 'promise' }, null, 2));
  await tc.tracePromise(async () => { throw new Error('async fail'); }, { arg: 'rejects' }).catch((e) => show('rejected', e.message));
  await new Promise((resolve) => {
    tc.traceCallback((value, cb) => setImmediate(cb, null, value), 1, { arg: 'callback' }, null, 'v', (err, value) => {
      show('callback got', err, value);
      resolve();
    });
  });
  show('tracing events', events);
  show('tracing unsubscribe', tc.unsubscribe(handlers), tc.unsubscribe(handlers));
  const fromChannels = dc.tracingChannel({
    start: dc.channel('s'), end: dc.channel('e'), asyncStart: dc.channel('as'),
    asyncEnd: dc.channel('ae'), error: dc.channel('er'),
  });
  show('from channels', fromChannels.start.name);

  tryIt('channel name', () => dc.channel(42));
  tryIt('subscribe non-function', () => dc.channel('x').subscribe('nope'));
  tryIt('tracingChannel number', () => dc.tracingChannel(5));
  tryIt('tracingChannel bad object', () => dc.tracingChannel({ start: 1 }));
  tryIt('traceCallback unsubscribed', () => tc.traceCallback(() => {}, 0, {}, null, 'x'));
  const watched = dc.tracingChannel('app:watched');
  watched.subscribe({ start() {} });
  tryIt('traceCallback without callback', () => watched.traceCallback(() => {}, 0, {}, null, 'x'));
  show('tracePromise unsubscribed keeps a thenable', typeof tc.tracePromise(() => ({ then: 1 })).then);

  const failing = dc.channel('app:fail');
  failing.subscribe(() => { throw new Error('subscriber failed'); });
  failing.subscribe(() => console.log('later subscriber still runs'));
  process.on('uncaughtException', (error) => console.log('uncaught', error.message));
  failing.publish({});
  await new Promise((resolve) => setTimeout(resolve, 1));
}
