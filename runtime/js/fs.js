// Node's `fs`: the synchronous and callback forms (adapted from Node 20's
// lib/fs.js, MIT licence) on the natives of runtime/node/fs*.cc. fs_dir.js
// adds readdir and Dir/opendir, fs_promises.js `fs.promises`, fs_cp.js cp/cpSync; this
// file defines the `fs` builtin itself; fs_streams.js its streams and
// fs_watchers.js its watchers, both compiled on first use.
(function (natives, internals) {
  'use strict';
  const {
    ArrayBufferIsView, MathMax, ObjectDefineProperties, ObjectDefineProperty,
    ObjectFreeze,
    Promise, StringPrototypeIndexOf, StringPrototypeSlice, Symbol, SymbolFor,
  } = internals.primordials;
  const u = internals.fsUtils;
  const {
    Buffer, constants, kEmptyObject, getValidatedPath, getValidatedFd, getOptions,
    validateFunction, validateBoolean, validateInteger, validateObject, validateBuffer,
    stringToFlags, parseFileMode, toUnixTimestamp, getStatsFromBinding,
  } = u;
  const { nextTick } = globalThis.process;
  const kMaxUserId = u.kMaxUserId;
  const isInt32 = (value) => value === (value | 0);
  const pathModule = () => internals.requireBuiltin('path');

  // What the callbacks throw reaches 'uncaughtException' listeners (timers.js).
  const callUserCode = (cb, args) => internals.callUserCode(cb, undefined, args);
  function makeCallback(cb) {
    validateFunction(cb, 'cb');
    return (...args) => callUserCode(cb, args);
  }
  function makeStatsCallback(cb) {
    validateFunction(cb, 'cb');
    return (error, stats) => callUserCode(cb, error ? [error] : [null, getStatsFromBinding(stats)]);
  }
  // A callback for the natives' names (strings or bytes) in `options`' encoding.
  function makeNameCallback(cb, options) {
    validateFunction(cb, 'cb');
    return (error, name) => callUserCode(cb, error ? [error] : [null, u.encodeName(name, options)]);
  }

  // ---- access, exists, open, close ------------------------------------------

  function access(path, mode, callback) {
    if (typeof mode === 'function') {
      callback = mode;
      mode = u.F_OK;
    }
    path = getValidatedPath(path);
    natives.fsAccess(path, u.getValidMode(mode, 'access'), makeCallback(callback));
  }
  function accessSync(path, mode) {
    natives.fsAccess(getValidatedPath(path), u.getValidMode(mode, 'access'));
  }
  function exists(path, callback) {
    validateFunction(callback, 'cb');
    try {
      fs.access(path, u.F_OK, (error) => callback(!error));
    } catch {
      return callback(false);
    }
  }
  ObjectDefineProperty(exists, SymbolFor('nodejs.util.promisify.custom'), {
    value: function exists(path) { return new Promise((resolve) => fs.exists(path, resolve)); },
  });
  // existsSync does not throw for invalid arguments (as in Node), only when
  // the permission model denies the read.
  function existsSync(path) {
    try {
      path = getValidatedPath(path);
    } catch {
      return false;
    }
    return natives.fsExists(path);
  }

  function open(path, flags, mode, callback) {
    path = getValidatedPath(path);
    if (arguments.length < 3) {
      callback = flags;
      flags = 'r';
      mode = 0o666;
    } else if (typeof mode === 'function') {
      callback = mode;
      mode = 0o666;
    } else {
      mode = parseFileMode(mode, 'mode', 0o666);
    }
    natives.fsOpen(path, stringToFlags(flags), mode, 1, makeCallback(callback));
  }
  function openSync(path, flags, mode) {
    return natives.fsOpen(getValidatedPath(path), stringToFlags(flags),
                          parseFileMode(mode, 'mode', 0o666), 1);
  }
  function defaultCloseCallback(error) {
    if (error != null) throw error;
  }
  function close(fd, callback = defaultCloseCallback) {
    fd = getValidatedFd(fd);
    if (callback !== defaultCloseCallback) callback = makeCallback(callback);
    natives.fsClose(fd, callback);
  }
  function closeSync(fd) {
    natives.fsClose(getValidatedFd(fd));
  }

  // ---- read and write -------------------------------------------------------

  function read(fd, buffer, offsetOrOptions, length, position, callback) {
    fd = getValidatedFd(fd);
    let offset = offsetOrOptions;
    let params = null;
    if (arguments.length <= 4) {
      if (arguments.length === 4) {
        validateObject(offsetOrOptions, 'options', true);
        callback = length;
        params = offsetOrOptions;
      } else if (arguments.length === 3) {
        if (!ArrayBufferIsView(buffer)) {
          params = buffer;
          ({ buffer = Buffer.alloc(16384) } = params ?? kEmptyObject);
        }
        callback = offsetOrOptions;
      } else {
        callback = buffer;
        buffer = Buffer.alloc(16384);
      }
      if (params !== undefined) validateObject(params, 'options', true);
      ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? kEmptyObject);
    }
    validateBuffer(buffer);
    validateFunction(callback, 'cb');
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    length |= 0;
    if (length === 0) return nextTick(() => callback(null, 0, buffer));
    if (buffer.byteLength === 0) {
      throw u.invalidArgValue('buffer', buffer, 'is empty and cannot be written');
    }
    u.validateOffsetLengthRead(offset, length, buffer.byteLength);
    position = u.validatePosition(position ?? -1, 'position');
    natives.fsRead(fd, buffer, offset, length, position,
                   (error, bytesRead) => callback(error, bytesRead || 0, buffer));
  }
  function readSync(fd, buffer, offsetOrOptions, length, position) {
    fd = getValidatedFd(fd);
    validateBuffer(buffer);
    let offset = offsetOrOptions;
    if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
      if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', true);
      ({ offset = 0, length = buffer.byteLength - offset, position = null } =
        offsetOrOptions ?? kEmptyObject);
    }
    if (offset === undefined) offset = 0;
    else validateInteger(offset, 'offset', 0);
    length |= 0;
    if (length === 0) return 0;
    if (buffer.byteLength === 0) {
      throw u.invalidArgValue('buffer', buffer, 'is empty and cannot be written');
    }
    u.validateOffsetLengthRead(offset, length, buffer.byteLength);
    position = u.validatePosition(position ?? -1, 'position');
    return natives.fsRead(fd, buffer, offset, length, position);
  }
  function readv(fd, buffers, position, callback) {
    fd = getValidatedFd(fd);
    u.validateBufferArray(buffers);
    callback ||= position;
    validateFunction(callback, 'cb');
    if (typeof position !== 'number') position = null;
    natives.fsReadBuffers(fd, buffers, position, (error, bytesRead) => callback(error, bytesRead || 0, buffers));
  }
  function readvSync(fd, buffers, position) {
    fd = getValidatedFd(fd);
    u.validateBufferArray(buffers);
    if (typeof position !== 'number') position = null;
    return natives.fsReadBuffers(fd, buffers, position);
  }

  // The natives take a string as UTF-8; other encodings go as bytes.
  // As Node's binding: anything but a known encoding's name means UTF-8.
  function stringData(string, encoding) {
    if (typeof encoding !== 'string' || !Buffer.isEncoding(encoding)) return string;
    return encoding === 'utf8' || encoding === 'utf-8' ? string : Buffer.from(string, encoding);
  }
  function write(fd, buffer, offsetOrOptions, length, position, callback) {
    fd = getValidatedFd(fd);
    let offset = offsetOrOptions;
    if (ArrayBufferIsView(buffer)) {
      callback ||= position || length || offset;
      validateFunction(callback, 'cb');
      if (typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } =
          offsetOrOptions ?? kEmptyObject);
      }
      if (offset == null || typeof offset === 'function') offset = 0;
      else validateInteger(offset, 'offset', 0);
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      if (typeof position !== 'number') position = null;
      u.validateOffsetLengthWrite(offset, length, buffer.byteLength);
      natives.fsWriteBuffer(fd, buffer, offset, length, position ?? -1,
                            (error, written) => callback(error, written || 0, buffer));
      return;
    }
    u.validateStringAfterArrayBufferView(buffer, 'buffer');
    if (typeof position !== 'function') {
      if (typeof offset === 'function') {
        position = offset;
        offset = null;
      } else {
        position = length;
      }
      length = 'utf8';
    }
    const string = buffer;
    u.validateEncoding(string, length);
    callback = position;
    validateFunction(callback, 'cb');
    const done = (error, written) => callback(error, written || 0, string);
    const data = stringData(string, length);
    if (typeof data === 'string') natives.fsWriteString(fd, data, offset, done);
    else natives.fsWriteBuffer(fd, data, 0, data.length, typeof offset === 'number' ? offset : -1, done);
  }
  function writeSync(fd, buffer, offsetOrOptions, length, position) {
    fd = getValidatedFd(fd);
    let offset = offsetOrOptions;
    if (ArrayBufferIsView(buffer)) {
      if (typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } =
          offsetOrOptions ?? kEmptyObject);
      }
      if (offset == null) offset = 0;
      else validateInteger(offset, 'offset', 0);
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      u.validateOffsetLengthWrite(offset, length, buffer.byteLength);
      return natives.fsWriteBuffer(fd, buffer, offset, length,
                                   typeof position === 'number' ? position : -1);
    }
    u.validateStringAfterArrayBufferView(buffer, 'buffer');
    u.validateEncoding(buffer, length);
    const data = stringData(buffer, length);
    if (typeof data === 'string') return natives.fsWriteString(fd, data, offset ?? null);
    return natives.fsWriteBuffer(fd, data, 0, data.length, typeof offset === 'number' ? offset : -1);
  }
  function writev(fd, buffers, position, callback) {
    fd = getValidatedFd(fd);
    u.validateBufferArray(buffers);
    callback ||= position;
    validateFunction(callback, 'cb');
    if (buffers.length === 0) return nextTick(callback, null, 0, buffers);
    if (typeof position !== 'number') position = null;
    natives.fsWriteBuffers(fd, buffers, position, (error, written) => callback(error, written || 0, buffers));
  }
  function writevSync(fd, buffers, position) {
    fd = getValidatedFd(fd);
    u.validateBufferArray(buffers);
    if (buffers.length === 0) return 0;
    if (typeof position !== 'number') position = null;
    return natives.fsWriteBuffers(fd, buffers, position);
  }

  // ---- whole files ----------------------------------------------------------

  const isUtf8 = (encoding) => encoding === 'utf8' || encoding === 'utf-8';
  function fileArgument(path) {
    return isInt32(path) ? getValidatedFd(path) : getValidatedPath(path);
  }
  function decoded(bytes, encoding) {
    const buffer = new internals.buffer.FastBuffer(bytes);
    return encoding ? u.BufferPrototypeToString(buffer, encoding) : buffer;
  }
  function readFile(path, options, callback) {
    callback ||= options;
    validateFunction(callback, 'cb');
    options = getOptions(options, { flag: 'r' });
    if (options.signal?.aborted) return callback(u.abortError(options.signal));
    const file = fileArgument(path);
    const encoding = options.encoding;
    const flags = stringToFlags(options.flag, 'options.flag');
    natives.fsReadFile(file, flags, isUtf8(encoding), (error, data) => {
      if (error) return callback(error);
      callback(null, typeof data === 'string' ? data : decoded(data, encoding));
    });
  }
  function readFileSync(path, options) {
    let encoding;
    let flag = 'r';
    if (typeof options === 'string') {  // getOptions without its copy of the options
      if (options !== 'buffer') u.assertEncoding(options);
      encoding = options;
    } else {
      options = getOptions(options, { flag: 'r' });
      encoding = options.encoding;
      flag = options.flag;
    }
    const data = natives.fsReadFile(fileArgument(path), stringToFlags(flag), isUtf8(encoding));
    return typeof data === 'string' ? data : decoded(data, encoding);
  }
  // The data writeFile's natives take: a string (UTF-8) or a view.
  function writeData(data, encoding) {
    if (ArrayBufferIsView(data)) return data;
    u.validateStringAfterArrayBufferView(data, 'data');
    return stringData(data, encoding || 'utf8');
  }
  const writeDefaults = { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false };
  // One native job opens, writes, flushes and closes; with `flush` or a
  // signal, Node's steps run instead, through fs's own open, fsync and close
  // (which programs, and Node's tests, may replace), the signal checked once
  // the file is open.
  function writeFile(path, data, options, callback) {
    callback ||= options;
    validateFunction(callback, 'cb');
    options = getOptions(options, writeDefaults);
    const flush = options.flush ?? false;
    validateBoolean(flush, 'options.flush');
    data = writeData(data, options.encoding);
    const { signal } = options;
    if (signal?.aborted) return callback(u.abortError(signal));
    if (!flush && signal === undefined) {
      return natives.fsWriteFile(fileArgument(path), data, stringToFlags(options.flag || 'w'),
                                 parseFileMode(options.mode, 'mode', 0o666), false,
                                 makeCallback(callback));
    }
    if (isInt32(path)) return writeOpened(getValidatedFd(path), true, data, signal, flush, callback);
    fs.open(path, options.flag || 'w', options.mode, (openError, fd) => {
      if (openError) return callback(openError);
      writeOpened(fd, false, data, signal, flush, callback);
    });
  }
  function writeOpened(fd, isUserFd, data, signal, flush, callback) {
    const done = (error) => {
      if (isUserFd) return callback(error ?? null);
      fs.close(fd, (closeError) => callback(u.aggregateTwoErrors(closeError, error) ?? null));
    };
    if (signal?.aborted) return done(u.abortError(signal));
    natives.fsWriteFile(fd, data, 0, 0, false, (writeError) => {
      if (writeError || !flush) return done(writeError);
      fs.fsync(fd, (syncError) => done(syncError));
    });
  }
  function writeFileSync(path, data, options) {
    options = getOptions(options, writeDefaults);
    const flush = options.flush ?? false;
    validateBoolean(flush, 'options.flush');
    data = writeData(data, options.encoding);
    if (!flush) {
      return natives.fsWriteFile(fileArgument(path), data, stringToFlags(options.flag || 'w'),
                                 parseFileMode(options.mode, 'mode', 0o666), false);
    }
    const isUserFd = isInt32(path);
    const fd = isUserFd ? getValidatedFd(path) : fs.openSync(path, options.flag || 'w', options.mode);
    try {
      natives.fsWriteFile(fd, data, 0, 0, false);
      fs.fsyncSync(fd);
    } finally {
      if (!isUserFd) fs.closeSync(fd);
    }
  }
  function appendOptions(path, options) {
    options = u.copyObject(getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }));
    if (!options.flag || isInt32(path)) options.flag = 'a';
    return options;
  }
  function appendFile(path, data, options, callback) {
    callback ||= options;
    validateFunction(callback, 'cb');
    fs.writeFile(path, data, appendOptions(path, options), callback);
  }
  function appendFileSync(path, data, options) {
    fs.writeFileSync(path, data, appendOptions(path, options));
  }

  // ---- names: rename, links, unlink, truncate -------------------------------

  function rename(oldPath, newPath, callback) {
    callback = makeCallback(callback);
    natives.fsRename(getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath'), callback);
  }
  function renameSync(oldPath, newPath) {
    natives.fsRename(getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath'));
  }
  function truncate(path, len, callback) {
    if (typeof path === 'number') return fs.ftruncate(path, len, callback);
    if (typeof len === 'function') {
      callback = len;
      len = 0;
    } else if (len === undefined) {
      len = 0;
    }
    validateInteger(len, 'len');
    len = MathMax(0, len);
    validateFunction(callback, 'cb');
    fs.open(path, 'r+', (error, fd) => {
      if (error) return callback(error);
      natives.fsFtruncate(fd, len, (truncateError) => {
        fs.close(fd, (closeError) => callback(u.aggregateTwoErrors(closeError, truncateError)));
      });
    });
  }
  function truncateSync(path, len) {
    if (typeof path === 'number') return fs.ftruncateSync(path, len);
    if (len === undefined) len = 0;
    const fd = fs.openSync(path, 'r+');
    try {
      fs.ftruncateSync(fd, len);
    } finally {
      fs.closeSync(fd);
    }
  }
  function ftruncate(fd, len = 0, callback) {
    if (typeof len === 'function') {
      callback = len;
      len = 0;
    }
    fd = getValidatedFd(fd);
    validateInteger(len, 'len');
    natives.fsFtruncate(fd, MathMax(0, len), makeCallback(callback));
  }
  function ftruncateSync(fd, len = 0) {
    fd = getValidatedFd(fd);
    validateInteger(len, 'len');
    natives.fsFtruncate(fd, MathMax(0, len));
  }
  function symlink(target, path, type, callback) {
    callback = makeCallback(arguments[arguments.length - 1]);
    type = typeof type === 'string' ? type : null;
    natives.fsSymlink(getValidatedPath(target, 'target'), getValidatedPath(path),
                      u.stringToSymlinkType(type), callback);
  }
  function symlinkSync(target, path, type) {
    type = typeof type === 'string' ? type : null;
    natives.fsSymlink(getValidatedPath(target, 'target'), getValidatedPath(path),
                      u.stringToSymlinkType(type));
  }
  function link(existingPath, newPath, callback) {
    callback = makeCallback(callback);
    natives.fsLink(getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'),
                   callback);
  }
  function linkSync(existingPath, newPath) {
    natives.fsLink(getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
  }
  function unlink(path, callback) {
    callback = makeCallback(callback);
    natives.fsUnlink(getValidatedPath(path), callback);
  }
  function unlinkSync(path) {
    natives.fsUnlink(getValidatedPath(path));
  }
  function readlink(path, options, callback) {
    callback = typeof options === 'function' ? options : callback;
    options = getOptions(options);
    path = getValidatedPath(path, 'oldPath');
    natives.fsReadlink(path, u.asBytes(options), makeNameCallback(callback, options));
  }
  function readlinkSync(path, options) {
    options = getOptions(options);
    return u.encodeName(natives.fsReadlink(getValidatedPath(path, 'oldPath'), u.asBytes(options)), options);
  }
  function copyFile(src, dest, mode, callback) {
    if (typeof mode === 'function') {
      callback = mode;
      mode = 0;
    }
    src = getValidatedPath(src, 'src');
    dest = getValidatedPath(dest, 'dest');
    natives.fsCopyFile(src, dest, u.getValidMode(mode, 'copyFile'), makeCallback(callback));
  }
  function copyFileSync(src, dest, mode) {
    natives.fsCopyFile(getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest'),
                       u.getValidMode(mode, 'copyFile'));
  }

  // ---- directories ----------------------------------------------------------

  function mkdirOptions(options) {
    let mode = 0o777;
    let recursive = false;
    if (typeof options === 'number' || typeof options === 'string') {
      mode = options;
    } else if (options) {
      if (options.recursive !== undefined) recursive = options.recursive;
      if (options.mode !== undefined) mode = options.mode;
    }
    validateBoolean(recursive, 'options.recursive');
    return { mode: parseFileMode(mode, 'mode'), recursive };
  }
  function mkdir(path, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    callback = makeCallback(callback);
    path = getValidatedPath(path);
    const { mode, recursive } = mkdirOptions(options);
    natives.fsMkdir(path, mode, recursive, callback);
  }
  function mkdirSync(path, options) {
    path = getValidatedPath(path);
    const { mode, recursive } = mkdirOptions(options);
    const result = natives.fsMkdir(path, mode, recursive);
    if (recursive) return result;
  }
  function mkdtemp(prefix, options, callback) {
    callback = typeof options === 'function' ? options : callback;
    options = getOptions(options);
    prefix = getValidatedPath(prefix, 'prefix');
    u.warnOnNonPortableTemplate(prefix);
    natives.fsMkdtemp(prefix, u.asBytes(options), makeNameCallback(callback, options));
  }
  function mkdtempSync(prefix, options) {
    options = getOptions(options);
    prefix = getValidatedPath(prefix, 'prefix');
    u.warnOnNonPortableTemplate(prefix);
    return u.encodeName(natives.fsMkdtemp(prefix, u.asBytes(options)), options);
  }
  function rmdir(path, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    callback = makeCallback(callback);
    path = getValidatedPath(path);
    if (options?.recursive) {
      u.emitRecursiveRmdirWarning();
      u.validateRmOptions(path, { ...options, force: false }, true, (error, checked) => {
        if (error === false) return natives.fsRmdir(path, callback);
        if (error) return callback(error);
        natives.fsRm(path, checked.maxRetries, checked.retryDelay, callback);
      });
      return;
    }
    u.validateRmdirOptions(options);
    natives.fsRmdir(path, callback);
  }
  function rmdirSync(path, options) {
    path = getValidatedPath(path);
    if (options?.recursive) {
      u.emitRecursiveRmdirWarning();
      options = u.validateRmOptionsSync(path, { ...options, force: false }, true);
      if (options !== false) return natives.fsRm(path, options.maxRetries, options.retryDelay);
    } else {
      u.validateRmdirOptions(options);
    }
    natives.fsRmdir(path);
  }
  function rm(path, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    path = getValidatedPath(path);
    u.validateRmOptions(path, options, false, (error, checked) => {
      if (error) return callback(error);
      natives.fsRm(path, checked.maxRetries, checked.retryDelay, makeCallback(callback));
    });
  }
  function rmSync(path, options) {
    path = getValidatedPath(path);
    options = u.validateRmOptionsSync(path, options, false);
    natives.fsRm(path, options.maxRetries, options.retryDelay);
  }

  // ---- stat -----------------------------------------------------------------

  function fstat(fd, options = { bigint: false }, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = kEmptyObject;
    }
    natives.fsFstat(getValidatedFd(fd), !!options.bigint, makeStatsCallback(callback));
  }
  function lstat(path, options = { bigint: false }, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = kEmptyObject;
    }
    callback = makeStatsCallback(callback);
    natives.fsLstat(getValidatedPath(path), !!options.bigint, true, callback);
  }
  function stat(path, options = { bigint: false }, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = kEmptyObject;
    }
    callback = makeStatsCallback(callback);
    natives.fsStat(getValidatedPath(path), !!options.bigint, true, callback);
  }
  function statfs(path, options = { bigint: false }, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = kEmptyObject;
    }
    validateFunction(callback, 'cb');
    natives.fsStatfs(getValidatedPath(path), !!options.bigint,
                     (error, stats) => (error ? callback(error) : callback(null, u.getStatFsFromBinding(stats))));
  }
  function fstatSync(fd, options = { bigint: false }) {
    return getStatsFromBinding(natives.fsFstat(getValidatedFd(fd), !!options.bigint));
  }
  function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
    const stats = natives.fsLstat(getValidatedPath(path), !!options.bigint, options.throwIfNoEntry !== false);
    return stats === undefined ? undefined : getStatsFromBinding(stats);
  }
  function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
    const stats = natives.fsStat(getValidatedPath(path), !!options.bigint, options.throwIfNoEntry !== false);
    return stats === undefined ? undefined : getStatsFromBinding(stats);
  }
  function statfsSync(path, options = { bigint: false }) {
    return u.getStatFsFromBinding(natives.fsStatfs(getValidatedPath(path), !!options.bigint));
  }

  // ---- modes, owners, times, sync -------------------------------------------

  function chmod(path, mode, callback) {
    path = getValidatedPath(path);
    mode = parseFileMode(mode, 'mode');
    natives.fsChmod(path, mode, makeCallback(callback));
  }
  function chmodSync(path, mode) {
    natives.fsChmod(getValidatedPath(path), parseFileMode(mode, 'mode'));
  }
  function fchmod(fd, mode, callback) {
    mode = parseFileMode(mode, 'mode');
    natives.fsFchmod(getValidatedFd(fd), mode, makeCallback(callback));
  }
  function fchmodSync(fd, mode) {
    natives.fsFchmod(getValidatedFd(fd), parseFileMode(mode, 'mode'));
  }
  function validateIds(uid, gid) {
    validateInteger(uid, 'uid', -1, kMaxUserId);
    validateInteger(gid, 'gid', -1, kMaxUserId);
  }
  function chown(path, uid, gid, callback) {
    callback = makeCallback(callback);
    path = getValidatedPath(path);
    validateIds(uid, gid);
    natives.fsChown(path, uid, gid, callback);
  }
  function chownSync(path, uid, gid) {
    path = getValidatedPath(path);
    validateIds(uid, gid);
    natives.fsChown(path, uid, gid);
  }
  function lchown(path, uid, gid, callback) {
    callback = makeCallback(callback);
    path = getValidatedPath(path);
    validateIds(uid, gid);
    natives.fsLchown(path, uid, gid, callback);
  }
  function lchownSync(path, uid, gid) {
    path = getValidatedPath(path);
    validateIds(uid, gid);
    natives.fsLchown(path, uid, gid);
  }
  function fchown(fd, uid, gid, callback) {
    validateIds(uid, gid);
    natives.fsFchown(getValidatedFd(fd), uid, gid, makeCallback(callback));
  }
  function fchownSync(fd, uid, gid) {
    validateIds(uid, gid);
    natives.fsFchown(getValidatedFd(fd), uid, gid);
  }
  function utimes(path, atime, mtime, callback) {
    callback = makeCallback(callback);
    natives.fsUtimes(getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime), callback);
  }
  function utimesSync(path, atime, mtime) {
    natives.fsUtimes(getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
  }
  function lutimes(path, atime, mtime, callback) {
    callback = makeCallback(callback);
    natives.fsLutimes(getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime), callback);
  }
  function lutimesSync(path, atime, mtime) {
    natives.fsLutimes(getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
  }
  function futimes(fd, atime, mtime, callback) {
    atime = toUnixTimestamp(atime, 'atime');
    mtime = toUnixTimestamp(mtime, 'mtime');
    natives.fsFutimes(getValidatedFd(fd), atime, mtime, makeCallback(callback));
  }
  function futimesSync(fd, atime, mtime) {
    natives.fsFutimes(getValidatedFd(fd), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
  }
  function fsync(fd, callback) {
    natives.fsFsync(getValidatedFd(fd), makeCallback(callback));
  }
  function fsyncSync(fd) {
    natives.fsFsync(getValidatedFd(fd));
  }
  function fdatasync(fd, callback) {
    natives.fsFdatasync(getValidatedFd(fd), makeCallback(callback));
  }
  function fdatasyncSync(fd) {
    natives.fsFdatasync(getValidatedFd(fd));
  }

  // ---- realpath -------------------------------------------------------------

  // realpath(3) gives the answer; where it fails, Node's walk through the
  // path decides (fs_realpath_walk.js, compiled then: most calls never get there).
  let walkRealpath;
  // The walk's answer for `path`, whose realpath(3) failed with `error` (a
  // system error: a permission refusal stands).
  function realpathByWalk(error, path, options) {
    if (typeof error.syscall !== 'string') throw error;
    walkRealpath ??= natives.loadScript('fs_realpath_walk.js')(natives, internals);
    const found = walkRealpath(path);
    return u.asBytes(options) ? u.encodeName(Buffer.from(found), options) : found;
  }
  function realpathSync(path, options) {
    options = getOptions(options);
    path = getValidatedPath(path);
    try {
      return u.encodeName(natives.fsRealpath(path, u.asBytes(options)), options);
    } catch (error) {
      return realpathByWalk(error, path, options);
    }
  }
  realpathSync.native = (path, options) => {
    options = getOptions(options);
    return u.encodeName(natives.fsRealpath(getValidatedPath(path), u.asBytes(options)), options);
  };
  function realpath(path, options, callback) {
    if (typeof options === 'function') callback = options;
    else validateFunction(callback, 'cb');
    options = getOptions(options);
    path = getValidatedPath(path);
    natives.fsRealpath(path, u.asBytes(options), (error, result) => {
      if (!error) return callback(null, u.encodeName(result, options));
      let found;
      try {
        found = realpathByWalk(error, path, options);
      } catch (walkError) {
        return callback(walkError);
      }
      callback(null, found);
    });
  }
  realpath.native = (path, options, callback) => {
    callback = makeCallback(callback || options);
    options = getOptions(options);
    natives.fsRealpath(getValidatedPath(path), u.asBytes(options), makeNameCallback(callback, options));
  };

  // ---- streams (fs_streams.js, compiled on first use) -------------------------

  let streams;
  const fsStreams = () => (streams ??= natives.loadScript('fs_streams.js')(natives, internals));
  internals.fsStreamsModule = fsStreams;
  // Assignable, as in Node (graceful-fs replaces them on its copy of fs).
  let ReadStream;
  let WriteStream;
  function createReadStream(path, options) { return fsStreams().createReadStream(path, options); }
  function createWriteStream(path, options) { return fsStreams().createWriteStream(path, options); }

  // ---- watchers (fs_watchers.js, compiled on first use) ------------------------

  let watchers;
  const fsWatchers = () => (watchers ??= natives.loadScript('fs_watchers.js')(natives, internals));
  internals.fsWatchers = fsWatchers;
  function watch(filename, options, listener) { return fsWatchers().watch(filename, options, listener); }
  function watchFile(filename, options, listener) {
    return fsWatchers().watchFile(filename, options, listener);
  }
  function unwatchFile(filename, listener) { return fsWatchers().unwatchFile(filename, listener); }

  // util.promisify(fs.read) and the others resolve to an object of their
  // callbacks' values, named as Node 20 names them (writev's 'buffer' too).
  const promisifyArgs = internals.customPromisifyArgs ??= Symbol('customPromisifyArgs');
  const named = [[read, 'bytesRead', 'buffer'], [write, 'bytesWritten', 'buffer'],
                 [readv, 'bytesRead', 'buffers'], [writev, 'bytesWritten', 'buffer']];
  for (let i = 0; i < named.length; i++) {
    ObjectDefineProperty(named[i][0], promisifyArgs, { value: [named[i][1], named[i][2]] });
  }

  // ---- not yet --------------------------------------------------------------

  const notYet = (name) => function () { throw u.notSupportedYet(`fs.${name}`); };

  const fs = {
    appendFile, appendFileSync, access, accessSync, chown, chownSync, chmod, chmodSync, close,
    closeSync, copyFile, copyFileSync,
    cp: undefined, cpSync: undefined,  // fs_cp.js
    createReadStream, createWriteStream,
    exists, existsSync, fchown, fchownSync, fchmod, fchmodSync, fdatasync, fdatasyncSync, fstat,
    fstatSync, fsync, fsyncSync, ftruncate, ftruncateSync, futimes, futimesSync, lchown, lchownSync,
    lchmod: undefined, lchmodSync: undefined,  // macOS only, as in Node
    link, linkSync, lstat, lstatSync, lutimes, lutimesSync, mkdir, mkdirSync, mkdtemp, mkdtempSync,
    open, openSync, openAsBlob: notYet('openAsBlob'),
    readdir: undefined, readdirSync: undefined,  // fs_dir.js
    read, readSync, readv,
    readvSync, readFile, readFileSync, readlink, readlinkSync, realpath, realpathSync, rename,
    renameSync, rm, rmSync, rmdir, rmdirSync, stat, statfs, statSync, statfsSync, symlink,
    symlinkSync, truncate, truncateSync, unwatchFile, unlink, unlinkSync,
    utimes, utimesSync, watch, watchFile, writeFile,
    writeFileSync, write, writeSync, writev, writevSync,
    Dirent: u.Dirent,
    Stats: u.Stats,
    get ReadStream() { return ReadStream ?? fsStreams().ReadStream; },
    set ReadStream(value) { ReadStream = value; },
    get WriteStream() { return WriteStream ?? fsStreams().WriteStream; },
    set WriteStream(value) { WriteStream = value; },
    get FileReadStream() { return ReadStream ?? fsStreams().ReadStream; },
    set FileReadStream(value) { ReadStream = value; },
    get FileWriteStream() { return WriteStream ?? fsStreams().WriteStream; },
    set FileWriteStream(value) { WriteStream = value; },
    _toUnixTimestamp: toUnixTimestamp,
    Dir: undefined, opendir: undefined, opendirSync: undefined,  // fs_dir.js
  };
  ObjectDefineProperties(fs, {
    F_OK: { enumerable: true, value: constants.F_OK },
    R_OK: { enumerable: true, value: constants.R_OK },
    W_OK: { enumerable: true, value: constants.W_OK },
    X_OK: { enumerable: true, value: constants.X_OK },
    constants: { configurable: false, enumerable: true, value: constants },
  });

  internals.fs = fs;
  internals.defineBuiltin('fs', () => fs);
  // Until the stream module lands, a stand-in `stream` holding what
  // graceful-fs (under fs-extra) takes at load time: Node's legacy Stream, an
  // EventEmitter. The stream extension's own definition replaces it.
  if (!internals.isBuiltin('stream')) {
    internals.defineBuiltin('stream', () => {
      class Stream extends internals.requireBuiltin('events') {
        pipe() { throw u.notSupportedYet('Stream.prototype.pipe (the stream module)'); }
      }
      Stream.Stream = Stream;
      return Stream;
    });
  }
  // Node's deprecated `constants` module (an ordinary object); graceful-fs
  // reads the fs ones, the only ones here yet.
  internals.defineBuiltin('constants', () => ObjectFreeze({ ...constants }));
})
