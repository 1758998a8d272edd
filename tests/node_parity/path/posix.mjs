// path (POSIX) against Node: every function over a generated set of paths
// made of '/', '.', '..' and names (deterministic), the documented examples,
// argument errors and path.win32's shape.
import path from 'node:path';
import posix from 'node:path/posix';

function show(label, fn) {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

// Every string of up to 5 tokens from a small alphabet: 6^1..6^4 plus samples.
function samples() {
  const tokens = ['/', '.', '..', 'a', 'b.c', '.d'];
  const out = [''];
  let level = [''];
  for (let depth = 0; depth < 4; depth++) {
    const next = [];
    for (const prefix of level) for (const token of tokens) next.push(prefix + token);
    out.push(...next);
    level = next;
  }
  return out;
}

export function main() {
  const paths = samples();
  const lines = [];
  for (const p of paths) {
    const parsed = path.parse(p);
    lines.push([p, path.normalize(p), path.isAbsolute(p), path.dirname(p), path.basename(p),
      path.basename(p, '.c'), path.basename(p, 'a'), path.extname(p), path.join('x', p), path.join(p, '..', 'y'),
      path.resolve('/r', p), parsed.root, parsed.dir, parsed.base, parsed.name, parsed.ext,
      path.format(parsed)].join('|'));
  }
  // Printed as one hash-like digest line per 200 paths plus the full text of
  // the first mismatching-prone ones, to keep the output readable.
  console.log(lines.length);
  for (let i = 0; i < lines.length; i += 1) console.log(lines[i]);
  for (let i = 0; i < 300; i += 7) {
    show(`relative ${i}`, () => path.relative(`/r/${paths[i]}`, `/r/${paths[paths.length - 1 - i]}`));
  }
  show('relative cases', () => [path.relative('/a/b/c', '/a/d'), path.relative('/a/b', '/a/bc'), path.relative('/', '/a'),
    path.relative('/a', '/'), path.relative('a', 'a/b'), path.relative('', ''), path.relative('/a/b', '/a/b/c/d')]);
  show('resolve cwd', () => [path.resolve() === process.cwd(), path.resolve('') === process.cwd(), path.resolve('x', '/y', 'z')]);
  show('format', () => [path.format({ root: '/', dir: '/home', base: 'f.txt' }), path.format({ root: '/', base: 'f' }),
    path.format({ name: 'f', ext: 'txt' }), path.format({ name: 'f', ext: '.txt' }), path.format({ dir: 'd', name: 'n' }), path.format({})]);
  show('format bad', () => path.format('x'));
  show('format null', () => path.format(null));
  show('join bad', () => path.join('a', 1));
  show('resolve bad', () => path.resolve('a', null));
  show('normalize bad', () => path.normalize({}));
  show('basename bad suffix', () => path.basename('a', 1));
  show('basename bad', () => path.basename(undefined));
  show('relative bad', () => path.relative('a', 2));
  show('dirname bad', () => path.dirname([]));
  show('extname bad', () => path.extname(5n));
  show('toNamespacedPath', () => [path.toNamespacedPath('/a'), path.toNamespacedPath(5)]);
  show('shape', () => [path.sep, path.delimiter, path.posix === path, posix === path, path.win32.sep,
    path.win32.delimiter, path.win32.win32 === path.win32, path.win32.posix === path]);
}
