// fs throughput: whole-file reads and writes through readFileSync,
// writeFileSync and fs.promises.readFile, on files of three sizes in a fresh
// directory under os.tmpdir(). Prints one JSON line of medians:
// {"case": microseconds per call}. Run by tools/bench/fs_throughput under
// Node and toysnap alike; main(args) takes the number of rounds.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const SIZES = { '1KiB': 1024, '64KiB': 64 * 1024, '4MiB': 4 * 1024 * 1024 };
// Calls per timed batch: enough to take a few milliseconds each.
const CALLS = { '1KiB': 2000, '64KiB': 500, '4MiB': 10 };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(calls, fn) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await fn(i);
  return ((performance.now() - start) * 1000) / calls;
}

export async function main(args) {
  const rounds = Number(args[0] ?? 5);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-bench-'));
  const results = {};
  const record = (name, us) => (results[name] ??= []).push(us);
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [label, size] of Object.entries(SIZES)) {
        const calls = CALLS[label];
        const text = 'x'.repeat(size - 2) + 'é';  // UTF-8, not only ASCII
        const bytes = Buffer.from(text);
        const file = path.join(dir, `f-${label}`);
        fs.writeFileSync(file, bytes);
        record(`writeFileSync string ${label}`, await time(calls, () => fs.writeFileSync(file, text)));
        record(`writeFileSync Buffer ${label}`, await time(calls, () => fs.writeFileSync(file, bytes)));
        record(`readFileSync ${label}`, await time(calls, () => fs.readFileSync(file)));
        record(`readFileSync utf8 ${label}`, await time(calls, () => fs.readFileSync(file, 'utf8')));
        record(`promises.readFile ${label}`, await time(calls, () => fsp.readFile(file)));
        record(`promises.readFile utf8 ${label}`, await time(calls, () => fsp.readFile(file, 'utf8')));
        // 16 reads in flight at once, per read.
        record(`promises.readFile x16 ${label}`,
               (await time(Math.max(1, calls / 16), () =>
                 Promise.all(Array.from({ length: 16 }, () => fsp.readFile(file))))) / 16);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const medians = {};
  for (const [name, values] of Object.entries(results)) medians[name] = median(values);
  console.log(JSON.stringify(medians));
}
