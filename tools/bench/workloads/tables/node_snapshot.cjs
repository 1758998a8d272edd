// Start-up tables as a `node --build-snapshot` entry: the tables are computed at
// build time, as in toysnap's build (the same code as app.mjs).
const v8 = require('node:v8');
const sea = require('node:sea');

const LIMIT = 2_000_000;

function sieve(limit) {
  const composite = new Uint8Array(limit);
  const primes = [];
  for (let n = 2; n < limit; n++) {
    if (composite[n]) continue;
    primes.push(n);
    for (let m = n * n; m < limit; m += n) composite[m] = 1;
  }
  return primes;
}

const primes = sieve(LIMIT);
const indexOf = new Map(primes.map((p, i) => [p, i + 1]));

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // A single executable's argv repeats the executable: [exe, exe, ...args].
  const args = process.argv.slice(sea.isSea() ? 2 : 1);
  const n = Number(args[0] ?? 1_999_993);
  const index = indexOf.get(n);
  console.log(index ? `${n} is prime number ${index}` : `${n} is not prime`);
  console.log(`primes below ${LIMIT}: ${primes.length}, the largest ${primes.at(-1)}`);
});
