// fs-extra (on graceful-fs) builds a directory tree, copies it with copy()
// and copySync(), rewrites the copy and moves and removes parts of it; the
// trees are printed with paths relative to a fresh directory in os.tmpdir().
import fse from 'fs-extra';
import os from 'node:os';
import path from 'node:path';

function tree(root) {
  const lines = [];
  const walk = (dir) => {
    for (const entry of fse.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const name = path.relative(root, full);
      if (entry.isSymbolicLink()) {
        lines.push(`${name} -> ${path.relative(root, fse.readlinkSync(full))}`);
      } else if (entry.isDirectory()) {
        lines.push(`${name}/`);
        walk(full);
      } else {
        const mode = (fse.statSync(full).mode & 0o777).toString(8);
        lines.push(`${name} ${mode} ${JSON.stringify(fse.readFileSync(full, 'utf8'))}`);
      }
    }
  };
  walk(root);
  return lines.join('\n');
}

export async function main() {
  const dir = await fse.mkdtemp(path.join(os.tmpdir(), 'fs-extra-'));
  const src = path.join(dir, 'src');
  await fse.outputFile(path.join(src, 'a/b/c.txt'), 'deep text\n');
  await fse.outputJson(path.join(src, 'config.json'), { name: 'demo', list: [1, 2, 3] }, { spaces: 2 });
  fse.outputFileSync(path.join(src, 'README.md'), '# Title\nhello\n');
  fse.chmodSync(path.join(src, 'README.md'), 0o640);
  await fse.ensureFile(path.join(src, 'empty/placeholder'));
  await fse.ensureDir(path.join(src, 'nested/dir'));
  await fse.ensureSymlink(path.join(src, 'README.md'), path.join(src, 'link.md'));
  console.log('src\n' + tree(dir));

  const copied = path.join(dir, 'copied');
  await fse.copy(src, copied, { preserveTimestamps: true });
  fse.copySync(src, path.join(dir, 'filtered'), { filter: (p) => !p.endsWith('.json') });
  console.log('exists', await fse.pathExists(copied), fse.pathExistsSync(path.join(dir, 'nope')));
  // preserveTimestamps sets the copy's times from Dates (whole milliseconds,
  // to within libuv's microsecond rounding).
  const mtime = (p) => Math.round(fse.statSync(p).mtimeMs);
  console.log('same mtime', mtime(path.join(src, 'a/b/c.txt')) === mtime(path.join(copied, 'a/b/c.txt')));

  // Rewrite the copy: text files upper-cased, the JSON edited.
  for (const file of ['a/b/c.txt', 'README.md']) {
    const full = path.join(copied, file);
    await fse.writeFile(full, (await fse.readFile(full, 'utf8')).toUpperCase());
  }
  const config = await fse.readJson(path.join(copied, 'config.json'));
  config.list.push(4);
  fse.writeJsonSync(path.join(copied, 'config.json'), config);
  await fse.move(path.join(copied, 'a'), path.join(copied, 'moved'));
  fse.moveSync(path.join(copied, 'README.md'), path.join(copied, 'docs/README.md'));
  await fse.emptyDir(path.join(copied, 'nested'));
  await fse.remove(path.join(copied, 'empty'));
  fse.removeSync(path.join(copied, 'link.md'));
  console.log('after\n' + tree(dir));

  try {
    await fse.copy(path.join(dir, 'nope'), path.join(dir, 'x'));
  } catch (e) {
    console.log('copy error', e.code, e.syscall, path.relative(dir, e.path));
  }
  try {
    fse.readJsonSync(path.join(copied, 'moved/b/c.txt'));
  } catch (e) {
    console.log('json error', e.name);
  }
  await fse.remove(dir);
  console.log('removed', fse.existsSync(dir));
}
