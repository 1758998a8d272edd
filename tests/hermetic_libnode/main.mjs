// Run by a toysnap_test (tools/defs.bzl): the libnode.so.108 this process maps
// must be the one in the test's runfiles, not the machine's copy in
// /usr/local/lib/toysnap that compiled apps fall back to.
import fs from 'node:fs';

export function main() {
  const mapped = new Set();
  for (const line of fs.readFileSync('/proc/self/maps', 'utf8').split('\n')) {
    const path = line.split(/\s+/)[5];
    if (path && path.endsWith('/libnode.so.108')) mapped.add(path);
  }
  const runfiles = `${process.env.TEST_SRCDIR}/v8/usr/lib/x86_64-linux-gnu/libnode.so.108`;
  const expected = fs.realpathSync(runfiles);
  if (mapped.size !== 1 || !mapped.has(expected)) {
    console.error(`libnode.so.108 is mapped from ${[...mapped].join(', ') || 'nowhere'}, ` +
                  `not from the runfiles (${runfiles} -> ${expected})`);
    process.exitCode = 1;
    return;
  }
  console.log(`libnode.so.108 from the runfiles: ${expected}`);
}
