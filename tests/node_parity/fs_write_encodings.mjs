// fs.writeSync and filehandle.write with a string: the encoding argument as
// Node's binding reads it (a number or unknown name means UTF-8; hex checks
// the length), compared with Node.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-write-enc-'));
  const fd = fs.openSync(path.join(dir, 'sync.txt'), 'w+');
  for (const encoding of [16, 'nope', 'latin1', undefined, 'hex']) {
    try {
      console.log('writeSync', encoding, fs.writeSync(fd, 'héllo', null, encoding));
    } catch (e) {
      console.log('writeSync', encoding, e.code, e.message);
    }
  }
  fs.closeSync(fd);
  console.log(JSON.stringify(fs.readFileSync(path.join(dir, 'sync.txt'), 'latin1')));
  const handle = await fs.promises.open(path.join(dir, 'handle.txt'), 'w+');
  for (const encoding of [16, 'nope', 'latin1', 'hex', 'base64']) {
    try {
      console.log('handle.write', encoding, (await handle.write('héllo', null, encoding)).bytesWritten);
    } catch (e) {
      console.log('handle.write', encoding, e.code, e.message);
    }
  }
  await handle.close();
  console.log(JSON.stringify(fs.readFileSync(path.join(dir, 'handle.txt'), 'latin1')));
  fs.rmSync(dir, { recursive: true });
}
