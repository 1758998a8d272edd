// fs.realpath's walk through the path, compiled when realpath(3) fails
// (fs.js). There Node's walk (lib/fs.js realpathSync) decides: it names the
// lstat that failed, and it stops at a link into a pipe or socket, where
// realpath(3) cannot go on (/dev/stdin on a pipe is /proc/PID/fd/pipe:[N]).
// Node notices that from the stat of the last link it followed, at the next
// part it knows.
(function (natives, internals) {
  'use strict';
  const {
    SafeMap, SafeSet, StringPrototypeIndexOf, StringPrototypeSlice,
  } = internals.primordials;
  const u = internals.fsUtils;
  const { getStatsFromBinding } = u;
  const pathModule = () => internals.requireBuiltin('path');

  function walkRealpath(path) {
    const { resolve } = pathModule();
    let p = resolve(u.pathString(path));
    const knownHard = new SafeSet();
    const seenLinks = new SafeMap();
    let followed;  // stats of the last link followed
    let current = '/';
    let pos = 1;
    while (pos < p.length) {
      const next = StringPrototypeIndexOf(p, '/', pos);
      const previous = current;
      const base = previous + StringPrototypeSlice(p, pos, next === -1 ? p.length : next);
      current = next === -1 ? base : `${base}/`;
      pos = next === -1 ? p.length : next + 1;
      if (knownHard.has(base)) {
        if (followed !== undefined && (followed.isFIFO() || followed.isSocket())) break;
        continue;
      }
      const stats = getStatsFromBinding(natives.fsLstat(base, false, true));
      if (!stats.isSymbolicLink()) {
        knownHard.add(base);
        continue;
      }
      const id = `${stats.dev}:${stats.ino}`;
      let target = seenLinks.get(id);
      if (target === undefined) {
        followed = getStatsFromBinding(natives.fsStat(base, false, true));  // ELOOP ends loops
        target = natives.fsReadlink(base, false);
        seenLinks.set(id, target);
      }
      p = resolve(previous, target, StringPrototypeSlice(p, pos));
      current = '/';
      pos = 1;
    }
    return p;
  }

  return walkRealpath;
})
