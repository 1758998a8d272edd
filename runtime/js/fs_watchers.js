// fs.watch (FSWatcher), fs.watchFile/unwatchFile (StatWatcher) and
// fs.promises.watch, as Node 20 has them, on the FSEvent and StatWatcher
// handles of runtime/node/fs_watch.cc; the `recursive` option is
// fs_watch_recursive.js's. A lazy script: compiled, with its handle classes,
// the first time a program watches a file.
(function (natives, internals) {
  'use strict';
  const { Error, Promise, SafeMap } = internals.primordials;
  const u = internals.loadFsUtils();
  const { Buffer, kEmptyObject } = u;
  const EventEmitter = internals.requireBuiltin('events');
  const pathModule = internals.requireBuiltin('path');
  const { nextTick } = globalThis.process;
  const classes = natives.loadWatchClasses();
  const UV_ENOSPC = -28;
  // A snapshot cannot hold a watcher: while one is built, watchers do not keep
  // the build waiting (as servers do not), and its check of open resources
  // names them.
  const building = () => internals.isBuildingSnapshot?.() === true;

  // Node's uvException for a watcher: "<CODE>: <description>, watch '<path>'",
  // with errno, syscall, code, path and filename, in that order.
  function watchError(status, filename, message) {
    const [code, description] = natives.uvErrorName(status);
    const error = new Error(`${code}: ${message ?? description}, watch '${filename}'`);
    error.errno = status;
    error.syscall = 'watch';
    error.code = code;
    error.path = filename;
    error.filename = filename;
    return error;
  }
  const startError = (status, filename) => watchError(status, filename, status === UV_ENOSPC
    ? 'System limit for number of file watchers reached' : undefined);

  function encodeFilename(name, encoding) {
    if (name === null || !encoding || encoding === 'utf8' || encoding === 'utf-8') return name;
    const bytes = Buffer.from(name);
    return encoding === 'buffer' ? bytes : bytes.toString(encoding);
  }

  // fs_watch_recursive.js, compiled the first time a program asks for it.
  let recursiveWatcher;
  const RecursiveWatcher = () => (recursiveWatcher ??= natives.loadScript('fs_watch_recursive.js')(
    natives, internals, { FSWatcher })).FSWatcher;

  // ---- fs.watch ---------------------------------------------------------------

  class FSWatcher extends EventEmitter {
    #encoding = undefined;

    constructor() {
      super();
      this._handle = new classes.FSEvent();
    }

    // `resourceKind` (fs_watch_recursive.js's) names the build's resource, or
    // null for none; by default it is this watcher.
    start(filename, persistent, recursive, encoding, resourceKind = undefined) {
      if (this._handle === null) return;  // closed before it started
      this.#encoding = encoding;
      const status = this._handle.start(filename, persistent, recursive, (code, type, name) => {
        if (code < 0) {
          if (this._handle !== null) {
            this._handle.close();
            this._handle = null;
          }
          this.emit('error', watchError(code, name));
          return;
        }
        this.emit('change', type, encodeFilename(name, this.#encoding));
      }, resourceKind);
      if (status !== 0) {
        this._handle.close();
        this._handle = null;
        throw startError(status, filename);
      }
      if (building()) this._handle.unref();
    }

    close() {
      if (this._handle === null) return;
      this._handle.close();
      this._handle = null;
      nextTick(() => this.emit('close'));
    }

    ref() {
      if (!building()) this._handle?.ref();
      return this;
    }

    unref() {
      this._handle?.unref();
      return this;
    }
  }

  // As Node 20's: options are checked by getOptions (its encoding and signal);
  // a truthy `recursive` takes the recursive watcher, which checks the rest;
  // otherwise `persistent` and `recursive` count only when `true`.
  function watch(filename, options, listener) {
    if (typeof options === 'function') listener = options;
    options = u.copyObject(u.getOptions(options));
    if (options.persistent === undefined) options.persistent = true;
    if (options.recursive === undefined) options.recursive = false;
    const path = u.getValidatedPath(filename);
    let watcher;
    if (options.recursive) {
      watcher = new (RecursiveWatcher())(options);
      watcher.start(path);
    } else {
      watcher = new FSWatcher();
      watcher.start(path, options.persistent, options.recursive, options.encoding);
    }
    if (listener) watcher.addListener('change', listener);
    const { signal } = options;
    if (signal) {
      if (signal.aborted) {
        nextTick(() => watcher.close());
      } else {
        const onAbort = () => watcher.close();
        signal.addEventListener('abort', onAbort);
        watcher.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return watcher;
  }

  function deferred() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  // fs.promises.watch, an async generator of { eventType, filename } as Node
  // 20's: nothing is checked or watched before the first next(); an event
  // that comes while the consumer has not asked for the next one is dropped.
  async function* watchAsync(filename, options = kEmptyObject) {
    u.validateObject(options, 'options');
    if (options.recursive != null) {
      u.validateBoolean(options.recursive, 'options.recursive');
      if (options.recursive) {
        const watcher = new (RecursiveWatcher())(options);
        watcher.start(filename);
        yield* watcher;
        return;
      }
    }
    yield* watchEvents(filename, options);
  }

  async function* watchEvents(filename, options = kEmptyObject) {
    const path = u.getValidatedPath(filename);
    u.validateObject(options, 'options');
    const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
    u.validateBoolean(persistent, 'options.persistent');
    u.validateBoolean(recursive, 'options.recursive');
    u.validateAbortSignal(signal, 'options.signal');
    if (encoding && !Buffer.isEncoding(encoding)) {
      throw u.invalidArgValue(encoding, 'encoding', 'is invalid encoding');  // Node's order
    }
    const aborted = () => new internals.AbortError(undefined, { cause: signal?.reason });
    if (signal?.aborted) throw aborted();
    const handle = new classes.FSEvent();
    let next = deferred();
    const onAbort = () => {
      handle.close();
      next.reject(aborted());
    };
    try {
      signal?.addEventListener('abort', onAbort, { once: true });
      const status = handle.start(path, persistent, recursive, (code, eventType, name) => {
        if (code < 0) {
          handle.close();
          next.reject(watchError(code, name));
          return;
        }
        next.resolve({ eventType, filename: encodeFilename(name, encoding) });
      });
      if (status !== 0) {
        handle.close();
        throw startError(status, filename);
      }
      if (building()) handle.unref();
      while (!signal?.aborted) {
        yield await next.promise;
        next = deferred();
      }
      throw aborted();
    } finally {
      handle.close();
      signal?.removeEventListener('abort', onAbort);
    }
  }

  // ---- fs.watchFile -----------------------------------------------------------

  const statWatchers = new SafeMap();  // resolved path -> StatWatcher

  class StatWatcher extends EventEmitter {
    constructor(bigint) {
      super();
      this._handle = null;
      this._bigint = Boolean(bigint);
      this._failing = false;
    }

    start(filename, persistent, interval) {
      if (this._handle !== null) return;
      u.validateUint32(interval, 'interval');
      this._handle = new classes.StatWatcher(this._bigint);
      // Persistent when truthy, as Node's (fs.watch's handle wants `true`).
      const status = this._handle.start(filename, !!persistent, interval, (code, current, prev) => {
        // A file that stays missing is reported once, when it goes.
        if (code < 0 && this._failing) return;
        this._failing = code < 0;
        this.emit('change', u.getStatsFromBinding(current), u.getStatsFromBinding(prev));
      });
      if (status !== 0) {
        this._handle.close();
        this._handle = null;
        throw watchError(status, filename);
      }
      if (building()) this._handle.unref();
    }

    stop() {
      if (this._handle === null) return;
      nextTick(() => this.emit('stop'));
      this._handle.close();
      this._handle = null;
    }

    ref() {
      if (!building()) this._handle?.ref();
      return this;
    }

    unref() {
      this._handle?.unref();
      return this;
    }
  }

  function watchFile(filename, options, listener) {
    filename = pathModule.resolve(u.pathString(u.getValidatedPath(filename)));
    if (typeof options === 'function') {
      listener = options;
      options = undefined;
    }
    options = { interval: 5007, persistent: true, ...options };
    u.validateFunction(listener, 'listener');
    let watcher = statWatchers.get(filename);
    if (watcher === undefined) {
      watcher = new StatWatcher(options.bigint);
      watcher.start(filename, options.persistent, options.interval);
      statWatchers.set(filename, watcher);
    }
    watcher.addListener('change', listener);
    return watcher;
  }

  function unwatchFile(filename, listener) {
    filename = pathModule.resolve(u.pathString(u.getValidatedPath(filename)));
    const watcher = statWatchers.get(filename);
    if (watcher === undefined) return;
    if (typeof listener === 'function') {
      watcher.removeListener('change', listener);
    } else {
      watcher.removeAllListeners('change');
    }
    if (watcher.listenerCount('change') === 0) {
      watcher.stop();
      statWatchers.delete(filename);
    }
  }

  return { FSWatcher, StatWatcher, watch, watchAsync, watchFile, unwatchFile };
})
