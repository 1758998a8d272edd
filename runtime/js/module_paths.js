// POSIX paths, file: URLs and Node-style coded errors for the module system
// (module_resolution.js, cjs_loader.js, modules.js): the subset of Node's path
// module and of WHATWG URL parsing that module specifiers need.
// Defines internals.modulePaths, internals.fileUrlToPath and internals.pathToFileUrl.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeFilter, ArrayPrototypeForEach, ArrayPrototypeJoin, ArrayPrototypeMap,
    ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeSlice, MathMax, NumberPrototypeToString,
    ObjectAssign, ObjectDefineProperty, RegExpPrototypeExec, SafeRegExpReplace,
    SafeStringIterator, StringPrototypeCharCodeAt, StringPrototypeCodePointAt,
    StringPrototypeEndsWith, StringPrototypeIncludes, StringPrototypeIndexOf,
    StringPrototypeLastIndexOf, StringPrototypeSlice, StringPrototypeSplit,
    StringPrototypeStartsWith, StringPrototypeToLowerCase, StringPrototypeToUpperCase, TypeError,
    decodeURIComponent, encodeURIComponent,
  } = internals.primordials;

  // ---- POSIX paths ----------------------------------------------------------

  function normalize(path) {
    const absolute = StringPrototypeStartsWith(path, '/');
    const out = [];
    const parts = StringPrototypeSplit(path, '/');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part === '' || part === '.') continue;
      if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') ArrayPrototypePop(out);
      else if (part !== '..' || !absolute) ArrayPrototypePush(out, part);
    }
    const joined = ArrayPrototypeJoin(out, '/');
    return absolute ? `/${joined}` : joined || '.';
  }
  function resolvePath(...parts) {
    let path = '';
    for (let i = parts.length - 1; i >= 0 && !StringPrototypeStartsWith(path, '/'); i--) {
      if (parts[i] !== '') path = path === '' ? parts[i] : `${parts[i]}/${path}`;
    }
    if (!StringPrototypeStartsWith(path, '/')) path = `${natives.cwd()}/${path}`;
    const normalized = normalize(path);
    return normalized.length > 1 && StringPrototypeEndsWith(normalized, '/') ? StringPrototypeSlice(normalized, 0, -1) : normalized;
  }
  const trimSlashes = (path) => SafeRegExpReplace(/\/+$/, path, '');
  function dirname(path) {
    const end = StringPrototypeLastIndexOf(trimSlashes(path), '/');
    if (end < 0) return '.';
    return end === 0 ? '/' : trimSlashes(StringPrototypeSlice(path, 0, end)) || '/';
  }
  const basename = (path) => StringPrototypeSlice(trimSlashes(path), StringPrototypeLastIndexOf(trimSlashes(path), '/') + 1);
  function extname(path) {
    const base = basename(path);
    const dot = StringPrototypeLastIndexOf(base, '.');
    return dot <= 0 ? '' : StringPrototypeSlice(base, dot);
  }
  const segmentsOf = (path) => ArrayPrototypeFilter(StringPrototypeSplit(resolvePath(path), '/'), (part) => part !== '');
  function relativePath(from, to) {
    const a = segmentsOf(from);
    const b = segmentsOf(to);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const parts = ArrayPrototypeMap(ArrayPrototypeSlice(a, common), () => '..');
    for (let i = common; i < b.length; i++) ArrayPrototypePush(parts, b[i]);
    return ArrayPrototypeJoin(parts, '/');
  }

  // ---- file: URLs (the subset of WHATWG URL parsing module specifiers need) --

  const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
  const PATH_ESCAPES = ' "#<>?`{}';
  const QUERY_ESCAPES = ' "#<>\'';
  const FRAGMENT_ESCAPES = ' "<>`';

  function percentEncode(text, escapes) {
    let out = '';
    for (const ch of new SafeStringIterator(text)) {
      const cp = StringPrototypeCodePointAt(ch, 0);
      if (cp > 0x20 && cp < 0x7f && !StringPrototypeIncludes(escapes, ch)) { out += ch; continue; }
      try {
        out += SafeRegExpReplace(/[!'()*~]/g, encodeURIComponent(ch),
          (c) => `%${StringPrototypeToUpperCase(NumberPrototypeToString(StringPrototypeCharCodeAt(c, 0), 16))}`);
      } catch { out += '%EF%BF%BD'; }
    }
    return out;
  }

  function pathToFileHref(path) {
    const absolute = resolvePath(path) + (StringPrototypeEndsWith(path, '/') && path !== '/' ? '/' : '');
    return `file://${percentEncode(absolute, `${PATH_ESCAPES}%\\`)}`;
  }

  function splitUrl(href) {
    const match = RegExpPrototypeExec(/^([^?#]*)(\?[^#]*)?(#.*)?$/s, href);
    return { path: match[1], search: match[2] || '', hash: match[3] || '' };
  }

  function fileHrefToPath(href) {
    if (!StringPrototypeStartsWith(href, 'file:')) {
      throw coded(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    }
    const rest = splitUrl(StringPrototypeSlice(href, 5)).path;
    const host = StringPrototypeStartsWith(rest, '//') ? StringPrototypeSplit(StringPrototypeSlice(rest, 2), '/')[0] : '';
    if (host !== '') {
      throw coded(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
    }
    const pathname = StringPrototypeStartsWith(rest, '//') ? StringPrototypeSlice(rest, 2 + host.length) : rest;
    if (RegExpPrototypeExec(/%2f/i, pathname) !== null) {
      throw coded(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
    }
    return decodeURIComponent(pathname);
  }

  // Joins path segments WHATWG-style: "." and ".." (also as %2e) collapse.
  function serializePath(segments) {
    const out = [];
    ArrayPrototypeForEach(segments, (segment, i) => {
      const last = i === segments.length - 1;
      const lower = StringPrototypeToLowerCase(segment);
      if (lower === '..' || lower === '.%2e' || lower === '%2e.' || lower === '%2e%2e') {
        ArrayPrototypePop(out);
        if (last) ArrayPrototypePush(out, '');
      } else if (lower === '.' || lower === '%2e') {
        if (last) ArrayPrototypePush(out, '');
      } else {
        ArrayPrototypePush(out, percentEncode(segment, PATH_ESCAPES));
      }
    });
    return `/${ArrayPrototypeJoin(out, '/')}`;
  }

  // Resolves `input` against a file: URL, as `new URL(input, base).href`
  // would; non-file absolute URLs come back unchanged but for the scheme case.
  function resolveUrl(input, baseHref) {
    input = SafeRegExpReplace(/[\t\n\r]/g, SafeRegExpReplace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, input, ''), '');
    const scheme = RegExpPrototypeExec(SCHEME, input);
    if (scheme && StringPrototypeToLowerCase(scheme[0]) !== 'file:') {
      return StringPrototypeToLowerCase(scheme[0]) + StringPrototypeSlice(input, scheme[0].length);
    }
    let rest = scheme ? StringPrototypeSlice(input, 5) : input;
    const base = baseHref === undefined ? undefined : splitUrl(baseHref);
    if (base === undefined && !scheme) throw coded(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
    const parts = splitUrl(SafeRegExpReplace(/\\/g, rest, '/'));
    rest = parts.path;
    let host = '';
    let segments;
    if (StringPrototypeStartsWith(rest, '//')) {
      const end = StringPrototypeIndexOf(rest, '/', 2);
      host = StringPrototypeToLowerCase(StringPrototypeSlice(rest, 2, end < 0 ? undefined : end));
      if (host === 'localhost') host = '';
      segments = end < 0 ? [''] : StringPrototypeSplit(StringPrototypeSlice(rest, end + 1), '/');
    } else if (StringPrototypeStartsWith(rest, '/')) {
      segments = StringPrototypeSplit(StringPrototypeSlice(rest, 1), '/');
    } else {
      if (base === undefined) segments = StringPrototypeSplit(rest, '/');
      else {
        const basePath = StringPrototypeSlice(base.path, 7);
        host = StringPrototypeSlice(base.path, 7, 7 + MathMax(0, StringPrototypeIndexOf(basePath, '/')));
        const dirSegments = StringPrototypeSplit(StringPrototypeSlice(basePath, StringPrototypeIndexOf(basePath, '/') + 1), '/');
        if (rest === '') {
          const search = StringPrototypeIncludes(input, '?') ? parts.search : base.search;
          return `file://${host}${StringPrototypeSlice(base.path, 7 + host.length)}${search}${encodeHash(parts.hash)}`;
        }
        ArrayPrototypePop(dirSegments);
        const restSegments = StringPrototypeSplit(rest, '/');
        for (let i = 0; i < restSegments.length; i++) ArrayPrototypePush(dirSegments, restSegments[i]);
        segments = dirSegments;
      }
    }
    const search = parts.search ? `?${percentEncode(StringPrototypeSlice(parts.search, 1), QUERY_ESCAPES)}` : '';
    return `file://${host}${serializePath(segments)}${search}${encodeHash(parts.hash)}`;
  }
  const encodeHash = (hash) => (hash ? `#${percentEncode(StringPrototypeSlice(hash, 1), FRAGMENT_ESCAPES)}` : '');
  const hrefPathname = (href) => SafeRegExpReplace(/^file:\/\/[^/]*/, splitUrl(href).path, '');

  // ---- errors -----------------------------------------------------------------

  // An error with Node's `code` property (and any extra `props`).
  function coded(Ctor, code, message, props) {
    const error = new Ctor(message);
    ObjectDefineProperty(error, 'code', { value: code, writable: true, enumerable: true, configurable: true });
    if (props) ObjectAssign(error, props);
    return error;
  }
  const hrefToDisplay = (href) => {
    try { return fileHrefToPath(href); } catch { return href; }
  };

  internals.modulePaths = {
    normalize, resolvePath, dirname, basename, extname, relativePath,
    SCHEME, splitUrl, resolveUrl, pathToFileHref, fileHrefToPath, hrefPathname, hrefToDisplay,
    coded,
  };
  internals.fileUrlToPath = fileHrefToPath;
  internals.pathToFileUrl = pathToFileHref;
})
