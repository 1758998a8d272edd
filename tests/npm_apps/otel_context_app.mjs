// OpenTelemetry's AsyncLocalStorage context manager keeps a request's context
// across awaits, timers, I/O and event emitters it binds.
import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import { context, createContextKey, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';

const requestKey = createContextKey('request id');
const manager = new AsyncLocalStorageContextManager();
context.setGlobalContextManager(manager.enable());
const current = () => context.active().getValue(requestKey) ?? '(none)';

async function handle(id, delay) {
  return context.with(ROOT_CONTEXT.setValue(requestKey, id), async () => {
    const lines = [`${id} start ${current()}`];
    await new Promise((resolve) => setTimeout(resolve, delay));
    lines.push(`${id} after timer ${current()}`);
    await fs.stat('/');
    lines.push(`${id} after fs ${current()}`);
    const emitter = context.bind(context.active(), new EventEmitter());
    const heard = new Promise((resolve) => emitter.on('event', () => resolve(current())));
    context.with(ROOT_CONTEXT.setValue(requestKey, 'other'), () => emitter.emit('event'));
    lines.push(`${id} bound emitter ${await heard}`);
    const later = context.bind(context.active(), () => current());
    lines.push(`${id} bound function ${context.with(ROOT_CONTEXT, later)}`);
    return lines;
  });
}

export async function main() {
  console.log('outside', current());
  const results = await Promise.all([handle('req-1', 3), handle('req-2', 1), handle('req-3', 2)]);
  for (const lines of results) console.log(lines.join('\n'));
  console.log('outside again', current());
  manager.disable();
}
