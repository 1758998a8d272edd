// path.win32 against Node over generated Windows paths (drive letters, UNC
// roots, device namespaces, both slashes), plus relative() and errors.
import path from 'node:path';
import win32 from 'node:path/win32';

function show(label, fn) {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

function samples() {
  const tokens = ['\\', '/', 'c:', '..', 'a.b', '.x', '\\\\srv\\sh', '\\\\?\\', 'CON:', ':'];
  const out = [''];
  let level = [''];
  for (let depth = 0; depth < 3; depth++) {
    const next = [];
    for (const prefix of level) for (const token of tokens) next.push(prefix + token);
    out.push(...next);
    level = next;
  }
  return out;
}

export function main() {
  show('same object', () => [path.win32 === win32, win32.posix === path.posix, win32.win32 === win32, win32.sep, win32.delimiter]);
  const w = path.win32;
  const paths = samples();
  for (const p of paths) {
    const parsed = w.parse(p);
    console.log([p, w.normalize(p), w.isAbsolute(p), w.dirname(p), w.basename(p), w.basename(p, '.b'), w.extname(p),
      w.join('x', p), w.join(p, '..', 'y'), w.resolve('d:\\r', p), w.toNamespacedPath(p), parsed.root, parsed.dir,
      parsed.base, parsed.name, parsed.ext, w.format(parsed)].join('|'));
  }
  for (let i = 0; i < paths.length; i += 37) {
    show(`relative ${i}`, () => w.relative(`c:\\r\\${paths[i]}`, `c:\\r\\${paths[paths.length - 1 - i]}`));
  }
  show('relative cases', () => [w.relative('C:\\a\\B', 'c:\\A\\b\\c'), w.relative('\\\\s\\sh\\a', '\\\\s\\sh\\b'),
    w.relative('c:\\', 'd:\\x'), w.relative('C:\\İ', 'C:\\i̇')]);
  show('resolve bad', () => w.resolve('a', 3));
  show('basename bad', () => w.basename('a', {}));
  show('format bad', () => w.format(1));
}
