// fs's callback and promise forms (FileHandle included), compared with Node:
// their results, their errors, and when callbacks run relative to ticks and
// promise jobs. Only orders that are deterministic are printed: operations
// run one after another, concurrent ones are joined with Promise.all.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

let dir;
const rel = (p) => String(p).split(dir).join('<tmp>');
const at = (...parts) => path.join(dir, ...parts);
const show = (label, e) => console.log(label, e.name, e.code, e.errno, e.syscall, rel(e.message),
                                       e.path === undefined ? '-' : rel(e.path));
const step = (fn) => new Promise((resolve, reject) => fn((err, ...rest) => (err ? reject(err) : resolve(rest))));

async function callbacks() {
  // A callback runs after the ticks and promise jobs queued with its call,
  // and the ticks and jobs it queues run before the next callback.
  await new Promise((resolve) => {
    fs.writeFile(at('cb.txt'), 'callback data', (err) => {
      console.log('writeFile cb', err);
      process.nextTick(() => console.log('tick queued in a callback'));
      Promise.resolve().then(() => console.log('job queued in a callback'));
      fs.readFile(at('cb.txt'), 'utf8', (err2, text) => {
        console.log('readFile cb', err2, text);
        resolve();
      });
      console.log('end of writeFile cb');
    });
    process.nextTick(() => console.log('tick'));
    Promise.resolve().then(() => console.log('promise job'));
    console.log('sync after writeFile');
  });

  const [stats] = await step((cb) => fs.stat(at('cb.txt'), cb));
  console.log('stat cb', stats.isFile(), stats.size, stats instanceof fs.Stats);
  const [lstats] = await step((cb) => fs.lstat(at('cb.txt'), { bigint: true }, cb));
  console.log('lstat bigint cb', lstats.size);
  console.log('mkdir -p cb', (await step((cb) => fs.mkdir(at('p', 'q'), { recursive: true }, cb))).map(rel));
  console.log('mkdir cb', await step((cb) => fs.mkdir(at('p', 'r'), cb)));
  for (const name of ['b', 'a', 'c']) await step((cb) => fs.writeFile(at('p', name), name, cb));
  console.log('readdir cb', ...(await step((cb) => fs.readdir(at('p'), cb))));
  const [dirents] = await step((cb) => fs.readdir(at('p'), { withFileTypes: true }, cb));
  console.log('dirents cb', dirents.map((d) => `${d.name}:${d.isDirectory() ? 'd' : 'f'}`).join(' '));
  await step((cb) => fs.appendFile(at('cb.txt'), '+more', cb));
  await step((cb) => fs.rename(at('cb.txt'), at('p', 'renamed'), cb));
  await step((cb) => fs.copyFile(at('p', 'renamed'), at('copied'), cb));
  await step((cb) => fs.symlink('copied', at('link'), cb));
  console.log('readlink cb', ...(await step((cb) => fs.readlink(at('link'), cb))));
  console.log('realpath cb', rel(...(await step((cb) => fs.realpath(at('link'), cb)))));
  await step((cb) => fs.chmod(at('copied'), 0o600, cb));
  await step((cb) => fs.truncate(at('copied'), 4, cb));
  await step((cb) => fs.utimes(at('copied'), 5, 7, cb));
  const [after] = await step((cb) => fs.stat(at('copied'), cb));
  console.log('after chmod/utimes/truncate', (after.mode & 0o777).toString(8), after.atimeMs, after.mtimeMs, after.size);
  console.log('exists cb', await new Promise((resolve) => fs.exists(at('copied'), resolve)),
              await promisify(fs.exists)(at('nope')));
  await step((cb) => fs.cp(at('p'), at('p2'), { recursive: true }, cb));
  console.log('cp cb', fs.readdirSync(at('p2')));
  const [fd] = await step((cb) => fs.open(at('fd.txt'), 'w+', cb));
  console.log('write cb', (await step((cb) => fs.write(fd, Buffer.from('abcdef'), 0, 6, 0, cb)))[0]);
  console.log('write string cb', (await step((cb) => fs.write(fd, 'XY', 2, cb)))[0]);
  const [bytesRead, buffer] = await step((cb) => fs.read(fd, Buffer.alloc(6), 0, 6, 0, cb));
  console.log('read cb', bytesRead, buffer.toString());
  await step((cb) => fs.fsync(fd, cb));
  await step((cb) => fs.close(fd, cb));
  console.log('mkdtemp cb', rel(...(await step((cb) => fs.mkdtemp(at('t-'), cb)))).length);
  await step((cb) => fs.rm(at('p2'), { recursive: true }, cb));
  console.log('rm cb', fs.existsSync(at('p2')));

  for (const [label, run] of [
    ['readFile', (cb) => fs.readFile(at('nope'), cb)],
    ['readFile dir', (cb) => fs.readFile(at('p'), cb)],
    ['stat', (cb) => fs.stat(at('nope'), cb)],
    ['mkdir', (cb) => fs.mkdir(at('p'), cb)],
    ['rmdir', (cb) => fs.rmdir(at('p'), cb)],
    ['rm', (cb) => fs.rm(at('p'), cb)],
    ['open', (cb) => fs.open(at('nope', 'x'), 'r', cb)],
    ['close', (cb) => fs.close(fd, cb)],
    ['readdir', (cb) => fs.readdir(at('copied'), cb)],
    ['rename', (cb) => fs.rename(at('nope'), at('x'), cb)],
  ]) {
    try {
      await step(run);
      console.log(label, 'no error');
    } catch (e) {
      show(`${label} cb error`, e);
    }
  }
}

async function promises() {
  console.log('same module', fs.promises === fsp, typeof fsp.constants.O_RDONLY);
  await fsp.writeFile(at('pr.txt'), 'promised\n');
  await fsp.appendFile(at('pr.txt'), Buffer.from('bytes\n'));
  console.log('readFile', JSON.stringify(await fsp.readFile(at('pr.txt'), 'utf8')),
              (await fsp.readFile(at('pr.txt'))).length);
  console.log('mkdir -p', rel(await fsp.mkdir(at('pp', 'qq'), { recursive: true })));
  console.log('readdir', await fsp.readdir(at('pp')),
              (await fsp.readdir(dir, { withFileTypes: true })).map((d) => d.name.replace(/^t-.{6}$/, 't-XXXXXX')));
  const stats = await Promise.all([fsp.stat(at('pr.txt')), fsp.lstat(at('link')), fsp.stat(at('pp'))]);
  console.log('stats', stats.map((s) => `${s.isFile()}/${s.isSymbolicLink()}/${s.isDirectory()}`).join(' '));
  await fsp.copyFile(at('pr.txt'), at('pr2.txt'));
  await fsp.rename(at('pr2.txt'), at('pp', 'pr2.txt'));
  await fsp.cp(at('pp'), at('pp-copy'), { recursive: true });
  console.log('cp', await fsp.readdir(at('pp-copy')));
  await fsp.symlink('pr.txt', at('plink'));
  console.log('readlink', await fsp.readlink(at('plink')), rel(await fsp.realpath(at('plink'))));
  await fsp.chmod(at('pr.txt'), 0o644);
  await fsp.utimes(at('pr.txt'), new Date(86400000), 172800);
  const changed = await fsp.stat(at('pr.txt'));
  console.log('chmod/utimes', (changed.mode & 0o777).toString(8), changed.atime.toISOString(), changed.mtimeMs);
  await fsp.truncate(at('pr.txt'), 3);
  console.log('truncate', await fsp.readFile(at('pr.txt'), 'utf8'));
  await fsp.access(at('pr.txt'));
  console.log('mkdtemp', rel(await fsp.mkdtemp(at('pt-'))).startsWith('<tmp>/pt-'));
  const names = [];
  for await (const entry of await fsp.opendir(at('pp'))) names.push(entry.name);
  console.log('opendir', names.sort());
  await fsp.rm(at('pp-copy'), { recursive: true, force: true });
  await fsp.rm(at('nope'), { force: true });
  console.log('rm', fs.existsSync(at('pp-copy')));

  const fh = await fsp.open(at('handle.txt'), 'w+');
  console.log('FileHandle', typeof fh.fd, fh.constructor.name);
  console.log('write', (await fh.write(Buffer.from('hello world'))).bytesWritten,
              (await fh.write('HE', 0)).bytesWritten, await fh.write('!', null, 'utf8'));
  const { bytesRead, buffer } = await fh.read(Buffer.alloc(5), 0, 5, 6);
  console.log('read', bytesRead, buffer.toString());
  console.log('read params', (await fh.read({ buffer: Buffer.alloc(2), position: 0 })).buffer.toString());
  console.log('stat', (await fh.stat()).size);
  await fh.truncate(5);
  console.log('readFile', await fh.readFile('utf8'));
  await fh.writeFile(' more');
  await fh.appendFile(' end');
  await fh.sync();
  await fh.datasync();
  console.log('writev', (await fh.writev([Buffer.from('['), Buffer.from(']')], 0)).bytesWritten);
  await fh.chmod(0o600);
  await fh.utimes(1, 2);
  const closing = fh.close();
  console.log('fd after close', fh.fd);
  await closing;
  await fh.close();
  console.log('contents', await fsp.readFile(at('handle.txt'), 'utf8'));
  try {
    await fh.stat();
  } catch (e) {
    console.log('closed handle', e.message, e.code, e.syscall);
  }

  for (const [label, run] of [
    ['readFile', () => fsp.readFile(at('nope'))],
    ['readFile dir', () => fsp.readFile(at('pp'), 'utf8')],
    ['open', () => fsp.open(at('nope'))],
    ['writeFile', () => fsp.writeFile(at('nope', 'x'), 'x')],
    ['mkdir', () => fsp.mkdir(at('pp'))],
    ['mkdir -p', () => fsp.mkdir(at('pr.txt', 'x'), { recursive: true })],
    ['readdir', () => fsp.readdir(at('pr.txt'))],
    ['rmdir', () => fsp.rmdir(at('pp'))],
    ['rm', () => fsp.rm(at('pp'))],
    ['unlink', () => fsp.unlink(at('nope'))],
    ['symlink', () => fsp.symlink('x', at('plink'))],
    ['copyFile', () => fsp.copyFile(at('nope'), at('x'))],
    ['cp', () => fsp.cp(at('pp'), at('pp', 'deeper'), { recursive: true })],
    ['bad path', () => fsp.stat(17)],
  ]) {
    try {
      await run();
      console.log(label, 'no error');
    } catch (e) {
      show(`${label} rejection`, e);
    }
  }
}

export async function main() {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'fs-async-'));
  await callbacks();
  await promises();
  await fsp.rm(dir, { recursive: true });
  console.log('removed', fs.existsSync(dir));
}
