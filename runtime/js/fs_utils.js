// What fs.js, fs_dir.js, fs_promises.js and fs_cp.js share, on
// internals.fsUtils: Node's argument checks and error objects, Stats, Dirent,
// flags and modes (adapted from Node 20's lib/internal/fs/utils.js and
// lib/internal/validators.js, MIT licence). The natives (runtime/node/fs*.cc)
// take a last `req` argument: undefined runs synchronously, a function is
// called back, kUsePromises returns a promise.
(function (natives, internals) {
  'use strict';
  const {
    AggregateError, ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeJoin, ArrayPrototypePush,
    ArrayPrototypeSlice, ArrayBufferIsView, BigInt, Date, DateNow, DatePrototypeGetTime, Error,
    MathRound, Number, ObjectFreeze, NumberIsFinite, NumberIsInteger, NumberMAX_SAFE_INTEGER,
    NumberMIN_SAFE_INTEGER, NumberParseInt, ObjectDefineProperties,
    ObjectDefineProperty, ObjectIs, ObjectPrototypeToString, ObjectSetPrototypeOf, RangeError,
    ReflectApply, ReflectOwnKeys, RegExpPrototypeExec, String, StringPrototypeIncludes,
    StringPrototypeSlice, StringPrototypeToLowerCase, Symbol, TypeError, TypedArrayPrototypeIncludes,
    TypedArrayPrototypeGetSymbolToStringTag,
  } = internals.primordials;
  const { Buffer } = internals.requireBuiltin('buffer');
  // Saved, like the primordials: a program may patch Buffer.prototype.
  const BufferPrototypeToString = internals.primordials.uncurryThis(Buffer.prototype.toString);
  const constants = natives.fsConstants();
  const {
    O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY, S_IFMT, S_IFREG,
    S_IFDIR, S_IFBLK, S_IFCHR, S_IFIFO, S_IFLNK, S_IFSOCK, F_OK, R_OK, W_OK, X_OK,
    UV_DIRENT_UNKNOWN, UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO,
    UV_DIRENT_SOCKET, UV_DIRENT_CHAR, UV_DIRENT_BLOCK, UV_FS_SYMLINK_DIR, UV_FS_SYMLINK_JUNCTION,
  } = constants;
  const kIoMaxLength = 2 ** 31 - 1;
  const kMaxUserId = 2 ** 32 - 1;
  const kUsePromises = true;
  const kEmptyObject = ObjectFreeze({ __proto__: null });

  // ---- errors -------------------------------------------------------------

  // Node's coded errors and the checks fs shares with buffer and path
  // (node_errors.js, loaded before fs).
  const {
    nodeError, invalidArgType, invalidArgValue, outOfRange, validateInteger, validateString,
  } = internals.nodeErrors;

  function systemError(key, prefix, context) {
    let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    const error = new Error(message);
    error.code = key;
    const hidden = (value) => ({ value, enumerable: false, writable: true, configurable: true });
    const shown = (name) => ({
      get() { return context[name]; },
      set(value) { context[name] = value; },
      enumerable: true, configurable: true,
    });
    const properties = {
      name: hidden('SystemError'),
      message: hidden(message),
      info: { value: context, enumerable: true, configurable: true, writable: false },
      errno: shown('errno'),
      syscall: shown('syscall'),
    };
    if (context.path !== undefined) properties.path = shown('path');
    if (context.dest !== undefined) properties.dest = shown('dest');
    ObjectDefineProperties(error, properties);
    if (typeof error.stack === 'string') {
      error.stack = `SystemError [${key}]: ${message}${StringPrototypeSlice(error.stack, 7 + message.length)}`;
    }
    return error;
  }

  function fileTooLarge(size) {
    return nodeError(RangeError, 'ERR_FS_FILE_TOO_LARGE', `File size (${size}) is greater than 2 GiB`);
  }

  // Node's aggregateTwoErrors(inner, outer).
  function aggregateTwoErrors(inner, outer) {
    if (inner && outer && inner !== outer) {
      const error = new AggregateError([outer, inner], outer.message);
      error.code = outer.code;
      return error;
    }
    return inner || outer;
  }

  // ---- validators ---------------------------------------------------------

  function validateFunction(value, name) {
    if (typeof value !== 'function') throw invalidArgType(name, 'Function', value);
  }
  function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw invalidArgType(name, 'boolean', value);
  }
  function validateObject(value, name, allowNullable = false) {
    if (allowNullable && value == null) return;
    if (value === null || typeof value !== 'object' || ArrayIsArray(value)) {
      throw invalidArgType(name, 'Object', value);
    }
  }
  function validateInt32(value, name, min = -2147483648, max = 2147483647) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (!NumberIsInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
  }
  function validateUint32(value, name, positive = false) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (!NumberIsInteger(value)) throw outOfRange(name, 'an integer', value);
    const min = positive ? 1 : 0;
    if (value < min || value > 4294967295) throw outOfRange(name, `>= ${min} && <= 4294967295`, value);
  }
  function isUint8Array(value) {
    return ArrayBufferIsView(value) && TypedArrayPrototypeGetSymbolToStringTag(value) === 'Uint8Array';
  }
  function validateBuffer(buffer, name = 'buffer') {
    if (!ArrayBufferIsView(buffer)) throw invalidArgType(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  function validateAbortSignal(signal, name) {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw invalidArgType(name, 'AbortSignal', signal);
    }
  }
  // Node's AbortError (events.js's), its cause the signal's reason.
  function abortError(signal) {
    return new internals.AbortError(undefined, { cause: signal?.reason });
  }
  // Modes are numbers or octal strings ('755').
  function parseFileMode(value, name, def) {
    value ??= def;
    if (typeof value === 'string') {
      if (RegExpPrototypeExec(octal, value) !== null) value = NumberParseInt(value, 8);
      else throw invalidArgValue(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    validateUint32(value, name);
    return value;
  }
  const octal = /^[0-7]+$/;
  function assertEncoding(encoding) {
    if (encoding && !Buffer.isEncoding(encoding)) {
      throw invalidArgValue('encoding', encoding, 'is invalid encoding');
    }
  }
  function validateEncoding(data, encoding) {
    if (typeof data === 'string' && encoding === 'hex' && data.length % 2 !== 0) {
      throw invalidArgValue('encoding', encoding, `is invalid for data of length ${data.length}`);
    }
  }

  // ---- paths and descriptors ----------------------------------------------

  function isURL(value) {
    return value != null && typeof value === 'object' && value.href !== undefined &&
      value.protocol !== undefined && value.auth === undefined && value.path === undefined;
  }
  function toPathIfFileURL(value) {
    return isURL(value) ? internals.requireBuiltin('url').fileURLToPath(value) : value;
  }
  function validatePath(path, name = 'path') {
    const isString = typeof path === 'string';
    if (!isString && !isUint8Array(path)) throw invalidArgType(name, ['string', 'Buffer', 'URL'], path);
    if (isString ? StringPrototypeIncludes(path, '\u0000') : TypedArrayPrototypeIncludes(path, 0)) {
      throw invalidArgValue(name, path, 'must be a string, Uint8Array, or URL without null bytes');
    }
  }
  function getValidatedPath(value, name = 'path') {
    const path = toPathIfFileURL(value);
    validatePath(path, name);
    return path;
  }
  function getValidatedFd(fd, name = 'fd') {
    if (ObjectIs(fd, -0)) return 0;
    validateInt32(fd, name, 0);
    return fd;
  }
  function pathString(path) {
    return typeof path === 'string' ? path : BufferPrototypeToString(new internals.buffer.FastBuffer(path.buffer, path.byteOffset, path.length));
  }

  // ---- options, flags, modes, times ---------------------------------------

  function getOptions(options, defaults = kEmptyObject) {
    if (options == null || typeof options === 'function') return defaults;
    if (typeof options === 'string') {
      options = { ...defaults, encoding: options };
    } else if (typeof options !== 'object') {
      throw invalidArgType('options', ['string', 'Object'], options);
    }
    if (options.encoding !== 'buffer') assertEncoding(options.encoding);
    if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
    return options;
  }
  function copyObject(source) {
    const target = {};
    for (const key in source) target[key] = source[key];
    return target;
  }
  // A name the natives gave (a string, or an ArrayBuffer when asked for
  // bytes) in the encoding the options ask for.
  function asBytes(options) {
    return options?.encoding !== undefined && options.encoding !== null &&
      options.encoding !== 'utf8' && options.encoding !== 'utf-8';
  }
  function encodeName(name, options) {
    if (typeof name === 'string') return name;
    const buffer = new internals.buffer.FastBuffer(name);
    return options.encoding === 'buffer' ? buffer : BufferPrototypeToString(buffer, options.encoding);
  }
  function encodeNames(names, options) {
    if (!asBytes(options)) return names;
    for (let i = 0; i < names.length; i++) names[i] = encodeName(names[i], options);
    return names;
  }

  function stringToFlags(flags, name = 'flags') {
    if (typeof flags === 'number') {
      validateInt32(flags, name);
      return flags;
    }
    if (flags == null) return O_RDONLY;
    switch (flags) {
      case 'r': return O_RDONLY;
      case 'rs': case 'sr': return O_RDONLY | O_SYNC;
      case 'r+': return O_RDWR;
      case 'rs+': case 'sr+': return O_RDWR | O_SYNC;
      case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
      case 'wx': case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
      case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
      case 'wx+': case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
      case 'a': return O_APPEND | O_CREAT | O_WRONLY;
      case 'ax': case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
      case 'as': case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
      case 'a+': return O_APPEND | O_CREAT | O_RDWR;
      case 'ax+': case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
      case 'as+': case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
    }
    throw invalidArgValue('flags', flags);
  }
  function stringToSymlinkType(type) {
    if (typeof type !== 'string') return 0;
    switch (type) {
      case 'dir': return UV_FS_SYMLINK_DIR;
      case 'junction': return UV_FS_SYMLINK_JUNCTION;
      case 'file': return 0;
    }
    throw nodeError(Error, 'ERR_FS_INVALID_SYMLINK_TYPE',
      `Symlink type must be one of "dir", "file", or "junction". Received "${type}"`);
  }
  // A Date, number or numeric string as fractional seconds since the epoch.
  function toUnixTimestamp(time, name = 'time') {
    // eslint-disable-next-line eqeqeq
    if (typeof time === 'string' && +time == time) return +time;
    if (NumberIsFinite(time)) return time < 0 ? DateNow() / 1000 : time;
    if (ObjectPrototypeToString(time) === '[object Date]') return DatePrototypeGetTime(time) / 1000;
    throw invalidArgType(name, ['Date', 'Time in seconds'], time);
  }
  function getValidMode(mode, type) {
    const copy = type === 'copyFile';
    const max = copy ? constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE |
      constants.COPYFILE_FICLONE_FORCE : F_OK | W_OK | R_OK | X_OK;
    if (mode == null) return copy ? 0 : F_OK;
    validateInteger(mode, 'mode', 0, max);
    return mode;
  }

  function validateOffsetLengthRead(offset, length, bufferLength) {
    if (offset < 0) throw outOfRange('offset', '>= 0', offset);
    if (length < 0) throw outOfRange('length', '>= 0', length);
    if (offset + length > bufferLength) throw outOfRange('length', `<= ${bufferLength - offset}`, length);
  }
  function validateOffsetLengthWrite(offset, length, byteLength) {
    if (offset > byteLength) throw outOfRange('offset', `<= ${byteLength}`, offset);
    if (length > byteLength - offset) throw outOfRange('length', `<= ${byteLength - offset}`, length);
    if (length < 0) throw outOfRange('length', '>= 0', length);
    validateInt32(length, 'length', 0);
  }
  // A position as the natives take it: a number, -1 for "the current offset".
  function validatePosition(position, name) {
    if (typeof position === 'number') {
      validateInteger(position, name, -1);
      return position;
    }
    if (typeof position === 'bigint') {
      if (!(position >= -(2n ** 63n) && position <= 2n ** 63n - 1n)) {
        throw outOfRange(name, `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, position);
      }
      return Number(position);
    }
    throw invalidArgType(name, ['integer', 'bigint'], position);
  }
  function validateBufferArray(buffers, name = 'buffers') {
    if (!ArrayIsArray(buffers)) throw invalidArgType(name, 'ArrayBufferView[]', buffers);
    for (let i = 0; i < buffers.length; i++) {
      if (!ArrayBufferIsView(buffers[i])) throw invalidArgType(name, 'ArrayBufferView[]', buffers);
    }
    return buffers;
  }
  function validateStringAfterArrayBufferView(buffer, name) {
    if (typeof buffer !== 'string') {
      throw invalidArgType(name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
  }

  // ---- Stats, StatFs, Dirent ----------------------------------------------

  function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
    this.dev = dev;
    this.mode = mode;
    this.nlink = nlink;
    this.uid = uid;
    this.gid = gid;
    this.rdev = rdev;
    this.blksize = blksize;
    this.ino = ino;
    this.size = size;
    this.blocks = blocks;
  }
  const kinds = [['isDirectory', S_IFDIR], ['isFile', S_IFREG], ['isBlockDevice', S_IFBLK],
    ['isCharacterDevice', S_IFCHR], ['isSymbolicLink', S_IFLNK], ['isFIFO', S_IFIFO],
    ['isSocket', S_IFSOCK]];
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i][1];
    StatsBase.prototype[kinds[i][0]] = function () { return this._checkModeProperty(kind); };
  }
  const dateFromMs = (ms) => new Date(MathRound(Number(ms)));

  function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                 atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
    ReflectApply(StatsBase, this, [dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks]);
    this.atimeMs = atimeMs;
    this.mtimeMs = mtimeMs;
    this.ctimeMs = ctimeMs;
    this.birthtimeMs = birthtimeMs;
    this.atime = dateFromMs(atimeMs);
    this.mtime = dateFromMs(mtimeMs);
    this.ctime = dateFromMs(ctimeMs);
    this.birthtime = dateFromMs(birthtimeMs);
  }
  ObjectSetPrototypeOf(Stats.prototype, StatsBase.prototype);
  ObjectSetPrototypeOf(Stats, StatsBase);
  Stats.prototype.isFile = StatsBase.prototype.isFile;
  Stats.prototype._checkModeProperty = function (property) { return (this.mode & S_IFMT) === property; };

  const kNsPerMs = 10n ** 6n;
  function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                       atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
    ReflectApply(StatsBase, this, [dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks]);
    this.atimeMs = atimeNs / kNsPerMs;
    this.mtimeMs = mtimeNs / kNsPerMs;
    this.ctimeMs = ctimeNs / kNsPerMs;
    this.birthtimeMs = birthtimeNs / kNsPerMs;
    this.atimeNs = atimeNs;
    this.mtimeNs = mtimeNs;
    this.ctimeNs = ctimeNs;
    this.birthtimeNs = birthtimeNs;
    this.atime = dateFromMs(this.atimeMs);
    this.mtime = dateFromMs(this.mtimeMs);
    this.ctime = dateFromMs(this.ctimeMs);
    this.birthtime = dateFromMs(this.birthtimeMs);
  }
  ObjectSetPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
  ObjectSetPrototypeOf(BigIntStats, StatsBase);
  BigIntStats.prototype._checkModeProperty = function (property) {
    return (this.mode & BigInt(S_IFMT)) === BigInt(property);
  };

  // The natives' stat array (fs_ops.cc): ten fields, then seconds and
  // nanoseconds of atime, mtime, ctime, birthtime.
  function getStatsFromBinding(s) {
    if (TypedArrayPrototypeGetSymbolToStringTag(s) === 'BigInt64Array') {
      const ns = (i) => s[i] * 1000000000n + s[i + 1];
      return new BigIntStats(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9],
                             ns(10), ns(12), ns(14), ns(16));
    }
    const ms = (i) => s[i] * 1000 + s[i + 1] / 1e6;
    return new Stats(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9],
                     ms(10), ms(12), ms(14), ms(16));
  }
  function isFileType(stats, fileType) {
    let mode = stats[1];
    if (typeof mode === 'bigint') mode = Number(mode);
    return (mode & S_IFMT) === fileType;
  }

  class StatFs {
    constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
      this.type = type;
      this.bsize = bsize;
      this.blocks = blocks;
      this.bfree = bfree;
      this.bavail = bavail;
      this.files = files;
      this.ffree = ffree;
    }
  }
  const getStatFsFromBinding = (s) => new StatFs(s[0], s[1], s[2], s[3], s[4], s[5], s[6]);

  const kType = Symbol('type');
  const kStats = Symbol('stats');
  class Dirent {
    constructor(name, type, path) {
      this.name = name;
      this.parentPath = path;
      this.path = path;
      this[kType] = type;
    }
    isDirectory() { return this[kType] === UV_DIRENT_DIR; }
    isFile() { return this[kType] === UV_DIRENT_FILE; }
    isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
    isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
    isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
    isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
    isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
  }
  class DirentFromStats extends Dirent {
    constructor(name, stats, path) {
      super(name, null, path);
      this[kStats] = stats;
    }
  }
  const direntMethods = ReflectOwnKeys(Dirent.prototype);
  for (let i = 0; i < direntMethods.length; i++) {
    const name = direntMethods[i];
    if (name === 'constructor') continue;
    DirentFromStats.prototype[name] = function () { return this[kStats][name](); };
  }
  function joinPath(path, name) {
    const pathModule = internals.requireBuiltin('path');
    if (typeof path === 'string' && typeof name === 'string') return pathModule.join(path, name);
    return Buffer.concat([Buffer.from(pathString(path)), Buffer.from('/'),
      typeof name === 'string' ? Buffer.from(name) : name]);
  }
  // Dirents of the natives' [names, types]; an unknown type is found with
  // lstat, as Node does (sync when `callback` is absent).
  function getDirents(path, result, callback) {
    const names = result[0];
    const types = result[1];
    const fs = internals.requireBuiltin('fs');
    if (typeof callback !== 'function') {
      for (let i = 0; i < names.length; i++) {
        names[i] = types[i] === UV_DIRENT_UNKNOWN
          ? new DirentFromStats(names[i], fs.lstatSync(joinPath(path, names[i])), path)
          : new Dirent(names[i], types[i], path);
      }
      return names;
    }
    let pending = 0;
    let done = false;
    const finish = (error) => {
      if (done) return;
      if (error) { done = true; callback(error); } else if (pending === 0) { done = true; callback(null, names); }
    };
    for (let i = 0; i < names.length; i++) {
      if (types[i] !== UV_DIRENT_UNKNOWN) {
        names[i] = new Dirent(names[i], types[i], path);
        continue;
      }
      pending++;
      const name = names[i];
      fs.lstat(joinPath(path, name), (error, stats) => {
        if (!error) names[i] = new DirentFromStats(name, stats, path);
        pending--;
        finish(error);
      });
    }
    finish(null);
  }

  // ---- rm and cp options ----------------------------------------------------

  const defaultRmOptions = { recursive: false, force: false, retryDelay: 100, maxRetries: 0 };
  const defaultRmdirOptions = { retryDelay: 100, maxRetries: 0, recursive: false };
  // Node 20 deprecates rmdir's `recursive` (DEP0147), once per process.
  let warnedRecursiveRmdir = false;
  function emitRecursiveRmdirWarning() {
    if (warnedRecursiveRmdir || globalThis.process.noDeprecation) return;
    warnedRecursiveRmdir = true;
    globalThis.process.emitWarning(
      'In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. ' +
      'Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
  }
  // Node 20 warns, once, about mkdtemp templates ending with X (platforms
  // treat them differently).
  let warnedTemplate = false;
  function warnOnNonPortableTemplate(template) {
    if (warnedTemplate) return;
    const last = typeof template === 'string' ? StringPrototypeSlice(template, -1) : template[template.length - 1];
    if (last !== 'X' && last !== 0x58) return;
    warnedTemplate = true;
    globalThis.process.emitWarning(
      'mkdtemp() templates ending with X are not portable. For details see: https://nodejs.org/api/fs.html');
  }
  function validateRmdirOptions(options, defaults = defaultRmdirOptions) {
    if (options === undefined) return defaults;
    validateObject(options, 'options');
    options = { ...defaults, ...options };
    validateBoolean(options.recursive, 'options.recursive');
    validateInt32(options.retryDelay, 'options.retryDelay', 0);
    validateUint32(options.maxRetries, 'options.maxRetries');
    return options;
  }
  function rmIsDirError(path) {
    return systemError('ERR_FS_EISDIR', 'Path is a directory',
      { code: 'EISDIR', message: 'is a directory', path: pathString(path), syscall: 'rm', errno: 21 });
  }
  // Node's validateRmOptionsSync: an error, or false when `expectDir` and `path` is no directory.
  function validateRmOptionsSync(path, options, expectDir) {
    options = validateRmdirOptions(options, defaultRmOptions);
    validateBoolean(options.force, 'options.force');
    if (!options.force || expectDir || !options.recursive) {
      const isDirectory = internals.requireBuiltin('fs')
        .lstatSync(path, { throwIfNoEntry: !options.force })?.isDirectory();
      if (expectDir && !isDirectory) return false;
      if (isDirectory && !options.recursive) throw rmIsDirError(path);
    }
    return options;
  }
  function validateRmOptions(path, options, expectDir, callback) {
    options = validateRmdirOptions(options, defaultRmOptions);
    validateBoolean(options.force, 'options.force');
    internals.requireBuiltin('fs').lstat(path, (error, stats) => {
      if (error) {
        if (options.force && error.code === 'ENOENT') return callback(null, options);
        return callback(error, options);
      }
      if (expectDir && !stats.isDirectory()) return callback(false);
      if (stats.isDirectory() && !options.recursive) return callback(rmIsDirError(path));
      return callback(null, options);
    });
  }
  const defaultCpOptions = {
    dereference: false, errorOnExist: false, filter: undefined, force: true,
    preserveTimestamps: false, recursive: false, verbatimSymlinks: false,
  };
  function validateCpOptions(options) {
    if (options === undefined) return { ...defaultCpOptions };
    validateObject(options, 'options');
    options = { ...defaultCpOptions, ...options };
    validateBoolean(options.dereference, 'options.dereference');
    validateBoolean(options.errorOnExist, 'options.errorOnExist');
    validateBoolean(options.force, 'options.force');
    validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
    validateBoolean(options.recursive, 'options.recursive');
    validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
    options.mode = getValidMode(options.mode, 'copyFile');
    if (options.dereference === true && options.verbatimSymlinks === true) {
      throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
        'Option "dereference" cannot be used in combination with option "verbatimSymlinks"');
    }
    if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
    return options;
  }

  // Streams and watchers wait for the stream module.
  function notSupportedYet(name) {
    return nodeError(Error, 'ERR_TOYSNAP_UNSUPPORTED',
      `toysnap does not support ${name} of the Node builtin 'fs' yet`);
  }

  internals.fsUtils = {
    Buffer, BufferPrototypeToString, constants, kIoMaxLength, kMaxUserId, kUsePromises, kEmptyObject,
    nodeError, invalidArgType, invalidArgValue, outOfRange, systemError, fileTooLarge,
    aggregateTwoErrors, abortError, notSupportedYet,
    validateFunction, validateBoolean, validateString, validateObject, validateInteger,
    validateInt32, validateUint32, validateBuffer, validateAbortSignal, validateEncoding,
    parseFileMode, assertEncoding, isUint8Array,
    toPathIfFileURL, validatePath, getValidatedPath, getValidatedFd, pathString,
    getOptions, copyObject, asBytes, encodeName, encodeNames, stringToFlags,
    stringToSymlinkType, toUnixTimestamp, getValidMode, validateOffsetLengthRead,
    validateOffsetLengthWrite, validatePosition, validateBufferArray,
    validateStringAfterArrayBufferView,
    Stats, BigIntStats, StatFs, Dirent, getStatsFromBinding, getStatFsFromBinding, isFileType,
    getDirents, joinPath, S_IFREG, S_IFMT, F_OK, UV_DIRENT_UNKNOWN,
    validateRmdirOptions, validateRmOptions, validateRmOptionsSync, validateCpOptions,
    emitRecursiveRmdirWarning, warnOnNonPortableTemplate,
  };
})
