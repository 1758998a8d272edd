// path.win32 (also `path/win32`): Windows path rules, compiled the first time
// a program reads path.win32 (path.js). Adapted from Node 20's lib/path.js
// (MIT licence): drive letters, UNC roots (\\server\share) and device
// namespaces (\\.\, \\?\), either slash as a separator, Node's quirks kept.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeIncludes, ArrayPrototypeJoin, ArrayPrototypePop, ArrayPrototypePush,
    ArrayPrototypeSlice, StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeIncludes,
    StringPrototypeLastIndexOf, StringPrototypeRepeat, StringPrototypeSlice, StringPrototypeSplit,
    StringPrototypeToLowerCase, StringPrototypeToUpperCase,
  } = internals.primordials;
  const { validateObject, validateString } = internals.nodeErrors;

  // Node calls process.cwd() itself, so a program that replaces it is heard.
  const { process } = globalThis;
  const BACKSLASH = 92;
  const COLON = 58;
  const DOT = 46;
  const QUESTION = 63;
  const isSep = (code) => code === 47 || code === BACKSLASH;
  const isDriveLetter = (code) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  const at = StringPrototypeCharCodeAt;
  const hasDrive = (path) => path.length >= 2 && isDriveLetter(at(path, 0)) && at(path, 1) === COLON;

  const reservedNames = ['CON', 'PRN', 'AUX', 'NUL', 'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7',
    'COM8', 'COM9', 'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
    'COM\xb9', 'COM\xb2', 'COM\xb3', 'LPT\xb9', 'LPT\xb2', 'LPT\xb3'];
  const isReservedName = (path, colon) =>
    ArrayPrototypeIncludes(reservedNames, StringPrototypeToUpperCase(StringPrototypeSlice(path, 0, colon)));

  // "\\server\share" at the start of `path`: its parts and where the share
  // ends, or null. (Node's checks: a non-empty server, separators, a share.)
  function uncRoot(path) {
    const len = path.length;
    if (len < 2 || !isSep(at(path, 0)) || !isSep(at(path, 1))) return null;
    let j = 2;
    while (j < len && !isSep(at(path, j))) j++;
    if (j >= len || j === 2) return null;
    const server = StringPrototypeSlice(path, 2, j);
    let k = j;
    while (k < len && isSep(at(path, k))) k++;
    if (k >= len || k === j) return null;
    let m = k;
    while (m < len && !isSep(at(path, m))) m++;
    return { server, share: StringPrototypeSlice(path, k, m), end: m };
  }

  // Node's normalizeString with either slash: "." and ".." collapsed, joined by "\".
  function collapse(path, keepAbove) {
    const out = [];
    let segment = '';
    for (let i = 0; i <= path.length; i++) {
      if (i < path.length && !isSep(at(path, i))) {
        segment += path[i];
        continue;
      }
      if (segment === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') ArrayPrototypePop(out);
        else if (keepAbove) ArrayPrototypePush(out, '..');
      } else if (segment !== '' && segment !== '.') {
        ArrayPrototypePush(out, segment);
      }
      segment = '';
    }
    return ArrayPrototypeJoin(out, '\\');
  }

  // [device, rootEnd, absolute] as resolve() reads a root.
  function readRoot(path) {
    const len = path.length;
    const code = at(path, 0);
    if (len === 1) return isSep(code) ? ['', 1, true] : ['', 0, false];
    if (isSep(code)) {
      const unc = uncRoot(path);
      if (unc === null) return ['', 1, true];
      if (unc.server === '.' || unc.server === '?') return [`\\\\${unc.server}`, 4, true];
      return [`\\\\${unc.server}\\${unc.share}`, unc.end, true];
    }
    if (hasDrive(path)) {
      if (len > 2 && isSep(at(path, 2))) return [StringPrototypeSlice(path, 0, 2), 3, true];
      return [StringPrototypeSlice(path, 0, 2), 2, false];
    }
    return ['', 0, false];
  }

  const win32 = {
    resolve(...args) {
      let resolvedDevice = '';
      let resolvedTail = '';
      let resolvedAbsolute = false;
      for (let i = args.length - 1; i >= -1; i--) {
        let path;
        if (i >= 0) {
          path = args[i];
          validateString(path, `paths[${i}]`);
          if (path.length === 0) continue;
        } else if (resolvedDevice.length === 0) {
          path = process.cwd();
        } else {
          // The current directory of that drive, as Windows keeps it in "=C:".
          path = process.env[`=${resolvedDevice}`] || process.cwd();
          if (path === undefined ||
              (StringPrototypeToLowerCase(StringPrototypeSlice(path, 0, 2)) !==
               StringPrototypeToLowerCase(resolvedDevice) && at(path, 2) === BACKSLASH)) {
            path = `${resolvedDevice}\\`;
          }
        }
        const [device, rootEnd, absolute] = readRoot(path);
        if (device.length > 0) {
          if (resolvedDevice.length > 0) {
            if (StringPrototypeToLowerCase(device) !== StringPrototypeToLowerCase(resolvedDevice)) continue;
          } else {
            resolvedDevice = device;
          }
        }
        if (resolvedAbsolute) {
          if (resolvedDevice.length > 0) break;
        } else {
          resolvedTail = `${StringPrototypeSlice(path, rootEnd)}\\${resolvedTail}`;
          resolvedAbsolute = absolute;
          if (absolute && resolvedDevice.length > 0) break;
        }
      }
      resolvedTail = collapse(resolvedTail, !resolvedAbsolute);
      return resolvedAbsolute ? `${resolvedDevice}\\${resolvedTail}` : `${resolvedDevice}${resolvedTail}` || '.';
    },

    normalize(path) {
      validateString(path, 'path');
      const len = path.length;
      if (len === 0) return '.';
      let rootEnd = 0;
      let device;
      let absolute = false;
      const code = at(path, 0);
      if (len === 1) return code === 47 ? '\\' : path;
      if (isSep(code)) {
        absolute = true;
        rootEnd = 1;
        const unc = uncRoot(path);
        if (unc !== null) {
          if (unc.server === '.' || unc.server === '?') {
            device = `\\\\${unc.server}`;
            rootEnd = 4;
          } else if (unc.end === len) {
            return `\\\\${unc.server}\\${unc.share}\\`;
          } else {
            device = `\\\\${unc.server}\\${unc.share}`;
            rootEnd = unc.end;
          }
        }
      } else {
        const colon = StringPrototypeIndexOf(path, ':');
        if (colon > 0) {
          if (isDriveLetter(code) && colon === 1) {
            device = StringPrototypeSlice(path, 0, 2);
            rootEnd = 2;
            if (len > 2 && isSep(at(path, 2))) {
              absolute = true;
              rootEnd = 3;
            }
          } else if (isReservedName(path, colon)) {
            device = StringPrototypeSlice(path, 0, colon + 1);
            rootEnd = colon + 1;
          }
        }
      }
      let tail = rootEnd < len ? collapse(StringPrototypeSlice(path, rootEnd), !absolute) : '';
      if (tail.length === 0 && !absolute) tail = '.';
      if (tail.length > 0 && isSep(at(path, len - 1))) tail += '\\';
      // A relative path whose first segment would read as a drive or stream: keep it relative.
      if (!absolute && device === undefined && StringPrototypeIncludes(path, ':')) {
        if (tail.length >= 2 && isDriveLetter(at(tail, 0)) && at(tail, 1) === COLON) return `.\\${tail}`;
        let index = StringPrototypeIndexOf(path, ':');
        do {
          if (index === len - 1 || isSep(at(path, index + 1))) return `.\\${tail}`;
        } while ((index = StringPrototypeIndexOf(path, ':', index + 1)) !== -1);
      }
      if (isReservedName(path, StringPrototypeIndexOf(path, ':'))) return `.\\${device ?? ''}${tail}`;
      if (device === undefined) return absolute ? `\\${tail}` : tail;
      return absolute ? `${device}\\${tail}` : `${device}${tail}`;
    },

    isAbsolute(path) {
      validateString(path, 'path');
      const len = path.length;
      if (len === 0) return false;
      const code = at(path, 0);
      return isSep(code) || (len > 2 && isDriveLetter(code) && at(path, 1) === COLON && isSep(at(path, 2)));
    },

    join(...args) {
      if (args.length === 0) return '.';
      let joined;
      let firstPart;
      for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        validateString(arg, 'path');
        if (arg.length > 0) {
          if (joined === undefined) joined = firstPart = arg;
          else joined += `\\${arg}`;
        }
      }
      if (joined === undefined) return '.';
      // Leading slashes beyond a UNC root's two collapse to one, unless the
      // first part itself starts a UNC root ("\\x").
      let needsReplace = true;
      let slashCount = 0;
      if (isSep(at(firstPart, 0))) {
        ++slashCount;
        if (firstPart.length > 1 && isSep(at(firstPart, 1))) {
          ++slashCount;
          if (firstPart.length > 2) {
            if (isSep(at(firstPart, 2))) ++slashCount;
            else needsReplace = false;
          }
        }
      }
      if (needsReplace) {
        while (slashCount < joined.length && isSep(at(joined, slashCount))) slashCount++;
        if (slashCount >= 2) joined = `\\${StringPrototypeSlice(joined, slashCount)}`;
      }
      return win32.normalize(joined);
    },

    relative(from, to) {
      validateString(from, 'from');
      validateString(to, 'to');
      if (from === to) return '';
      const fromOrig = win32.resolve(from);
      const toOrig = win32.resolve(to);
      if (fromOrig === toOrig) return '';
      from = StringPrototypeToLowerCase(fromOrig);
      to = StringPrototypeToLowerCase(toOrig);
      if (from === to) return '';
      // Lowercasing changed lengths (some Unicode): compare segment by segment.
      if (fromOrig.length !== from.length || toOrig.length !== to.length) {
        const fromSplit = StringPrototypeSplit(fromOrig, '\\');
        const toSplit = StringPrototypeSplit(toOrig, '\\');
        if (fromSplit[fromSplit.length - 1] === '') ArrayPrototypePop(fromSplit);
        if (toSplit[toSplit.length - 1] === '') ArrayPrototypePop(toSplit);
        const fromLen = fromSplit.length;
        const toLen = toSplit.length;
        const length = fromLen < toLen ? fromLen : toLen;
        let i;
        for (i = 0; i < length; i++) {
          if (StringPrototypeToLowerCase(fromSplit[i]) !== StringPrototypeToLowerCase(toSplit[i])) break;
        }
        if (i === 0) return toOrig;
        if (i === length) {
          if (toLen > length) return ArrayPrototypeJoin(ArrayPrototypeSlice(toSplit, i), '\\');
          if (fromLen > length) return `${StringPrototypeRepeat('..\\', fromLen - 1 - i)}..`;
          return '';
        }
        return StringPrototypeRepeat('..\\', fromLen - i) + ArrayPrototypeJoin(ArrayPrototypeSlice(toSplit, i), '\\');
      }
      let fromStart = 0;
      while (fromStart < from.length && at(from, fromStart) === BACKSLASH) fromStart++;
      let fromEnd = from.length;
      while (fromEnd - 1 > fromStart && at(from, fromEnd - 1) === BACKSLASH) fromEnd--;
      const fromLen = fromEnd - fromStart;
      let toStart = 0;
      while (toStart < to.length && at(to, toStart) === BACKSLASH) toStart++;
      let toEnd = to.length;
      while (toEnd - 1 > toStart && at(to, toEnd - 1) === BACKSLASH) toEnd--;
      const toLen = toEnd - toStart;
      const length = fromLen < toLen ? fromLen : toLen;
      let lastCommonSep = -1;
      let i = 0;
      for (; i < length; i++) {
        const fromCode = at(from, fromStart + i);
        if (fromCode !== at(to, toStart + i)) break;
        else if (fromCode === BACKSLASH) lastCommonSep = i;
      }
      if (i !== length) {
        if (lastCommonSep === -1) return toOrig;
      } else {
        if (toLen > length) {
          if (at(to, toStart + i) === BACKSLASH) return StringPrototypeSlice(toOrig, toStart + i + 1);
          if (i === 2) return StringPrototypeSlice(toOrig, toStart + i);
        }
        if (fromLen > length) {
          if (at(from, fromStart + i) === BACKSLASH) lastCommonSep = i;
          else if (i === 2) lastCommonSep = 3;
        }
        if (lastCommonSep === -1) lastCommonSep = 0;
      }
      let out = '';
      for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
        if (i === fromEnd || at(from, i) === BACKSLASH) out += out.length === 0 ? '..' : '\\..';
      }
      toStart += lastCommonSep;
      if (out.length > 0) return `${out}${StringPrototypeSlice(toOrig, toStart, toEnd)}`;
      if (at(toOrig, toStart) === BACKSLASH) ++toStart;
      return StringPrototypeSlice(toOrig, toStart, toEnd);
    },

    toNamespacedPath(path) {
      if (typeof path !== 'string' || path.length === 0) return path;
      const resolved = win32.resolve(path);
      if (resolved.length <= 2) return path;
      if (at(resolved, 0) === BACKSLASH) {
        if (at(resolved, 1) === BACKSLASH) {
          const code = at(resolved, 2);
          if (code !== QUESTION && code !== DOT) return `\\\\?\\UNC\\${StringPrototypeSlice(resolved, 2)}`;
        }
      } else if (isDriveLetter(at(resolved, 0)) && at(resolved, 1) === COLON && at(resolved, 2) === BACKSLASH) {
        return `\\\\?\\${resolved}`;
      }
      return resolved;
    },

    dirname(path) {
      validateString(path, 'path');
      const len = path.length;
      if (len === 0) return '.';
      let rootEnd = -1;
      let offset = 0;
      const code = at(path, 0);
      if (len === 1) return isSep(code) ? path : '.';
      if (isSep(code)) {
        rootEnd = offset = 1;
        const unc = uncRoot(path);
        if (unc !== null) {
          if (unc.end === len) return path;
          rootEnd = offset = unc.end + 1;
        }
      } else if (hasDrive(path)) {
        rootEnd = len > 2 && isSep(at(path, 2)) ? 3 : 2;
        offset = rootEnd;
      }
      let end = -1;
      let matchedSlash = true;
      for (let i = len - 1; i >= offset; --i) {
        if (isSep(at(path, i))) {
          if (!matchedSlash) {
            end = i;
            break;
          }
        } else {
          matchedSlash = false;
        }
      }
      if (end === -1) {
        if (rootEnd === -1) return '.';
        end = rootEnd;
      }
      return StringPrototypeSlice(path, 0, end);
    },

    basename(path, suffix) {
      if (suffix !== undefined) validateString(suffix, 'suffix');
      validateString(path, 'path');
      const from = hasDrive(path) ? 2 : 0;
      // The last segment past a drive, trailing separators ignored.
      let end = path.length;
      while (end > from && isSep(at(path, end - 1))) end--;
      let start = end;
      while (start > from && !isSep(at(path, start - 1))) start--;
      const base = StringPrototypeSlice(path, start, end);
      if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
        if (suffix === path) return '';
        if (base !== suffix && base.length > suffix.length - 1 &&
            StringPrototypeSlice(base, base.length - suffix.length) === suffix) {
          return StringPrototypeSlice(base, 0, base.length - suffix.length);
        }
        // Node's quirk: a segment that is all a tail of the suffix comes back
        // with the trailing separators.
        if (base.length < suffix.length && StringPrototypeSlice(suffix, suffix.length - base.length) === base) {
          return StringPrototypeSlice(path, start);
        }
      }
      return base;
    },

    extname(path) {
      validateString(path, 'path');
      const from = hasDrive(path) ? 2 : 0;
      let end = path.length;
      while (end > from && isSep(at(path, end - 1))) end--;
      let start = end;
      while (start > from && !isSep(at(path, start - 1))) start--;
      const segment = StringPrototypeSlice(path, start, end);
      const dot = StringPrototypeLastIndexOf(segment, '.');
      if (dot <= 0 || segment === '..') return '';
      return StringPrototypeSlice(segment, dot);
    },

    format(pathObject) {
      validateObject(pathObject, 'pathObject');
      const dir = pathObject.dir || pathObject.root;
      const ext = pathObject.ext ? `${pathObject.ext[0] === '.' ? '' : '.'}${pathObject.ext}` : '';
      const base = pathObject.base || `${pathObject.name || ''}${ext}`;
      if (!dir) return base;
      return dir === pathObject.root ? `${dir}${base}` : `${dir}\\${base}`;
    },

    parse(path) {
      validateString(path, 'path');
      const result = { root: '', dir: '', base: '', ext: '', name: '' };
      if (path.length === 0) return result;
      const len = path.length;
      let rootEnd = 0;
      const code = at(path, 0);
      if (len === 1) {
        if (isSep(code)) result.root = result.dir = path;
        else result.base = result.name = path;
        return result;
      }
      if (isSep(code)) {
        rootEnd = 1;
        const unc = uncRoot(path);
        if (unc !== null) rootEnd = unc.end === len ? len : unc.end + 1;
      } else if (hasDrive(path)) {
        if (len <= 2 || (len === 3 && isSep(at(path, 2)))) {
          result.root = result.dir = path;
          return result;
        }
        rootEnd = isSep(at(path, 2)) ? 3 : 2;
      }
      if (rootEnd > 0) result.root = StringPrototypeSlice(path, 0, rootEnd);
      let end = len;
      while (end > rootEnd && isSep(at(path, end - 1))) end--;
      let start = end;
      while (start > rootEnd && !isSep(at(path, start - 1))) start--;
      if (end > start) {
        const base = StringPrototypeSlice(path, start, end);
        const dot = StringPrototypeLastIndexOf(base, '.');
        result.base = base;
        if (dot <= 0 || base === '..') {
          result.name = base;
        } else {
          result.name = StringPrototypeSlice(base, 0, dot);
          result.ext = StringPrototypeSlice(base, dot);
        }
      }
      const boundary = end > start ? start : rootEnd;
      if (boundary > 0 && boundary !== rootEnd) result.dir = StringPrototypeSlice(path, 0, boundary - 1);
      else result.dir = result.root;
      return result;
    },

    sep: '\\',
    delimiter: ';',
    win32: null,
    posix: null,
  };
  win32.win32 = win32;
  return win32;
})
