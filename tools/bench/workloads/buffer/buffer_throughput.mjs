// Buffer codec throughput: base64 (the round trip), base64url, hex,
// latin1 and UTF-8 both ways on large random buffers. Prints one JSON line of
// medians: {"case": microseconds per operation}. Run by
// tools/bench/buffer_throughput under Node and toysnap alike; main(args)
// takes the number of rounds.
const SIZES = { '64KiB': 64 * 1024, '16MiB': 16 * 1024 * 1024 };
const CALLS = { '64KiB': 400, '16MiB': 4 };

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
  const results = {};
  const record = (name, us) => (results[name] ??= []).push(us);
  for (let round = 0; round < rounds; round++) {
    for (const [label, size] of Object.entries(SIZES)) {
      const calls = CALLS[label];
      const bytes = Buffer.alloc(size);
      // Deterministic bytes (the same in both runtimes).
      let seed = 12345;
      for (let i = 0; i < size; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        bytes[i] = seed >>> 24;
      }
      const base64 = bytes.toString('base64');
      const text = 'héllo wörld '.repeat(size / 13);
      let sink = 0;
      record(`base64 round trip ${label}`, time(calls, () => {
        sink += Buffer.from(bytes.toString('base64'), 'base64').length;
      }));
      record(`base64 encode ${label}`, time(calls, () => { sink += bytes.toString('base64').length; }));
      record(`base64 decode ${label}`, time(calls, () => { sink += Buffer.from(base64, 'base64').length; }));
      record(`base64url round trip ${label}`, time(calls, () => {
        sink += Buffer.from(bytes.toString('base64url'), 'base64url').length;
      }));
      record(`hex round trip ${label}`, time(calls, () => {
        sink += Buffer.from(bytes.toString('hex'), 'hex').length;
      }));
      record(`latin1 round trip ${label}`, time(calls, () => {
        sink += Buffer.from(bytes.toString('latin1'), 'latin1').length;
      }));
      record(`utf8 round trip ${label}`, time(calls, () => {
        sink += Buffer.from(text).toString().length;
      }));
      if (sink === 0) throw new Error('nothing was encoded');
    }
  }
  const medians = {};
  for (const [name, values] of Object.entries(results)) medians[name] = median(values);
  console.log(JSON.stringify(medians));
}
