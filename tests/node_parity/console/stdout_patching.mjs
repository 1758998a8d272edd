// console writes through process.stdout / stderr as Node's does whenever
// that is observable: a program's own write (test frameworks, spinners), a
// replaced _write, cork(), console._stdout set, and after end().
export function main(args) {
  const stdout = process.stdout;
  const write = stdout.write;
  const original = write.bind(stdout);
  stdout.write = (chunk, ...rest) => original(`[x] ${chunk}`, ...rest);
  console.log('patched');
  console.info('multi\nline');
  console.table([{ t: 1 }]);
  console.group('group');
  console.log('indented');
  console.groupEnd();
  stdout.write = write;
  console.log('restored');

  const seen = [];
  const errWrite = process.stderr.write;
  process.stderr.write = (chunk) => { seen.push(chunk); return true; };
  console.error('captured error');
  console.warn('captured %s', 'warn');
  console.trace('traced %d', 1);
  console.assert(false, 'captured assert');
  process.stderr.write = errWrite;
  const trace = seen.splice(2, 1)[0].split('\n');
  console.log(JSON.stringify(seen), trace[0], trace[1].includes('stdout_patching.mjs'));

  stdout.cork();
  console.log('corked: after the direct write');
  stdout.write('direct\n');
  process.nextTick(() => stdout.uncork());

  setTimeout(() => {
    const own = stdout._write;
    stdout._write = function (chunk, encoding, cb) {
      own.call(this, Buffer.from(`<${chunk.toString().trim()}>\n`), 'buffer', cb);
    };
    console.log('through _write');
    stdout._write = own;

    // A write that throws is swallowed; a stack overflow is not.
    stdout.write = () => { throw new Error('boom'); };
    console.log('swallowed');
    stdout.write = () => { throw new RangeError('Maximum call stack size exceeded'); };
    try { console.log('x'); } catch (error) { process.stderr.write(`rethrown: ${error.message}\n`); }
    stdout.write = write;

    const lines = [];
    console._stdout = { write(chunk) { lines.push(chunk); return true; }, listenerCount() { return 0; },
      once() {}, removeListener() {} };
    console.log('to my stream');
    console._stdout = stdout;
    console.log('own stream got', JSON.stringify(lines));

    if (args[0] === 'end') {
      stdout.end();
      console.log('after end: not printed');
      console.error('stderr still works');
    }
  }, 5);
}
