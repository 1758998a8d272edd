// fs.ReadStream and fs.WriteStream, compared with Node: events and their
// order, ranges, encodings, backpressure, pipeline, FileHandle streams and
// errors (a missing file, a bad range, a write after destroy).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

let dir;
const at = (...parts) => path.join(dir, ...parts);
const rel = (p) => String(p).split(dir).join('<tmp>');
const ended = (stream) => new Promise((resolve, reject) => {
  stream.on('close', resolve);
  stream.on('error', reject);
});

async function reading() {
  const text = Array.from({ length: 5000 }, (_, i) => `line ${i}\n`).join('');
  fs.writeFileSync(at('in.txt'), text);
  const events = [];
  const chunks = [];
  const stream = fs.createReadStream(at('in.txt'), { highWaterMark: 16384 });
  console.log('pending before open', stream.pending, stream.path === at('in.txt'),
              stream instanceof fs.ReadStream);
  stream.on('open', (fd) => events.push(`open ${typeof fd}`));
  stream.on('ready', () => events.push('ready'));
  stream.on('data', (chunk) => chunks.push(chunk.length));
  stream.on('end', () => events.push('end'));
  stream.on('close', () => events.push('close'));
  await ended(stream);
  console.log('events', events.join(', '));
  console.log('chunks', chunks.join(' '), 'bytesRead', stream.bytesRead, 'of', text.length);

  const range = fs.createReadStream(at('in.txt'), { start: 7, end: 20, encoding: 'utf8' });
  let ranged = '';
  for await (const piece of range) ranged += piece;
  console.log('range', JSON.stringify(ranged));

  const fd = fs.openSync(at('in.txt'), 'r');
  const byFd = fs.createReadStream(null, { fd, start: 0, end: 5, autoClose: true });
  const parts = [];
  for await (const piece of byFd) parts.push(piece.toString());
  console.log('by fd', JSON.stringify(parts.join('')), 'closed', byFd.closed);

  const missing = fs.createReadStream(at('missing.txt'));
  await new Promise((resolve) => missing.on('error', (e) => {
    console.log('missing', e.code, e.syscall, rel(e.message));
    resolve();
  }));
  try {
    fs.createReadStream(at('in.txt'), { start: 5, end: 2 });
  } catch (e) {
    console.log('bad range', e.code, e.name, e.message);
  }
  try {
    fs.createReadStream(at('in.txt'), { start: -1 });
  } catch (e) {
    console.log('negative start', e.code, e.message);
  }
}

async function writing() {
  const out = fs.createWriteStream(at('out.txt'));
  const events = [];
  out.on('open', () => events.push('open'));
  out.on('ready', () => events.push('ready'));
  out.on('finish', () => events.push('finish'));
  out.on('close', () => events.push('close'));
  let full = 0;
  for (let i = 0; i < 2000; i++) if (!out.write(`row ${i}\n`)) full++;
  console.log('write returned false', full > 0, 'pending', out.pending);
  out.end('last\n');
  await ended(out);
  console.log('events', events.join(', '), 'bytesWritten', out.bytesWritten);
  const written = fs.readFileSync(at('out.txt'), 'utf8');
  console.log('file', written.length, written.endsWith('row 1999\nlast\n'));

  const append = fs.createWriteStream(at('out.txt'), { flags: 'a', encoding: 'latin1' });
  append.write('caf\u00e9\n');
  append.end();
  await ended(append);
  console.log('appended', fs.readFileSync(at('out.txt')).subarray(-5));

  const positioned = fs.createWriteStream(at('out.txt'), { flags: 'r+', start: 0 });
  positioned.end('ROW');
  await ended(positioned);
  console.log('positioned', fs.readFileSync(at('out.txt'), 'utf8').slice(0, 8));

  const closed = fs.createWriteStream(at('closed.txt'));
  await new Promise((resolve) => closed.close(resolve));
  console.log('close(cb)', closed.closed, fs.existsSync(at('closed.txt')));

  const destroyed = fs.createWriteStream(at('destroyed.txt'));
  destroyed.destroy();
  destroyed.write('x', (e) => console.log('write after destroy', e.code, e.message));
  await new Promise((resolve) => destroyed.on('close', resolve));

  const denied = fs.createWriteStream(at('no', 'such', 'dir.txt'));
  await new Promise((resolve) => denied.on('error', (e) => {
    console.log('write error', e.code, e.syscall, rel(e.path));
    resolve();
  }));
}

async function piping() {
  const upper = new Transform({
    transform(chunk, encoding, done) { done(null, chunk.toString().toUpperCase()); },
  });
  await pipeline(fs.createReadStream(at('in.txt'), { end: 99 }), upper,
                 fs.createWriteStream(at('upper.txt')));
  console.log('pipeline', JSON.stringify(fs.readFileSync(at('upper.txt'), 'utf8').slice(0, 24)));
  await new Promise((resolve) => fs.createReadStream(at('upper.txt'))
    .pipe(fs.createWriteStream(at('copy.txt'))).on('close', resolve));
  console.log('pipe copy', fs.readFileSync(at('copy.txt')).equals(fs.readFileSync(at('upper.txt'))));
}

async function fileHandles() {
  const handle = await fsp.open(at('in.txt'));
  const stream = handle.createReadStream({ start: 0, end: 13, encoding: 'utf8' });
  let text = '';
  for await (const piece of stream) text += piece;
  console.log('filehandle read', JSON.stringify(text), 'fd after', handle.fd);

  const target = await fsp.open(at('fh.txt'), 'w');
  const writer = target.createWriteStream();
  writer.write('via ');
  writer.end('FileHandle\n');
  await ended(writer);
  console.log('filehandle write', JSON.stringify(fs.readFileSync(at('fh.txt'), 'utf8')), target.fd);
}

export async function main() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-streams-'));
  try {
    await reading();
    await writing();
    await piping();
    await fileHandles();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
