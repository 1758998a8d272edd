// node:url's legacy API as Node 20 behaves: Url, parse (parseQueryString,
// slashesDenoteHost), format (Url objects, strings and WHATWG URLs with
// options), resolve, resolveObject and urlToHttpOptions. Compiled when a
// program first requires `url` (url.js). Adapted from Node 20's lib/url.js
// (MIT licence): its quirks are the behaviour npm code depends on, so
// resolveObject in particular follows Node's steps one by one.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeConcat, ArrayPrototypeJoin, ArrayPrototypePop, ArrayPrototypePush,
    ArrayPrototypeShift, ArrayPrototypeSplice, ArrayPrototypeUnshift, Boolean, Number, ObjectAssign,
    ObjectKeys, RegExpPrototypeExec, SafeRegExpReplace, SafeSet, StringPrototypeCharAt,
    StringPrototypeCharCodeAt, StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypeSlice,
    StringPrototypeSplit, StringPrototypeToLowerCase, TypeError, decodeURIComponent,
  } = internals.primordials;
  const { invalidArgType, nodeError, validateObject, validateString } = internals.nodeErrors;
  const querystring = internals.requireBuiltin('querystring');
  const { URL } = globalThis;

  const setOf = (list) => {
    const set = new SafeSet();
    for (let i = 0; i < list.length; i++) set.add(list[i]);
    return set;
  };
  const hostless = setOf(['javascript', 'javascript:']);
  const unsafe = setOf(['javascript', 'javascript:']);
  const slashed = setOf(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
    'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

  const protocolPattern = /^[a-z0-9.+-]+:/i;
  const portPattern = /:[0-9]*$/;
  const hostPattern = /^\/\/[^@/]+@[^@/]+/;
  const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
  const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
  const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;
  const nonAscii = /[^\x00-\x7f]/;

  function invalidUrl(input) {
    const error = nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
    error.input = input;
    return error;
  }

  function Url() {
    this.protocol = null;
    this.slashes = null;
    this.auth = null;
    this.host = null;
    this.port = null;
    this.hostname = null;
    this.hash = null;
    this.search = null;
    this.query = null;
    this.pathname = null;
    this.path = null;
    this.href = null;
  }

  function parse(url, parseQueryString, slashesDenoteHost) {
    if (url instanceof Url) return url;
    const result = new Url();
    result.parse(url, parseQueryString, slashesDenoteHost);
    return result;
  }

  const isIpv6 = (hostname) => StringPrototypeCharCodeAt(hostname, 0) === 91 &&
    StringPrototypeCharCodeAt(hostname, hostname.length - 1) === 93;
  const isWhitespace = (code) => code < 33 || code === 0xa0 || code === 0xfeff;

  // Trims leading/trailing whitespace and turns '\' into '/' before the first
  // '?' or '#'; reports whether '#' or '@' (before them) occur.
  function prepare(url) {
    let hasHash = false;
    let hasAt = false;
    let first = 0;
    while (first < url.length && isWhitespace(StringPrototypeCharCodeAt(url, first))) first++;
    let last = url.length;
    while (last > first && isWhitespace(StringPrototypeCharCodeAt(url, last - 1))) last--;
    let rest = '';
    let from = first;
    let split = false;
    for (let i = first; i < last; i++) {
      const code = StringPrototypeCharCodeAt(url, i);
      if (!split) {
        if (code === 64) hasAt = true;
        else if (code === 35) { hasHash = true; split = true; }
        else if (code === 63) split = true;
        else if (code === 92) {
          rest += `${StringPrototypeSlice(url, from, i)}/`;
          from = i + 1;
        }
      } else if (code === 35) {
        hasHash = true;
      }
    }
    rest += StringPrototypeSlice(url, from, last);
    return { rest, hasHash, hasAt };
  }

  // Node's legacy auto-escapes: these characters become %XX in path, query and hash.
  const autoEscapes = { __proto__: null, '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22',
    "'": '%27', '<': '%3C', '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D' };
  const autoEscapePattern = /[\t\n\r "'<>\\^`{|}]/g;
  const autoEscape = (rest) => SafeRegExpReplace(autoEscapePattern, rest, (c) => autoEscapes[c]);

  let warnedInvalidPort = false;

  Url.prototype.parse = function parseInto(url, parseQueryString, slashesDenoteHost) {
    validateString(url, 'url');
    const prepared = prepare(url);
    let rest = prepared.rest;

    if (!slashesDenoteHost && !prepared.hasHash && !prepared.hasAt) {
      const simple = RegExpPrototypeExec(simplePathPattern, rest);
      if (simple) {
        this.path = rest;
        this.href = rest;
        this.pathname = simple[1];
        if (simple[2]) {
          this.search = simple[2];
          this.query = parseQueryString ? querystring.parse(StringPrototypeSlice(this.search, 1))
            : StringPrototypeSlice(this.search, 1);
        } else if (parseQueryString) {
          this.search = null;
          this.query = { __proto__: null };
        }
        return this;
      }
    }

    let proto = RegExpPrototypeExec(protocolPattern, rest);
    let lowerProto;
    if (proto) {
      proto = proto[0];
      lowerProto = StringPrototypeToLowerCase(proto);
      this.protocol = lowerProto;
      rest = StringPrototypeSlice(rest, proto.length);
    }

    let slashes;
    if (slashesDenoteHost || proto || RegExpPrototypeExec(hostPattern, rest) !== null) {
      slashes = StringPrototypeCharCodeAt(rest, 0) === 47 && StringPrototypeCharCodeAt(rest, 1) === 47;
      if (slashes && !(proto && hostless.has(lowerProto))) {
        rest = StringPrototypeSlice(rest, 2);
        this.slashes = true;
      }
    }

    if (!hostless.has(lowerProto) && (slashes || (proto && !slashed.has(proto)))) {
      rest = this.parseAuthority(rest, url);
    }

    if (!unsafe.has(lowerProto)) rest = autoEscape(rest);

    const hashAt = StringPrototypeIndexOf(rest, '#');
    const beforeHash = hashAt === -1 ? rest : StringPrototypeSlice(rest, 0, hashAt);
    if (hashAt !== -1) this.hash = StringPrototypeSlice(rest, hashAt);
    const questionAt = StringPrototypeIndexOf(beforeHash, '?');
    if (questionAt !== -1) {
      this.search = StringPrototypeSlice(beforeHash, questionAt);
      this.query = StringPrototypeSlice(beforeHash, questionAt + 1);
      if (parseQueryString) this.query = querystring.parse(this.query);
    } else if (parseQueryString) {
      this.search = null;
      this.query = { __proto__: null };
    }
    const pathEnd = questionAt !== -1 ? questionAt : hashAt;
    if (pathEnd === -1) {
      if (rest.length > 0) this.pathname = rest;
    } else if (pathEnd > 0) {
      this.pathname = StringPrototypeSlice(rest, 0, pathEnd);
    }
    if (slashed.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
    if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
    this.href = this.format();
    return this;
  };

  // Reads [auth@]host[:port] off `rest` into this; returns what follows it.
  Url.prototype.parseAuthority = function parseAuthority(rest, url) {
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length && hostEnd === -1; i++) {
      const c = rest[i];
      if (c === '\t' || c === '\n' || c === '\r') {
        rest = StringPrototypeSlice(rest, 0, i) + StringPrototypeSlice(rest, i + 1);
        i--;
      } else if (c === ' ' || c === '"' || c === '%' || c === "'" || c === ';' || c === '<' || c === '>' ||
                 c === '\\' || c === '^' || c === '`' || c === '{' || c === '|' || c === '}') {
        if (nonHost === -1) nonHost = i;
      } else if (c === '#' || c === '/' || c === '?') {
        if (nonHost === -1) nonHost = i;
        hostEnd = i;
      } else if (c === '@') {
        atSign = i;
        nonHost = -1;
      }
    }
    let start = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(StringPrototypeSlice(rest, 0, atSign));
      start = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = StringPrototypeSlice(rest, start);
      rest = '';
    } else {
      this.host = StringPrototypeSlice(rest, start, nonHost);
      rest = StringPrototypeSlice(rest, nonHost);
    }
    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    const ipv6 = isIpv6(this.hostname);
    if (!ipv6) {
      // A hostname stops at the first character a host cannot hold; the rest
      // becomes part of the path (with a warning for ':', as Node's DEP0170).
      const hostname = this.hostname;
      for (let i = 0; i < hostname.length; i++) {
        const c = hostname[i];
        if (c === '/' || c === '\\' || c === '#' || c === '?' || c === ':') {
          if (c === ':' && !warnedInvalidPort) {
            warnedInvalidPort = true;
            globalThis.process.emitWarning(
              `The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
              'DeprecationWarning', 'DEP0170');
          }
          this.hostname = StringPrototypeSlice(hostname, 0, i);
          rest = `/${StringPrototypeSlice(hostname, i)}${rest}`;
          break;
        }
      }
    }
    this.hostname = this.hostname.length > 255 ? '' : StringPrototypeToLowerCase(this.hostname);
    if (this.hostname !== '') {
      if (ipv6) {
        if (RegExpPrototypeExec(forbiddenHostCharsIpv6, this.hostname) !== null) throw invalidUrl(url);
      } else {
        if (RegExpPrototypeExec(nonAscii, this.hostname) !== null) {
          this.hostname = natives.domainToASCII(this.hostname);
        }
        if (this.hostname === '' || RegExpPrototypeExec(forbiddenHostChars, this.hostname) !== null) {
          throw invalidUrl(url);
        }
      }
    }
    this.host = (this.hostname || '') + (this.port ? `:${this.port}` : '');
    if (ipv6) {
      this.hostname = StringPrototypeSlice(this.hostname, 1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
    return rest;
  };

  Url.prototype.parseHost = function parseHost() {
    let host = this.host;
    let port = RegExpPrototypeExec(portPattern, host);
    if (port) {
      port = port[0];
      if (port !== ':') this.port = StringPrototypeSlice(port, 1);
      host = StringPrototypeSlice(host, 0, host.length - port.length);
    }
    if (host) this.hostname = host;
  };

  // Auth is escaped as querystring.escape does, keeping ':'.
  const escapeAuth = (auth) => SafeRegExpReplace(/%3A/g, querystring.escape(auth), ':');

  Url.prototype.format = function format() {
    let auth = this.auth || '';
    if (auth) auth = `${escapeAuth(auth)}@`;
    let protocol = this.protocol || '';
    let pathname = this.pathname || '';
    let hash = this.hash || '';
    let host = '';
    let query = '';
    if (this.host) {
      host = auth + this.host;
    } else if (this.hostname) {
      host = auth + (StringPrototypeIncludes(this.hostname, ':') && !isIpv6(this.hostname)
        ? `[${this.hostname}]` : this.hostname);
      if (this.port) host += `:${this.port}`;
    }
    if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
    let search = this.search || (query && `?${query}`) || '';
    if (protocol && StringPrototypeCharCodeAt(protocol, protocol.length - 1) !== 58) protocol += ':';
    pathname = SafeRegExpReplace(/[#?]/g, pathname, (c) => (c === '#' ? '%23' : '%3F'));
    if (this.slashes || slashed.has(protocol)) {
      if (this.slashes || host) {
        if (pathname && StringPrototypeCharCodeAt(pathname, 0) !== 47) pathname = `/${pathname}`;
        host = `//${host}`;
      } else if (protocol.length >= 4 && StringPrototypeSlice(protocol, 0, 4) === 'file') {
        host = '//';
      }
    }
    search = SafeRegExpReplace(/#/g, search, '%23');
    if (hash && StringPrototypeCharCodeAt(hash, 0) !== 35) hash = `#${hash}`;
    if (search && StringPrototypeCharCodeAt(search, 0) !== 63) search = `?${search}`;
    return protocol + host + pathname + search + hash;
  };

  // A WHATWG URL's href without the parts `options` turns off.
  function formatWhatwg(url, options) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      validateObject(options, 'options');
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    const copy = new URL(url.href);
    if (!fragment) copy.hash = '';
    if (!search) copy.search = '';
    if (!auth) {
      copy.username = '';
      copy.password = '';
    }
    let href = copy.href;
    if (unicode && copy.hostname) {
      const at = StringPrototypeIndexOf(href, copy.host, copy.protocol.length);
      const host = natives.domainToUnicode(copy.hostname) + (copy.port ? `:${copy.port}` : '');
      href = StringPrototypeSlice(href, 0, at) + host + StringPrototypeSlice(href, at + copy.host.length);
    }
    return href;
  }

  function urlFormat(urlObject, options) {
    if (typeof urlObject === 'string') {
      urlObject = parse(urlObject);
    } else if (typeof urlObject !== 'object' || urlObject === null) {
      throw invalidArgType('urlObject', ['Object', 'string'], urlObject);
    } else if (urlObject instanceof URL) {
      return formatWhatwg(urlObject, options);
    }
    return Url.prototype.format.call(urlObject);
  }

  function resolve(source, relative) {
    return parse(source, false, true).resolve(relative);
  }

  Url.prototype.resolve = function resolveUrl(relative) {
    return this.resolveObject(parse(relative, false, true)).format();
  };

  function resolveObject(source, relative) {
    if (!source) return relative;
    return parse(source, false, true).resolveObject(relative);
  }

  const joinPath = (result) => {
    if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
  };

  // A host with "user@" in front (left in paths of non-slashed protocols) is split back out.
  function takeAuthFromHost(result) {
    if (result.host && StringPrototypeIndexOf(result.host, '@') > 0) {
      const parts = StringPrototypeSplit(result.host, '@');
      result.auth = ArrayPrototypeShift(parts);
      result.host = result.hostname = ArrayPrototypeShift(parts);
    }
  }

  Url.prototype.resolveObject = function resolveObjectUrl(relative) {
    if (typeof relative === 'string') {
      const parsed = new Url();
      parsed.parse(relative, false, true);
      relative = parsed;
    }
    const result = new Url();
    ObjectAssign(result, this);
    result.hash = relative.hash;
    if (relative.href === '') {
      result.href = result.format();
      return result;
    }

    // "//host/path": everything but the protocol comes from `relative`.
    if (relative.slashes && !relative.protocol) {
      const keys = ObjectKeys(relative);
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== 'protocol') result[keys[i]] = relative[keys[i]];
      }
      if (slashed.has(result.protocol) && result.hostname && !result.pathname) result.path = result.pathname = '/';
      result.href = result.format();
      return result;
    }

    if (relative.protocol && relative.protocol !== result.protocol) {
      if (!slashed.has(relative.protocol)) {
        ObjectAssign(result, relative);
        result.href = result.format();
        return result;
      }
      result.protocol = relative.protocol;
      if (!relative.host && RegExpPrototypeExec(/^file:?$/, relative.protocol) === null &&
          !hostless.has(relative.protocol)) {
        const parts = StringPrototypeSplit(relative.pathname || '', '/');
        while (parts.length && !(relative.host = ArrayPrototypeShift(parts)));
        if (!relative.host) relative.host = '';
        if (!relative.hostname) relative.hostname = '';
        if (parts[0] !== '') ArrayPrototypeUnshift(parts, '');
        if (parts.length < 2) ArrayPrototypeUnshift(parts, '');
        result.pathname = ArrayPrototypeJoin(parts, '/');
      } else {
        result.pathname = relative.pathname;
      }
      result.search = relative.search;
      result.query = relative.query;
      result.host = relative.host || '';
      result.auth = relative.auth;
      result.hostname = relative.hostname || relative.host;
      result.port = relative.port;
      joinPath(result);
      result.slashes = result.slashes || relative.slashes;
      result.href = result.format();
      return result;
    }

    const sourceAbsolute = result.pathname && StringPrototypeCharAt(result.pathname, 0) === '/';
    const relativeAbsolute = relative.host || (relative.pathname && StringPrototypeCharAt(relative.pathname, 0) === '/');
    let mustEndAbs = relativeAbsolute || sourceAbsolute || (result.host && relative.pathname);
    const removeAllDots = mustEndAbs;
    let sourcePath = (result.pathname && StringPrototypeSplit(result.pathname, '/')) || [];
    const relativePath = (relative.pathname && StringPrototypeSplit(relative.pathname, '/')) || [];
    const noLeadingSlashes = result.protocol && !slashed.has(result.protocol);

    // Without slashes the host is only the path's first segment.
    if (noLeadingSlashes) {
      result.hostname = '';
      result.port = null;
      if (result.host) {
        if (sourcePath[0] === '') sourcePath[0] = result.host;
        else ArrayPrototypeUnshift(sourcePath, result.host);
      }
      result.host = '';
      if (relative.protocol) {
        relative.hostname = null;
        relative.port = null;
        result.auth = null;
        if (relative.host) {
          if (relativePath[0] === '') relativePath[0] = relative.host;
          else ArrayPrototypeUnshift(relativePath, relative.host);
        }
        relative.host = null;
      }
      mustEndAbs = mustEndAbs && (relativePath[0] === '' || sourcePath[0] === '');
    }

    if (relativeAbsolute) {
      if (relative.host || relative.host === '') {
        if (result.host !== relative.host) result.auth = null;
        result.host = relative.host;
        result.port = relative.port;
      }
      if (relative.hostname || relative.hostname === '') {
        if (result.hostname !== relative.hostname) result.auth = null;
        result.hostname = relative.hostname;
      }
      result.search = relative.search;
      result.query = relative.query;
      sourcePath = relativePath;
    } else if (relativePath.length) {
      ArrayPrototypePop(sourcePath);
      sourcePath = ArrayPrototypeConcat(sourcePath, relativePath);
      result.search = relative.search;
      result.query = relative.query;
    } else if (relative.search !== null && relative.search !== undefined) {
      // Only a query: keep the path.
      if (noLeadingSlashes) {
        result.hostname = result.host = ArrayPrototypeShift(sourcePath);
        takeAuthFromHost(result);
      }
      result.search = relative.search;
      result.query = relative.query;
      if (result.pathname !== null || result.search !== null) {
        result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
      }
      result.href = result.format();
      return result;
    }

    if (!sourcePath.length) {
      result.pathname = null;
      result.path = result.search ? `/${result.search}` : null;
      result.href = result.format();
      return result;
    }

    let last = sourcePath[sourcePath.length - 1];
    const trailingSlash = ((result.host || relative.host || sourcePath.length > 1) &&
      (last === '.' || last === '..')) || last === '';
    // Drop "." and ".." with what they cancel, from the end.
    let up = 0;
    for (let i = sourcePath.length - 1; i >= 0; i--) {
      last = sourcePath[i];
      if (last === '.') {
        ArrayPrototypeSplice(sourcePath, i, 1);
      } else if (last === '..') {
        ArrayPrototypeSplice(sourcePath, i, 1);
        up++;
      } else if (up) {
        ArrayPrototypeSplice(sourcePath, i, 1);
        up--;
      }
    }
    if (!mustEndAbs && !removeAllDots) {
      while (up--) ArrayPrototypeUnshift(sourcePath, '..');
    }
    if (mustEndAbs && sourcePath[0] !== '' && (!sourcePath[0] || StringPrototypeCharAt(sourcePath[0], 0) !== '/')) {
      ArrayPrototypeUnshift(sourcePath, '');
    }
    if (trailingSlash && StringPrototypeSlice(ArrayPrototypeJoin(sourcePath, '/'), -1) !== '/') {
      ArrayPrototypePush(sourcePath, '');
    }
    const absolute = sourcePath[0] === '' || (sourcePath[0] && StringPrototypeCharAt(sourcePath[0], 0) === '/');
    if (noLeadingSlashes) {
      result.hostname = result.host = absolute ? '' : sourcePath.length ? ArrayPrototypeShift(sourcePath) : '';
      takeAuthFromHost(result);
    }
    mustEndAbs = mustEndAbs || (result.host && sourcePath.length);
    if (mustEndAbs && !absolute) ArrayPrototypeUnshift(sourcePath, '');
    if (!sourcePath.length) {
      result.pathname = null;
      result.path = null;
    } else {
      result.pathname = ArrayPrototypeJoin(sourcePath, '/');
    }
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
    }
    result.auth = relative.auth || result.auth;
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  };

  function urlToHttpOptions(url) {
    const { hostname, pathname, port, username, password, search } = url;
    const options = {
      __proto__: null,
      ...url,
      protocol: url.protocol,
      hostname: hostname && hostname[0] === '[' ? StringPrototypeSlice(hostname, 1, -1) : hostname,
      hash: url.hash,
      search,
      pathname,
      path: `${pathname || ''}${search || ''}`,
      href: url.href,
    };
    if (port !== '') options.port = Number(port);
    if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
    return options;
  }

  return { Url, parse, resolve, resolveObject, format: urlFormat, urlToHttpOptions };
})
