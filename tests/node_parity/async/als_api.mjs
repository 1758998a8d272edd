// AsyncLocalStorage and AsyncResource's API: enterWith, exit, disable, bind,
// snapshot, AsyncResource scopes and ids, createHook on AsyncResource, and
// Node's errors for bad arguments.
import async_hooks, { AsyncLocalStorage, AsyncResource, createHook, executionAsyncId,
  triggerAsyncId, executionAsyncResource } from 'node:async_hooks';
import events, { EventEmitterAsyncResource } from 'node:events';
import { createRequire } from 'node:module';

const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
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
  show('before', als.getStore(), als.enabled);
  als.run(1, () => other.run(2, () => show('two storages', als.getStore(), other.getStore())));
  als.run('a', () => {
    als.enterWith('entered');
    show('enterWith', als.getStore());
    setTimeout(() => show('timer after enterWith', als.getStore()), 0);
  });
  show('after run with enterWith', als.getStore());
  als.run('x', () => {
    als.exit((arg) => show('exit', als.getStore(), arg), 'arg');
    show('after exit', als.getStore());
    als.disable();
    show('disabled', als.getStore(), als.enabled);
  });
  als.run('again', () => show('enabled again', als.getStore(), als.enabled));
  show('run returns', als.run('r', (a, b) => a + b, 2, 3));

  const resource = als.run('res', () => new AsyncResource('MyResource'));
  show('resource scope', resource.runInAsyncScope(function (a) { return [als.getStore(), this.k, a]; }, { k: 'this' }, 7));
  show('ids', typeof resource.asyncId(), resource.asyncId() > 0,
       resource.triggerAsyncId() === executionAsyncId(), typeof triggerAsyncId());
  resource.runInAsyncScope(() => {
    show('execution id in scope', executionAsyncId() === resource.asyncId(),
         executionAsyncResource() === resource);
  });
  show('emitDestroy returns', resource.emitDestroy() === resource);
  const explicit = new AsyncResource('T', { triggerAsyncId: 12 });
  show('explicit trigger', explicit.triggerAsyncId());
  show('numeric trigger', new AsyncResource('T', 13).triggerAsyncId());

  const bound = als.run('bound', () => resource.bind(function (x, y) { return [als.getStore(), x, y]; }));
  show('bind', bound(1, 2), bound.length);
  const staticBound = als.run('static', () => AsyncResource.bind(() => als.getStore()));
  show('AsyncResource.bind', staticBound(), staticBound.length);
  const withThis = als.run('this', () => AsyncLocalStorage.bind(function () { return [als.getStore(), this]; }));
  show('AsyncLocalStorage.bind', withThis.call('receiver'));
  const snapshot = als.run('snap', () => AsyncLocalStorage.snapshot());
  show('snapshot', snapshot((a) => [als.getStore(), a], 'arg'));

  const hookEvents = [];
  const hook = createHook({
    init(id, type, trigger) { if (type === 'Hooked') hookEvents.push(`init ${type}`); },
    before() { hookEvents.push('before'); },
    after() { hookEvents.push('after'); },
    destroy() { hookEvents.push('destroy'); },
  });
  show('enable returns hook', hook.enable() === hook);
  const hooked = new AsyncResource('Hooked');
  hooked.runInAsyncScope(() => hookEvents.push('inside'));
  hooked.emitDestroy();
  hook.disable();
  new AsyncResource('Hooked').runInAsyncScope(() => hookEvents.push('unhooked'));

  tryIt('resource type', () => new AsyncResource(5));
  tryIt('resource trigger', () => new AsyncResource('T', { triggerAsyncId: -2 }));
  tryIt('resource trigger NaN', () => new AsyncResource('T', { triggerAsyncId: 1.5 }));
  tryIt('bind non-function', () => resource.bind('nope'));
  tryIt('createHook bad init', () => createHook({ init: 1 }));
  tryIt('createHook bad destroy', () => createHook({ destroy: 'x' }));
  tryIt('run non-function', () => als.run(1, 'nope'));

  const require = createRequire(import.meta.url);
  show('require gives the same', require('async_hooks') === async_hooks, require('node:async_hooks').AsyncLocalStorage === AsyncLocalStorage);
  show('exports', Object.keys(async_hooks).filter((k) => ['AsyncLocalStorage', 'AsyncResource', 'createHook', 'executionAsyncId', 'triggerAsyncId', 'executionAsyncResource'].includes(k)).sort());
  await new Promise((resolve) => setTimeout(resolve, 5));
  show('hook events', hookEvents);

  const emitter = als.run('emitter', () => new EventEmitterAsyncResource({ name: 'Named' }));
  emitter.on('ping', (arg) => show('EventEmitterAsyncResource listener', als.getStore(), arg));
  als.run('caller', () => emitter.emit('ping', 1));
  show('EventEmitterAsyncResource shape', emitter.asyncResource.constructor.name,
       emitter.asyncResource.eventEmitter === emitter, typeof emitter.asyncId,
       emitter instanceof events, new EventEmitterAsyncResource('str') instanceof events);
  class Sub extends EventEmitterAsyncResource {}
  show('subclass', new Sub().asyncResource.constructor.name);
  tryIt('EventEmitterAsyncResource no name', () => new EventEmitterAsyncResource({}));
  show('events keys', Object.keys(events).join(' '));
}
