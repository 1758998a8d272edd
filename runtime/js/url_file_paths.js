// node:url's pathToFileURL and fileURLToPath as Node 20.20.2 has them, with the
// `windows` option (POSIX paths by default: toysnap runs on Linux). Compiled
// when a program first requires `url` (url.js passes in its URL class).
(function (natives, internals, URL) {
  'use strict';
  const {
    Boolean, RegExpPrototypeExec, SafeRegExpReplace, StringPrototypeCharCodeAt, StringPrototypeIndexOf,
    StringPrototypeSlice, StringPrototypeStartsWith, TypeError, decodeURIComponent,
    encodeURIComponent,
  } = internals.primordials;
  const { invalidArgType, invalidArgValue, nodeError } = internals.nodeErrors;
  const path = internals.requireBuiltin('path');

  // What a path may hold that a URL's path must not show as it is: controls,
  // space, the characters URL syntax or the path percent-encode set give a
  // meaning (% ? # and the like), `~`, and all that is not ASCII (as UTF-8,
  // a lone surrogate as U+FFFD).
  const unsafeChars =
    /[\x00-\x20"#%<>?[\\\]^`{|}~\x7f]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|[^\x00-\x7f]/g;
  const anyUnsafe = /[\x00-\x20"#%<>?[\\\]^`{|}~\x7f]|[^\x00-\x7f]/;
  function encodeChar(ch) {
    if (ch === '~') return '%7E';
    if (ch.length === 1 && StringPrototypeCharCodeAt(ch, 0) >= 0xd800 &&
        StringPrototypeCharCodeAt(ch, 0) <= 0xdfff) {
      return '%EF%BF%BD';
    }
    return encodeURIComponent(ch);
  }
  const encodePathChars = (text) =>
    (RegExpPrototypeExec(anyUnsafe, text) === null ? text : SafeRegExpReplace(unsafeChars, text, encodeChar));
  const backslashes = /\\/g;
  const slashes = /\//g;
  const toSlashes = (text) => SafeRegExpReplace(backslashes, text, '/');

  // \\server\share\resource and \\?\UNC\server\share\resource: a URL with a host.
  function uncPathToFileURL(filepath) {
    const extended = StringPrototypeStartsWith(filepath, '\\\\?\\UNC\\');
    const hostStart = extended ? 8 : 2;
    const hostEnd = StringPrototypeIndexOf(filepath, '\\', hostStart);
    if (hostEnd === -1) throw invalidArgValue('path', filepath, 'Missing UNC resource path');
    if (hostEnd === 2) throw invalidArgValue('path', filepath, 'Empty UNC servername');
    const url = new URL('file://');
    url.hostname = StringPrototypeSlice(filepath, hostStart, hostEnd);
    url.pathname = encodePathChars(toSlashes(StringPrototypeSlice(filepath, hostEnd)));
    return url;
  }

  function pathToFileURL(filepath, options) {
    if (typeof filepath !== 'string') throw invalidArgType('path', 'string', filepath);
    const windows = options?.windows ?? false;
    if (windows && StringPrototypeStartsWith(filepath, '\\\\')) {
      // \\?\C:\dir: a local path with the prefix that lifts Windows' length limit.
      if (StringPrototypeStartsWith(filepath, '\\\\?\\') &&
          !StringPrototypeStartsWith(filepath, '\\\\?\\UNC\\')) {
        return new URL(`file://${encodePathChars(toSlashes(StringPrototypeSlice(filepath, 3)))}`);
      }
      return uncPathToFileURL(filepath);
    }
    let resolved = windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
    // resolve() drops a trailing separator, which names a directory. (Node
    // compares with this platform's separator, so a Windows root gains one.)
    const last = StringPrototypeCharCodeAt(filepath, filepath.length - 1);
    if ((last === 0x2f || (windows && last === 0x5c)) && resolved[resolved.length - 1] !== '/') {
      resolved += '/';
    }
    if (windows) {
      resolved = toSlashes(resolved);
      if (resolved[0] !== '/') resolved = `/${resolved}`;  // C:/dir
    }
    return new URL(`file://${encodePathChars(resolved)}`);
  }

  // Node's isURL(): a URL, or an object that looks like one.
  const isUrlLike = (value) => Boolean(value?.href && value.protocol &&
    value.auth === undefined && value.path === undefined);
  const invalidPath = (why) => nodeError(TypeError, 'ERR_INVALID_FILE_URL_PATH', `File URL path ${why}`);
  const encodedSlash = /%2f/i;
  const encodedSlashOrBackslash = /%2f|%5c/i;

  function posixPathOf(url) {
    if (url.hostname !== '') {
      throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_HOST',
        'File URL host must be "localhost" or empty on linux');
    }
    const pathname = url.pathname;
    if (RegExpPrototypeExec(encodedSlash, pathname) !== null) {
      throw invalidPath('must not include encoded / characters');
    }
    return decodeURIComponent(pathname);
  }

  function windowsPathOf(url) {
    let pathname = url.pathname;
    if (RegExpPrototypeExec(encodedSlashOrBackslash, pathname) !== null) {
      throw invalidPath('must not include encoded \\ or / characters');
    }
    pathname = decodeURIComponent(SafeRegExpReplace(slashes, pathname, '\\'));
    // A host makes it a UNC path; IDNs come back in Unicode.
    if (url.hostname !== '') return `\\\\${natives.domainToUnicode(url.hostname)}${pathname}`;
    const letter = StringPrototypeCharCodeAt(pathname, 1) | 0x20;
    if (!(letter >= 0x61 && letter <= 0x7a) || pathname[2] !== ':') {
      throw invalidPath('must be absolute');
    }
    return StringPrototypeSlice(pathname, 1);
  }

  function fileURLToPath(url, options) {
    const windows = options?.windows ?? false;
    if (typeof url === 'string') {
      url = new URL(url);
    } else if (!isUrlLike(url)) {
      throw invalidArgType('path', ['string', 'URL'], url);
    }
    if (url.protocol !== 'file:') {
      throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    }
    return windows ? windowsPathOf(url) : posixPathOf(url);
  }

  return { pathToFileURL, fileURLToPath };
})
