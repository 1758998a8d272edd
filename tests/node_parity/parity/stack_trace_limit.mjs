// Error.stackTraceLimit as Node's: 10 by default, also in a program restored
// from a snapshot, and it still bounds stacks and takes stores there.
function depth(n) {
  return n === 0 ? new Error('deep').stack.split('\n').length - 1 : depth(n - 1);
}

export function main() {
  const descriptor = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  console.log(typeof Error.stackTraceLimit, Error.stackTraceLimit, JSON.stringify(descriptor));
  console.log('frames', depth(30));
  Error.stackTraceLimit = 4;
  console.log('after a store', Error.stackTraceLimit, 'frames', depth(30));
  Error.stackTraceLimit = 0;
  console.log('none', JSON.stringify(new Error('flat').stack));
}
