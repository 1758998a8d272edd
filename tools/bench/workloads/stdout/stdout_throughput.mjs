// stdout throughput workload: args[0] is the case ('log' for
// console.log("line", i), 'write' for process.stdout.write(`line ${i}\n`),
// 'log-object' for console.log("line", {i})), args[1] the number of lines.
// The harness (tools/bench/stdout_throughput.py) times whole processes with
// stdout going to a pipe or to a file.
export function main(args) {
  const kind = args[0] ?? 'log';
  const count = Number(args[1] ?? 200000);
  if (kind === 'log') {
    for (let i = 0; i < count; i++) console.log('line', i);
  } else if (kind === 'write') {
    for (let i = 0; i < count; i++) process.stdout.write(`line ${i}\n`);
  } else if (kind === 'log-object') {
    for (let i = 0; i < count; i++) console.log('line', { i });
  } else {
    throw new Error(`unknown case ${kind}`);
  }
}
