// zlib throughput: 64 MiB of text-like data (words from a fixed pseudo-random
// sequence, ~3:1 at level 6) through gzipSync, gzip (thread pool), a
// createGzip() stream and gunzipSync. Prints one JSON line of medians:
// {"case": microseconds per 64 MiB}; the "cpu" cases are the process's CPU
// time for the sync calls, which a machine busy with other work disturbs less
// than wall time. Run by tools/bench/zlib_throughput under
// Node and toysnap alike; main(args) takes the number of rounds.
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';

const SIZE = 64 * 1024 * 1024;

function input() {
  const words = ['snapshot', 'isolate', 'heap', 'context', 'module', 'stream', 'buffer',
    'deflate', 'gzip', 'the', 'a', 'of', 'and', 'runtime', 'loop', 'handle', 'promise'];
  const data = Buffer.allocUnsafe(SIZE);
  let seed = 20;
  let at = 0;
  while (at < SIZE) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const word = words[seed % words.length];
    at += data.write(seed % 13 === 0 ? `${word} ${seed % 1000}\n` : `${word} `, at);
  }
  return data;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(fn) {
  const start = performance.now();
  await fn();
  return (performance.now() - start) * 1000;
}

function cpuTime(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

export async function main(args) {
  const rounds = Number(args[0] ?? 5);
  const data = input();
  const packed = zlib.gzipSync(data);
  const results = {};
  const record = (name, us) => (results[name] ??= []).push(us);
  for (let round = 0; round < rounds; round++) {
    record('gzipSync 64MiB', await time(() => zlib.gzipSync(data)));
    record('gzip (callback) 64MiB', await time(() => new Promise((resolve, reject) =>
      zlib.gzip(data, (err, out) => (err ? reject(err) : resolve(out))))));
    record('createGzip stream 64MiB', await time(() => {
      const chunks = [];
      for (let i = 0; i < SIZE; i += 1 << 16) chunks.push(data.subarray(i, i + (1 << 16)));
      return pipeline(Readable.from(chunks), zlib.createGzip(),
                      new Writable({ write(c, e, cb) { cb(); } }));
    }));
    record('gunzipSync 64MiB', await time(() => zlib.gunzipSync(packed)));
    record('gzipSync 64MiB (cpu)', cpuTime(() => zlib.gzipSync(data)));
    record('gunzipSync 64MiB (cpu)', cpuTime(() => zlib.gunzipSync(packed)));
  }
  const medians = {};
  for (const name of Object.keys(results)) medians[name] = median(results[name]);
  console.log(JSON.stringify(medians));
}
