// Node 20's `path` for POSIX (also `path/posix`), with its argument errors,
// compiled on first require (path_builtin.js); path.win32 (and `path/win32`)
// is path_win32.js, compiled on first use.
(function (natives, internals, process) {
  'use strict';
  const {
    ArrayPrototypeJoin, ArrayPrototypePop, ArrayPrototypePush, ObjectDefineProperty,
    StringPrototypeCharCodeAt, StringPrototypeEndsWith, StringPrototypeLastIndexOf,
    StringPrototypeSlice, StringPrototypeSplit,
  } = internals.primordials;
  const { validateObject, validateString } = internals.nodeErrors;
  const SLASH = 47;
  // `process` is the bootstrap's (path_builtin.js): Node calls process.cwd()
  // itself, so a program that replaces the method is heard.

  // Collapses empty, "." and ".." segments of `path`; ".." above the start
  // stays only when `keepAbove` (relative paths).
  function collapse(path, keepAbove) {
    const out = [];
    const segments = StringPrototypeSplit(path, '/');
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      if (segment === '' || segment === '.') continue;
      if (segment !== '..') {
        ArrayPrototypePush(out, segment);
      } else if (out.length > 0 && out[out.length - 1] !== '..') {
        ArrayPrototypePop(out);
      } else if (keepAbove) {
        ArrayPrototypePush(out, '..');
      }
    }
    return ArrayPrototypeJoin(out, '/');
  }

  const startsWithSlash = (path) => StringPrototypeCharCodeAt(path, 0) === SLASH;

  // [start, end) of the last segment of `path`, ignoring trailing slashes;
  // `from`: where the search for its start stops (past a root).
  function lastSegment(path, from = 0) {
    let end = path.length;
    while (end > from && StringPrototypeCharCodeAt(path, end - 1) === SLASH) end--;
    let start = end;
    while (start > from && StringPrototypeCharCodeAt(path, start - 1) !== SLASH) start--;
    return [start, end];
  }

  // Where a segment's extension starts, or -1: its last dot, unless that dot
  // starts the segment or the segment is "..".
  function extensionStart(segment) {
    const dot = StringPrototypeLastIndexOf(segment, '.');
    if (dot <= 0 || segment === '..') return -1;
    return dot;
  }

  const posix = {
    resolve(...args) {
      let resolved = '';
      let absolute = false;
      for (let i = args.length - 1; i >= 0 && !absolute; i--) {
        const path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
        resolved = `${path}/${resolved}`;
        absolute = startsWithSlash(path);
      }
      if (!absolute) {
        const cwd = process.cwd();
        resolved = `${cwd}/${resolved}`;
        absolute = startsWithSlash(cwd);
      }
      const collapsed = collapse(resolved, !absolute);
      if (absolute) return `/${collapsed}`;
      return collapsed.length > 0 ? collapsed : '.';
    },

    normalize(path) {
      validateString(path, 'path');
      if (path.length === 0) return '.';
      const absolute = startsWithSlash(path);
      const trailing = StringPrototypeCharCodeAt(path, path.length - 1) === SLASH;
      const collapsed = collapse(path, !absolute);
      if (collapsed.length === 0) {
        if (absolute) return '/';
        return trailing ? './' : '.';
      }
      const result = trailing ? `${collapsed}/` : collapsed;
      return absolute ? `/${result}` : result;
    },

    isAbsolute(path) {
      validateString(path, 'path');
      return path.length > 0 && startsWithSlash(path);
    },

    join(...args) {
      if (args.length === 0) return '.';
      const parts = [];
      for (let i = 0; i < args.length; i++) {
        validateString(args[i], 'path');
        if (args[i].length > 0) ArrayPrototypePush(parts, args[i]);
      }
      if (parts.length === 0) return '.';
      return posix.normalize(ArrayPrototypeJoin(parts, '/'));
    },

    relative(from, to) {
      validateString(from, 'from');
      validateString(to, 'to');
      if (from === to) return '';
      from = posix.resolve(from);
      to = posix.resolve(to);
      if (from === to) return '';
      // Both are absolute and collapsed: compare whole segments.
      const fromParts = from === '/' ? [] : StringPrototypeSplit(StringPrototypeSlice(from, 1), '/');
      const toParts = to === '/' ? [] : StringPrototypeSplit(StringPrototypeSlice(to, 1), '/');
      let common = 0;
      while (common < fromParts.length && common < toParts.length &&
             fromParts[common] === toParts[common]) {
        common++;
      }
      const out = [];
      for (let i = common; i < fromParts.length; i++) ArrayPrototypePush(out, '..');
      for (let i = common; i < toParts.length; i++) ArrayPrototypePush(out, toParts[i]);
      return ArrayPrototypeJoin(out, '/');
    },

    toNamespacedPath(path) {
      return path;
    },

    dirname(path) {
      validateString(path, 'path');
      if (path.length === 0) return '.';
      const rooted = startsWithSlash(path);
      // The last segment's start, looking no further back than index 1: a
      // slash at 0 is the root, not a boundary.
      const [start] = lastSegment(path, 1);
      if (start < 2) return rooted ? '/' : '.';
      const end = start - 1;
      if (rooted && end === 1) return '//';
      return StringPrototypeSlice(path, 0, end);
    },

    basename(path, suffix) {
      if (suffix !== undefined) validateString(suffix, 'suffix');
      validateString(path, 'path');
      const [start, end] = lastSegment(path);
      const base = StringPrototypeSlice(path, start, end);
      if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
        if (suffix === path) return '';
        if (base !== suffix && StringPrototypeEndsWith(base, suffix)) {
          return StringPrototypeSlice(base, 0, base.length - suffix.length);
        }
        // Node's quirk: a segment that is all a tail of the suffix (or no
        // segment at all) comes back with the path's trailing slashes.
        if (base.length < suffix.length && StringPrototypeEndsWith(suffix, base)) {
          return StringPrototypeSlice(path, start);
        }
      }
      return base;
    },

    extname(path) {
      validateString(path, 'path');
      const [start, end] = lastSegment(path);
      const segment = StringPrototypeSlice(path, start, end);
      const dot = extensionStart(segment);
      return dot === -1 ? '' : StringPrototypeSlice(segment, dot);
    },

    format(pathObject) {
      validateObject(pathObject, 'pathObject');
      const dir = pathObject.dir || pathObject.root;
      const ext = pathObject.ext ? `${pathObject.ext[0] === '.' ? '' : '.'}${pathObject.ext}` : '';
      const base = pathObject.base || `${pathObject.name || ''}${ext}`;
      if (!dir) return base;
      return dir === pathObject.root ? `${dir}${base}` : `${dir}/${base}`;
    },

    parse(path) {
      validateString(path, 'path');
      const result = { root: '', dir: '', base: '', ext: '', name: '' };
      if (path.length === 0) return result;
      const rooted = startsWithSlash(path);
      if (rooted) result.root = '/';
      const [start, end] = lastSegment(path, rooted ? 1 : 0);
      if (end > start) {
        const base = StringPrototypeSlice(path, start, end);
        // Node's quirk: "/.." (no other slash) splits as name "." and ext ".".
        const dot = rooted && start === 1 && base === '..' ? 1 : extensionStart(base);
        result.base = base;
        result.name = dot === -1 ? base : StringPrototypeSlice(base, 0, dot);
        if (dot !== -1) result.ext = StringPrototypeSlice(base, dot);
      }
      // The directory: everything before the slash that precedes the segment.
      const boundary = end > start ? start : lastSegment(path, rooted ? 1 : 0)[0];
      if (boundary > (rooted ? 1 : 0)) result.dir = StringPrototypeSlice(path, 0, boundary - 1);
      else if (rooted) result.dir = '/';
      return result;
    },

    sep: '/',
    delimiter: ':',
    win32: null,
    posix: null,
  };

  // path.win32 (path_win32.js) is compiled the first time it is read; then
  // both objects point at each other with plain properties, as Node's do.
  let win32;
  function loadWin32() {
    if (win32 === undefined) {
      win32 = natives.loadScript('path_win32.js')(natives, internals);
      win32.posix = posix;
      ObjectDefineProperty(posix, 'win32', {
        __proto__: null, value: win32, writable: true, enumerable: true, configurable: true,
      });
    }
    return win32;
  }
  ObjectDefineProperty(posix, 'win32', {
    __proto__: null, enumerable: true, configurable: true,
    get: loadWin32,
    set(value) {
      ObjectDefineProperty(posix, 'win32', {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
    },
  });
  posix.posix = posix;

  return { posix, loadWin32 };
})
