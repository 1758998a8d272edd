// Imported first by each fixture: TAP's duration_ms figures differ from run
// to run, so under Node and toysnap alike they print as '*'; no other byte
// changes. A restored toysnap process has a new process.stdout, so the
// patch is made again then (toysnap.onRestore exists only there).
function normalizeDurations() {
  const stdout = process.stdout;
  const write = stdout.write;
  stdout.write = function (chunk, ...rest) {
    let text = chunk;
    if (typeof text !== 'string') text = Buffer.from(text).toString('utf8');
    return write.call(this, text.replace(/duration_ms(:?) [0-9.e+-]+/g, 'duration_ms$1 *'), ...rest);
  };
}
normalizeDurations();
globalThis.toysnap?.onRestore(normalizeDurations);
