// A Worker of a restored program starts from the same snapshot, so it holds
// the program's empty buffers too: full GCs there must not crash either.
import { Buffer } from 'node:buffer';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';

export const kept = [new ArrayBuffer(0), new Uint8Array(0).buffer, Buffer.alloc(0),
                     new TextEncoder().encode('')];

const workerCode = `
  const v8 = require('node:v8');
  v8.setFlagsFromString('--expose-gc');
  const collect = require('node:vm').runInNewContext('gc');
  for (let round = 0; round < 3; round++) {
    const garbage = [];
    for (let i = 0; i < 20000; i++) garbage.push({ i, b: new ArrayBuffer(i % 2) });
    collect();
  }
  const { parentPort } = require('node:worker_threads');
  parentPort.postMessage({ empty: new ArrayBuffer(0), view: new Uint8Array(0) });
`;

export function main() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const worker = new Worker(workerCode, { eval: true });
  worker.on('message', (message) => {
    console.log('message', message.empty.byteLength, message.view.length);
  });
  worker.on('exit', (code) => {
    gc();
    console.log('exit', code, kept.map((b) => b.byteLength).join(','));
  });
}
