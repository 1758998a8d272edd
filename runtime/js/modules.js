// Module resolution and the CommonJS loader, written to give the answers
// Node 20 gives: ESM `import` resolution (exports/imports maps, legacy main,
// realpath, Node's error codes and messages), CommonJS `require` resolution
// and loading (cache, cycles, JSON, require.resolve/paths/cache/main), and the
// names an ES module sees when it imports a CommonJS module.
// Needs internals.lexCjs (cjs_lexer.js, evaluated first) and, for builtins,
// internals.requireBuiltin. Errors carry `.tried`: the paths probed.
(function (natives, internals) {
  'use strict';

  // ---- builtins -------------------------------------------------------------

  // Node 20's require('module').builtinModules, plus names that exist only
  // with the node: prefix.
  const BUILTINS = new Set(('_http_agent _http_client _http_common _http_incoming _http_outgoing ' +
    '_http_server _stream_duplex _stream_passthrough _stream_readable _stream_transform ' +
    '_stream_wrap _stream_writable _tls_common _tls_wrap assert assert/strict async_hooks ' +
    'buffer child_process cluster console constants crypto dgram diagnostics_channel dns ' +
    'dns/promises domain events fs fs/promises http http2 https inspector inspector/promises ' +
    'module net os path path/posix path/win32 perf_hooks process punycode querystring ' +
    'readline readline/promises repl stream stream/consumers stream/promises stream/web ' +
    'string_decoder sys timers timers/promises tls trace_events tty url util util/types v8 vm ' +
    'wasi worker_threads zlib').split(' '));
  const SCHEME_ONLY_BUILTINS = new Set(['sea', 'test', 'test/reporters']);
  const isBuiltin = (name) => BUILTINS.has(name) || SCHEME_ONLY_BUILTINS.has(name);
  // The id require() accepts for a builtin ('fs' or 'node:fs'), else undefined.
  function builtinId(request) {
    if (request.startsWith('node:')) return isBuiltin(request.slice(5)) ? request : undefined;
    return BUILTINS.has(request) ? request : undefined;
  }

  const FILE = 1;
  const DIR = 2;
  const IMPORT_CONDITIONS = new Set(['import', 'node']);
  const REQUIRE_CONDITIONS = new Set(['require', 'node']);

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

  // ---- errors and probes ----------------------------------------------------

  function coded(Ctor, code, message, props) {
    const error = new Ctor(message);
    Object.defineProperty(error, 'code', { value: code, writable: true, enumerable: true, configurable: true });
    if (props) Object.assign(error, props);
    return error;
  }
  const hrefToDisplay = (href) => {
    try { return fileHrefToPath(href); } catch { return href; }
  };

  let probes = null; // paths looked at by the current resolution
  function stat(path) {
    if (probes !== null && !probes.includes(path)) probes.push(path);
    return natives.fileKind(path);
  }
  // Runs a resolution; an error it throws gets `.tried` (the probed paths).
  function tracking(fn) {
    const outer = probes;
    probes = [];
    try {
      return fn();
    } catch (error) {
      if (error !== null && typeof error === 'object' && !('tried' in error)) {
        Object.defineProperty(error, 'tried', { value: probes.slice(), writable: true, configurable: true });
      }
      throw error;
    } finally {
      if (outer !== null) outer.push(...probes.filter((p) => !outer.includes(p)));
      probes = outer;
    }
  }
  function realpath(path) {
    const real = natives.realpath(path);
    if (real === undefined) {
      throw coded(Error, 'ENOENT', `ENOENT: no such file or directory, realpath '${path}'`, { path, syscall: 'realpath' });
    }
    return real;
  }

  // ---- package.json ---------------------------------------------------------

  const packageCache = new Map();
  const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  // Reads the fields resolution uses. `esm` = { specifier, base } for Node's
  // ESM error wording, or undefined for CommonJS wording.
  function readPackage(jsonPath, esm) {
    const cached = packageCache.get(jsonPath);
    if (cached) return cached;
    const result = { exists: false, pjsonPath: jsonPath, name: undefined, main: undefined,
      exports: undefined, imports: undefined, type: 'none' };
    const text = natives.readFile(jsonPath);
    if (text !== undefined) {
      let parsed;
      try {
        parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch (error) {
        if (esm === undefined) {
          error.message = `Error parsing ${jsonPath}: ${error.message}`;
          error.path = jsonPath;
          throw error;
        }
        const where = esm.base ? `"${esm.specifier}" from ${hrefToDisplay(esm.base)}` : hrefToDisplay(esm.specifier);
        throw coded(Error, 'ERR_INVALID_PACKAGE_CONFIG', `Invalid package config ${jsonPath} while importing ${where}. ${error.message}`);
      }
      result.exists = true;
      if (hasOwn(parsed, 'name') && typeof parsed.name === 'string') result.name = parsed.name;
      if (hasOwn(parsed, 'main') && typeof parsed.main === 'string') result.main = parsed.main;
      if (hasOwn(parsed, 'exports')) result.exports = parsed.exports;
      if (hasOwn(parsed, 'imports')) result.imports = parsed.imports;
      if (parsed.type === 'module' || parsed.type === 'commonjs') result.type = parsed.type;
    }
    packageCache.set(jsonPath, result);
    return result;
  }

  // The package.json governing a file: nearest one up the tree, not looking
  // past a node_modules folder. `esm` selects ESM wording (see readPackage).
  function packageScope(filePath, esm) {
    let dir = filePath.slice(0, filePath.lastIndexOf('/')) || '/';
    for (;;) {
      if (esm ? dir.endsWith('node_modules') : dir.endsWith('/node_modules')) return undefined;
      const config = readPackage(`${dir === '/' ? '' : dir}/package.json`, esm);
      if (config.exists) return config;
      if (dir === '/') return undefined;
      dir = dirname(dir);
    }
  }
  const esmScope = (href) => packageScope(fileHrefToPath(splitUrl(href).path), { specifier: href });

  // ---- "exports" / "imports" maps (shared by import and require) -------------

  // Targets and subpaths may not contain ".", ".." or "node_modules"
  // segments, percent-encoded or not.
  function hasInvalidSegment(path) {
    return path.split(/[\\/]/).some((segment) => {
      try {
        const decoded = decodeURIComponent(segment).toLowerCase();
        return decoded === '.' || decoded === '..' || decoded === 'node_modules';
      } catch {
        return false;
      }
    });
  }
  const packageDirOf = (pjsonHref) => fileHrefToPath(resolveUrl('.', pjsonHref));
  const baseSuffix = (base) => (base ? ` imported from ${hrefToDisplay(base)}` : '');

  function invalidConfig(pjsonHref, base, detail) {
    return coded(Error, 'ERR_INVALID_PACKAGE_CONFIG',
      `Invalid package config ${fileHrefToPath(pjsonHref)}${base ? ` while importing ${base}` : ''}. ${detail}`);
  }
  function invalidTarget(key, target, pjsonHref, internal, base) {
    const text = typeof target === 'object' && target !== null ? JSON.stringify(target, null, '') : `${target}`;
    const hint = !internal && text.length && !text.startsWith('./') ? '; targets must start with "./"' : '';
    const where = `the package config ${packageDirOf(pjsonHref)}package.json${baseSuffix(base)}${hint}`;
    return coded(Error, 'ERR_INVALID_PACKAGE_TARGET', key === '.'
      ? `Invalid "exports" main target ${JSON.stringify(text)} defined in ${where}`
      : `Invalid "${internal ? 'imports' : 'exports'}" target ${JSON.stringify(text)} defined for '${key}' in ${where}`);
  }
  function exportsNotFound(subpath, pjsonHref, base) {
    const pkg = `${packageDirOf(pjsonHref)}package.json${baseSuffix(base)}`;
    return coded(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED', subpath === '.'
      ? `No "exports" main defined in ${pkg}`
      : `Package subpath '${subpath}' is not defined by "exports" in ${pkg}`);
  }
  function invalidSpecifier(request, reason, base) {
    return coded(TypeError, 'ERR_INVALID_MODULE_SPECIFIER',
      `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`);
  }

  // One target of an exports/imports entry: string, array (fallbacks),
  // conditions object, or null. Returns a URL, null (blocked) or undefined
  // (no condition matched).
  function resolveTarget(pjsonHref, target, subpath, key, base, pattern, internal, conditions) {
    if (typeof target === 'string') {
      return resolveTargetString(target, subpath, key, pjsonHref, base, pattern, internal, conditions);
    }
    if (Array.isArray(target)) {
      if (target.length === 0) return null;
      let lastError;
      for (const item of target) {
        let result;
        try {
          result = resolveTarget(pjsonHref, item, subpath, key, base, pattern, internal, conditions);
        } catch (error) {
          lastError = error;
          if (error.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
          throw error;
        }
        if (result === undefined) continue;
        if (result === null) { lastError = null; continue; }
        return result;
      }
      if (lastError === undefined || lastError === null) return lastError;
      throw lastError;
    }
    if (typeof target === 'object' && target !== null) {
      const keys = Object.getOwnPropertyNames(target);
      if (keys.some((k) => `${+k}` === k && +k >= 0 && +k < 0xffffffff)) {
        throw invalidConfig(pjsonHref, base, '"exports" cannot contain numeric property keys.');
      }
      for (const condition of keys) {
        if (condition !== 'default' && !conditions.has(condition)) continue;
        const result = resolveTarget(pjsonHref, target[condition], subpath, key, base, pattern, internal, conditions);
        if (result !== undefined) return result;
      }
      return undefined;
    }
    if (target === null) return null;
    throw invalidTarget(key, target, pjsonHref, internal, base);
  }

  function resolveTargetString(target, subpath, key, pjsonHref, base, pattern, internal, conditions) {
    const fill = (text) => text.replace(/\*/g, () => subpath);
    if (subpath !== '' && !pattern && !target.endsWith('/')) throw invalidTarget(key, target, pjsonHref, internal, base);
    if (!target.startsWith('./')) {
      // "imports" may map to a bare package name: resolve it from the package.
      if (internal && !target.startsWith('../') && !target.startsWith('/') && !SCHEME.test(target)) {
        return packageResolve(pattern ? fill(target) : target + subpath, pjsonHref, conditions);
      }
      throw invalidTarget(key, target, pjsonHref, internal, base);
    }
    if (hasInvalidSegment(target.slice(2))) {
      throw invalidTarget(key, target, pjsonHref, internal, base);
    }
    const resolved = resolveUrl(target, pjsonHref);
    if (!hrefPathname(resolved).startsWith(hrefPathname(resolveUrl('.', pjsonHref)))) {
      throw invalidTarget(key, target, pjsonHref, internal, base);
    }
    if (subpath === '') return resolved;
    if (hasInvalidSegment(subpath)) {
      const request = pattern ? key.replace('*', () => subpath) : key + subpath;
      throw invalidSpecifier(request, `request is not a valid match in pattern "${key}" for the "${
        internal ? 'imports' : 'exports'}" resolution of ${fileHrefToPath(pjsonHref)}`, base && hrefToDisplay(base));
    }
    return pattern ? resolveUrl(fill(resolved)) : resolveUrl(subpath, resolved);
  }

  // Orders pattern keys: longer prefix first, then longer key (Node's order).
  function patternKeyCompare(a, b) {
    const aStar = a.indexOf('*');
    const bStar = b.indexOf('*');
    const aBase = aStar === -1 ? a.length : aStar + 1;
    const bBase = bStar === -1 ? b.length : bStar + 1;
    if (aBase !== bBase) return aBase > bBase ? -1 : 1;
    if (aStar === -1) return 1;
    if (bStar === -1) return -1;
    if (a.length !== b.length) return a.length > b.length ? -1 : 1;
    return 0;
  }
  // The best `*` key of `map` matching `request`: [key, text matched by *].
  function bestPatternMatch(map, request) {
    let best = '';
    let matched;
    for (const key of Object.getOwnPropertyNames(map)) {
      const star = key.indexOf('*');
      if (star === -1 || !request.startsWith(key.slice(0, star))) continue;
      const trailer = key.slice(star + 1);
      if (request.length >= key.length && request.endsWith(trailer) &&
          patternKeyCompare(best, key) === 1 && key.lastIndexOf('*') === star) {
        best = key;
        matched = request.slice(star, request.length - trailer.length);
      }
    }
    return best ? [best, matched] : undefined;
  }

  function isConditionsSugar(exports, pjsonHref, base) {
    if (typeof exports === 'string' || Array.isArray(exports)) return true;
    if (typeof exports !== 'object' || exports === null) return false;
    const kinds = new Set(Object.getOwnPropertyNames(exports).map((k) => k === '' || k[0] !== '.'));
    if (kinds.size > 1) {
      throw invalidConfig(pjsonHref, base, '"exports" cannot contain some keys starting with \'.\' and some not. ' +
        'The exports object must either be an object of package subpath keys or an object of main entry ' +
        'condition name keys only.');
    }
    return kinds.has(true);
  }

  function packageExportsResolve(pjsonHref, subpath, config, base, conditions) {
    let exports = config.exports;
    if (isConditionsSugar(exports, pjsonHref, base)) exports = { '.': exports };
    if (hasOwn(exports, subpath) && !subpath.includes('*') && !subpath.endsWith('/')) {
      const result = resolveTarget(pjsonHref, exports[subpath], '', subpath, base, false, false, conditions);
      if (result == null) throw exportsNotFound(subpath, pjsonHref, base);
      return result;
    }
    const match = bestPatternMatch(exports, subpath);
    if (match) {
      const result = resolveTarget(pjsonHref, exports[match[0]], match[1], match[0], base, true, false, conditions);
      if (result == null) throw exportsNotFound(subpath, pjsonHref, base);
      return result;
    }
    throw exportsNotFound(subpath, pjsonHref, base);
  }

  function packageImportsResolve(name, base, conditions) {
    if (name === '#' || name.startsWith('#/') || name.endsWith('/')) {
      throw invalidSpecifier(name, 'is not a valid internal imports specifier name', fileHrefToPath(base));
    }
    const config = esmScope(base);
    let pjsonHref;
    if (config) {
      pjsonHref = pathToFileHref(config.pjsonPath);
      const imports = config.imports;
      if (imports) {
        let result;
        if (hasOwn(imports, name) && !name.includes('*')) {
          result = resolveTarget(pjsonHref, imports[name], '', name, base, false, true, conditions);
        } else {
          const match = bestPatternMatch(imports, name);
          if (match) result = resolveTarget(pjsonHref, imports[match[0]], match[1], match[0], base, true, true, conditions);
        }
        if (result != null) return result;
      }
    }
    const where = pjsonHref ? ` in package ${packageDirOf(pjsonHref)}package.json` : '';
    throw coded(TypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
      `Package import specifier "${name}" is not defined${where} imported from ${fileHrefToPath(base)}`);
  }

  // ---- ESM resolution ---------------------------------------------------------

  function parsePackageName(specifier, base) {
    let slash = specifier.indexOf('/');
    let valid = true;
    if (specifier[0] === '@') {
      if (slash === -1) valid = false;
      else slash = specifier.indexOf('/', slash + 1);
    }
    const name = slash === -1 ? specifier : specifier.slice(0, slash);
    if (/^\.|%|\\/.test(name)) valid = false;
    if (!valid) throw invalidSpecifier(specifier, 'is not a valid package name', fileHrefToPath(base));
    return { name, subpath: `.${slash === -1 ? '' : specifier.slice(slash)}` };
  }

  // Bare specifier: builtin, the package itself (self-reference), else the
  // nearest node_modules/<name> up the tree.
  function packageResolve(specifier, base, conditions) {
    if (BUILTINS.has(specifier)) return `node:${specifier}`;
    const { name, subpath } = parsePackageName(specifier, base);
    const self = esmScope(base);
    if (self && self.exports != null && self.name === name) {
      return packageExportsResolve(pathToFileHref(self.pjsonPath), subpath, self, base, conditions);
    }
    // Walk up with URL arithmetic, as Node does (it keeps "//" for a name '').
    let pjsonHref = resolveUrl(`./node_modules/${name}/package.json`, base);
    for (;;) {
      const pjsonPath = fileHrefToPath(pjsonHref);
      if (stat(pjsonPath.slice(0, -13)) === DIR) {
        const config = readPackage(pjsonPath, { specifier, base });
        if (config.exports != null) return packageExportsResolve(pjsonHref, subpath, config, base, conditions);
        if (subpath === '.') return legacyMainResolve(pjsonHref, config, base);
        return resolveUrl(subpath, pjsonHref);
      }
      const up = resolveUrl(`${name[0] === '@' ? '../' : ''}../../../node_modules/${name}/package.json`, pjsonHref);
      if (up.length === pjsonHref.length && fileHrefToPath(up).length === pjsonPath.length) break;
      pjsonHref = up;
    }
    throw coded(Error, 'ERR_MODULE_NOT_FOUND', `Cannot find package '${name}' imported from ${fileHrefToPath(base)}`);
  }

  // A package without "exports": main, main.js/.json/.node, main/index.*,
  // then index.* (CommonJS rules, no directory imports).
  function legacyMainResolve(pjsonHref, config, base) {
    const guesses = [];
    if (config.main !== undefined) {
      for (const ext of ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node']) {
        guesses.push(`./${config.main}${ext}`);
      }
    }
    guesses.push('./index.js', './index.json', './index.node');
    for (const guess of guesses) {
      const href = resolveUrl(guess, pjsonHref);
      if (stat(fileHrefToPath(href)) === FILE) return href;
    }
    const missing = fileHrefToPath(resolveUrl(config.main !== undefined ? `./${config.main}` : './index.js', pjsonHref));
    throw coded(Error, 'ERR_MODULE_NOT_FOUND', `Cannot find package '${missing}' imported from ${hrefToDisplay(base)}`);
  }

  // The resolved file must exist and not be a directory; symlinks resolved.
  function finalizeResolution(href, base) {
    const { path: urlPath, search, hash } = splitUrl(href);
    if (/%2f|%5c/i.test(hrefPathname(href))) {
      throw invalidSpecifier(hrefPathname(href), 'must not include encoded "/" or "\\" characters', hrefToDisplay(base));
    }
    const path = fileHrefToPath(urlPath);
    // Node stats "/" for any path ending in a slash, so these are directories.
    const kind = path.endsWith('/') ? DIR : stat(path);
    if (kind === DIR) {
      throw coded(Error, 'ERR_UNSUPPORTED_DIR_IMPORT',
        `Directory import '${path}' is not supported resolving ES modules imported from ${hrefToDisplay(base)}`, { url: href });
    }
    if (kind !== FILE) {
      throw coded(Error, 'ERR_MODULE_NOT_FOUND', `Cannot find module '${path}' imported from ${hrefToDisplay(base)}`, { url: href });
    }
    return pathToFileHref(realpath(path)) + search + hash;
  }

  const isRelativeSpecifier = (s) => s[0] === '.' &&
    (s.length === 1 || s[1] === '/' || (s[1] === '.' && (s.length === 2 || s[2] === '/')));

  function esmResolve(specifier, base) {
    let resolved;
    if (specifier !== '' && (specifier[0] === '/' || isRelativeSpecifier(specifier))) {
      resolved = resolveUrl(specifier, base);
    } else if (specifier[0] === '#') {
      resolved = packageImportsResolve(specifier, base, IMPORT_CONDITIONS);
    } else if (SCHEME.test(specifier)) {
      resolved = resolveUrl(specifier, base);
    } else {
      resolved = packageResolve(specifier, base, IMPORT_CONDITIONS);
    }
    return resolved.startsWith('file:') ? finalizeResolution(resolved, base) : resolved;
  }

  // The errors V8 raises when a module's syntax is compiled as a script.
  const MODULE_SYNTAX_ERRORS = [
    'Cannot use import statement outside a module',
    "Unexpected token 'export'",
    "Cannot use 'import.meta' outside a module",
    'await is only valid in async functions and the top level bodies of modules',
  ];

  function hasModuleSyntax(path) {
    const source = natives.readFile(path);
    if (source === undefined) return false;
    try {
      natives.compileCjs(source, path);
      return false;
    } catch (error) {
      return error instanceof SyntaxError &&
        MODULE_SYNTAX_ERRORS.some((message) => String(error.message).includes(message));
    }
  }

  // Node's format rules; .js and extensionless files follow package "type".
  function formatOf(href) {
    const path = fileHrefToPath(splitUrl(href).path);
    const ext = extname(path);
    if (ext === '.js' || ext === '') {
      const type = packageScope(path, { specifier: href })?.type;
      if (type === 'module' || type === 'commonjs') return type;
      // No "type": like Node 20.19+, a file whose syntax only a module allows
      // (import, export, import.meta, top-level await) is a module.
      return ext === '.js' && hasModuleSyntax(path) ? 'module' : 'commonjs';
    }
    const format = { '.mjs': 'module', '.cjs': 'commonjs', '.json': 'json' }[ext];
    if (format) return format;
    throw coded(TypeError, 'ERR_UNKNOWN_FILE_EXTENSION', `Unknown file extension "${ext}" for ${path}`);
  }

  // Node appends "Did you mean to import ...?" when require() would have found it.
  // Node's stand-in parent has no filename, so relative specifiers are tried
  // from the working directory, not from the importing file.
  function addCommonJsHint(error, specifier, parentHref) {
    let found;
    const outer = probes;
    probes = null;
    try {
      const parentPath = fileHrefToPath(parentHref);
      const parent = new Module(parentPath, null);
      parent.paths = nodeModulePaths(parentPath);
      found = resolveFilename(specifier.startsWith('file://') ? fileHrefToPath(specifier) : specifier, parent, false);
    } catch {
      return;
    } finally {
      probes = outer;
    }
    if (isRelativeSpecifier(specifier)) {
      found = relativePath(hrefPathname(parentHref).replace(/\/[^/]*$/, ''), hrefPathname(pathToFileHref(found)));
      if (!found.startsWith('../')) found = `./${found}`;
    } else if (specifier[0] && specifier[0] !== '/' && specifier[0] !== '.') {
      const pkg = specifier.split('/')[0];
      const needle = `/node_modules/${pkg}/`;
      const at = found.lastIndexOf(needle);
      found = at === -1 ? pathToFileHref(found)
        : `${pkg}/${found.slice(at + needle.length).split('/').map(encodeURIComponent).join('/')}`;
    }
    if (found === specifier) return;
    error.message += `\nDid you mean to import ${JSON.stringify(found)}?`;
  }

  // Resolutions live in the heap, so after a restore whatever the build
  // resolved needs no file system (its sources may be gone). Node keeps a
  // per-process resolution cache for require() too.
  const importMemo = new Map();
  const requireMemo = new Map();

  internals.resolveImport = function resolveImport(specifier, referrerUrl) {
    const key = `${referrerUrl}\0${specifier}`;
    let resolved = importMemo.get(key);
    if (resolved === undefined) {
      resolved = resolveImportUncached(specifier, referrerUrl);
      importMemo.set(key, resolved);
    }
    return { ...resolved };
  };

  function resolveImportUncached(specifier, referrerUrl) {
    return tracking(() => {
      const parent = referrerUrl ? String(referrerUrl) : pathToFileHref(`${natives.cwd()}/`);
      const scheme = SCHEME.exec(specifier)?.[0].toLowerCase();
      if (scheme === 'node:') {
        const name = specifier.slice(5);
        if (!isBuiltin(name)) throw coded(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${specifier}`);
        return { url: `node:${name}`, format: 'builtin' };
      }
      let url;
      try {
        url = esmResolve(specifier, parent);
      } catch (error) {
        if (error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'ERR_UNSUPPORTED_DIR_IMPORT') {
          addCommonJsHint(error, specifier, parent);
        }
        throw error;
      }
      if (url.startsWith('node:')) return { url, format: 'builtin' };
      if (!url.startsWith('file:')) {
        throw coded(Error, 'ERR_UNSUPPORTED_ESM_URL_SCHEME', 'Only URLs with a scheme in: file and node are ' +
          `supported by the default ESM loader. Received protocol '${SCHEME.exec(url)[0]}'`);
      }
      return { url, format: formatOf(url) };
    });
  };

  // ---- CommonJS resolution ----------------------------------------------------

  // node_modules folders from `from` up to the root, skipping node_modules/node_modules.
  function nodeModulePaths(from) {
    from = resolvePath(from);
    if (from === '/') return ['/node_modules'];
    const paths = [];
    const parts = from.split('/');
    for (let i = parts.length; i > 1; i--) {
      if (parts[i - 1] !== 'node_modules') paths.push(`${parts.slice(0, i).join('/')}/node_modules`);
    }
    paths.push('/node_modules');
    return paths;
  }

  // Where require(request) looks: node_modules paths for bare names, else
  // the parent's folder. Node also appends global folders (~/.node_modules,
  // NODE_PATH); toysnap has none.
  function lookupPaths(request, parent) {
    if (builtinId(request)) return null;
    if (request[0] !== '.' || (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
      return parent?.paths?.length ? parent.paths.slice() : null;
    }
    if (!parent || !parent.id || !parent.filename) return ['.'];
    return [dirname(parent.filename)];
  }

  const extensions = { __proto__: null };

  function tryFile(path) {
    return stat(path) === FILE ? realpath(path) : false;
  }
  function tryExtensions(basePath, exts) {
    for (const ext of exts) {
      const found = tryFile(basePath + ext);
      if (found) return found;
    }
    return false;
  }
  // A directory: its package.json "main", else index.<ext>.
  function tryPackage(dir, exts, originalRequest) {
    const main = readPackage(resolvePath(dir, 'package.json')).main;
    if (!main) return tryExtensions(resolvePath(dir, 'index'), exts);
    const filename = resolvePath(dir, main);
    const found = tryFile(filename) || tryExtensions(filename, exts) ||
      tryExtensions(resolvePath(filename, 'index'), exts) || tryExtensions(resolvePath(dir, 'index'), exts);
    if (found) return found;
    throw coded(Error, 'MODULE_NOT_FOUND', `Cannot find module '${filename}'. Please verify that the package.json ` +
      'has a valid "main" entry', { path: resolvePath(dir, 'package.json'), requestPath: originalRequest });
  }

  function esmNotFound(request, path) {
    return coded(Error, 'MODULE_NOT_FOUND', `Cannot find module '${request}'`, path ? { path } : undefined);
  }
  // An exports/imports result must name an existing file.
  function finalizeEsmResolution(href, parentPath, pkgPath) {
    if (/%2f|%5c/i.test(href)) {
      throw invalidSpecifier(href, 'must not include encoded "/" or "\\" characters', parentPath);
    }
    const filename = fileHrefToPath(splitUrl(href).path);
    const found = tryFile(filename);
    if (found) return found;
    throw esmNotFound(filename, resolvePath(pkgPath, 'package.json'));
  }
  // `name/sub` under a node_modules folder, through the package's "exports".
  function resolveExports(nmPath, request) {
    const match = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.exec(request);
    if (!match) return undefined;
    const pkgPath = resolvePath(nmPath, match[1]);
    const config = readPackage(resolvePath(pkgPath, 'package.json'));
    if (!config.exists || config.exports == null) return undefined;
    try {
      return finalizeEsmResolution(packageExportsResolve(pathToFileHref(`${pkgPath}/package.json`),
        `.${match[2] || ''}`, config, null, REQUIRE_CONDITIONS), null, pkgPath);
    } catch (error) {
      if (error.code === 'ERR_MODULE_NOT_FOUND') throw esmNotFound(request, `${pkgPath}/package.json`);
      throw error;
    }
  }

  function findPath(request, paths) {
    const absolute = request.startsWith('/');
    if (absolute) paths = [''];
    else if (!paths || paths.length === 0) return false;
    // "x/", "x/." and "x/.." name directories: skip the file and extension tries.
    const trailingSlash = /(^|\/)\.{0,2}$/.test(request) && request.length > 0;
    const outside = isRelativeSpecifier(request) && normalize(request).startsWith('..');
    const exts = Object.keys(extensions);
    for (const dir of paths) {
      if (!outside && dir && stat(resolvePath(dir)) !== DIR) continue;
      if (!absolute) {
        const exported = resolveExports(dir, request);
        if (exported) return exported;
      }
      const basePath = resolvePath(dir, request);
      const kind = stat(basePath);
      let found = false;
      if (!trailingSlash) found = (kind === FILE && realpath(basePath)) || tryExtensions(basePath, exts);
      if (!found && kind === DIR) found = tryPackage(basePath, exts, request);
      if (found) return found;
    }
    return false;
  }

  function resolveFilename(request, parent, isMain, options) {
    if (options !== undefined || !parent?.filename) {
      return resolveFilenameUncached(request, parent, isMain, options);
    }
    const key = `${parent.filename}\0${request}`;
    let filename = requireMemo.get(key);
    if (filename === undefined) {
      filename = resolveFilenameUncached(request, parent, isMain, options);
      requireMemo.set(key, filename);
    }
    return filename;
  }

  // Module._resolveFilename: builtins, "#imports", self-reference, then paths.
  function resolveFilenameUncached(request, parent, isMain, options) {
    if (builtinId(request)) return request;
    let paths;
    if (options?.paths !== undefined) {
      if (!Array.isArray(options.paths)) {
        throw coded(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.paths' is invalid. Received ${String(options.paths)}`);
      }
      paths = request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..'
        ? options.paths
        : [...new Set(options.paths.flatMap((p) => lookupPaths(request, { paths: nodeModulePaths(p) }) || []))];
    } else {
      paths = lookupPaths(request, parent);
    }
    const parentPath = parent?.filename;
    if (request[0] === '#' && parentPath) {
      const scope = packageScope(parentPath);
      if (scope && scope.imports != null) {
        try {
          return finalizeEsmResolution(packageImportsResolve(request, pathToFileHref(parentPath), REQUIRE_CONDITIONS),
            parentPath, dirname(scope.pjsonPath));
        } catch (error) {
          if (error.code === 'ERR_MODULE_NOT_FOUND') throw esmNotFound(request);
          throw error;
        }
      }
    }
    const self = parentPath && trySelf(parentPath, request);
    if (self) return self;
    const filename = findPath(request, paths);
    if (filename) return filename;
    const requireStack = [];
    for (let cursor = parent; cursor; cursor = parents.get(cursor)) requireStack.push(cursor.filename || cursor.id);
    const stack = requireStack.length ? `\nRequire stack:\n- ${requireStack.join('\n- ')}` : '';
    throw coded(Error, 'MODULE_NOT_FOUND', `Cannot find module '${request}'${stack}`, { requireStack });
  }

  // require('own-name/sub') from inside a package with "exports".
  function trySelf(parentPath, request) {
    const scope = packageScope(parentPath);
    if (!scope || scope.exports == null || scope.name === undefined) return false;
    let subpath;
    if (request === scope.name) subpath = '.';
    else if (request.startsWith(`${scope.name}/`)) subpath = `.${request.slice(scope.name.length)}`;
    else return false;
    const pkgPath = dirname(scope.pjsonPath);
    try {
      return finalizeEsmResolution(packageExportsResolve(pathToFileHref(scope.pjsonPath), subpath, scope,
        pathToFileHref(parentPath), REQUIRE_CONDITIONS), parentPath, pkgPath);
    } catch (error) {
      if (error.code === 'ERR_MODULE_NOT_FOUND') throw esmNotFound(request, `${pkgPath}/package.json`);
      throw error;
    }
  }

  // ---- CommonJS loader -----------------------------------------------------------

  const cjsCache = new Map();
  const parents = new WeakMap();
  const relativeResolveCache = new Map();
  let mainModule;

  function updateChildren(parent, child, scan) {
    const children = parent?.children;
    if (children && !(scan && children.includes(child))) children.push(child);
  }

  function Module(id = '', parent) {
    this.id = id;
    this.path = dirname(id);
    this.exports = {};
    parents.set(this, parent);
    updateChildren(parent, this, false);
    this.filename = null;
    this.loaded = false;
    this.children = [];
  }
  Object.defineProperty(Module.prototype, 'parent', {
    get() { return parents.get(this); },
    set(value) { parents.set(this, value); },
    configurable: true,
  });
  Object.defineProperty(Module.prototype, 'isPreloading', { get: () => false, configurable: true });

  // Node's ERR_INVALID_ARG_TYPE for a non-string argument.
  function notString(name, value) {
    let received = `type ${typeof value} (${String(value)})`;
    if (value == null) received = String(value);
    else if (typeof value === 'function') received = `function ${value.name}`;
    else if (typeof value === 'object') received = `an instance of ${value.constructor?.name ?? 'Object'}`;
    else if (typeof value === 'string' || typeof value === 'symbol') received = `type ${typeof value} (${JSON.stringify(String(value))})`;
    return coded(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be of type string. Received ${received}`);
  }

  Module.prototype.require = function require(id) {
    if (typeof id !== 'string') throw notString('id', id);
    if (id === '') {
      throw coded(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received ''");
    }
    return loadModule(id, this, false);
  };

  Module.prototype.load = function load(filename) {
    this.filename = filename;
    this.paths = nodeModulePaths(dirname(filename));
    extensions[longestExtension(filename)](this, filename);
    this.loaded = true;
  };

  Module.prototype._compile = function _compile(content, filename) {
    // '#!' becomes '//' so columns stay right; a BOM is dropped.
    if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
    if (content.startsWith('#!')) content = `//${content.slice(2)}`;
    const wrapper = natives.compileCjs(content, filename);
    const require = makeRequireFunction(this);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };

  // The longest registered extension of the basename (".js" by default).
  function longestExtension(filename) {
    const name = basename(filename);
    for (let at = name.indexOf('.', 1); at !== -1; at = name.indexOf('.', at + 1)) {
      if (extensions[name.slice(at)]) return name.slice(at);
    }
    return '.js';
  }

  extensions['.js'] = function loadJs(module, filename) {
    // .mjs, and .js under "type": "module", are ES modules: require() refuses them.
    const scope = filename.endsWith('.js') ? packageScope(filename) : undefined;
    const source = readSource(filename);
    if (filename.endsWith('.mjs') || scope?.type === 'module') throw requireEsmError(module, scope, source, filename);
    module._compile(source, filename);
  };
  extensions['.json'] = function loadJson(module, filename) {
    const source = readSource(filename);
    try {
      module.exports = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
    } catch (error) {
      error.message = `${filename}: ${error.message}`;
      throw error;
    }
  };
  extensions['.node'] = function loadAddon() {
    throw coded(Error, 'ERR_DLOPEN_DISABLED', 'Cannot load native addon because loading addons is disabled.');
  };

  function readSource(filename) {
    const source = natives.readFile(filename);
    if (source === undefined) {
      throw coded(Error, 'ENOENT', `ENOENT: no such file or directory, open '${filename}'`, { path: filename, syscall: 'open' });
    }
    return source;
  }

  // Node 20 with require(esm) disabled: same wording as its ERR_REQUIRE_ESM.
  function requireEsmError(module, scope, source, filename) {
    const parentPath = parents.get(module)?.filename;
    let message = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
    if (!scope) {
      if (filename.endsWith('.mjs')) {
        message += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
      }
      return coded(Error, 'ERR_REQUIRE_ESM', message);
    }
    const pjsonPath = scope.pjsonPath;
    const name = parentPath && basename(filename) === basename(parentPath) ? filename : basename(filename);
    let usesEsm = false;
    try { internals.lexCjs(source); } catch (error) { usesEsm = error.code === 'ERR_LEXER_ESM_SYNTAX'; }
    if (usesEsm) {
      message += `\nInstead change the require of ${name} in ${parentPath} to a dynamic import() which is available in all CommonJS modules.`;
    } else {
      message += `\n${name} is treated as an ES module file as it is a .js file whose nearest parent package.json ` +
        'contains "type": "module" which declares all .js files in that package scope as ES modules.\nInstead ' +
        `either rename ${name} to end in .cjs, change the requiring code to use dynamic import() which is available ` +
        `in all CommonJS modules, or change "type": "module" to "type": "commonjs" in ${pjsonPath} to treat all .js ` +
        'files as CommonJS (using .mjs for all ES modules instead).\n';
    }
    return coded(Error, 'ERR_REQUIRE_ESM', message);
  }

  // Module._load: cache first (partial exports while a cycle is loading).
  function loadModule(request, parent, isMain) {
    let cacheKey;
    if (parent) {
      cacheKey = `${parent.path}\x00${request}`;
      const filename = relativeResolveCache.get(cacheKey);
      if (filename !== undefined) {
        const cached = cjsCache.get(filename);
        if (cached !== undefined) {
          updateChildren(parent, cached, true);
          return cached.exports;
        }
        relativeResolveCache.delete(cacheKey);
      }
    }
    if (request.startsWith('node:')) {
      if (!isBuiltin(request.slice(5))) {
        throw coded(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
      }
      return internals.requireBuiltin(request.slice(5));
    }
    const filename = tracking(() => resolveFilename(request, parent, isMain));
    if (builtinId(filename)) return internals.requireBuiltin(filename);
    const exports = loadFile(filename, parent, isMain);
    if (parent && cjsCache.has(filename)) relativeResolveCache.set(cacheKey, filename);
    return exports;
  }

  function loadFile(filename, parent, isMain) {
    const cached = cjsCache.get(filename);
    if (cached !== undefined) {
      updateChildren(parent, cached, true);
      return cached.exports;
    }
    const module = new Module(filename, parent);
    if (isMain) {
      module.id = '.';
      mainModule = module;
    }
    cjsCache.set(filename, module);
    let threw = true;
    try {
      module.load(filename);
      threw = false;
    } finally {
      if (threw) {
        if (cjsCache.get(filename) === module) cjsCache.delete(filename);
        const children = parent?.children;
        if (Array.isArray(children) && children.includes(module)) children.splice(children.indexOf(module), 1);
      }
    }
    return module.exports;
  }

  // require.cache: an object view of cjsCache (delete forces a reload).
  const cacheView = new Proxy(Object.create(null), {
    get: (target, key) => (typeof key === 'string' ? cjsCache.get(key) : undefined),
    set: (target, key, value) => { cjsCache.set(String(key), value); return true; },
    has: (target, key) => cjsCache.has(key),
    deleteProperty: (target, key) => { cjsCache.delete(key); return true; },
    ownKeys: () => [...cjsCache.keys()],
    getOwnPropertyDescriptor: (target, key) => (cjsCache.has(key)
      ? { value: cjsCache.get(key), writable: true, enumerable: true, configurable: true } : undefined),
    defineProperty: (target, key, descriptor) => { cjsCache.set(String(key), descriptor.value); return true; },
  });

  function makeRequireFunction(module) {
    const require = function require(path) { return module.require(path); };
    const validate = (request) => {
      if (typeof request !== 'string') throw notString('request', request);
    };
    require.resolve = function resolve(request, options) {
      validate(request);
      return tracking(() => resolveFilename(request, module, false, options));
    };
    require.resolve.paths = function paths(request) {
      validate(request);
      return lookupPaths(request, module);
    };
    require.main = mainModule;
    require.extensions = extensions;
    require.cache = cacheView;
    return require;
  }

  // A parent module standing for `filename` (createRequire semantics).
  function proxyModule(filename) {
    const path = filename.endsWith('/') ? `${resolvePath(filename)}/noop.js` : filename;
    const module = new Module(path, null);
    module.filename = path;
    module.paths = nodeModulePaths(module.path);
    return module;
  }

  // ---- what `import` sees of a CommonJS module ---------------------------------

  const exportNamesCache = new Map();

  // Names the lexer finds, plus those of re-exported .js/.cjs modules.
  function exportNamesOf(filename) {
    let names = exportNamesCache.get(filename);
    if (names) return names;
    let lexed;
    try {
      lexed = internals.lexCjs(natives.readFile(filename) ?? '');
    } catch {
      lexed = { exports: [], reexports: [] };
    }
    names = new Set(lexed.exports);
    exportNamesCache.set(filename, names); // before recursing, for cycles
    if (lexed.reexports.length) {
      const parent = proxyModule(filename);
      for (const reexport of lexed.reexports) {
        let resolved;
        try {
          resolved = tracking(() => resolveFilename(reexport, parent, false));
        } catch {
          continue;
        }
        const ext = extname(resolved);
        if ((ext === '.js' || ext === '.cjs' || !extensions[ext]) && resolved.startsWith('/')) {
          for (const name of exportNamesOf(resolved)) names.add(name);
        }
      }
    }
    return names;
  }

  // ---- internals ---------------------------------------------------------------------

  internals.cjsCache = cjsCache;
  // The CommonJS files loaded so far, for the snapshot's metadata.
  internals.cjsModuleList = () => [...cjsCache.keys()];
  internals.CjsModule = Module;
  Object.assign(Module, {
    _cache: cacheView, _extensions: extensions, _nodeModulePaths: nodeModulePaths,
    _resolveFilename: (request, parent, isMain, options) => tracking(() => resolveFilename(request, parent, isMain, options)),
    _load: loadModule, builtinModules: [...BUILTINS], isBuiltin: (name) => builtinId(String(name)) !== undefined,
  });

  // Absolute filename, or 'node:<name>' for a builtin.
  internals.resolveRequire = function resolveRequire(request, parentFilename) {
    const parent = proxyModule(parentFilename ?? `${natives.cwd()}/`);
    const resolved = tracking(() => resolveFilename(request, parent, false));
    return builtinId(resolved) && !resolved.startsWith('node:') ? `node:${resolved}` : resolved;
  };

  // Loads (or returns the cached) CommonJS module, as `import` of it does.
  internals.loadCommonJs = (filename, isMain = false) => loadFile(filename, undefined, isMain);

  internals.makeRequire = (filename) => makeRequireFunction(proxyModule(filename));
  internals.fileUrlToPath = fileHrefToPath;
  internals.pathToFileUrl = pathToFileHref;

  // Named exports of a CommonJS module for ESM import; 'default' (the whole
  // module.exports) is always present and not listed.
  internals.cjsExportNames = (filename) => [...exportNamesOf(filename)].filter((name) => name !== 'default');
})
