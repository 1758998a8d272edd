// Globals a Node program reads, with values that are the same under Node.
export function main(args) {
  console.log(typeof process.nextTick, typeof process.exit, process.platform);
  console.log(process.argv.length, process.argv.slice(2));
  console.log(typeof process.env, typeof process.env.PATH);
  console.log(typeof setTimeout(() => {}, 0), typeof queueMicrotask);
  console.log('%s is %d years and %i days, %f%%', 'x', 42.5, 7.9, 1.5);
  console.log('%o and %O and %j', { a: [1, 2] }, { b: { c: {} } }, { d: 'e' });
  console.error('to stderr', new Map([[1, { a: 1 }]]));
  console.warn('warn', new Set(['a']));
  console.info('info', [undefined, null, -0, 1n, Symbol('s')]);
  console.debug('debug', function named() {}, class K {});
  console.log(new Error('with stack').stack.split('\n')[0]);
  process.exitCode = args.length;
}
