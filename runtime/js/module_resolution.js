// Module resolution shared by `import` and `require`, and `import`'s own
// algorithm, giving the answers Node 20 gives: builtins, package.json scopes,
// "exports"/"imports" maps, legacy main, realpath, Node's error codes and
// messages. Errors carry `.tried`: the paths probed.
// Needs internals.modulePaths (module_paths.js); defines internals.moduleResolution
// for cjs_loader.js and modules.js.
(function (natives, internals) {
  'use strict';
  const {
    SCHEME, dirname, extname, splitUrl, resolveUrl, pathToFileHref, fileHrefToPath, hrefPathname,
    hrefToDisplay, coded,
  } = internals.modulePaths;
  const {
    ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypePush, ArrayPrototypeSlice,
    ArrayPrototypeSome, Error, JSONParse, JSONStringify, ObjectDefineProperty,
    ObjectGetOwnPropertyNames, ObjectPrototypeHasOwnProperty, RegExpPrototypeExec, SafeMap,
    SafeRegExpReplace, SafeSet, String, StringPrototypeCharCodeAt, StringPrototypeEndsWith,
    StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypeLastIndexOf,
    StringPrototypeReplace, StringPrototypeReplaceAll, StringPrototypeSlice, StringPrototypeSplit,
    StringPrototypeStartsWith, StringPrototypeToLowerCase, SyntaxError, TypeError,
    decodeURIComponent,
  } = internals.primordials;

  // ---- builtins -------------------------------------------------------------

  // Node 20's require('module').builtinModules, plus names that exist only
  // with the node: prefix.
  const BUILTINS = new SafeSet();
  const BUILTIN_NAMES = StringPrototypeSplit(('_http_agent _http_client _http_common _http_incoming _http_outgoing ' +
    '_http_server _stream_duplex _stream_passthrough _stream_readable _stream_transform ' +
    '_stream_wrap _stream_writable _tls_common _tls_wrap assert assert/strict async_hooks ' +
    'buffer child_process cluster console constants crypto dgram diagnostics_channel dns ' +
    'dns/promises domain events fs fs/promises http http2 https inspector inspector/promises ' +
    'module net os path path/posix path/win32 perf_hooks process punycode querystring ' +
    'readline readline/promises repl stream stream/consumers stream/promises stream/web ' +
    'string_decoder sys timers timers/promises tls trace_events tty url util util/types v8 vm ' +
    'wasi worker_threads zlib'), ' ');
  for (let i = 0; i < BUILTIN_NAMES.length; i++) BUILTINS.add(BUILTIN_NAMES[i]);
  const SCHEME_ONLY_BUILTINS = new SafeSet();
  SCHEME_ONLY_BUILTINS.add('sea');
  SCHEME_ONLY_BUILTINS.add('test');
  SCHEME_ONLY_BUILTINS.add('test/reporters');
  const isBuiltin = (name) => BUILTINS.has(name) || SCHEME_ONLY_BUILTINS.has(name);
  // The id require() accepts for a builtin ('fs' or 'node:fs'), else undefined.
  function builtinId(request) {
    if (StringPrototypeStartsWith(request, 'node:')) return isBuiltin(StringPrototypeSlice(request, 5)) ? request : undefined;
    return BUILTINS.has(request) ? request : undefined;
  }

  const FILE = 1;
  const DIR = 2;
  const IMPORT_CONDITIONS = new SafeSet();
  IMPORT_CONDITIONS.add('import');
  IMPORT_CONDITIONS.add('node');
  const REQUIRE_CONDITIONS = new SafeSet();
  REQUIRE_CONDITIONS.add('require');
  REQUIRE_CONDITIONS.add('node');

  // ---- probes -----------------------------------------------------------------

  let probes = null; // paths looked at by the current resolution
  function stat(path) {
    const kind = natives.fileKind(path);  // -1: there, but not readable under --permission
    const probe = kind < 0 ? `${path} (exists, but --allow-fs-read does not grant it)` : path;
    if (probes !== null && !ArrayPrototypeIncludes(probes, probe)) ArrayPrototypePush(probes, probe);
    return kind < 0 ? 0 : kind;
  }
  // Runs a resolution; an error it throws gets `.tried` (the probed paths).
  function tracking(fn) {
    const outer = probes;
    probes = [];
    try {
      return fn();
    } catch (error) {
      if (error !== null && typeof error === 'object' && !('tried' in error)) {
        ObjectDefineProperty(error, 'tried', { value: ArrayPrototypeSlice(probes), writable: true, configurable: true });
      }
      throw error;
    } finally {
      if (outer !== null) {
        for (let i = 0; i < probes.length; i++) {
          if (!ArrayPrototypeIncludes(outer, probes[i])) ArrayPrototypePush(outer, probes[i]);
        }
      }
      probes = outer;
    }
  }
  // Runs `fn` without recording what it probes: a look elsewhere, not part of
  // the resolution an error reports.
  function untracked(fn) {
    const outer = probes;
    probes = null;
    try {
      return fn();
    } finally {
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

  const packageCache = new SafeMap();
  const hasOwn = ObjectPrototypeHasOwnProperty;

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
        parsed = JSONParse(StringPrototypeCharCodeAt(text, 0) === 0xfeff ? StringPrototypeSlice(text, 1) : text);
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
    let dir = StringPrototypeSlice(filePath, 0, StringPrototypeLastIndexOf(filePath, '/')) || '/';
    for (;;) {
      if (StringPrototypeEndsWith(dir, esm ? 'node_modules' : '/node_modules')) return undefined;
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
    return ArrayPrototypeSome(StringPrototypeSplit(StringPrototypeReplaceAll(path, '\\', '/'), '/'), (segment) => {
      try {
        const decoded = StringPrototypeToLowerCase(decodeURIComponent(segment));
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
    const text = typeof target === 'object' && target !== null ? JSONStringify(target, null, '') : `${target}`;
    const hint = !internal && text.length && !StringPrototypeStartsWith(text, './') ? '; targets must start with "./"' : '';
    const where = `the package config ${packageDirOf(pjsonHref)}package.json${baseSuffix(base)}${hint}`;
    return coded(Error, 'ERR_INVALID_PACKAGE_TARGET', key === '.'
      ? `Invalid "exports" main target ${JSONStringify(text)} defined in ${where}`
      : `Invalid "${internal ? 'imports' : 'exports'}" target ${JSONStringify(text)} defined for '${key}' in ${where}`);
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
    if (ArrayIsArray(target)) {
      if (target.length === 0) return null;
      let lastError;
      for (let i = 0; i < target.length; i++) {
        const item = target[i];
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
      const keys = ObjectGetOwnPropertyNames(target);
      if (ArrayPrototypeSome(keys, (k) => `${+k}` === k && +k >= 0 && +k < 0xffffffff)) {
        throw invalidConfig(pjsonHref, base, '"exports" cannot contain numeric property keys.');
      }
      for (let i = 0; i < keys.length; i++) {
        const condition = keys[i];
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
    const fill = (text) => SafeRegExpReplace(/\*/g, text, () => subpath);
    if (subpath !== '' && !pattern && !StringPrototypeEndsWith(target, '/')) throw invalidTarget(key, target, pjsonHref, internal, base);
    if (!StringPrototypeStartsWith(target, './')) {
      // "imports" may map to a bare package name: resolve it from the package.
      if (internal && !StringPrototypeStartsWith(target, '../') && !StringPrototypeStartsWith(target, '/') &&
          RegExpPrototypeExec(SCHEME, target) === null) {
        return packageResolve(pattern ? fill(target) : target + subpath, pjsonHref, conditions);
      }
      throw invalidTarget(key, target, pjsonHref, internal, base);
    }
    if (hasInvalidSegment(StringPrototypeSlice(target, 2))) {
      throw invalidTarget(key, target, pjsonHref, internal, base);
    }
    const resolved = resolveUrl(target, pjsonHref);
    if (!StringPrototypeStartsWith(hrefPathname(resolved), hrefPathname(resolveUrl('.', pjsonHref)))) {
      throw invalidTarget(key, target, pjsonHref, internal, base);
    }
    if (subpath === '') return resolved;
    if (hasInvalidSegment(subpath)) {
      const request = pattern ? StringPrototypeReplace(key, '*', () => subpath) : key + subpath;
      throw invalidSpecifier(request, `request is not a valid match in pattern "${key}" for the "${
        internal ? 'imports' : 'exports'}" resolution of ${fileHrefToPath(pjsonHref)}`, base && hrefToDisplay(base));
    }
    return pattern ? resolveUrl(fill(resolved)) : resolveUrl(subpath, resolved);
  }

  // Orders pattern keys: longer prefix first, then longer key (Node's order).
  function patternKeyCompare(a, b) {
    const aStar = StringPrototypeIndexOf(a, '*');
    const bStar = StringPrototypeIndexOf(b, '*');
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
    const keys = ObjectGetOwnPropertyNames(map);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const star = StringPrototypeIndexOf(key, '*');
      if (star === -1 || !StringPrototypeStartsWith(request, StringPrototypeSlice(key, 0, star))) continue;
      const trailer = StringPrototypeSlice(key, star + 1);
      if (request.length >= key.length && StringPrototypeEndsWith(request, trailer) &&
          patternKeyCompare(best, key) === 1 && StringPrototypeLastIndexOf(key, '*') === star) {
        best = key;
        matched = StringPrototypeSlice(request, star, request.length - trailer.length);
      }
    }
    return best ? [best, matched] : undefined;
  }

  function isConditionsSugar(exports, pjsonHref, base) {
    if (typeof exports === 'string' || ArrayIsArray(exports)) return true;
    if (typeof exports !== 'object' || exports === null) return false;
    const kinds = new SafeSet();
    const keys = ObjectGetOwnPropertyNames(exports);
    for (let i = 0; i < keys.length; i++) kinds.add(keys[i] === '' || keys[i][0] !== '.');
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
    if (hasOwn(exports, subpath) && !StringPrototypeIncludes(subpath, '*') && !StringPrototypeEndsWith(subpath, '/')) {
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
    if (name === '#' || StringPrototypeStartsWith(name, '#/') || StringPrototypeEndsWith(name, '/')) {
      throw invalidSpecifier(name, 'is not a valid internal imports specifier name', fileHrefToPath(base));
    }
    const config = esmScope(base);
    let pjsonHref;
    if (config) {
      pjsonHref = pathToFileHref(config.pjsonPath);
      const imports = config.imports;
      if (imports) {
        let result;
        if (hasOwn(imports, name) && !StringPrototypeIncludes(name, '*')) {
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
    let slash = StringPrototypeIndexOf(specifier, '/');
    let valid = true;
    if (specifier[0] === '@') {
      if (slash === -1) valid = false;
      else slash = StringPrototypeIndexOf(specifier, '/', slash + 1);
    }
    const name = slash === -1 ? specifier : StringPrototypeSlice(specifier, 0, slash);
    if (RegExpPrototypeExec(/^\.|%|\\/, name) !== null) valid = false;
    if (!valid) throw invalidSpecifier(specifier, 'is not a valid package name', fileHrefToPath(base));
    return { name, subpath: `.${slash === -1 ? '' : StringPrototypeSlice(specifier, slash)}` };
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
      if (stat(StringPrototypeSlice(pjsonPath, 0, -13)) === DIR) {
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
      const exts = ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node'];
      for (let i = 0; i < exts.length; i++) ArrayPrototypePush(guesses, `./${config.main}${exts[i]}`);
    }
    ArrayPrototypePush(guesses, './index.js', './index.json', './index.node');
    for (let i = 0; i < guesses.length; i++) {
      const href = resolveUrl(guesses[i], pjsonHref);
      if (stat(fileHrefToPath(href)) === FILE) return href;
    }
    const missing = fileHrefToPath(resolveUrl(config.main !== undefined ? `./${config.main}` : './index.js', pjsonHref));
    throw coded(Error, 'ERR_MODULE_NOT_FOUND', `Cannot find package '${missing}' imported from ${hrefToDisplay(base)}`);
  }

  // The resolved file must exist and not be a directory; symlinks resolved.
  function finalizeResolution(href, base) {
    const { path: urlPath, search, hash } = splitUrl(href);
    if (RegExpPrototypeExec(/%2f|%5c/i, hrefPathname(href)) !== null) {
      throw invalidSpecifier(hrefPathname(href), 'must not include encoded "/" or "\\" characters', hrefToDisplay(base));
    }
    const path = fileHrefToPath(urlPath);
    // Node stats "/" for any path ending in a slash, so these are directories.
    const kind = StringPrototypeEndsWith(path, '/') ? DIR : stat(path);
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
    } else if (RegExpPrototypeExec(SCHEME, specifier) !== null) {
      resolved = resolveUrl(specifier, base);
    } else {
      resolved = packageResolve(specifier, base, IMPORT_CONDITIONS);
    }
    return StringPrototypeStartsWith(resolved, 'file:') ? finalizeResolution(resolved, base) : resolved;
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
      natives.compileCjs(source, path, true);  // a probe: its function is dropped
      return false;
    } catch (error) {
      return error instanceof SyntaxError &&
        ArrayPrototypeSome(MODULE_SYNTAX_ERRORS, (message) => StringPrototypeIncludes(String(error.message), message));
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
    const format = { __proto__: null, '.mjs': 'module', '.cjs': 'commonjs', '.json': 'json' }[ext];
    if (format) return format;
    throw coded(TypeError, 'ERR_UNKNOWN_FILE_EXTENSION', `Unknown file extension "${ext}" for ${path}`);
  }

  internals.moduleResolution = {
    BUILTINS, isBuiltin, builtinId, FILE, DIR, REQUIRE_CONDITIONS,
    stat, tracking, untracked, realpath, readPackage, packageScope,
    packageExportsResolve, packageImportsResolve, invalidSpecifier, isRelativeSpecifier,
    esmResolve, formatOf,
  };
})
