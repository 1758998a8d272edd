// fs.createReadStream / createWriteStream and filehandle.createReadStream,
// compared with Node: 'open'/'ready'/'finish'/'close' order, bytesWritten
// and bytesRead, start/end ranges and highWaterMark chunking, appending with
// flags, pipes between file streams, readline over a file stream, errors
// (missing file, bad ranges, bad fs option) with Node's codes and messages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';

const events = (stream, names) => names.forEach((name) => stream.on(name, () => console.log(' event', name)));

export async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-fs-streams-'));
  const file = path.join(dir, 'a.txt');
  const ws = fs.createWriteStream(file);
  events(ws, ['open', 'ready', 'finish', 'close']);
  console.log('pending before open', ws.pending, ws.path === file, ws.flags, ws.mode.toString(8));
  ws.write('hello ');
  ws.write(Buffer.from('world\n'));
  await new Promise((resolve) => ws.end('line two\nline three', resolve));
  console.log('bytesWritten', ws.bytesWritten);
  await new Promise((resolve) => ws.on('close', resolve));

  const append = fs.createWriteStream(file, { flags: 'a' });
  await new Promise((resolve) => append.end('\nappended\n', resolve));
  console.log('file', JSON.stringify(fs.readFileSync(file, 'utf8')));

  const rs = fs.createReadStream(file, { start: 2, end: 12, encoding: 'utf8', highWaterMark: 4 });
  events(rs, ['open', 'ready', 'end', 'close']);
  const chunks = [];
  for await (const chunk of rs) chunks.push(chunk);
  console.log('chunks', JSON.stringify(chunks), 'bytesRead', rs.bytesRead);

  const copy = path.join(dir, 'copy.txt');
  await pipeline(fs.createReadStream(file), fs.createWriteStream(copy));
  console.log('copied', fs.readFileSync(copy, 'utf8') === fs.readFileSync(file, 'utf8'));

  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  const lines = [];
  for await (const line of rl) lines.push(line);
  console.log('lines', JSON.stringify(lines));

  const handle = await fs.promises.open(file);
  const fromHandle = handle.createReadStream({ encoding: 'utf8', end: 4 });
  let text = '';
  for await (const chunk of fromHandle) text += chunk;
  console.log('from handle', JSON.stringify(text));

  const missing = fs.createReadStream(path.join(dir, 'missing.txt'));
  await new Promise((resolve) => missing.on('error', (e) => {
    console.log('missing', e.code, e.syscall, e.errno, e.message.split(dir).join('<dir>'));
    resolve();
  }));
  for (const [label, make] of [
    ['start > end', () => fs.createReadStream(file, { start: 5, end: 2 })],
    ['negative start', () => fs.createReadStream(file, { start: -1 })],
    ['string end', () => fs.createReadStream(file, { end: 'x' })],
    ['bad fs.open', () => fs.createWriteStream(file, { fs: { open: 1 } })],
    ['bad path', () => fs.createReadStream(42)],
  ]) {
    try {
      make();
      console.log(label, 'no error');
    } catch (e) {
      console.log(label, e.name, e.code, e.message);
    }
  }
  const probe = new fs.ReadStream(file);
  console.log(fs.ReadStream === fs.FileReadStream, probe instanceof fs.ReadStream);
  await new Promise((resolve) => probe.close(resolve));
  fs.rmSync(dir, { recursive: true });
}
