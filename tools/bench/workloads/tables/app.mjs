// Start-up tables: every prime below 2,000,000 (a sieve) and a 148,933-entry
// Map from each prime to its index, then one query. toysnap computes the tables
// at build time; the other contenders at every start.
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

export function main(args) {
  const n = Number(args[0] ?? 1_999_993);
  const index = indexOf.get(n);
  console.log(index ? `${n} is prime number ${index}` : `${n} is not prime`);
  console.log(`primes below ${LIMIT}: ${primes.length}, the largest ${primes.at(-1)}`);
}
