// WHATWG URL and URLSearchParams, shaped like Node 20's, on ada through the
// natives in runtime/web/url.cc; node:url's helpers come from here too
// (internals.nodeUrl). A URL's state is its href and its parts' offsets, a
// URLSearchParams' a list of strings: plain heap data, so objects made at
// build time work after a restore. Evaluated after web.js, before builtins.js.
(function (natives, internals) {
  'use strict';

  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, setPrototypeOf } = Object;
  const { apply, ownKeys } = Reflect;
  const customInspect = Symbol.for('nodejs.util.inspect.custom');
  const IteratorPrototype = getPrototypeOf(getPrototypeOf([][Symbol.iterator]()));

  const {
    ArrayPrototypePush, RegExpPrototypeExec, SafeRegExpReplace, StringPrototypeCharCodeAt,
    StringPrototypeIndexOf, StringPrototypeSlice, decodeURIComponent,
  } = internals.primordials;

  // A URL's part as natives.urlUpdate names it: UrlPart in runtime/web/ada_url.h.
  const kHref = 0;
  const kProtocol = 2;
  const kUsername = 3;
  const kPassword = 4;
  const kHost = 5;
  const kHostname = 6;
  const kPort = 7;
  const kPathname = 8;
  const kSearch = 9;
  const kHash = 10;

  // The natives write where each part lies in the href here (UrlComponents);
  // a URL's state copies them, so parsing allocates one object and the href.
  const components = new Uint32Array(8);
  const kOmitted = 0xffffffff;

  function stateOf(href) {
    return {
      href,
      protocolEnd: components[0],
      usernameEnd: components[1],
      hostStart: components[2],  // at the '@' when there are credentials
      hostEnd: components[3],
      port: components[4],
      pathnameStart: components[5],
      searchStart: components[6],
      hashStart: components[7],
      origin: undefined,  // asked of ada on first read
    };
  }

  // The getters' values, sliced from the href as ada's url_aggregator does.
  const slice = (state, start, end) => StringPrototypeSlice(state.href, start, end);
  function hostnameStart(state) {
    const start = state.hostStart;
    return start < state.hostEnd && StringPrototypeCharCodeAt(state.href, start) === 0x40 ? start + 1 : start;
  }
  const protocolOf = (state) => slice(state, 0, state.protocolEnd);
  const usernameOf = (state) =>
    (state.protocolEnd + 2 < state.usernameEnd ? slice(state, state.protocolEnd + 2, state.usernameEnd) : '');
  const passwordOf = (state) =>
    (state.hostStart > state.usernameEnd ? slice(state, state.usernameEnd + 1, state.hostStart) : '');
  const hostnameOf = (state) => slice(state, hostnameStart(state), state.hostEnd);
  function hostOf(state) {
    const start = hostnameStart(state);
    return start === state.hostEnd ? '' : slice(state, start, state.pathnameStart);
  }
  const portOf = (state) => (state.port === kOmitted ? '' : slice(state, state.hostEnd + 1, state.pathnameStart));
  function pathnameOf(state) {
    let end = state.href.length;
    if (state.searchStart !== kOmitted) end = state.searchStart;
    else if (state.hashStart !== kOmitted) end = state.hashStart;
    return slice(state, state.pathnameStart, end);
  }
  function searchOf(state) {
    if (state.searchStart === kOmitted) return '';
    const end = state.hashStart === kOmitted ? state.href.length : state.hashStart;
    return end - state.searchStart <= 1 ? '' : slice(state, state.searchStart, end);
  }
  const hashOf = (state) =>
    (state.hashStart === kOmitted || state.href.length - state.hashStart <= 1 ? '' : slice(state, state.hashStart));
  function originOf(state) {
    state.origin ??= natives.urlOrigin(state.href);
    return state.origin;
  }

  function nodeError(Ctor, code, message) {
    const error = new Ctor(message);
    error.code = code;
    return error;
  }

  function missingArgs(names) {
    const list = names.map((name) => `"${name}"`).join(' and ');
    return nodeError(TypeError, 'ERR_MISSING_ARGS',
      `The ${list} argument${names.length > 1 ? 's' : ''} must be specified`);
  }

  function invalidUrl(input, base) {
    const error = nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
    error.input = input;
    if (base !== undefined) error.base = base;
    return error;
  }

  function invalidArgType(name, expected, value) {
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `The "${name}" argument must be ${expected}. Received ${internals.describeReceived(value)}`);
  }

  function invalidThis(type) {
    return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
  }

  // USVString conversion: lone surrogates become U+FFFD.
  const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  const anySurrogate = /[\uD800-\uDFFF]/;
  function toUSVString(value) {
    const string = `${value}`;
    return RegExpPrototypeExec(anySurrogate, string) === null ? string : SafeRegExpReplace(loneSurrogates, string, '\uFFFD');
  }

  // application/x-www-form-urlencoded parsing (no lone surrogates in
  // `query`). Queries whose escapes all decode as UTF-8 are split here: a
  // call into ada costs ten times more for the short queries URLs carry.
  // Any other query goes to ada, which defines the result.
  const plusSigns = /\+/g;
  function decodeFormPart(part) {
    if (StringPrototypeIndexOf(part, '%') === -1 && StringPrototypeIndexOf(part, '+') === -1) return part;
    try {
      return decodeURIComponent(SafeRegExpReplace(plusSigns, part, ' '));
    } catch {
      return undefined;  // an escape that is no UTF-8: ada's replacement rules apply
    }
  }
  function parseUrlencoded(query) {
    const list = [];
    const length = query.length;
    let start = length > 0 && StringPrototypeCharCodeAt(query, 0) === 0x3F ? 1 : 0;  // '?'
    while (start < length) {
      let end = StringPrototypeIndexOf(query, '&', start);
      if (end === -1) end = length;
      if (end > start) {
        let equals = StringPrototypeIndexOf(query, '=', start);
        if (equals === -1 || equals > end) equals = end;
        const name = decodeFormPart(StringPrototypeSlice(query, start, equals));
        const value = equals < end ? decodeFormPart(StringPrototypeSlice(query, equals + 1, end)) : '';
        if (name === undefined || value === undefined) return natives.urlencodedParse(query);
        ArrayPrototypePush(list, name, value);
      }
      start = end + 1;
    }
    return list;
  }

  // ---- URL

  // Each class's private state as the other needs it; set by static blocks.
  let contextOf;            // (url) -> its #context; throws for anything else
  let searchParamsChanged;  // (url, serialized query) -> void
  let attachToUrl;          // (params, url) -> void
  let replaceList;          // (params, query) -> void: the URL's query changed
  let listOf;               // (params) -> its list
  let isSearchParams;       // (value) -> boolean
  const stringify = (value) => `${value}`;

  class URL {
    #context;  // stateOf(href): the href and where each part lies in it
    #searchParams = null;

    constructor(input, base = undefined) {
      if (arguments.length === 0) throw missingArgs(['url']);
      input = `${input}`;
      if (base !== undefined) base = `${base}`;
      const href = natives.urlParse(input, base, components);
      if (href === undefined) throw invalidUrl(input, base);
      this.#context = stateOf(href);
    }

    static {
      searchParamsChanged = (url, serialized) => {
        const href = natives.urlUpdate(url.#context.href, kSearch, serialized, components);
        if (href !== undefined) url.#context = stateOf(href);
      };
    }

    static parse(input, base = undefined) {
      if (arguments.length === 0) throw missingArgs(['url']);
      input = `${input}`;
      if (base !== undefined) base = `${base}`;
      return natives.urlCanParse(input, base) ? new URL(input, base) : null;
    }

    static canParse(url, base = undefined) {
      if (arguments.length === 0) throw missingArgs(['url']);
      url = `${url}`;
      return natives.urlCanParse(url, base === undefined ? undefined : `${base}`);
    }

    static {
      // Node's own wording for a getter on something that is not a URL.
      contextOf = (url) => {
        if (url === null || typeof url !== 'object' || !(#context in url)) {
          throw new TypeError('Receiver must be an instance of class URL');
        }
        return url.#context;
      };
    }

    // The setter of `part`: a new state, or none when the URL refuses it.
    static #set(url, part, value, convert) {
      const href = natives.urlUpdate(contextOf(url).href, part, convert(value), components);
      if (href !== undefined) URL.#adopt(url, href);
    }

    static #adopt(url, href) {
      const before = searchOf(url.#context);
      url.#context = stateOf(href);
      const search = searchOf(url.#context);
      if (url.#searchParams !== null && search !== before) replaceList(url.#searchParams, search);
    }

    toString() { return contextOf(this).href; }
    get href() { return contextOf(this).href; }
    set href(value) {
      const before = contextOf(this).href;
      value = `${value}`;
      const href = natives.urlUpdate(before, kHref, value, components);
      if (href === undefined) throw invalidUrl(value);
      URL.#adopt(this, href);
    }
    get origin() { return originOf(contextOf(this)); }
    get protocol() { return protocolOf(contextOf(this)); }
    set protocol(value) { URL.#set(this, kProtocol, value, stringify); }
    get username() { return usernameOf(contextOf(this)); }
    set username(value) { URL.#set(this, kUsername, value, stringify); }
    get password() { return passwordOf(contextOf(this)); }
    set password(value) { URL.#set(this, kPassword, value, stringify); }
    get host() { return hostOf(contextOf(this)); }
    set host(value) { URL.#set(this, kHost, value, stringify); }
    get hostname() { return hostnameOf(contextOf(this)); }
    set hostname(value) { URL.#set(this, kHostname, value, stringify); }
    get port() { return portOf(contextOf(this)); }
    set port(value) { URL.#set(this, kPort, value, stringify); }
    get pathname() { return pathnameOf(contextOf(this)); }
    set pathname(value) { URL.#set(this, kPathname, value, stringify); }
    get search() { return searchOf(contextOf(this)); }
    set search(value) { URL.#set(this, kSearch, value, toUSVString); }
    get searchParams() {
      const state = contextOf(this);
      if (this.#searchParams === null) {
        this.#searchParams = new URLSearchParams(searchOf(state));
        attachToUrl(this.#searchParams, this);
      }
      return this.#searchParams;
    }
    get hash() { return hashOf(contextOf(this)); }
    set hash(value) { URL.#set(this, kHash, value, stringify); }
    toJSON() { return contextOf(this).href; }

    [customInspect](depth, options, inspect) {
      if (typeof depth === 'number' && depth < 0) return this;
      const shown = {};
      for (const key of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname',
                         'port', 'pathname', 'search', 'searchParams', 'hash']) {
        shown[key] = this[key];
      }
      const name = typeof this.constructor === 'function' ? this.constructor.name : 'URL';
      return `${name} ${inspect(shown, options)}`;
    }
  }

  // ---- URLSearchParams

  class URLSearchParams {
    #list = [];   // name, value, name, value, ...: USV strings
    #url = null;  // the URL whose query this is, or null

    constructor(init = undefined) {
      if (init === undefined || init === null) return;
      if (typeof init === 'object' || typeof init === 'function') {
        const method = init[Symbol.iterator];
        if (method === this[Symbol.iterator] && #list in init) {
          this.#list = init.#list.slice();
        } else if (method !== undefined && method !== null) {
          if (typeof method !== 'function') {
            throw nodeError(TypeError, 'ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
          }
          // The standard converts every pair before it checks their lengths.
          const pairs = [];
          for (const pair of init) {
            if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
                typeof pair[Symbol.iterator] !== 'function') {
              throw invalidTuple();
            }
            const converted = [];
            for (const element of pair) converted.push(toUSVString(element));
            pairs.push(converted);
          }
          for (const pair of pairs) {
            if (pair.length !== 2) throw invalidTuple();
            this.#list.push(pair[0], pair[1]);
          }
        } else {
          // record<USVString, USVString>: own enumerable keys, a later key
          // that converts to the same string replacing the earlier value.
          const at = new Map();
          for (const key of ownKeys(init)) {
            const descriptor = getOwnPropertyDescriptor(init, key);
            if (descriptor === undefined || !descriptor.enumerable) continue;
            const name = toUSVString(key);
            const value = toUSVString(init[key]);
            if (at.has(name)) {
              this.#list[at.get(name)] = value;
            } else {
              at.set(name, this.#list.length + 1);
              this.#list.push(name, value);
            }
          }
        }
      } else {
        this.#list = parseUrlencoded(toUSVString(init));
      }
    }

    static {
      attachToUrl = (params, url) => { params.#url = url; };
      replaceList = (params, query) => { params.#list = parseUrlencoded(query); };
      listOf = (params) => params.#list;
      isSearchParams = (value) => value !== null && typeof value === 'object' && #list in value;
    }

    // The URL's query follows every change (the standard's "update" steps).
    #changed() {
      if (this.#url !== null) searchParamsChanged(this.#url, natives.urlencodedSerialize(this.#list));
    }

    get size() {
      check(this);
      return this.#list.length / 2;
    }

    append(name, value) {
      check(this);
      if (arguments.length < 2) throw missingArgs(['name', 'value']);
      this.#list.push(toUSVString(name), toUSVString(value));
      this.#changed();
    }

    delete(name, value = undefined) {
      check(this);
      if (arguments.length < 1) throw missingArgs(['name']);
      name = toUSVString(name);
      if (value !== undefined) value = toUSVString(value);
      const list = this.#list;
      for (let i = 0; i < list.length;) {
        if (list[i] === name && (value === undefined || list[i + 1] === value)) {
          list.splice(i, 2);
        } else {
          i += 2;
        }
      }
      this.#changed();
    }

    get(name) {
      check(this);
      if (arguments.length < 1) throw missingArgs(['name']);
      name = toUSVString(name);
      const list = this.#list;
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === name) return list[i + 1];
      }
      return null;
    }

    getAll(name) {
      check(this);
      if (arguments.length < 1) throw missingArgs(['name']);
      name = toUSVString(name);
      const list = this.#list;
      const values = [];
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === name) values.push(list[i + 1]);
      }
      return values;
    }

    has(name, value = undefined) {
      check(this);
      if (arguments.length < 1) throw missingArgs(['name']);
      name = toUSVString(name);
      if (value !== undefined) value = toUSVString(value);
      const list = this.#list;
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
      }
      return false;
    }

    set(name, value) {
      check(this);
      if (arguments.length < 2) throw missingArgs(['name', 'value']);
      name = toUSVString(name);
      value = toUSVString(value);
      const list = this.#list;
      let found = false;
      for (let i = 0; i < list.length;) {
        if (list[i] !== name) {
          i += 2;
        } else if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      }
      if (!found) list.push(name, value);
      this.#changed();
    }

    // Stable, by the names' UTF-16 code units as the standard says (JS string
    // order); ada 2.7.8's sort compares UTF-8 bytes, which differs for names
    // with characters beyond U+FFFF.
    sort() {
      check(this);
      const list = this.#list;
      const pairs = [];
      for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (let i = 0; i < pairs.length; i++) {
        list[2 * i] = pairs[i][0];
        list[2 * i + 1] = pairs[i][1];
      }
      this.#changed();
    }

    entries() {
      check(this);
      return new URLSearchParamsIterator(this, 'key+value');
    }

    // Live, as Node's: changes made by the callback show in later calls.
    forEach(callback, thisArg = undefined) {
      check(this);
      if (typeof callback !== 'function') {
        throw invalidArgType('callback', 'of type function', callback);
      }
      for (let i = 0; i < this.#list.length; i += 2) {
        apply(callback, thisArg, [this.#list[i + 1], this.#list[i], this]);
      }
    }

    keys() {
      check(this);
      return new URLSearchParamsIterator(this, 'key');
    }

    values() {
      check(this);
      return new URLSearchParamsIterator(this, 'value');
    }

    toString() {
      check(this);
      return natives.urlencodedSerialize(this.#list);
    }

    [customInspect](depth, options, inspect) {
      check(this);
      if (typeof depth === 'number' && depth < 0) return '[Object]';
      const inner = { ...options };
      if (depth !== null) inner.depth = depth - 1;
      const list = this.#list;
      const shown = [];
      for (let i = 0; i < list.length; i += 2) {
        shown.push(`${inspect(list[i], inner)} => ${inspect(list[i + 1], inner)}`);
      }
      const name = this.constructor.name;
      if (shown.length === 0) return `${name} {}`;
      const width = shown.reduce((sum, item) => sum + item.length + 2, -2);
      if (width > (options.breakLength ?? 128)) return `${name} {\n  ${shown.join(',\n  ')} }`;
      return `${name} { ${shown.join(', ')} }`;
    }
  }

  function check(value) {
    if (!isSearchParams(value)) throw invalidThis('URLSearchParams');
  }

  function invalidTuple() {
    return nodeError(TypeError, 'ERR_INVALID_TUPLE',
      'Each query pair must be an iterable [name, value] tuple');
  }

  // Reads the list afresh at every step, so it sees changes made meanwhile.
  class URLSearchParamsIterator {
    #params;
    #kind;
    #index = 0;

    constructor(params, kind) {
      this.#params = params;
      this.#kind = kind;
    }

    next() {
      if (this === null || typeof this !== 'object' || !(#params in this)) {
        throw invalidThis('URLSearchParamsIterator');
      }
      const list = listOf(this.#params);
      if (this.#index >= list.length) return { value: undefined, done: true };
      const name = list[this.#index];
      const value = list[this.#index + 1];
      this.#index += 2;
      const kind = this.#kind;
      return { value: kind === 'key' ? name : kind === 'value' ? value : [name, value], done: false };
    }

    [customInspect](depth, options, inspect) {
      if (this === null || typeof this !== 'object' || !(#params in this)) return this;
      const inner = { ...options };
      if (depth !== null) inner.depth = depth - 1;
      const list = listOf(this.#params);
      const items = [];
      for (let i = this.#index; i < list.length; i += 2) {
        items.push(this.#kind === 'key' ? list[i] : this.#kind === 'value' ? list[i + 1]
          : [list[i], list[i + 1]]);
      }
      const shown = items.map((item) => inspect(item, inner));
      const text = inspect(items, inner).includes('\n') ? `\n  ${shown.join(',\n  ')}`
        : ` ${shown.join(', ')}`;
      return `URLSearchParams Iterator {${text} }`;
    }
  }

  // ---- property shapes as in Node

  const enumerable = (target, names) => {
    for (const name of names) {
      defineProperty(target, name, { ...getOwnPropertyDescriptor(target, name), enumerable: true });
    }
  };
  const toStringTag = (target, tag) =>
    defineProperty(target.prototype, Symbol.toStringTag, { value: tag, configurable: true });

  enumerable(URL.prototype, ['toString', 'href', 'origin', 'protocol', 'username', 'password',
    'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']);
  enumerable(URL, ['parse', 'canParse']);
  toStringTag(URL, 'URL');
  enumerable(URLSearchParams.prototype, ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set',
    'sort', 'entries', 'forEach', 'keys', 'values', 'toString']);
  defineProperty(URLSearchParams.prototype, Symbol.iterator, {
    value: URLSearchParams.prototype.entries, writable: true, configurable: true,
  });
  toStringTag(URLSearchParams, 'URLSearchParams');
  delete URLSearchParamsIterator.prototype.constructor;
  setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
  enumerable(URLSearchParamsIterator.prototype, ['next']);
  toStringTag(URLSearchParamsIterator, 'URLSearchParams Iterator');

  for (const [name, value] of [['URL', URL], ['URLSearchParams', URLSearchParams]]) {
    defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  }

  // url_legacy.js (Url, parse, format, resolve...) and url_file_paths.js
  // (pathToFileURL, fileURLToPath) are compiled on first require.
  internals.nodeUrl = () => {
    const legacy = natives.loadScript('url_legacy.js')(natives, internals);
    const { pathToFileURL, fileURLToPath } =
      natives.loadScript('url_file_paths.js')(natives, internals, URL);
    return {
      Url: legacy.Url,
      parse: legacy.parse,
      resolve: legacy.resolve,
      resolveObject: legacy.resolveObject,
      format: legacy.format,
      URL,
      URLSearchParams,
      domainToASCII: (domain) => natives.domainToASCII(`${domain}`),
      domainToUnicode: (domain) => natives.domainToUnicode(`${domain}`),
      pathToFileURL,
      fileURLToPath,
      urlToHttpOptions: legacy.urlToHttpOptions,
    };
  };
})
