// What `import` calls: internals.resolveImport(specifier, referrerUrl) ->
// { url, format }, Node 20's ESM resolution (module_resolution.js) memoized,
// with its "Did you mean to import ...?" hint when require() (cjs_loader.js)
// would have found the module. Evaluated last of the module system.
(function (natives, internals) {
  'use strict';
  const { relativePath, SCHEME, pathToFileHref, fileHrefToPath, hrefPathname, coded } =
    internals.modulePaths;
  const { isBuiltin, tracking, untracked, isRelativeSpecifier, esmResolve, formatOf } =
    internals.moduleResolution;
  const { Module, nodeModulePaths, resolveFilename } = internals.cjsLoader;
  const {
    ArrayPrototypeJoin, ArrayPrototypeMap, Error, JSONStringify, RegExpPrototypeExec, SafeMap,
    SafeRegExpReplace, String, StringPrototypeLastIndexOf, StringPrototypeSlice, StringPrototypeSplit,
    StringPrototypeStartsWith, StringPrototypeToLowerCase, encodeURIComponent,
  } = internals.primordials;

  // Node appends "Did you mean to import ...?" when require() would have found it.
  // Node's stand-in parent has no filename, so relative specifiers are tried
  // from the working directory, not from the importing file.
  function addCommonJsHint(error, specifier, parentHref) {
    let found;
    try {
      found = untracked(() => {
        const parentPath = fileHrefToPath(parentHref);
        const parent = new Module(parentPath, null);
        parent.paths = nodeModulePaths(parentPath);
        return resolveFilename(StringPrototypeStartsWith(specifier, 'file://') ? fileHrefToPath(specifier) : specifier, parent, false);
      });
    } catch {
      return;
    }
    if (isRelativeSpecifier(specifier)) {
      found = relativePath(SafeRegExpReplace(/\/[^/]*$/, hrefPathname(parentHref), ''), hrefPathname(pathToFileHref(found)));
      if (!StringPrototypeStartsWith(found, '../')) found = `./${found}`;
    } else if (specifier[0] && specifier[0] !== '/' && specifier[0] !== '.') {
      const pkg = StringPrototypeSplit(specifier, '/')[0];
      const needle = `/node_modules/${pkg}/`;
      const at = StringPrototypeLastIndexOf(found, needle);
      found = at === -1 ? pathToFileHref(found) : `${pkg}/${ArrayPrototypeJoin(ArrayPrototypeMap(
        StringPrototypeSplit(StringPrototypeSlice(found, at + needle.length), '/'), (part) => encodeURIComponent(part)), '/')}`;
    }
    if (found === specifier) return;
    error.message += `\nDid you mean to import ${JSONStringify(found)}?`;
  }

  // Resolutions live in the heap, so after a restore whatever the build
  // resolved needs no file system (its sources may be gone).
  const importMemo = new SafeMap();

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
      const match = RegExpPrototypeExec(SCHEME, specifier);
      const scheme = match === null ? undefined : StringPrototypeToLowerCase(match[0]);
      if (scheme === 'node:') {
        const name = StringPrototypeSlice(specifier, 5);
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
      if (StringPrototypeStartsWith(url, 'node:')) return { url, format: 'builtin' };
      if (!StringPrototypeStartsWith(url, 'file:')) {
        throw coded(Error, 'ERR_UNSUPPORTED_ESM_URL_SCHEME', 'Only URLs with a scheme in: file and node are ' +
          `supported by the default ESM loader. Received protocol '${RegExpPrototypeExec(SCHEME, url)[0]}'`);
      }
      return { url, format: formatOf(url) };
    });
  }

})
