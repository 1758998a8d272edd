// Write and end callbacks get null on success, as Node 20's (readable-stream
// 4.8 passed nothing), for every kind of stream; errors still reach them.
// Each case runs in a turn of its own: readable-stream emits 'finish' one
// tick earlier than Node 20 when the last write completes while ending.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Duplex, PassThrough, Readable, Transform, Writable, finished, pipeline } from 'node:stream';

const show = (label) => function (...args) {
  console.log(label, args.length, args.map((x) => (x === null ? 'null' : typeof x)));
};
const step = () => new Promise((resolve) => setTimeout(resolve, 20));

export async function main() {
  const w = new Writable({ write(chunk, encoding, cb) { cb(); } });
  w.write('a', show('write'));
  await step();
  w.write('a', 'utf8', show('write with an encoding'));
  await step();
  const same = show('same callback, three writes');
  w.write('1', same);
  w.write('2', same);
  w.write('3', same);
  await step();
  w.end(show('end'));
  await step();
  w.end(show('end again'));
  await step();

  const t = new Transform({ transform(chunk, encoding, cb) { cb(null, chunk); } });
  t.write('x', show('transform write'));
  t.resume();
  await step();
  t.end('y', show('transform end'));
  await step();
  const d = new Duplex({ write(chunk, encoding, cb) { cb(); }, read() {} });
  d.write('x', show('duplex write'));
  await step();
  const p = new PassThrough();
  p.end('x', 'utf8', show('passthrough end with an encoding'));
  p.resume();
  await step();

  pipeline(Readable.from(['a']), new PassThrough(), show('pipeline'));
  await step();
  const r = Readable.from(['a']);
  r.resume();
  finished(r, show('finished'));
  await step();

  const failing = new Writable({ write(chunk, encoding, cb) { cb(new Error('x')); } });
  failing.on('error', () => {});
  failing.write('a', show('write error'));
  await step();
  failing.write('b', show('write after an error'));
  await step();
  const withFinal = new Writable({ write(chunk, encoding, cb) { cb(); }, final(cb) { cb(); } });
  withFinal.end('z', show('end with final'));
  await step();
  const destroyed = new Writable({ write(chunk, encoding, cb) { cb(); } });
  destroyed.destroy();
  destroyed.write('q', show('write destroyed'));
  await step();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-callbacks-'));
  const file = fs.createWriteStream(path.join(dir, 'out.txt'));
  file.write('x', show('fs write'));
  await step();
  await new Promise((resolve) => file.end(function (...args) { show('fs end')(...args); resolve(); }));
  fs.rmSync(dir, { recursive: true });
  process.stdout.write('', show('process.stdout write'));
  await step();

  console.log(Writable.prototype.write.length, Writable.prototype.end.length,
              JSON.stringify(Writable.prototype.write.name),
              Duplex.prototype.write === Writable.prototype.write);
}
