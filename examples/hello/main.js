// Work done here runs once, at build time; the snapshot keeps its results.
const squares = Array.from({ length: 10 }, (_, i) => i * i);

// Runs in every `toysnap run`, with the command-line arguments.
export function main(args) {
  const who = args.length > 0 ? args.join(' and ') : 'world';
  console.log(`hello, ${who}!`);
  console.log('squares computed at build time:', squares);
}
