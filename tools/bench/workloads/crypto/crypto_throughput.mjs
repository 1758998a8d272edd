// crypto throughput: sha256 of 64 MiB (issue #14's target: within 1.2x of
// Node), in one update and in 64 KiB chunks, and the per-call cost of small
// hashes, HMACs, random bytes and UUIDs. Prints one JSON line of medians:
// {"case": microseconds per call}. Run by tools/bench/crypto_throughput under
// Node and toysnap alike; main(args) takes the number of rounds.
import crypto from 'node:crypto';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(calls, fn) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) fn(i);
  return ((performance.now() - start) * 1000) / calls;
}

export function main(args) {
  const rounds = Number(args[0] ?? 5);
  const big = Buffer.alloc(64 << 20, 0x5a);
  const chunks = [];
  for (let offset = 0; offset < big.length; offset += 64 << 10) chunks.push(big.subarray(offset, offset + (64 << 10)));
  const small = Buffer.alloc(1024, 1);
  const results = {};
  const record = (name, us) => (results[name] ??= []).push(us);
  for (let round = 0; round < rounds; round++) {
    record('sha256 64MiB one update', time(1, () => crypto.createHash('sha256').update(big).digest('hex')));
    record('sha256 64MiB in 64KiB chunks', time(1, () => {
      const hash = crypto.createHash('sha256');
      for (const chunk of chunks) hash.update(chunk);
      return hash.digest();
    }));
    record('md5 1KiB hex', time(5000, () => crypto.createHash('md5').update(small).digest('hex')));
    record('sha1 short string hex', time(5000, () => crypto.createHash('sha1').update('hello world').digest('hex')));
    record('hmac sha256 1KiB', time(5000, () => crypto.createHmac('sha256', 'key').update(small).digest()));
    record('randomBytes 32', time(5000, () => crypto.randomBytes(32)));
    record('randomUUID', time(5000, () => crypto.randomUUID()));
  }
  const medians = {};
  for (const [name, values] of Object.entries(results)) medians[name] = median(values);
  console.log(JSON.stringify(medians));
}
