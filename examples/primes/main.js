// Worker threads: counts the primes below N on several threads at once. The
// workers run code given as text (eval: true), so the program needs no file
// beside its snapshot or executable; each worker restores from the same
// snapshot as the program and gets its slice of the range as workerData.
import { Worker } from 'node:worker_threads';

// Runs in each worker: counts the primes in [from, to) and posts the count.
function countSlice({ parentPort, workerData: { from, to } }) {
  let count = 0;
  for (let n = Math.max(from, 2); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  parentPort.postMessage(count);
}

function countOnWorker(from, to) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(`(${countSlice})(require('node:worker_threads'))`, {
      eval: true,
      workerData: { from, to },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

export async function main(args) {
  const limit = Number(args[0] ?? 100000);
  const threads = Number(args[1] ?? 4);
  const step = Math.ceil(limit / threads);
  const slices = [];
  for (let from = 0; from < limit; from += step) {
    slices.push(countOnWorker(from, Math.min(from + step, limit)));
  }
  const counts = await Promise.all(slices);
  console.log(`${counts.reduce((a, b) => a + b, 0)} primes below ${limit}, on ${counts.length} threads`);
}
