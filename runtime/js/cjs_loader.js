// The CommonJS loader as Node 20 has it: `require` resolution (node_modules,
// extensions, package "main", "exports", self-reference), loading (cache,
// cycles, JSON, require.resolve/paths/cache/main, Module._load and friends),
// and the names an ES module sees when it imports a CommonJS module.
// Needs internals.modulePaths, internals.moduleResolution, cjs_lexer.js (a
// lazy script) and, for builtins, internals.requireBuiltin (builtins.js).
// Defines internals.cjsLoader for modules.js, and the CommonJS internals.
(function (natives, internals) {
  'use strict';
  const {
    normalize, resolvePath, dirname, basename, extname, splitUrl, pathToFileHref, fileHrefToPath,
    coded,
  } = internals.modulePaths;
  const {
    BUILTINS, isBuiltin, builtinId, FILE, DIR, REQUIRE_CONDITIONS, stat, tracking, realpath,
    readPackage, packageScope, packageExportsResolve, packageImportsResolve, invalidSpecifier,
    isRelativeSpecifier,
  } = internals.moduleResolution;
  const {
    ArrayFrom, ArrayIsArray, ArrayPrototypeFilter, ArrayPrototypeFlatMap, ArrayPrototypeIncludes,
    ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSlice,
    ArrayPrototypeSplice, Error, FunctionPrototypeCall, JSONParse, JSONStringify, ObjectAssign,
    ObjectDefineProperty,
    ObjectCreate, ObjectKeys, Proxy, RegExpPrototypeExec, SafeMap, SafeSet, SafeWeakMap, String,
    StringPrototypeCharCodeAt, StringPrototypeEndsWith, StringPrototypeIndexOf,
    StringPrototypeSlice, StringPrototypeSplit, StringPrototypeStartsWith, TypeError,
  } = internals.primordials;

  // cjs_lexer.js defines the real internals.lexCjs when it is first needed.
  internals.lexCjs = (source) => {
    natives.loadScript('cjs_lexer.js')(natives, internals);
    return internals.lexCjs(source);
  };

  // ---- CommonJS resolution ----------------------------------------------------

  // Node keeps a per-process resolution cache for require(); like import's
  // (modules.js) it lives in the heap, so a restored snapshot needs no files
  // for whatever the build resolved.
  const requireMemo = new SafeMap();

  // node_modules folders from `from` up to the root, skipping node_modules/node_modules.
  function nodeModulePaths(from) {
    from = resolvePath(from);
    if (from === '/') return ['/node_modules'];
    const paths = [];
    const parts = StringPrototypeSplit(from, '/');
    for (let i = parts.length; i > 1; i--) {
      if (parts[i - 1] !== 'node_modules') ArrayPrototypePush(paths, `${ArrayPrototypeJoin(ArrayPrototypeSlice(parts, 0, i), '/')}/node_modules`);
    }
    ArrayPrototypePush(paths, '/node_modules');
    return paths;
  }

  // Where require(request) looks: node_modules paths for bare names, else
  // the parent's folder. Node also appends global folders (~/.node_modules,
  // NODE_PATH); toysnap has none.
  function lookupPaths(request, parent) {
    if (builtinId(request)) return null;
    if (request[0] !== '.' || (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
      return parent?.paths?.length ? ArrayPrototypeSlice(parent.paths) : null;
    }
    if (!parent || !parent.id || !parent.filename) return ['.'];
    return [dirname(parent.filename)];
  }

  const extensions = { __proto__: null };

  function tryFile(path) {
    return stat(path) === FILE ? realpath(path) : false;
  }
  function tryExtensions(basePath, exts) {
    for (let i = 0; i < exts.length; i++) {
      const found = tryFile(basePath + exts[i]);
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
    if (RegExpPrototypeExec(/%2f|%5c/i, href) !== null) {
      throw invalidSpecifier(href, 'must not include encoded "/" or "\\" characters', parentPath);
    }
    const filename = fileHrefToPath(splitUrl(href).path);
    const found = tryFile(filename);
    if (found) return found;
    throw esmNotFound(filename, resolvePath(pkgPath, 'package.json'));
  }
  // `name/sub` under a node_modules folder, through the package's "exports".
  function resolveExports(nmPath, request) {
    const match = RegExpPrototypeExec(/^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/, request);
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
    const absolute = StringPrototypeStartsWith(request, '/');
    if (absolute) paths = [''];
    else if (!paths || paths.length === 0) return false;
    // "x/", "x/." and "x/.." name directories: skip the file and extension tries.
    const trailingSlash = RegExpPrototypeExec(/(^|\/)\.{0,2}$/, request) !== null && request.length > 0;
    const outside = isRelativeSpecifier(request) && StringPrototypeStartsWith(normalize(request), '..');
    const exts = ObjectKeys(extensions);
    for (let i = 0; i < paths.length; i++) {
      const dir = paths[i];
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
      if (!ArrayIsArray(options.paths)) {
        throw coded(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.paths' is invalid. Received ${String(options.paths)}`);
      }
      paths = StringPrototypeStartsWith(request, './') || StringPrototypeStartsWith(request, '../') ||
        request === '.' || request === '..'
        ? options.paths
        : uniqueValues(ArrayPrototypeFlatMap(options.paths, (p) => lookupPaths(request, { paths: nodeModulePaths(p) }) || []));
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
    for (let cursor = parent; cursor; cursor = parents.get(cursor)) ArrayPrototypePush(requireStack, cursor.filename || cursor.id);
    const stack = requireStack.length ? `\nRequire stack:\n- ${ArrayPrototypeJoin(requireStack, '\n- ')}` : '';
    throw coded(Error, 'MODULE_NOT_FOUND', `Cannot find module '${request}'${stack}`, { requireStack });
  }

  // The distinct values of `list`, in first-seen order.
  function uniqueValues(list) {
    const seen = new SafeSet();
    const out = [];
    for (let i = 0; i < list.length; i++) {
      if (!seen.has(list[i])) ArrayPrototypePush(out, list[i]);
      seen.add(list[i]);
    }
    return out;
  }

  // require('own-name/sub') from inside a package with "exports".
  function trySelf(parentPath, request) {
    const scope = packageScope(parentPath);
    if (!scope || scope.exports == null || scope.name === undefined) return false;
    let subpath;
    if (request === scope.name) subpath = '.';
    else if (StringPrototypeStartsWith(request, `${scope.name}/`)) subpath = `.${StringPrototypeSlice(request, scope.name.length)}`;
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

  const cjsCache = new SafeMap();
  const parents = new SafeWeakMap();
  const relativeResolveCache = new SafeMap();
  let mainModule;

  function updateChildren(parent, child, scan) {
    const children = parent?.children;
    if (children && !(scan && ArrayPrototypeIncludes(children, child))) ArrayPrototypePush(children, child);
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
  ObjectDefineProperty(Module.prototype, 'parent', {
    get() { return parents.get(this); },
    set(value) { parents.set(this, value); },
    configurable: true,
  });
  ObjectDefineProperty(Module.prototype, 'isPreloading', { get: () => false, configurable: true });

  // Node's ERR_INVALID_ARG_TYPE for a non-string argument.
  function notString(name, value) {
    let received = `type ${typeof value} (${String(value)})`;
    if (value == null) received = String(value);
    else if (typeof value === 'function') received = `function ${value.name}`;
    else if (typeof value === 'object') received = `an instance of ${value.constructor?.name ?? 'Object'}`;
    else if (typeof value === 'string' || typeof value === 'symbol') received = `type ${typeof value} (${JSONStringify(String(value))})`;
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
    if (StringPrototypeCharCodeAt(content, 0) === 0xfeff) content = StringPrototypeSlice(content, 1);
    if (StringPrototypeStartsWith(content, '#!')) content = `//${StringPrototypeSlice(content, 2)}`;
    const wrapper = natives.compileCjs(content, filename);
    const require = makeRequireFunction(this);
    return FunctionPrototypeCall(wrapper, this.exports, this.exports, require, this, filename, dirname(filename));
  };

  // The longest registered extension of the basename (".js" by default).
  function longestExtension(filename) {
    const name = basename(filename);
    for (let at = StringPrototypeIndexOf(name, '.', 1); at !== -1; at = StringPrototypeIndexOf(name, '.', at + 1)) {
      if (extensions[StringPrototypeSlice(name, at)]) return StringPrototypeSlice(name, at);
    }
    return '.js';
  }

  extensions['.js'] = function loadJs(module, filename) {
    // .mjs, and .js under "type": "module", are ES modules: require() refuses them.
    const scope = StringPrototypeEndsWith(filename, '.js') ? packageScope(filename) : undefined;
    const source = readSource(filename);
    if (StringPrototypeEndsWith(filename, '.mjs') || scope?.type === 'module') throw requireEsmError(module, scope, source, filename);
    module._compile(source, filename);
  };
  extensions['.json'] = function loadJson(module, filename) {
    const source = readSource(filename);
    try {
      module.exports = JSONParse(StringPrototypeCharCodeAt(source, 0) === 0xfeff ? StringPrototypeSlice(source, 1) : source);
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
      if (StringPrototypeEndsWith(filename, '.mjs')) {
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
    if (StringPrototypeStartsWith(request, 'node:')) {
      if (!isBuiltin(StringPrototypeSlice(request, 5))) {
        throw coded(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
      }
      return internals.requireBuiltin(StringPrototypeSlice(request, 5));
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
        if (ArrayIsArray(children) && ArrayPrototypeIncludes(children, module)) {
          ArrayPrototypeSplice(children, ArrayPrototypeIndexOf(children, module), 1);
        }
      }
    }
    return module.exports;
  }

  // require.cache: an object view of cjsCache (delete forces a reload).
  const cacheView = new Proxy(ObjectCreate(null), {
    get: (target, key) => (typeof key === 'string' ? cjsCache.get(key) : undefined),
    set: (target, key, value) => { cjsCache.set(String(key), value); return true; },
    has: (target, key) => cjsCache.has(key),
    deleteProperty: (target, key) => { cjsCache.delete(key); return true; },
    ownKeys: () => ArrayFrom(cjsCache.keys()),
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
    const path = StringPrototypeEndsWith(filename, '/') ? `${resolvePath(filename)}/noop.js` : filename;
    const module = new Module(path, null);
    module.filename = path;
    module.paths = nodeModulePaths(module.path);
    return module;
  }

  // ---- what `import` sees of a CommonJS module ---------------------------------

  const exportNamesCache = new SafeMap();

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
    names = new SafeSet();
    for (let i = 0; i < lexed.exports.length; i++) names.add(lexed.exports[i]);
    exportNamesCache.set(filename, names); // before recursing, for cycles
    if (lexed.reexports.length) {
      const parent = proxyModule(filename);
      for (let i = 0; i < lexed.reexports.length; i++) {
        const reexport = lexed.reexports[i];
        let resolved;
        try {
          resolved = tracking(() => resolveFilename(reexport, parent, false));
        } catch {
          continue;
        }
        const ext = extname(resolved);
        if ((ext === '.js' || ext === '.cjs' || !extensions[ext]) && StringPrototypeStartsWith(resolved, '/')) {
          for (const name of exportNamesOf(resolved)) names.add(name);
        }
      }
    }
    return names;
  }

  // ---- internals ---------------------------------------------------------------------

  internals.cjsCache = cjsCache;
  // The CommonJS files loaded so far, for the snapshot's metadata.
  internals.cjsModuleList = () => ArrayFrom(cjsCache.keys());
  internals.CjsModule = Module;
  ObjectAssign(Module, {
    _cache: cacheView, _extensions: extensions, _nodeModulePaths: nodeModulePaths,
    _resolveFilename: (request, parent, isMain, options) => tracking(() => resolveFilename(request, parent, isMain, options)),
    _load: loadModule, builtinModules: ArrayFrom(BUILTINS), isBuiltin: (name) => builtinId(String(name)) !== undefined,
  });

  // Absolute filename, or 'node:<name>' for a builtin.
  internals.resolveRequire = function resolveRequire(request, parentFilename) {
    const parent = proxyModule(parentFilename ?? `${natives.cwd()}/`);
    const resolved = tracking(() => resolveFilename(request, parent, false));
    return builtinId(resolved) && !StringPrototypeStartsWith(resolved, 'node:') ? `node:${resolved}` : resolved;
  };

  // Loads (or returns the cached) CommonJS module, as `import` of it does.
  internals.loadCommonJs = (filename, isMain = false) => loadFile(filename, undefined, isMain);

  internals.makeRequire = (filename) => makeRequireFunction(proxyModule(filename));

  // Named exports of a CommonJS module for ESM import; 'default' (the whole
  // module.exports) is always present and not listed.
  internals.cjsExportNames = (filename) => ArrayPrototypeFilter(ArrayFrom(exportNamesOf(filename)), (name) => name !== 'default');

  // For modules.js: import's "Did you mean" hint asks what require() would find.
  internals.cjsLoader = { Module, nodeModulePaths, resolveFilename };
})
