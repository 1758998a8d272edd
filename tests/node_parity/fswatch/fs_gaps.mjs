// Small fs gaps Node's own tests showed (not watchers; kept with this area's
// fixtures): the streams' deprecated open(), a program's own open() and
// writes made as a stream opens, util.promisify of fs.read/write/readv/writev,
// writeFile with an AbortSignal in every form, flush through fs.fsync and
// fsyncSync (which a program may replace), and the AbortError's shape.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';

let dir;
const at = (...parts) => path.join(dir, ...parts);
const showError = (label, e) =>
  console.log(label, e.name, e.code, e.message, e.constructor.name, Object.keys(e).join(','),
              e.cause?.name ?? e.cause);

async function streamsOpen() {
  // Deprecations reach process.emitWarning (its default printing names the
  // binary, so it is replaced here).
  const { emitWarning } = process;
  process.emitWarning = (message, type, code) => console.log('warning:', message, type, code);
  console.log('prototype open', typeof fs.ReadStream.prototype.open,
              typeof fs.WriteStream.prototype.open);
  const read = fs.createReadStream(at('missing'));
  const failed = new Promise((resolve) => read.on('error', (e) => resolve(e.code)));
  read.open();  // deprecated (once per code), does nothing
  const write = fs.createWriteStream(at('w.txt'));
  write.open();
  console.log('read error', await failed);
  await new Promise((resolve) => write.end('w', resolve));
  process.emitWarning = emitWarning;

  // A program's own open() on the prototype: the stream waits for its 'open'.
  const original = fs.ReadStream.prototype.open;
  fs.ReadStream.prototype.open = function () {
    console.log('own open called for', path.basename(this.path));
    fs.open(this.path, 'r', (error, fd) => {
      if (error) return this.emit('error', error);
      this.fd = fd;
      this.emit('open', fd);
    });
  };
  fs.writeFileSync(at('own.txt'), 'own open');
  const text = await new Promise((resolve, reject) => {
    let data = '';
    fs.createReadStream(at('own.txt'), 'utf8').on('data', (chunk) => { data += chunk; })
      .on('end', () => resolve(data)).on('error', reject);
  });
  console.log('read through own open:', text);
  fs.ReadStream.prototype.open = original;

  // Writes from an 'open' listener and from a tick it queued keep their order.
  const ordered = fs.createWriteStream(at('ordered.txt'));
  ordered.on('open', () => {
    ordered.write('hello ');
    process.nextTick(() => {
      ordered.write('world');
      ordered.end();
    });
  });
  await new Promise((resolve) => ordered.on('close', resolve));
  console.log('written in order:', fs.readFileSync(at('ordered.txt'), 'utf8'));
}

async function promisified() {
  const fd = fs.openSync(at('p.txt'), 'w+');
  const written = await util.promisify(fs.write)(fd, Buffer.from('abcdef'));
  console.log('write', Object.keys(written).join(','), written.bytesWritten, String(written.buffer));
  const read = await util.promisify(fs.read)(fd, Buffer.alloc(3), 0, 3, 1);
  console.log('read', Object.keys(read).join(','), read.bytesRead, String(read.buffer));
  const wv = await util.promisify(fs.writev)(fd, [Buffer.from('gh'), Buffer.from('ij')], 6);
  console.log('writev', Object.keys(wv).join(','), wv.bytesWritten, wv.buffer.length);
  const rv = await util.promisify(fs.readv)(fd, [Buffer.alloc(2), Buffer.alloc(2)], 6);
  console.log('readv', Object.keys(rv).join(','), rv.bytesRead, rv.buffers.map(String).join('|'));
  fs.closeSync(fd);
}

async function writeFileSignals() {
  const big = Buffer.alloc(3 << 20, 'x');
  await new Promise((resolve) => {
    fs.writeFile(at('a.txt'), 'data', { signal: AbortSignal.abort('early') }, (e) => {
      showError('callback, aborted before', e);
      resolve();
    });
  });
  await new Promise((resolve) => {
    const controller = new AbortController();
    fs.writeFile(at('b.txt'), big, { signal: controller.signal }, (e) => {
      showError('callback, aborted while opening', e);
      resolve();
    });
    process.nextTick(() => controller.abort());
  });
  await new Promise((resolve) => {
    fs.writeFile(at('c.txt'), 'kept', { signal: new AbortController().signal }, (e) => {
      console.log('callback, signal never aborted:', e, fs.readFileSync(at('c.txt'), 'utf8'));
      resolve();
    });
  });
  for (const [label, write] of [
    ['promises', (signal) => fsp.writeFile(at('d.txt'), big, { signal })],
    ['promises, a string', (signal) => fsp.writeFile(at('d.txt'), 'text', { signal })],
    ['promises appendFile', (signal) => fsp.appendFile(at('d.txt'), big, { signal })],
  ]) {
    const controller = new AbortController();
    process.nextTick(() => controller.abort(new Error(`stop ${label}`)));
    try {
      await write(controller.signal);
      console.log(label, 'resolved');
    } catch (e) {
      showError(label, e);
    }
  }
  const handle = await fsp.open(at('e.txt'), 'w');
  try {
    const controller = new AbortController();
    process.nextTick(() => controller.abort());
    await handle.writeFile(Buffer.alloc(4 << 20, 'y'), { signal: controller.signal });
    console.log('FileHandle.writeFile resolved');
  } catch (e) {
    showError('FileHandle.writeFile', e);
  } finally {
    await handle.close();
  }
  await fsp.writeFile(at('f.txt'), 'whole', { signal: new AbortController().signal });
  console.log('promises, signal never aborted:', fs.readFileSync(at('f.txt'), 'utf8'));
}

async function flushes() {
  const calls = [];
  const { fsync, fsyncSync } = fs;
  fs.fsyncSync = (fd) => { calls.push(`fsyncSync(${typeof fd})`); return fsyncSync(fd); };
  fs.fsync = (fd, cb) => { calls.push(`fsync(${typeof fd}, ${typeof cb})`); return fsync(fd, cb); };
  try {
    fs.writeFileSync(at('s.txt'), 'sync', { flush: true });
    fs.appendFileSync(at('s.txt'), '+', { flush: true });
    fs.writeFileSync(at('s.txt'), fs.readFileSync(at('s.txt'), 'utf8') + '!', { flush: false });
    await new Promise((resolve, reject) => fs.writeFile(at('s.txt'), 'async', { flush: true },
                                                        (e) => (e ? reject(e) : resolve())));
    await new Promise((resolve, reject) => fs.appendFile(at('s.txt'), '+', { flush: true },
                                                         (e) => (e ? reject(e) : resolve())));
    const fd = fs.openSync(at('s.txt'), 'a');
    fs.writeFileSync(fd, '#', { flush: true });
    fs.closeSync(fd);
  } finally {
    fs.fsync = fsync;
    fs.fsyncSync = fsyncSync;
  }
  console.log('flush calls:', calls.join(' '), fs.readFileSync(at('s.txt'), 'utf8'));
  try {
    fs.writeFileSync(at('s.txt'), 'x', { flush: 'yes' });
  } catch (e) {
    console.log('flush "yes":', e.code, e.message);
  }
}

export async function main() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-fsgaps-'));
  try {
    await streamsOpen();
    await promisified();
    await writeFileSignals();
    await flushes();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
