// Watchers whose start fails (a missing path) while the garbage collector
// runs: the handle libuv still closes must outlive its JavaScript object
// (toysnap freed it early and crashed). Node throws ENOENT each time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function main() {
  const missing = path.join(os.tmpdir(), 'toysnap-no-such-dir', 'x');
  let failures = 0;
  for (let round = 0; round < 100; round++) {
    for (let i = 0; i < 50; i++) {
      try {
        fs.watch(missing + i, round % 2 === 0 ? undefined : { recursive: false });
      } catch (e) {
        if (e.code === 'ENOENT') failures += 1;
      }
      try {
        fs.watchFile(missing + i, { interval: 5 }, () => {}).stop?.();
      } catch {
        // watchFile does not throw for a missing file
      }
      fs.unwatchFile(missing + i);
    }
    const garbage = [];
    for (let i = 0; i < 20000; i++) garbage.push({ i, text: `item ${i}` });
    await new Promise((resolve) => setImmediate(resolve));
  }
  console.log('failed starts', failures);
}
