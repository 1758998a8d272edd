// A program that sets Error.stackTraceLimit at its top level (which a snapshot
// runs at build time) keeps that value in main(), as under Node.
Error.stackTraceLimit = 3;

function depth(n) {
  return n === 0 ? new Error('deep').stack.split('\n').length - 1 : depth(n - 1);
}

export function main() {
  console.log(Error.stackTraceLimit, 'frames', depth(30));
  Error.stackTraceLimit = Infinity;
  console.log(Error.stackTraceLimit, 'frames', depth(30) > 30);
}
