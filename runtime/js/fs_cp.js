// fs.cp, fs.cpSync and fs.promises.cp (Node 20's lib/internal/fs/cp/cp.js
// and cp-sync.js, MIT licence). One generator holds the algorithm; it yields
// each file-system step, which runSync performs with the Sync functions and
// runAsync with fs.promises, so both forms check and fail alike.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeEvery, ArrayPrototypeFilter, Boolean, PromisePrototypeThen, ReflectApply,
    StringPrototypeSplit, TypeError,
  } = internals.primordials;
  const u = internals.fsUtils;
  const fs = internals.fs;
  const { nextTick } = globalThis.process;
  const path = () => internals.requireBuiltin('path');
  const EEXIST = 17;
  const EISDIR = 21;
  const ENOTDIR = 20;
  const EINVAL = 22;

  function cpError(key, prefix, message, errorPath, errno, code) {
    return u.systemError(key, prefix, { message, path: errorPath, syscall: 'cp', errno, code });
  }
  const invalid = (message, at) => cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', message, at, EINVAL, 'EINVAL');

  function areIdentical(srcStat, destStat) {
    return destStat.ino && destStat.dev && destStat.ino === srcStat.ino && destStat.dev === srcStat.dev;
  }
  function normalizePathToArray(p) {
    return ArrayPrototypeFilter(StringPrototypeSplit(path().resolve(p), '/'), Boolean);
  }
  function isSrcSubdir(src, dest) {
    const srcArr = normalizePathToArray(src);
    const destArr = normalizePathToArray(dest);
    return ArrayPrototypeEvery(srcArr, (cur, i) => destArr[i] === cur);
  }

  // Steps: [operation, ...arguments]; see runSync/runAsync for what each does.
  function* cpFn(src, dest, opts) {
    const { srcStat, destStat, skipped } = yield* checkPaths(src, dest, opts);
    if (skipped) return;
    yield* checkParentPaths(src, srcStat, dest);
    const destParent = path().dirname(dest);
    if (!(yield ['exists', destParent])) yield ['mkdir', destParent, { recursive: true }];
    yield* getStatsForCopy(destStat, src, dest, opts);
  }

  function* checkPaths(src, dest, opts) {
    if (opts.filter && !(yield ['filter', opts.filter, src, dest])) {
      return { __proto__: null, skipped: true };
    }
    const statOp = opts.dereference ? 'stat' : 'lstat';
    const srcStat = yield [statOp, src, { bigint: true }];
    const destStat = yield [`${statOp}OrNull`, dest, { bigint: true }];
    if (destStat) {
      if (areIdentical(srcStat, destStat)) throw invalid('src and dest cannot be the same', dest);
      if (srcStat.isDirectory() && !destStat.isDirectory()) {
        throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory',
                      `cannot overwrite non-directory ${dest} with directory ${src}`, dest, EISDIR, 'EISDIR');
      }
      if (!srcStat.isDirectory() && destStat.isDirectory()) {
        throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory',
                      `cannot overwrite directory ${dest} with non-directory ${src}`, dest, ENOTDIR, 'ENOTDIR');
      }
    }
    if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
      throw invalid(`cannot copy ${src} to a subdirectory of self ${dest}`, dest);
    }
    return { __proto__: null, srcStat, destStat, skipped: false };
  }

  function* checkParentPaths(src, srcStat, dest) {
    const srcParent = path().resolve(path().dirname(src));
    const destParent = path().resolve(path().dirname(dest));
    if (destParent === srcParent || destParent === path().parse(destParent).root) return;
    const destStat = yield ['statOrNull', destParent, { bigint: true }];
    if (!destStat) return;
    if (areIdentical(srcStat, destStat)) {
      throw invalid(`cannot copy ${src} to a subdirectory of self ${dest}`, dest);
    }
    yield* checkParentPaths(src, srcStat, destParent);
  }

  function* getStatsForCopy(destStat, src, dest, opts) {
    const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
    if (srcStat.isDirectory() && opts.recursive) return yield* onDir(srcStat, destStat, src, dest, opts);
    if (srcStat.isDirectory()) {
      throw cpError('ERR_FS_EISDIR', 'Path is a directory', `${src} is a directory (not copied)`,
                    src, EINVAL, 'EISDIR');
    }
    if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
      return yield* onFile(srcStat, destStat, src, dest, opts);
    }
    if (srcStat.isSymbolicLink()) return yield* onLink(destStat, src, dest, opts);
    if (srcStat.isSocket()) {
      throw cpError('ERR_FS_CP_SOCKET', 'Cannot copy a socket file',
                    `cannot copy a socket file: ${dest}`, dest, EINVAL, 'EINVAL');
    }
    if (srcStat.isFIFO()) {
      throw cpError('ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe',
                    `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL, 'EINVAL');
    }
    throw cpError('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type',
                  `cannot copy an unknown file type: ${dest}`, dest, EINVAL, 'EINVAL');
  }

  function* onFile(srcStat, destStat, src, dest, opts) {
    if (destStat) {
      if (opts.force) {
        yield ['unlink', dest];
      } else {
        if (opts.errorOnExist) {
          throw cpError('ERR_FS_CP_EEXIST', 'Target already exists', `${dest} already exists`,
                        dest, EEXIST, 'EEXIST');
        }
        return;
      }
    }
    yield ['copyFile', src, dest, opts.mode];
    if (opts.preserveTimestamps) {
      if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode | 0o200];
      const updated = yield ['stat', src];
      yield ['utimes', dest, updated.atime, updated.mtime];
    }
    yield ['chmod', dest, srcStat.mode];
  }

  function* onDir(srcStat, destStat, src, dest, opts) {
    if (!destStat) yield ['mkdir', dest];
    const names = yield ['readdir', src];
    for (let i = 0; i < names.length; i++) {
      const srcItem = path().join(src, names[i]);
      const destItem = path().join(dest, names[i]);
      const checked = yield* checkPaths(srcItem, destItem, opts);
      if (!checked.skipped) yield* getStatsForCopy(checked.destStat, srcItem, destItem, opts);
    }
    if (!destStat) yield ['chmod', dest, srcStat.mode];
  }

  function* onLink(destStat, src, dest, opts) {
    let resolvedSrc = yield ['readlink', src];
    if (!opts.verbatimSymlinks && !path().isAbsolute(resolvedSrc)) {
      resolvedSrc = path().resolve(path().dirname(src), resolvedSrc);
    }
    if (!destStat) return yield ['symlink', resolvedSrc, dest];
    let resolvedDest;
    try {
      resolvedDest = yield ['readlink', dest];
    } catch (error) {
      if (error.code === 'EINVAL' || error.code === 'UNKNOWN') return yield ['symlink', resolvedSrc, dest];
      throw error;
    }
    if (!path().isAbsolute(resolvedDest)) resolvedDest = path().resolve(path().dirname(dest), resolvedDest);
    if (isSrcSubdir(resolvedSrc, resolvedDest)) {
      throw invalid(`cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest);
    }
    if ((yield ['stat', dest]).isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
      throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self',
                    `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, EINVAL, 'EINVAL');
    }
    yield ['unlink', dest];
    yield ['symlink', resolvedSrc, dest];
  }

  const isPromise = (value) => value !== null && typeof value === 'object' && typeof value.then === 'function';
  const syncSteps = {
    exists: (p) => fs.existsSync(p),
    filter(filter, src, dest) {
      const shouldCopy = filter(src, dest);
      if (isPromise(shouldCopy)) {
        throw u.nodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
          'Expected boolean to be returned from the "filter" function but got instance of Promise.');
      }
      return shouldCopy;
    },
    stat: (p, options) => fs.statSync(p, options),
    lstat: (p, options) => fs.lstatSync(p, options),
    statOrNull: (p, options) => fs.statSync(p, { ...options, throwIfNoEntry: false }) ?? null,
    lstatOrNull: (p, options) => fs.lstatSync(p, { ...options, throwIfNoEntry: false }) ?? null,
    mkdir: (p, options) => fs.mkdirSync(p, options),
    readdir: (p) => fs.readdirSync(p),
    copyFile: (src, dest, mode) => fs.copyFileSync(src, dest, mode),
    chmod: (p, mode) => fs.chmodSync(p, mode),
    utimes: (p, atime, mtime) => fs.utimesSync(p, atime, mtime),
    readlink: (p) => fs.readlinkSync(p),
    symlink: (target, p) => fs.symlinkSync(target, p),
    unlink: (p) => fs.unlinkSync(p),
  };
  const orNull = (promise) => PromisePrototypeThen(promise, undefined, (error) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const asyncSteps = {
    exists: (p) => PromisePrototypeThen(fs.promises.stat(p), () => true, (error) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    }),
    filter: async (filter, src, dest) => await filter(src, dest),
    stat: (p, options) => fs.promises.stat(p, options),
    lstat: (p, options) => fs.promises.lstat(p, options),
    statOrNull: (p, options) => orNull(fs.promises.stat(p, options)),
    lstatOrNull: (p, options) => orNull(fs.promises.lstat(p, options)),
    mkdir: (p, options) => fs.promises.mkdir(p, options),
    readdir: (p) => fs.promises.readdir(p),
    copyFile: (src, dest, mode) => fs.promises.copyFile(src, dest, mode),
    chmod: (p, mode) => fs.promises.chmod(p, mode),
    utimes: (p, atime, mtime) => fs.promises.utimes(p, atime, mtime),
    readlink: (p) => fs.promises.readlink(p),
    symlink: (target, p) => fs.promises.symlink(target, p),
    unlink: (p) => fs.promises.unlink(p),
  };
  function perform(steps, step) {
    const args = [];
    for (let i = 1; i < step.length; i++) args[i - 1] = step[i];
    return ReflectApply(steps[step[0]], undefined, args);
  }

  function runSync(generator) {
    let next = generator.next();
    while (!next.done) {
      let result;
      try {
        result = perform(syncSteps, next.value);
      } catch (error) {
        next = generator.throw(error);
        continue;
      }
      next = generator.next(result);
    }
  }
  async function runAsync(generator) {
    let next = generator.next();
    while (!next.done) {
      let result;
      try {
        result = await perform(asyncSteps, next.value);
      } catch (error) {
        next = generator.throw(error);
        continue;
      }
      next = generator.next(result);
    }
  }

  fs.cp = function cp(src, dest, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    u.validateFunction(callback, 'cb');
    options = u.validateCpOptions(options);
    src = u.getValidatedPath(src, 'src');
    dest = u.getValidatedPath(dest, 'dest');
    PromisePrototypeThen(runAsync(cpFn(src, dest, options)),
                         () => nextTick(callback, null), (error) => nextTick(callback, error));
  };
  fs.cpSync = function cpSync(src, dest, options) {
    options = u.validateCpOptions(options);
    src = u.getValidatedPath(src, 'src');
    dest = u.getValidatedPath(dest, 'dest');
    runSync(cpFn(src, dest, options));
  };
  internals.fsCpPromise = (src, dest, options) => runAsync(cpFn(src, dest, options));
})
