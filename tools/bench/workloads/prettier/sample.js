// Reading directories: fs.readdir/readdirSync (Node 20's lib/fs.js), fs.Dir,
// fs.opendir and fs.opendirSync (lib/internal/fs/dir.js; MIT licence). A Dir
// reads its entries when it is opened (libuv's scandir, sorted), so it holds
// no descriptor; read() hands them out one at a time.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeShift, Boolean, Error, Promise, PromiseReject, PromiseResolve,
    ReflectApply, Symbol, SymbolAsyncIterator, TypeError,
  } = internals.primordials;
  const u = internals.fsUtils;
  const { nextTick } = globalThis.process;

  function makeCallback(cb) {
    u.validateFunction(cb, 'cb');
    return (...args) => ReflectApply(cb, undefined, args);
  }

  // ---- readdir --------------------------------------------------------------

  function readdirSyncRecursive(basePath, options) {
    const withFileTypes = Boolean(options.withFileTypes);
    const results = [];
    const queue = [basePath];
    const path = internals.requireBuiltin('path');
    for (let i = 0; i < queue.length; i++) {
      const dir = queue[i];
      const result = natives.fsReaddir(dir, u.asBytes(options), true);
      const names = u.encodeNames(result[0], options);
      for (let j = 0; j < names.length; j++) {
        const dirent = u.getDirents(dir, [[names[j]], [result[1][j]]])[0];
        ArrayPrototypePush(results, withFileTypes ? dirent : path.relative(basePath, path.join(dir, names[j])));
        if (dirent.isDirectory()) ArrayPrototypePush(queue, path.join(dir, names[j]));
      }
    }
    return results;
  }
  function readdir(path, options, callback) {
    callback = makeCallback(typeof options === 'function' ? options : callback);
    options = u.getOptions(options);
    path = u.getValidatedPath(path);
    if (options.recursive != null) u.validateBoolean(options.recursive, 'options.recursive');
    if (options.recursive) {
      callback(null, readdirSyncRecursive(path, options));
      return;
    }
    const withTypes = !!options.withFileTypes;
    natives.fsReaddir(path, u.asBytes(options), withTypes, (error, result) => {
      if (error) return callback(error);
      if (!withTypes) return callback(null, u.encodeNames(result, options));
      u.encodeNames(result[0], options);
      u.getDirents(path, result, callback);
    });
  }
  function readdirSync(path, options) {
    options = u.getOptions(options);
    path = u.getValidatedPath(path);
    if (options.recursive != null) u.validateBoolean(options.recursive, 'options.recursive');
    if (options.recursive) return readdirSyncRecursive(path, options);
    const result = natives.fsReaddir(path, u.asBytes(options), !!options.withFileTypes);
    if (!options.withFileTypes) return u.encodeNames(result, options);
    u.encodeNames(result[0], options);
    return u.getDirents(path, result);
  }

  // ---- Dir --------------------------------------------------------------------

  function dirClosed() {
    return u.nodeError(Error, 'ERR_DIR_CLOSED', 'Directory handle was closed');
  }

  const kToken = Symbol('Dir');
  class Dir {
    #path;
    #options;
    #entries = [];
    #closed = false;

    constructor(token, path, result, options) {
      if (token !== kToken) {
        throw u.nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
      }
      this.#path = path;
      this.#options = options;
      this.#add(path, result);
    }

    get path() { return this.#path; }

    #add(path, result) {
      const dirents = u.getDirents(path, [u.encodeNames(result[0], this.#options), result[1]]);
      for (let i = 0; i < dirents.length; i++) ArrayPrototypePush(this.#entries, dirents[i]);
    }

    // The next entry, or null; with `recursive`, a directory's entries follow it.
    #next() {
      const dirent = ArrayPrototypeShift(this.#entries);
      if (dirent === undefined) return null;
      if (this.#options.recursive && dirent.isDirectory()) {
        const path = u.joinPath(dirent.parentPath, dirent.name);
        this.#add(path, natives.fsReaddir(path, u.asBytes(this.#options), true));
      }
      return dirent;
    }

    read(callback) {
      if (this.#closed) throw dirClosed();
      if (callback === undefined) {
        return new Promise((resolve, reject) => {
          try { resolve(this.#next()); } catch (error) { reject(error); }
        });
      }
      u.validateFunction(callback, 'callback');
      let dirent;
      try {
        dirent = this.#next();
      } catch (error) {
        return callback(error);
      }
      nextTick(callback, null, dirent);
    }

    readSync() {
      if (this.#closed) throw dirClosed();
      return this.#next();
    }

    close(callback) {
      if (callback === undefined) {
        if (this.#closed) return PromiseReject(dirClosed());
        this.#closed = true;
        return PromiseResolve();
      }
      u.validateFunction(callback, 'callback');
      if (this.#closed) return nextTick(callback, dirClosed());
      this.#closed = true;
      nextTick(callback, null);
    }

    closeSync() {
      if (this.#closed) throw dirClosed();
      this.#closed = true;
    }

    async* entries() {
      try {
        while (true) {
          const dirent = await this.read();
          if (dirent === null) break;
          yield dirent;
        }
      } finally {
        if (!this.#closed) await this.close();
      }
    }

    [SymbolAsyncIterator]() { return this.entries(); }
  }

  function dirOptions(options) {
    options = { bufferSize: 32, ...u.getOptions(options, { encoding: 'utf8' }) };
    u.validateUint32(options.bufferSize, 'options.bufferSize', true);
    return options;
  }

  function opendir(path, options, callback) {
    callback = typeof options === 'function' ? options : callback;
    u.validateFunction(callback, 'callback');
    path = u.getValidatedPath(path);
    options = dirOptions(options);
    natives.fsOpendir(path, u.asBytes(options), true, (error, result) => {
      if (error) return callback(error);
      let dir;
      try {
        dir = new Dir(kToken, path, result, options);
      } catch (dirError) {
        return callback(dirError);
      }
      callback(null, dir);
    });
  }

  function opendirSync(path, options) {
    path = u.getValidatedPath(path);
    options = dirOptions(options);
    return new Dir(kToken, path, natives.fsOpendir(path, u.asBytes(options), true), options);
  }

  // fs/promises' opendir.
  async function opendirPromise(path, options) {
    path = u.getValidatedPath(path);
    options = dirOptions(options);
    const result = await natives.fsOpendir(path, u.asBytes(options), true, u.kUsePromises);
    return new Dir(kToken, path, result, options);
  }

  const fs = internals.fs;
  fs.readdir = readdir;
  fs.readdirSync = readdirSync;
  fs.Dir = Dir;
  fs.opendir = opendir;
  fs.opendirSync = opendirSync;
  internals.fsOpendirPromise = opendirPromise;
})
