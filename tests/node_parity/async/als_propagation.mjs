// AsyncLocalStorage's store follows every way a callback comes back: await,
// then, timers, immediates, ticks, queueMicrotask, fs callbacks and promises,
// dns, net, child processes, worker messages, and stream events. The storage
// is made at module load: in a snapshot, at build time.
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn, execFile } from 'node:child_process';
import dns from 'node:dns';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';

const als = new AsyncLocalStorage();
const log = (tag) => console.log(tag, JSON.stringify(als.getStore()));
const step = (tag, start) => new Promise((resolve) => start(() => { log(tag); resolve(); }));

async function netRoundTrip() {
  const server = net.createServer((socket) => {
    log('net connection (server context)');
    socket.on('data', (data) => { log(`net server data ${data}`); socket.end('pong'); });
  });
  await als.run({ in: 'listen' }, () => new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)));
  log('net listening');
  await new Promise((resolve) => {
    const client = net.connect(server.address().port, '127.0.0.1', () => {
      log('net connect');
      client.write('ping');
    });
    client.on('data', (data) => log(`net client data ${data}`));
    client.on('close', () => { log('net client close'); server.close(resolve); });
  });
  log('net server closed');
}

export async function main() {
  log('outside');
  await als.run({ request: 1 }, async () => {
    log('sync');
    await null;
    log('after await');
    await step('timeout', (done) => setTimeout(done, 1));
    await step('interval', (done) => { const t = setInterval(() => { clearInterval(t); done(); }, 1); });
    await step('immediate', (done) => setImmediate(done));
    await step('nextTick', (done) => process.nextTick(done));
    await step('queueMicrotask', (done) => queueMicrotask(done));
    await step('fs.stat callback', (done) => fs.stat('/', done));
    await step('fs.readFile callback', (done) => fs.readFile('/etc/hostname', done));
    await fsp.readFile('/etc/hostname');
    log('fs.promises');
    await step('dns.lookup', (done) => dns.lookup('localhost', done));
    await netRoundTrip();
    await new Promise((resolve) => {
      const child = spawn('/bin/true', [], { stdio: 'ignore' });
      child.on('exit', (code) => { log(`child exit ${code}`); resolve(); });
    });
    await step('execFile', (done) => execFile('/bin/echo', ['hi'], done));
    await new Promise((resolve) => {
      const worker = new Worker('process.exit(0)', { eval: true });
      worker.on('exit', (code) => { log(`worker exit ${code}`); resolve(); });
    });
    await new Promise((resolve) => {
      Readable.from(['a', 'b']).on('data', (chunk) => log(`stream data ${chunk}`)).on('end', () => {
        log('stream end');
        resolve();
      });
    });
    const emitter = new EventEmitter();
    als.run({ request: 'other' }, () => emitter.on('ping', () => log('emitter listener (emit context)')));
    emitter.emit('ping');
  });
  log('outside again');
  setTimeout(() => log('root timer'), 2);
  const nested = als.run('outer', () => als.run('inner', () => als.getStore()));
  console.log('nested', nested, JSON.stringify(als.getStore()));
  als.run('threw', () => {
    try {
      als.run('deeper', () => { throw new Error('boom'); });
    } catch (error) {
      log(`caught ${error.message}`);
    }
  });
}
