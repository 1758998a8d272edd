// fs.watch(path, { recursive: true }) and its fs.promises.watch form on
// Linux, where inotify watches one directory and Node 20 walks the tree in
// JavaScript: every file and directory under the root gets a watcher of its
// own (fs_watchers.js's FSWatcher), and an event on one becomes, after a stat
// of that path, Node's event for it, named relative to the root. What Node 20
// does, this does too (see the comments): its ref()/unref() do nothing, its
// `encoding` is checked but names stay strings, errors other than ENOENT while
// starting leave a watcher that watches nothing. A lazy script: compiled the
// first time a program asks for `recursive`.
(function (natives, internals, watchers) {
  'use strict';
  const OneWatcher = watchers.FSWatcher;  // fs_watchers.js's, on one FSEvent handle
  const { Promise, SafeMap, SafeSet, StringPrototypeStartsWith, SymbolAsyncIterator } =
    internals.primordials;
  const u = internals.loadFsUtils();
  const { kEmptyObject } = u;
  const EventEmitter = internals.requireBuiltin('events');
  const pathModule = internals.requireBuiltin('path');
  // The build refuses to snapshot one left open; its root's handle stands for all.
  const kResource = 'fs.FSWatcher (fs.watch, recursive)';
  const fs = () => internals.fs;  // read when used, as Node's require('fs') is

  // The keys of a SafeMap, copied: the loops below delete as they go.
  function keysOf(map) {
    const keys = [];
    const iterator = map.keys();
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      keys[keys.length] = next.value;
    }
    return keys;
  }

  class FSWatcher extends EventEmitter {
    #options;
    #closed = false;
    #stats = new SafeMap();    // watched path -> its last Stats
    #watchers = new SafeMap(); // watched path -> its OneWatcher
    #symlinks = new SafeSet(); // watched paths that are symbolic links
    #root = pathModule.resolve();
    #rootIsFile = false;

    constructor(options = kEmptyObject) {
      super();
      const { persistent, recursive, signal, encoding } = options;
      if (recursive != null) u.validateBoolean(recursive, 'options.recursive');
      if (persistent != null) u.validateBoolean(persistent, 'options.persistent');
      if (signal != null) u.validateAbortSignal(signal, 'options.signal');
      // Node 20 names the value as the argument and the option as the value.
      if (encoding != null && typeof encoding !== 'string') {
        throw u.invalidArgValue(encoding, 'options.encoding');
      }
      this.#options = { persistent, recursive, signal, encoding };
    }

    // Starts on `filename`: only a missing root is thrown (with `filename`
    // set, as Node does); any other failure leaves nothing watched.
    start(filename) {
      filename = pathModule.resolve(u.getValidatedPath(filename));
      try {
        const stats = fs().statSync(filename);
        this.#root = filename;
        this.#closed = false;
        this.#rootIsFile = stats.isFile();
        this.#watchPath(filename);
        if (stats.isDirectory()) this.#watchFolder(filename);
      } catch (error) {
        if (error?.code === 'ENOENT') {
          error.filename = filename;
          throw error;
        }
      }
    }

    close() {
      if (this.#closed) return;
      this.#closed = true;
      const paths = keysOf(this.#stats);
      for (let i = 0; i < paths.length; i++) this.#unwatch(paths[i]);
      this.#stats.clear();
      this.#symlinks.clear();
      this.emit('close');
    }

    // Node 20's look for StatWatchers among its Stats, which finds none.
    ref() {}
    unref() {}

    #relative(path) { return pathModule.relative(this.#root, path); }

    #unwatch(path) {
      this.#watchers.get(path)?.close();
      this.#watchers.delete(path);
    }

    // Stops watching `gone` and every path that starts with it (a plain
    // prefix, as Node 20 has it: 'a' takes 'ab' along).
    #unwatchUnder(gone) {
      this.#symlinks.delete(gone);
      const paths = keysOf(this.#stats);
      for (let i = 0; i < paths.length; i++) {
        if (!StringPrototypeStartsWith(paths[i], gone)) continue;
        this.#stats.delete(paths[i]);
        this.#unwatch(paths[i]);
      }
    }

    // Watches what `folder` holds that is not watched yet, announcing each as
    // a rename, and the folders below it in turn.
    #watchFolder(folder) {
      try {
        const entries = fs().readdirSync(folder, { withFileTypes: true });
        for (let i = 0; i < entries.length; i++) {
          if (this.#closed) break;
          const entry = entries[i];
          const path = pathModule.join(folder, entry.name);
          if (this.#stats.has(path)) continue;
          this.emit('change', 'rename', this.#relative(path));
          if (entry.isSymbolicLink()) this.#symlinks.add(path);
          try {
            this.#watchPath(path);
            if (entry.isDirectory() && !entry.isSymbolicLink()) this.#watchFolder(path);
          } catch (error) {
            if (error?.code !== 'ENOENT') throw error;  // gone already: nothing to watch
          }
        }
      } catch (error) {
        this.emit('error', error);
      }
    }

    // One path's own watcher (inotify follows a symbolic link to its target).
    #watchPath(path) {
      if (this.#closed || this.#stats.has(path)) return;
      this.#stats.set(path, fs().statSync(path));
      const watcher = new OneWatcher();
      const kind = path === this.#root ? kResource : null;
      const { persistent } = this.#options;  // null: not persistent, as in Node
      watcher.start(path, persistent === undefined ? true : persistent, false, undefined, kind);
      watcher.addListener('change', () => this.#changed(path, watcher));
      this.#watchers.set(path, watcher);
    }

    // Whatever inotify said about `path`, its stat now decides what it was.
    #changed(path, watcher) {
      const before = this.#stats.get(path);
      let now;
      try {
        now = fs().statSync(path);
        this.#stats.set(path, now);
      } catch {
        // removed
      }
      if (now === undefined || (now.birthtimeMs === 0 && before?.birthtimeMs !== 0)) {
        this.#stats.delete(path);
        this.#watchers.delete(path);
        watcher.close();
        this.emit('change', 'rename', this.#relative(path));
        this.#unwatchUnder(path);
      } else if (path === this.#root && this.#rootIsFile) {
        this.emit('change', 'change', pathModule.basename(path));
      } else if (this.#symlinks.has(path)) {
        this.emit('change', 'rename', this.#relative(path));
      } else if (now.isDirectory()) {
        this.#watchFolder(path);
      } else {
        this.emit('change', 'change', this.#relative(path));
      }
    }

    // fs.promises.watch's iterator: each next() takes the next event that
    // comes after it (those between two calls are not kept, as in Node 20).
    [SymbolAsyncIterator]() {
      const { signal } = this.#options;
      const nextEvent = (resolve, reject) => {
        const onAbort = () => {
          this.close();
          reject(new internals.AbortError(undefined, { cause: signal.reason }));
        };
        if (signal != null) {
          if (signal.aborted) return onAbort();
          signal.addEventListener('abort', onAbort, { once: true });
        }
        this.once('change', (eventType, filename) => {
          signal?.removeEventListener('abort', onAbort);
          resolve({ __proto__: null, value: { eventType, filename } });
        });
      };
      return {
        next: () => (this.#closed ? { __proto__: null, done: true } : new Promise(nextEvent)),
        return: () => {
          this.close();
          return { __proto__: null, done: true };
        },
        [SymbolAsyncIterator]() { return this; },
      };
    }
  }

  return { FSWatcher };
})
