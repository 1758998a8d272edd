// `fs/promises` and fs.promises, with FileHandle (adapted from Node 20's
// lib/internal/fs/promises.js, MIT licence). Every function is async, so
// argument errors reject rather than throw. A FileHandle is a descriptor
// opened with track 2: the build refuses to snapshot one left open.
(function (natives, internals) {
  'use strict';
  const {
    ArrayBufferIsView, Error, MathMin, NumberIsSafeInteger, ObjectDefineProperty, Promise,
    PromisePrototypeFinally, PromisePrototypeThen, PromiseReject, PromiseResolve, ReflectApply,
    ErrorCaptureStackTrace,
    SymbolAsyncIterator, SymbolIterator, Uint8Array, TypedArrayPrototypeSubarray,
  } = internals.primordials;
  const u = internals.fsUtils;
  const {
    Buffer, kUsePromises: P, kEmptyObject, getValidatedPath, getOptions,
    stringToFlags, parseFileMode, toUnixTimestamp, getStatsFromBinding,
  } = u;
  const EventEmitter = internals.requireBuiltin('events');
  const kWriteFileMaxChunkSize = 512 * 1024;

  // Errors made as a request finished carry no JS frames; give them the
  // caller's, as Node does.
  function handleErrorFromBinding(error) {
    if (error !== null && typeof error === 'object') ErrorCaptureStackTrace(error, handleErrorFromBinding);
    return PromiseReject(error);
  }
  const call = (promise) => PromisePrototypeThen(promise, undefined, handleErrorFromBinding);
  const isUtf8 = (encoding) => encoding === 'utf8' || encoding === 'utf-8';

  let ref;
  let unref;
  let isFileHandle;
  class FileHandle extends EventEmitter {
    #fd;
    #refs = 1;
    #closePromise = null;
    #closeResolve;
    #closeReject;

    constructor(fd) {
      super();
      this.#fd = fd;
    }

    get fd() { return this.#fd; }
    appendFile(data, options) { return fsCall(writeFile, this, data, options); }
    chmod(mode) { return fsCall(fchmod, this, mode); }
    chown(uid, gid) { return fsCall(fchown, this, uid, gid); }
    datasync() { return fsCall(fdatasync, this); }
    sync() { return fsCall(fsync, this); }
    read(buffer, offset, length, position) { return fsCall(read, this, buffer, offset, length, position); }
    readv(buffers, position) { return fsCall(readv, this, buffers, position); }
    readFile(options) { return fsCall(readFile, this, options); }
    readLines(options = undefined) {
      return internals.requireBuiltin('readline').createInterface({
        input: this.createReadStream(options), crlfDelay: Infinity,
      });
    }
    stat(options) { return fsCall(fstat, this, options); }
    truncate(len = 0) { return fsCall(ftruncate, this, len); }
    utimes(atime, mtime) { return fsCall(futimes, this, atime, mtime); }
    write(buffer, offset, length, position) { return fsCall(write, this, buffer, offset, length, position); }
    writev(buffers, position) { return fsCall(writev, this, buffers, position); }
    writeFile(data, options) { return fsCall(writeFile, this, data, options); }
    createReadStream(options = undefined) {
      return new (internals.fsStreamsModule().ReadStream)(undefined, { ...options, fd: this });
    }
    createWriteStream(options = undefined) {
      return new (internals.fsStreamsModule().WriteStream)(undefined, { ...options, fd: this });
    }
    readableWebStream() { throw u.notSupportedYet('filehandle.readableWebStream'); }

    close = () => {
      if (this.#fd === -1) return PromiseResolve();
      if (this.#closePromise) return this.#closePromise;
      this.#refs--;
      if (this.#refs === 0) {
        const fd = this.#fd;
        this.#fd = -1;
        this.#closePromise = PromisePrototypeFinally(call(natives.fsClose(fd, P)),
                                                     () => { this.#closePromise = undefined; });
      } else {
        this.#closePromise = PromisePrototypeFinally(new Promise((resolve, reject) => {
          this.#closeResolve = resolve;
          this.#closeReject = reject;
        }), () => {
          this.#closePromise = undefined;
          this.#closeReject = undefined;
          this.#closeResolve = undefined;
        });
      }
      this.emit('close');
      return this.#closePromise;
    };

    static {
      ref = (handle) => { handle.#refs++; };
      unref = (handle) => {
        handle.#refs--;
        if (handle.#refs === 0) {
          const fd = handle.#fd;
          handle.#fd = -1;
          PromisePrototypeThen(call(natives.fsClose(fd, P)), handle.#closeResolve, handle.#closeReject);
        }
      };
      isFileHandle = (value) => value !== null && typeof value === 'object' && #fd in value;
    }
  }

  async function fsCall(fn, handle, ...args) {
    if (handle.fd === -1) {
      const error = new Error('file closed');
      error.code = 'EBADF';
      error.syscall = fn.name;
      throw error;
    }
    const callArgs = [handle];
    for (let i = 0; i < args.length; i++) callArgs[i + 1] = args[i];
    try {
      ref(handle);
      return await ReflectApply(fn, undefined, callArgs);
    } finally {
      unref(handle);
    }
  }
  function checkAborted(signal) {
    if (signal?.aborted) throw u.abortError(signal);
  }
  // A FileHandle's fd, or a validated path.
  const fileOf = (path) => (isFileHandle(path) ? path.fd : getValidatedPath(path));

  // ---- FileHandle operations (handle first) --------------------------------

  async function fchmod(handle, mode) {
    return await call(natives.fsFchmod(handle.fd, parseFileMode(mode, 'mode'), P));
  }
  async function fchown(handle, uid, gid) {
    u.validateInteger(uid, 'uid', -1, u.kMaxUserId);
    u.validateInteger(gid, 'gid', -1, u.kMaxUserId);
    return await call(natives.fsFchown(handle.fd, uid, gid, P));
  }
  async function fdatasync(handle) { return await call(natives.fsFdatasync(handle.fd, P)); }
  async function fsync(handle) { return await call(natives.fsFsync(handle.fd, P)); }
  async function fstat(handle, options = { bigint: false }) {
    return getStatsFromBinding(await call(natives.fsFstat(handle.fd, !!options.bigint, P)));
  }
  async function ftruncate(handle, len = 0) {
    u.validateInteger(len, 'len');
    return await call(natives.fsFtruncate(handle.fd, len < 0 ? 0 : len, P));
  }
  async function futimes(handle, atime, mtime) {
    atime = toUnixTimestamp(atime, 'atime');
    mtime = toUnixTimestamp(mtime, 'mtime');
    return await call(natives.fsFutimes(handle.fd, atime, mtime, P));
  }
  async function read(handle, bufferOrParams, offset, length, position) {
    let buffer = bufferOrParams;
    if (!ArrayBufferIsView(buffer)) {
      if (bufferOrParams !== undefined) u.validateObject(bufferOrParams, 'options', true);
      ({ buffer = Buffer.alloc(16384), offset = 0, length = buffer.byteLength - offset,
         position = null } = bufferOrParams ?? kEmptyObject);
      u.validateBuffer(buffer);
    }
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (offset == null) offset = 0;
    else u.validateInteger(offset, 'offset', 0);
    length ??= buffer.byteLength - offset;
    if (length === 0) return { __proto__: null, bytesRead: length, buffer };
    if (buffer.byteLength === 0) {
      throw u.invalidArgValue('buffer', buffer, 'is empty and cannot be written');
    }
    u.validateOffsetLengthRead(offset, length, buffer.byteLength);
    if (typeof position === 'bigint') position = u.validatePosition(position, 'position');
    if (!NumberIsSafeInteger(position)) position = -1;
    const bytesRead = (await call(natives.fsRead(handle.fd, buffer, offset, length, position, P))) || 0;
    return { __proto__: null, bytesRead, buffer };
  }
  async function readv(handle, buffers, position) {
    u.validateBufferArray(buffers);
    if (typeof position !== 'number') position = null;
    const bytesRead = (await call(natives.fsReadBuffers(handle.fd, buffers, position, P))) || 0;
    return { __proto__: null, bytesRead, buffers };
  }
  async function write(handle, buffer, offsetOrOptions, length, position) {
    if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
    if (ArrayBufferIsView(buffer)) {
      let offset = offsetOrOptions;
      if (typeof offsetOrOptions === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } =
          offsetOrOptions ?? kEmptyObject);
      }
      if (offset == null) offset = 0;
      else u.validateInteger(offset, 'offset', 0);
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      if (typeof position !== 'number') position = null;
      u.validateOffsetLengthWrite(offset, length, buffer.byteLength);
      const bytesWritten = (await call(natives.fsWriteBuffer(handle.fd, buffer, offset, length,
                                                             position ?? -1, P))) || 0;
      return { __proto__: null, bytesWritten, buffer };
    }
    u.validateStringAfterArrayBufferView(buffer, 'buffer');
    // write(string, position, encoding): as Node's binding, anything but a
    // known encoding's name means UTF-8.
    const encoding = typeof length === 'string' && Buffer.isEncoding(length) ? length : 'utf8';
    u.validateEncoding(buffer, encoding);
    const at = typeof offsetOrOptions === 'number' ? offsetOrOptions : null;
    const written = isUtf8(encoding)
      ? natives.fsWriteString(handle.fd, buffer, at, P)
      : natives.fsWriteBuffer(handle.fd, Buffer.from(buffer, encoding), 0,
                              Buffer.byteLength(buffer, encoding), at ?? -1, P);
    const bytesWritten = (await call(written)) || 0;
    return { __proto__: null, bytesWritten, buffer };
  }
  async function writev(handle, buffers, position) {
    u.validateBufferArray(buffers);
    if (typeof position !== 'number') position = null;
    if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
    const bytesWritten = (await call(natives.fsWriteBuffers(handle.fd, buffers, position, P))) || 0;
    return { __proto__: null, bytesWritten, buffers };
  }

  // ---- whole files -----------------------------------------------------------

  async function readFile(path, options) {
    options = getOptions(options, { flag: 'r' });
    checkAborted(options.signal);
    const data = await call(natives.fsReadFile(fileOf(path), stringToFlags(options.flag || 'r'),
                                               isUtf8(options.encoding), P));
    checkAborted(options.signal);
    if (typeof data === 'string') return data;
    const buffer = new internals.buffer.FastBuffer(data);
    return options.encoding ? u.BufferPrototypeToString(buffer, options.encoding) : buffer;
  }
  const isCustomIterable = (data) => data != null && typeof data === 'object' && !ArrayBufferIsView(data) &&
    (typeof data[SymbolAsyncIterator] === 'function' || typeof data[SymbolIterator] === 'function');
  async function writeChunks(handle, data, signal, encoding) {
    checkAborted(signal);
    for await (const chunk of data) {
      checkAborted(signal);
      const bytes = ArrayBufferIsView(chunk) ? chunk : Buffer.from(chunk, encoding || 'utf8');
      let view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      while (view.length > 0) {
        const { bytesWritten } = await write(handle, view, 0, MathMin(kWriteFileMaxChunkSize, view.length));
        view = TypedArrayPrototypeSubarray(view, bytesWritten);
        checkAborted(signal);
      }
    }
  }
  async function writeChecked(handle, data, signal) {
    checkAborted(signal);
    let view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    while (view.length > 0) {
      checkAborted(signal);
      const { bytesWritten } = await write(handle, view, 0, MathMin(kWriteFileMaxChunkSize, view.length));
      view = TypedArrayPrototypeSubarray(view, bytesWritten);
    }
  }
  async function writeFile(path, data, options) {
    options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
    const flag = options.flag || 'w';
    const flush = options.flush ?? false;
    u.validateBoolean(flush, 'options.flush');
    if (!ArrayBufferIsView(data) && !isCustomIterable(data)) {
      u.validateStringAfterArrayBufferView(data, 'data');
      if (!isUtf8(options.encoding || 'utf8')) data = Buffer.from(data, options.encoding);
    }
    checkAborted(options.signal);
    // With a signal, Node's chunked writes, the signal checked before each.
    const { signal } = options;
    if (isCustomIterable(data) || signal !== undefined) {
      const handle = isFileHandle(path) ? path : await open(path, flag, options.mode);
      try {
        if (isCustomIterable(data)) {
          await writeChunks(handle, data, signal, options.encoding);
        } else {
          await writeChecked(handle, typeof data === 'string' ? Buffer.from(data) : data, signal);
        }
        if (flush) await handle.sync();
      } finally {
        if (handle !== path) await handle.close();
      }
      return;
    }
    return await call(natives.fsWriteFile(fileOf(path), data, stringToFlags(flag),
                                          parseFileMode(options.mode, 'mode', 0o666), flush, P));
  }
  async function appendFile(path, data, options) {
    options = u.copyObject(getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }));
    if (!options.flag || isFileHandle(path)) options.flag = 'a';
    return writeFile(path, data, options);
  }

  // ---- paths ---------------------------------------------------------------------

  async function access(path, mode = u.F_OK) {
    return await call(natives.fsAccess(getValidatedPath(path), u.getValidMode(mode, 'access'), P));
  }
  async function copyFile(src, dest, mode) {
    src = getValidatedPath(src, 'src');
    dest = getValidatedPath(dest, 'dest');
    return await call(natives.fsCopyFile(src, dest, u.getValidMode(mode, 'copyFile'), P));
  }
  async function cp(src, dest, options) {
    options = u.validateCpOptions(options);
    src = getValidatedPath(src, 'src');
    dest = getValidatedPath(dest, 'dest');
    return internals.fsCpPromise(src, dest, options);
  }
  async function open(path, flags, mode) {
    path = getValidatedPath(path);
    const flagsNumber = stringToFlags(flags);
    mode = parseFileMode(mode, 'mode', 0o666);
    return new FileHandle(await call(natives.fsOpen(path, flagsNumber, mode, 2, P)));
  }
  async function rename(oldPath, newPath) {
    oldPath = getValidatedPath(oldPath, 'oldPath');
    newPath = getValidatedPath(newPath, 'newPath');
    return await call(natives.fsRename(oldPath, newPath, P));
  }
  async function truncate(path, len = 0) {
    const handle = await open(path, 'r+');
    try {
      await ftruncate(handle, len);
    } finally {
      await handle.close();
    }
  }
  function validateRm(path, options, expectDir) {
    return new Promise((resolve, reject) => {
      u.validateRmOptions(path, options, expectDir, (error, checked) => {
        if (error === false) resolve(false); else if (error) reject(error); else resolve(checked);
      });
    });
  }
  async function rm(path, options) {
    path = getValidatedPath(path);
    options = await validateRm(path, options, false);
    return await call(natives.fsRm(path, options.maxRetries, options.retryDelay, P));
  }
  async function rmdir(path, options) {
    path = getValidatedPath(path);
    options = u.validateRmdirOptions(options);
    if (options.recursive) {
      u.emitRecursiveRmdirWarning();
      const checked = await validateRm(path, { ...options, force: false }, true);
      if (checked !== false) return await call(natives.fsRm(path, checked.maxRetries, checked.retryDelay, P));
    }
    return await call(natives.fsRmdir(path, P));
  }
  async function mkdir(path, options) {
    if (typeof options === 'number' || typeof options === 'string') options = { mode: options };
    const { recursive = false, mode = 0o777 } = options || kEmptyObject;
    path = getValidatedPath(path);
    u.validateBoolean(recursive, 'options.recursive');
    return await call(natives.fsMkdir(path, parseFileMode(mode, 'mode', 0o777), recursive, P));
  }
  async function readdir(path, options) {
    options = getOptions(options);
    path = getValidatedPath(path);
    if (options.recursive) return internals.fs.readdirSync(path, options);
    const result = await call(natives.fsReaddir(path, u.asBytes(options), !!options.withFileTypes, P));
    if (!options.withFileTypes) return u.encodeNames(result, options);
    u.encodeNames(result[0], options);
    return new Promise((resolve, reject) => {
      u.getDirents(path, result, (error, dirents) => (error ? reject(error) : resolve(dirents)));
    });
  }
  async function readlink(path, options) {
    options = getOptions(options);
    path = getValidatedPath(path, 'oldPath');
    return u.encodeName(await call(natives.fsReadlink(path, u.asBytes(options), P)), options);
  }
  async function symlink(target, path, type) {
    type = typeof type === 'string' ? type : null;
    target = getValidatedPath(target, 'target');
    path = getValidatedPath(path);
    return await call(natives.fsSymlink(target, path, u.stringToSymlinkType(type), P));
  }
  async function lstat(path, options = { bigint: false }) {
    return getStatsFromBinding(await call(natives.fsLstat(getValidatedPath(path), !!options.bigint, true, P)));
  }
  async function stat(path, options = { bigint: false }) {
    return getStatsFromBinding(await call(natives.fsStat(getValidatedPath(path), !!options.bigint, true, P)));
  }
  async function statfs(path, options = { bigint: false }) {
    return u.getStatFsFromBinding(await call(natives.fsStatfs(getValidatedPath(path), !!options.bigint, P)));
  }
  async function link(existingPath, newPath) {
    existingPath = getValidatedPath(existingPath, 'existingPath');
    newPath = getValidatedPath(newPath, 'newPath');
    return await call(natives.fsLink(existingPath, newPath, P));
  }
  async function unlink(path) { return await call(natives.fsUnlink(getValidatedPath(path), P)); }
  async function chmod(path, mode) {
    path = getValidatedPath(path);
    return await call(natives.fsChmod(path, parseFileMode(mode, 'mode'), P));
  }
  async function lchmod() {
    throw u.nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The lchmod() method is not implemented');
  }
  async function lchown(path, uid, gid) {
    path = getValidatedPath(path);
    u.validateInteger(uid, 'uid', -1, u.kMaxUserId);
    u.validateInteger(gid, 'gid', -1, u.kMaxUserId);
    return await call(natives.fsLchown(path, uid, gid, P));
  }
  async function chown(path, uid, gid) {
    path = getValidatedPath(path);
    u.validateInteger(uid, 'uid', -1, u.kMaxUserId);
    u.validateInteger(gid, 'gid', -1, u.kMaxUserId);
    return await call(natives.fsChown(path, uid, gid, P));
  }
  async function utimes(path, atime, mtime) {
    path = getValidatedPath(path);
    return await call(natives.fsUtimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime), P));
  }
  async function lutimes(path, atime, mtime) {
    path = getValidatedPath(path);
    return await call(natives.fsLutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime), P));
  }
  async function realpath(path, options) {
    options = getOptions(options);
    path = getValidatedPath(path);
    return u.encodeName(await call(natives.fsRealpath(path, u.asBytes(options), P)), options);
  }
  async function mkdtemp(prefix, options) {
    options = getOptions(options);
    prefix = getValidatedPath(prefix, 'prefix');
    u.warnOnNonPortableTemplate(prefix);
    return u.encodeName(await call(natives.fsMkdtemp(prefix, u.asBytes(options), P)), options);
  }
  // An async generator, as Node's: argument errors come with the first next().
  function watch(filename, options) { return internals.fsWatchers().watchAsync(filename, options); }

  const promises = {
    access, copyFile, cp, open, opendir: internals.fsOpendirPromise, rename, truncate, rm, rmdir,
    mkdir, readdir, readlink, symlink, lstat, stat, statfs, link, unlink, chmod, lchmod, lchown,
    chown, utimes, lutimes, realpath, mkdtemp, writeFile, appendFile, readFile, watch,
    constants: u.constants,
  };
  ObjectDefineProperty(internals.fs, 'promises', {
    configurable: true, enumerable: true, get() { return promises; },
  });
  internals.defineBuiltin('fs/promises', () => promises);
  internals.FileHandle = FileHandle;
  // For fs_streams.js: a stream over a FileHandle holds a reference to it.
  internals.isFileHandle = (value) => isFileHandle(value);
  internals.fileHandleRef = (handle) => ref(handle);
  internals.fileHandleUnref = (handle) => unref(handle);
  internals.fsIsFileHandle = isFileHandle;
})
