// Node's Timeout field names that tests and old npm code use, compared with
// Node: _idleTimeout (the delay; -1 ends an interval), _onTimeout (the
// callback; null skips it and ends an interval).
export async function main() {
  const timeout = setTimeout(() => {}, 25);
  console.log('idle', timeout._idleTimeout, typeof timeout._onTimeout);
  clearTimeout(timeout);
  console.log('cleared idle', timeout._idleTimeout);
  let runs = 0;
  const ended = setInterval(() => { runs++; ended._idleTimeout = -1; }, 5);
  let skipped = 0;
  const nulled = setInterval(() => { skipped++; }, 5);
  nulled._onTimeout = null;
  const replaced = setTimeout(() => console.log('original'), 5);
  replaced._onTimeout = () => console.log('replaced callback ran');
  await new Promise((resolve) => setTimeout(resolve, 60));
  console.log('interval ended after', runs, 'run(s); nulled ran', skipped);
}
