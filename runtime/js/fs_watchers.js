// fs.watch (FSWatcher), fs.watchFile/unwatchFile (StatWatcher) and
// fs.promises.watch, as Node 20 has them, on the FSEvent and StatWatcher
// handles of runtime/node/fs_watch.cc. A lazy script: compiled, with its
// handle classes, the first time a program watches a file.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeShift, Error, Promise, PromiseResolve, SafeMap,
    SymbolAsyncIterator,
  } = internals.primordials;
  const u = internals.loadFsUtils();
  const { Buffer, kEmptyObject } = u;
  const EventEmitter = internals.requireBuiltin('events');
  const pathModule = internals.requireBuiltin('path');
  const { nextTick } = globalThis.process;
  const classes = natives.loadWatchClasses();
  const UV_ENOSPC = -28;

  // Node's uvException for a watcher: "<CODE>: <description>, watch '<path>'",
  // with errno, code, syscall, path and filename.
  function watchError(status, filename, message) {
    const [code, description] = natives.uvErrorName(status);
    const error = new Error(`${code}: ${message ?? description}, watch '${filename}'`);
    error.errno = status;
    error.code = code;
    error.syscall = 'watch';
    error.path = filename;
    error.filename = filename;
    return error;
  }

  function encodeFilename(name, encoding) {
    if (name === null || encoding === 'utf8' || encoding === 'utf-8' || encoding === undefined) {
      return name;
    }
    const bytes = Buffer.from(name);
    return encoding === 'buffer' ? bytes : bytes.toString(encoding);
  }

  // ---- fs.watch ---------------------------------------------------------------

  class FSWatcher extends EventEmitter {
    constructor() {
      super();
      this._handle = new classes.FSEvent();
      this._encoding = undefined;
    }

    start(filename, persistent, recursive, encoding) {
      if (this._handle === null) return;  // closed before it started
      this._encoding = encoding;
      const status = this._handle.start(filename, persistent, recursive, (code, type, name) => {
        if (code < 0) {
          if (this._handle !== null) {
            this._handle.close();
            this._handle = null;
          }
          this.emit('error', watchError(code, name ?? filename));
          return;
        }
        this.emit('change', type, encodeFilename(name, this._encoding));
      });
      if (status !== 0) {
        this._handle.close();
        this._handle = null;
        throw watchError(status, filename,
                         status === UV_ENOSPC ? 'inotify limit reached' : undefined);
      }
    }

    close() {
      if (this._handle === null) return;
      this._handle.close();
      this._handle = null;
      nextTick(() => this.emit('close'));
    }

    ref() {
      this._handle?.ref();
      return this;
    }

    unref() {
      this._handle?.unref();
      return this;
    }
  }

  function watchOptions(options) {
    if (typeof options === 'string') options = { encoding: options };
    options = u.getOptions(options, kEmptyObject);
    const persistent = options.persistent ?? true;
    const recursive = options.recursive ?? false;
    u.validateBoolean(persistent, 'options.persistent');
    u.validateBoolean(recursive, 'options.recursive');
    if (options.encoding !== undefined && options.encoding !== 'buffer') u.assertEncoding(options.encoding);
    if (options.signal !== undefined) u.validateAbortSignal(options.signal, 'options.signal');
    if (recursive) {
      // libuv watches one directory on Linux; Node 20 walks the tree in JS.
      throw u.notSupportedYet("fs.watch's recursive option");
    }
    return { persistent, recursive, encoding: options.encoding ?? 'utf8', signal: options.signal };
  }

  function watch(filename, options, listener) {
    if (typeof options === 'function') {
      listener = options;
      options = undefined;
    }
    const { persistent, recursive, encoding, signal } = watchOptions(options);
    const path = u.getValidatedPath(filename);
    const watcher = new FSWatcher();
    watcher.start(u.pathString(path), persistent, recursive, encoding);
    if (listener) watcher.addListener('change', listener);
    if (signal) {
      if (signal.aborted) {
        nextTick(() => watcher.close());
      } else {
        const onAbort = () => watcher.close();
        signal.addEventListener('abort', onAbort, { once: true });
        watcher.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return watcher;
  }

  // fs.promises.watch: an async iterator of { eventType, filename }.
  function watchAsync(filename, options = kEmptyObject) {
    const { persistent, recursive, encoding, signal } = watchOptions(options);
    const path = u.getValidatedPath(filename);
    if (signal?.aborted) {
      return { async next() { throw u.abortError(signal); }, [SymbolAsyncIterator]() { return this; } };
    }
    const watcher = new FSWatcher();
    watcher.start(u.pathString(path), persistent, recursive, encoding);
    const queue = [];
    let waiting = null;  // the pending next()'s settle functions
    let failure = null;
    let done = false;
    const settle = () => {
      if (waiting === null) return;
      const { resolve, reject } = waiting;
      if (queue.length > 0) {
        waiting = null;
        resolve({ value: ArrayPrototypeShift(queue), done: false });
      } else if (failure !== null) {
        waiting = null;
        reject(failure);
      } else if (done) {
        waiting = null;
        resolve({ value: undefined, done: true });
      }
    };
    const finish = (error) => {
      if (done) return;
      done = true;
      failure = error ?? null;
      watcher.close();
      settle();
    };
    watcher.on('change', (eventType, name) => {
      ArrayPrototypePush(queue, { eventType, filename: name });
      settle();
    });
    watcher.on('error', (error) => finish(error));
    const onAbort = () => finish(u.abortError(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    return {
      next() {
        return new Promise((resolve, reject) => {
          waiting = { resolve, reject };
          settle();
        });
      },
      return() {
        signal?.removeEventListener('abort', onAbort);
        finish();
        return PromiseResolve({ value: undefined, done: true });
      },
      [SymbolAsyncIterator]() { return this; },
    };
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
      const status = this._handle.start(filename, persistent, interval, (code, current, previous) => {
        // A file that stays missing is reported once, when it goes.
        if (code < 0 && this._failing) return;
        this._failing = code < 0;
        this.emit('change', u.getStatsFromBinding(current), u.getStatsFromBinding(previous));
      });
      if (status !== 0) {
        this._handle.close();
        this._handle = null;
        throw watchError(status, filename);
      }
    }

    stop() {
      if (this._handle === null) return;
      nextTick(() => this.emit('stop'));
      this._handle.close();
      this._handle = null;
    }

    ref() {
      this._handle?.ref();
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
