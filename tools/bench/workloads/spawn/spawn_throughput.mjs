// child_process throughput: spawnSync of /bin/true, of echo with its output
// captured, of cat fed 64 KiB, execSync through the shell, and spawn() with
// 'ignore' stdio awaited to 'close'. Prints one JSON line of medians:
// {"case": microseconds per child}. Run by tools/bench/spawn_throughput under
// Node and toysnap alike; main(args) takes the number of rounds.
import cp from 'node:child_process';

const CALLS = 50;  // children per timed batch
const input = Buffer.alloc(64 * 1024, 97);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(fn) {
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await fn(i);
  return ((performance.now() - start) * 1000) / CALLS;
}

function check(result) {
  if (result.status !== 0) throw new Error(`child failed: ${result.status} ${result.error}`);
}

const closed = (child) => new Promise((resolve, reject) => {
  child.on('error', reject);
  child.on('close', resolve);
});

export async function main(args) {
  const rounds = Number(args[0] ?? 5);
  const results = {};
  const record = (name, us) => (results[name] ??= []).push(us);
  for (let round = 0; round < rounds; round++) {
    record('spawnSync /bin/true', await time(() => check(cp.spawnSync('/bin/true'))));
    record('spawnSync echo, output captured',
           await time(() => check(cp.spawnSync('/bin/echo', ['some', 'output'], { encoding: 'utf8' }))));
    record('spawnSync cat, 64 KiB in and out', await time(() => check(cp.spawnSync('cat', { input }))));
    record('execSync true (via /bin/sh)', await time(() => cp.execSync('true')));
    record('spawn /bin/true, ignore, to close',
           await time(() => closed(cp.spawn('/bin/true', { stdio: 'ignore' }))));
  }
  const medians = {};
  for (const [name, values] of Object.entries(results)) medians[name] = median(values);
  console.log(JSON.stringify(medians));
}
