// fs's synchronous forms, compared with Node: every path printed is relative
// to a fresh directory under os.tmpdir(), and only what is the same on every
// run is printed (no inode numbers, owners or clock times).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

let dir;
const rel = (p) => String(p).split(dir).join('<tmp>');
const at = (...parts) => path.join(dir, ...parts);
function fail(label, fn) {
  try {
    fn();
    console.log(label, 'did not throw');
  } catch (e) {
    console.log(label, e.name, e.code, e.errno, e.syscall, rel(e.message),
                e.path === undefined ? '-' : rel(e.path), e.dest === undefined ? '-' : rel(e.dest));
  }
}

export function main() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-sync-'));
  console.log('mkdtemp', rel(dir).startsWith('<tmp>'), fs.statSync(dir).isDirectory());

  // Text, binary, append, encodings.
  fs.writeFileSync(at('a.txt'), 'héllo\n');
  fs.appendFileSync(at('a.txt'), 'wörld\n');
  console.log('text', JSON.stringify(fs.readFileSync(at('a.txt'), 'utf8')));
  console.log('buffer', fs.readFileSync(at('a.txt')));
  console.log('hex', fs.readFileSync(at('a.txt'), 'hex'), fs.readFileSync(at('a.txt'), { encoding: 'base64' }));
  const bytes = new Uint8Array(300);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 255;
  fs.writeFileSync(at('bin.dat'), bytes);
  const back = fs.readFileSync(at('bin.dat'));
  console.log('binary', back.length, back[0], back[1], back[299], Buffer.isBuffer(back),
              back.equals(Buffer.from(bytes)));
  fs.writeFileSync(at('latin1.txt'), 'caf\u00e9', 'latin1');
  console.log('latin1', fs.statSync(at('latin1.txt')).size, fs.readFileSync(at('latin1.txt'), 'latin1'));
  fs.writeFileSync(at('a.txt'), 'again', { flag: 'a' });
  console.log('flag a', fs.readFileSync(at('a.txt'), 'utf8').endsWith('again'));
  fail('wx', () => fs.writeFileSync(at('a.txt'), 'x', { flag: 'wx' }));
  console.log('url and buffer paths', fs.readFileSync(pathToFileURL(at('latin1.txt'))).length,
              fs.readFileSync(Buffer.from(at('latin1.txt'))).length);

  // Directories, sorted listings, Dirents.
  console.log('mkdir -p', rel(fs.mkdirSync(at('d', 'e', 'f'), { recursive: true })),
              fs.mkdirSync(at('d', 'e'), { recursive: true }));
  fs.mkdirSync(at('d', 'g'));
  for (const name of ['zeta', 'Alpha', 'beta', '10', '9']) fs.writeFileSync(at('d', name), name);
  console.log('readdir', fs.readdirSync(at('d')));
  const dirents = fs.readdirSync(at('d'), { withFileTypes: true });
  console.log('dirents', dirents.map((d) => `${d.name}:${d.isFile() ? 'f' : d.isDirectory() ? 'd' : '?'}`).join(' '));
  console.log('dirent', Object.keys(dirents[0]), rel(dirents[0].parentPath), dirents[0] instanceof fs.Dirent);
  console.log('recursive', fs.readdirSync(at('d'), { recursive: true }).sort());
  console.log('buffer names', fs.readdirSync(at('d', 'e'), 'buffer'));
  const opened = fs.opendirSync(at('d', 'e'));
  console.log('opendir', rel(opened.path), opened.readSync().name, opened.readSync());
  opened.closeSync();

  // stat, lstat, fstat, bigint.
  const st = fs.statSync(at('bin.dat'));
  console.log('stat', st instanceof fs.Stats, st.isFile(), st.isDirectory(), st.isSymbolicLink(),
              st.size, (st.mode & 0o170000).toString(8), st.mtime instanceof Date,
              Math.abs(st.mtimeMs - st.mtime.getTime()) < 1, Object.keys(st).join(','));
  const big = fs.statSync(at('bin.dat'), { bigint: true });
  console.log('bigint', typeof big.size, big.size, big.isFile(), typeof big.mtimeNs,
              big.mtimeMs === big.mtimeNs / 1000000n);
  console.log('throwIfNoEntry', fs.statSync(at('nope'), { throwIfNoEntry: false }),
              fs.lstatSync(at('nope', 'x'), { throwIfNoEntry: false }));

  // utimes, chmod, truncate.
  fs.utimesSync(at('bin.dat'), 1000000, new Date('2020-02-02T02:02:02.500Z'));
  const times = fs.statSync(at('bin.dat'));
  console.log('utimes', times.atimeMs, times.mtimeMs, times.mtime.toISOString());
  fs.chmodSync(at('bin.dat'), 0o640);
  console.log('chmod', (fs.statSync(at('bin.dat')).mode & 0o777).toString(8));
  fs.chmodSync(at('bin.dat'), '755');
  console.log('chmod string', (fs.statSync(at('bin.dat')).mode & 0o777).toString(8));
  fs.truncateSync(at('bin.dat'), 10);
  console.log('truncate', fs.statSync(at('bin.dat')).size);
  fs.truncateSync(at('bin.dat'));
  console.log('truncate 0', fs.readFileSync(at('bin.dat')).length);

  // rename, copyFile, links.
  fs.renameSync(at('latin1.txt'), at('d', 'moved.txt'));
  console.log('rename', fs.existsSync(at('latin1.txt')), fs.existsSync(at('d', 'moved.txt')));
  fs.copyFileSync(at('a.txt'), at('copy.txt'));
  console.log('copyFile', fs.readFileSync(at('copy.txt'), 'utf8') === fs.readFileSync(at('a.txt'), 'utf8'));
  fail('copyFile excl', () => fs.copyFileSync(at('a.txt'), at('copy.txt'), fs.constants.COPYFILE_EXCL));
  fs.symlinkSync('a.txt', at('link'));
  fs.symlinkSync(at('d'), at('dirlink'));
  console.log('symlink', fs.lstatSync(at('link')).isSymbolicLink(), fs.statSync(at('link')).isFile(),
              fs.readlinkSync(at('link')), rel(fs.readlinkSync(at('dirlink'))));
  console.log('realpath', rel(fs.realpathSync(at('link'))), rel(fs.realpathSync(at('dirlink', 'e', '..', 'zeta'))),
              rel(fs.realpathSync.native(at('dirlink'))));
  fs.linkSync(at('a.txt'), at('hard'));
  console.log('link', fs.statSync(at('a.txt')).nlink, fs.readFileSync(at('hard'), 'utf8').length);
  fs.unlinkSync(at('hard'));
  console.log('unlink', fs.existsSync(at('hard')), fs.statSync(at('a.txt')).nlink);

  // cp.
  fs.cpSync(at('d'), at('copy-of-d'), { recursive: true });
  console.log('cp', fs.readdirSync(at('copy-of-d'), { recursive: true }).sort(),
              fs.readFileSync(at('copy-of-d', 'moved.txt'), 'latin1'));
  fs.cpSync(at('a.txt'), at('copy-of-d', 'a.txt'));
  fs.cpSync(at('d'), at('filtered'), { recursive: true, filter: (src) => !src.endsWith('zeta') });
  console.log('cp filter', fs.readdirSync(at('filtered')));
  fail('cp dir without recursive', () => fs.cpSync(at('d'), at('nowhere')));
  fail('cp into itself', () => fs.cpSync(at('d'), at('d', 'inner'), { recursive: true }));
  fail('cp errorOnExist', () => fs.cpSync(at('a.txt'), at('copy.txt'), { force: false, errorOnExist: true }));

  // open, read, write, close with positions.
  const fd = fs.openSync(at('io.bin'), 'w+');
  console.log('write', fs.writeSync(fd, Buffer.from('0123456789')), fs.writeSync(fd, 'AB', 3),
              fs.writeSync(fd, Buffer.from('xyz'), 1, 2, 8));
  const buf = Buffer.alloc(10);
  console.log('read at 0', fs.readSync(fd, buf, 0, 10, 0), buf.toString());
  console.log('read at 5', fs.readSync(fd, buf, { position: 5, length: 3 }), buf.toString('utf8', 0, 3));
  console.log('writev', fs.writevSync(fd, [Buffer.from('--'), Buffer.from('++')], 0));
  const a = Buffer.alloc(3);
  const b = Buffer.alloc(3);
  console.log('readv', fs.readvSync(fd, [a, b], 1), a.toString(), b.toString());
  console.log('fstat', fs.fstatSync(fd).size, fs.fstatSync(fd).isFile());
  fs.ftruncateSync(fd, 4);
  fs.fsyncSync(fd);
  fs.fdatasyncSync(fd);
  fs.closeSync(fd);
  console.log('ftruncate', fs.readFileSync(at('io.bin'), 'utf8'));
  fail('closed fd', () => fs.closeSync(fd));
  const appender = fs.openSync(at('io.bin'), 'a');
  fs.writeSync(appender, '!');
  fs.closeSync(appender);
  console.log('append fd', fs.readFileSync(at('io.bin'), 'utf8'));

  // access, exists.
  console.log('exists', fs.existsSync(at('a.txt')), fs.existsSync(at('nope')), fs.existsSync(),
              fs.existsSync(at('a.txt', 'x')));
  console.log('access', fs.accessSync(at('a.txt'), fs.constants.R_OK | fs.constants.W_OK));
  fail('access', () => fs.accessSync(at('nope')));

  // Errors as Node makes them.
  fail('ENOENT read', () => fs.readFileSync(at('nope')));
  fail('ENOENT stat', () => fs.statSync(at('nope')));
  fail('ENOENT rename', () => fs.renameSync(at('nope'), at('other')));
  fail('ENOENT realpath', () => fs.realpathSync(at('nope', 'deeper')));
  fail('ENOENT realpath.native', () => fs.realpathSync.native(at('nope')));
  fail('ENOENT readdir', () => fs.readdirSync(at('nope')));
  fail('ENOENT opendir', () => fs.opendirSync(at('nope')));
  fail('ENOENT mkdtemp', () => fs.mkdtempSync(at('nope', 'x-')));
  fail('EEXIST mkdir', () => fs.mkdirSync(at('d')));
  fail('EEXIST symlink', () => fs.symlinkSync('x', at('link')));
  fail('ENOTDIR', () => fs.readdirSync(at('a.txt')));
  fail('ENOTDIR mkdir -p', () => fs.mkdirSync(at('a.txt', 'sub'), { recursive: true }));
  fail('EISDIR read', () => fs.readFileSync(at('d')));
  fail('EISDIR read utf8', () => fs.readFileSync(at('d'), 'utf8'));
  fail('EISDIR write', () => fs.writeFileSync(at('d'), 'x'));
  fail('ENOTEMPTY', () => fs.rmdirSync(at('d')));
  fail('rm dir', () => fs.rmSync(at('d')));
  fail('rm missing', () => fs.rmSync(at('nope')));
  fail('unlink dir', () => fs.unlinkSync(at('d')));
  fail('bad fd', () => fs.fstatSync(-1));
  fail('bad path', () => fs.readFileSync(42.5));
  fail('null byte', () => fs.statSync('a\0b'));
  fail('bad flag', () => fs.openSync(at('a.txt'), 'q'));
  fail('bad encoding', () => fs.readFileSync(at('a.txt'), 'no-such'));
  fail('http URL', () => fs.readFileSync(new URL('http://example.com/')));
  fail('invalid Date', () => fs.utimesSync(at('a.txt'), new Date(NaN), 1));

  // rm: force, recursive.
  fs.rmSync(at('nope'), { force: true });
  fs.rmSync(at('copy-of-d'), { recursive: true });
  fs.rmSync(at('link'));
  console.log('rm', fs.existsSync(at('copy-of-d')), fs.existsSync(at('link')), fs.existsSync(at('a.txt')));
  fs.rmdirSync(at('d', 'g'));
  fs.rmSync(dir, { recursive: true, force: true });
  console.log('rm -rf', fs.existsSync(dir));
}
