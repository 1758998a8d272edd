// Issue #13: worker_threads as Node has it: Workers from files and code,
// messages both ways, workerData and environment data, errors and exit
// codes, terminate(), transfers, MessageChannel in one thread, and Node's
// argument errors. Each case waits for its worker, so output keeps its order.
import {
  Worker, isMainThread, parentPort, workerData, threadId, MessageChannel, MessagePort,
  receiveMessageOnPort, setEnvironmentData, resourceLimits, SHARE_ENV, BroadcastChannel,
} from 'node:worker_threads';
import * as workerThreads from 'node:worker_threads';

// This file is a worker too: its top level runs again in the worker.
if (!isMainThread && workerData === 'self') parentPort.postMessage(`self: ${threadId}`);

const here = (file) => new URL(file, import.meta.url);

// 'online' and what the worker's top level sends come on two channels, which
// neither Node nor toysnap orders: what comes before 'online' is printed
// after it, so the output is the same whichever wins.
function run(worker, onMessage = () => {}) {
  return new Promise((resolve) => {
    let online = false;
    const held = [];
    const print = (...line) => (online ? console.log(...line) : held.push(line));
    const flush = () => { for (const line of held.splice(0)) console.log(...line); };
    worker.on('online', () => { online = true; console.log('  online'); flush(); });
    worker.on('message', (message) => {
      print('  message', JSON.stringify(message));
      onMessage(message);
    });
    worker.on('error', (error) => print('  error', error instanceof Error, error.name,
      error.message, error.code, Object.keys(error).join(',')));
    worker.on('exit', (code) => { flush(); console.log('  exit', code); resolve(code); });
  });
}

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (error) {
    console.log(label, error.name, error.code, error.message);
  }
}

export async function main() {
  console.log('main:', isMainThread, threadId, parentPort, workerData, JSON.stringify(resourceLimits));
  console.log('exports:', Object.keys(workerThreads).sort().join(','));
  console.log('globals:', typeof MessageChannel, typeof globalThis.MessagePort,
    typeof globalThis.MessageEvent, typeof structuredClone, globalThis.MessagePort === MessagePort);

  console.log('file worker, ping-pong:');
  setEnvironmentData('shared', 'from parent');
  const echo = new Worker(here('./workers/echo.mjs'), {
    workerData: { list: [1, 2], nested: { ok: true } }, argv: ['a', 2],
    env: { WORKER_FLAG: 'set' },
  });
  let count = 0;
  const done = run(echo, (n) => { if (++count < 3) echo.postMessage(n); else echo.postMessage('stop'); });
  // The worker prints when the first message comes, so after 'online' here.
  echo.once('online', () => echo.postMessage(1));
  const code = await done;
  console.log('  code', code, echo.threadId);
  echo.postMessage('ignored after exit');

  console.log('CommonJS worker:');
  await run(new Worker(here('./workers/common.cjs'), { workerData: 5 }));

  console.log('this file as a worker:');
  await run(new Worker(here(import.meta.url), { workerData: 'self' }));

  console.log('eval worker, uncaught error:');
  await run(new Worker(`
    const e = new RangeError('out of range'); e.code = 'E_RANGE'; e.extra = 42; throw e;`,
  { eval: true }));

  console.log('eval worker, error thrown later:');
  await run(new Worker("setTimeout(() => { throw new TypeError('late'); }, 1)", { eval: true }));

  console.log('process.exit and exitCode:');
  await run(new Worker('process.exit(7)', { eval: true }));
  await run(new Worker('process.exitCode = 3', { eval: true }));

  console.log('terminate:');
  const busy = new Worker('for (;;) {}', { eval: true, env: SHARE_ENV });
  await new Promise((resolve) => busy.once('online', resolve));
  console.log('  terminated with', await busy.terminate(), busy.threadId);

  console.log('transfer:');
  const bytes = new Uint8Array([1, 2, 3, 4]).buffer;
  const { port1, port2 } = new MessageChannel();
  const sink = new Worker(`
    const { parentPort } = require('worker_threads');
    parentPort.on('message', (message) => {
      if (message === 'stop') return parentPort.close();
      const { bytes, port } = message;
      port.postMessage(['got', bytes.byteLength, new Uint8Array(bytes)[3], port instanceof require('worker_threads').MessagePort]);
      port.close();
    });`, { eval: true });
  const exited = run(sink);
  // 'online' and the reply come on two channels, which no runtime orders.
  await new Promise((resolve) => sink.once('online', resolve));
  sink.postMessage({ bytes, port: port2 }, [bytes, port2]);
  console.log('  sent, left with', bytes.byteLength);
  const reply = await new Promise((resolve) => port1.once('message', resolve));
  console.log('  reply', JSON.stringify(reply));
  sink.postMessage('stop');
  await exited;

  console.log('MessageChannel in one thread:');
  const channel = new MessageChannel();
  channel.port1.postMessage({ first: 1 });
  console.log('  received', JSON.stringify(receiveMessageOnPort(channel.port2)),
    receiveMessageOnPort(channel.port2));
  await new Promise((resolve) => {
    channel.port2.onmessage = (event) => {
      console.log('  onmessage', event.constructor.name, JSON.stringify(event.data));
      channel.port2.onmessage = null;
      channel.port2.close();
    };
    channel.port2.on('close', () => { console.log('  port2 close'); resolve(); });
    channel.port1.postMessage(['second']);
  });

  console.log('BroadcastChannel:');
  // Made before the worker, so its message is handled before the worker's exit.
  const news = new BroadcastChannel('news');
  news.onmessage = (event) => console.log('  heard', event.constructor.name, event.data);
  const listener = new Worker(`
    const { BroadcastChannel, parentPort } = require('worker_threads');
    const channel = new BroadcastChannel('news');
    channel.onmessage = (event) => { channel.postMessage('worker saw ' + event.data); channel.close(); };
    parentPort.postMessage('listening');`, { eval: true });
  await run(listener, () => news.postMessage('hello'));
  news.close();
  attempt('  closed', () => news.postMessage(1));
  console.log('  name', news.name, typeof globalThis.BroadcastChannel);

  console.log('argument errors:');
  attempt('  relative path', () => new Worker('echo.mjs'));
  attempt('  number', () => new Worker(5));
  attempt('  env', () => new Worker('1', { eval: true, env: 5 }));
  attempt('  eval URL', () => new Worker(here('./x.mjs'), { eval: true }));
  attempt('  new MessagePort', () => new MessagePort());
  const { port1: a, port2: b } = new MessageChannel();
  attempt('  untransferred port', () => a.postMessage({ b }));
  attempt('  source port', () => a.postMessage(1, [a]));
  attempt('  function', () => a.postMessage(() => 1));
  attempt('  bad transfer', () => a.postMessage(1, [{}]));
  attempt('  transfer not iterable', () => a.postMessage(1, 5));
  a.close();
}
