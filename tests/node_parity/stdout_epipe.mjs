// Writing to a pipe whose reader has gone (`... | head -1`): console.log
// ignores EPIPE; process.stdout emits it as an 'error' (or, with no
// listener, the process fails). args[0]: console | listener | none.
export function main(args) {
  const mode = args[0];
  if (mode === 'console') {
    for (let i = 0; i < 200000; i++) console.log(i);
    process.stderr.write('console done\n');
    return;
  }
  if (mode === 'listener') {
    process.stdout.on('error', (error) => {
      process.stderr.write(`error ${error.code} ${error.syscall} ${error.message}\n`);
    });
  }
  let i = 0;
  function more() {
    while (i < 200000) {
      if (!process.stdout.write(`${i++}\n`)) return process.stdout.once('drain', more);
      if (process.stdout.destroyed) return;
    }
  }
  more();
}
