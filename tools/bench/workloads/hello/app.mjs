// Hello: the smallest program, so the time is the runtime's own start-up.
export function main(args) {
  console.log(`hello, ${args[0] ?? 'world'}!`);
}
