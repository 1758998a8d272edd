// POSIX paths, file: URLs and Node-style coded errors for the module system
// (module_resolution.js, cjs_loader.js, modules.js): the subset of Node's path
// module and of WHATWG URL parsing that module specifiers need.
// Defines internals.modulePaths, internals.fileUrlToPath and internals.pathToFileUrl.
(function (natives, internals) {
  'use strict';

  // ---- POSIX paths ----------------------------------------------------------

  function normalize(path) {
    const absolute = path.startsWith('/');
    const out = [];
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (part !== '..' || !absolute) out.push(part);
    }
    const joined = out.join('/');
    return absolute ? `/${joined}` : joined || '.';
  }
  function resolvePath(...parts) {
    let path = '';
    for (let i = parts.length - 1; i >= 0 && !path.startsWith('/'); i--) {
      if (parts[i] !== '') path = path === '' ? parts[i] : `${parts[i]}/${path}`;
    }
    if (!path.startsWith('/')) path = `${natives.cwd()}/${path}`;
    const normalized = normalize(path);
    return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
  }
  function dirname(path) {
    const end = path.replace(/\/+$/, '').lastIndexOf('/');
    if (end < 0) return '.';
    return end === 0 ? '/' : path.slice(0, end).replace(/\/+$/, '') || '/';
  }
  const basename = (path) => path.replace(/\/+$/, '').slice(path.replace(/\/+$/, '').lastIndexOf('/') + 1);
  function extname(path) {
    const base = basename(path);
    const dot = base.lastIndexOf('.');
    return dot <= 0 ? '' : base.slice(dot);
  }
  function relativePath(from, to) {
    const a = resolvePath(from).split('/').filter(Boolean);
    const b = resolvePath(to).split('/').filter(Boolean);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
  }

  // ---- file: URLs (the subset of WHATWG URL parsing module specifiers need) --

  const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
  const PATH_ESCAPES = ' "#<>?`{}';
  const QUERY_ESCAPES = ' "#<>\'';
  const FRAGMENT_ESCAPES = ' "<>`';

  function percentEncode(text, escapes) {
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      if (cp > 0x20 && cp < 0x7f && !escapes.includes(ch)) { out += ch; continue; }
      try { out += encodeURIComponent(ch).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`); }
      catch { out += '%EF%BF%BD'; }
    }
    return out;
  }

  function pathToFileHref(path) {
    const absolute = resolvePath(path) + (path.endsWith('/') && path !== '/' ? '/' : '');
    return `file://${percentEncode(absolute, `${PATH_ESCAPES}%\\`)}`;
  }

  function splitUrl(href) {
    const match = /^([^?#]*)(\?[^#]*)?(#.*)?$/s.exec(href);
    return { path: match[1], search: match[2] || '', hash: match[3] || '' };
  }

  function fileHrefToPath(href) {
    if (!href.startsWith('file:')) {
      throw coded(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    }
    const rest = splitUrl(href.slice(5)).path;
    const host = rest.startsWith('//') ? rest.slice(2).split('/')[0] : '';
    if (host !== '') {
      throw coded(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
    }
    const pathname = rest.startsWith('//') ? rest.slice(2 + host.length) : rest;
    if (/%2f/i.test(pathname)) {
      throw coded(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
    }
    return decodeURIComponent(pathname);
  }

  // Joins path segments WHATWG-style: "." and ".." (also as %2e) collapse.
  function serializePath(segments) {
    const out = [];
    segments.forEach((segment, i) => {
      const last = i === segments.length - 1;
      const lower = segment.toLowerCase();
      if (lower === '..' || lower === '.%2e' || lower === '%2e.' || lower === '%2e%2e') {
        out.pop();
        if (last) out.push('');
      } else if (lower === '.' || lower === '%2e') {
        if (last) out.push('');
      } else {
        out.push(percentEncode(segment, PATH_ESCAPES));
      }
    });
    return `/${out.join('/')}`;
  }

  // Resolves `input` against a file: URL, as `new URL(input, base).href`
  // would; non-file absolute URLs come back unchanged but for the scheme case.
  function resolveUrl(input, baseHref) {
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
    const scheme = SCHEME.exec(input);
    if (scheme && scheme[0].toLowerCase() !== 'file:') return scheme[0].toLowerCase() + input.slice(scheme[0].length);
    let rest = scheme ? input.slice(5) : input;
    const base = baseHref === undefined ? undefined : splitUrl(baseHref);
    if (base === undefined && !scheme) throw coded(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
    const parts = splitUrl(rest.replace(/\\/g, '/'));
    rest = parts.path;
    let host = '';
    let segments;
    if (rest.startsWith('//')) {
      const end = rest.indexOf('/', 2);
      host = rest.slice(2, end < 0 ? undefined : end).toLowerCase();
      if (host === 'localhost') host = '';
      segments = end < 0 ? [''] : rest.slice(end + 1).split('/');
    } else if (rest.startsWith('/')) {
      segments = rest.slice(1).split('/');
    } else {
      if (base === undefined) segments = rest.split('/');
      else {
        const basePath = base.path.slice(7);
        host = base.path.slice(7, 7 + Math.max(0, basePath.indexOf('/')));
        const dirSegments = basePath.slice(basePath.indexOf('/') + 1).split('/');
        if (rest === '') {
          const search = input.includes('?') ? parts.search : base.search;
          return `file://${host}${base.path.slice(7 + host.length)}${search}${encodeHash(parts.hash)}`;
        }
        dirSegments.pop();
        segments = [...dirSegments, ...rest.split('/')];
      }
    }
    const search = parts.search ? `?${percentEncode(parts.search.slice(1), QUERY_ESCAPES)}` : '';
    return `file://${host}${serializePath(segments)}${search}${encodeHash(parts.hash)}`;
  }
  const encodeHash = (hash) => (hash ? `#${percentEncode(hash.slice(1), FRAGMENT_ESCAPES)}` : '');
  const hrefPathname = (href) => splitUrl(href).path.replace(/^file:\/\/[^/]*/, '');

  // ---- errors -----------------------------------------------------------------

  // An error with Node's `code` property (and any extra `props`).
  function coded(Ctor, code, message, props) {
    const error = new Ctor(message);
    Object.defineProperty(error, 'code', { value: code, writable: true, enumerable: true, configurable: true });
    if (props) Object.assign(error, props);
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
