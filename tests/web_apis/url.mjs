// URL, URLSearchParams and node:url, printed the same under Node and toysnap
// (tests/web_apis_e2e_test.cc compares them, from source and from a snapshot).
// The objects made at top level are made at build time in a snapshot; main()
// reads and changes them after the restore.
import { URL as UrlExport, URLSearchParams as ParamsExport, domainToASCII, domainToUnicode,
  fileURLToPath, pathToFileURL } from 'node:url';
import url from 'node:url';
import { resolve } from 'node:path';

const atBuild = new URL('https://user:pw@bücher.example:8443/a/b?x=1&y=two#frag');
const paramsAtBuild = atBuild.searchParams;
const listAtBuild = new URLSearchParams([['k', 'v'], ['k', 'w'], ['😀', 'smile']]);
const iteratorAtBuild = listAtBuild.keys();
iteratorAtBuild.next();
const parts = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
  'pathname', 'search', 'hash'];

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    const extra = Object.keys(e).map((k) => `${k}=${JSON.stringify(e[k])}`).join(' ');
    console.log(label, 'throws', e.name, e.code, JSON.stringify(e.message), extra);
  }
}

const partsOf = (u) => JSON.stringify(parts.map((p) => u[p]));

function parsing() {
  const cases = [
    // IDNA and host forms
    ['http://bücher.de/'], ['http://xn--bcher-kva.de'], ['https://faß.de/'], ['http://☃.net/'],
    ['http://ex%41mple.com/'], ['HTTP://EXAMPLE.COM./A'], ['http://ａｂｃ.com/'], ['http://xn--a.com/'],
    ['http://a..b/'], ['http://-x.com/'], ['http://%zz/'], ['http://a%00b/'],
    // IPv6 and IPv4
    ['http://[::1]:8080/'], ['http://[2001:db8::ff00:42:8329]/p'], ['http://[::ffff:192.168.1.1]/'],
    ['http://[1:0::]/'], ['http://[::1/'], ['http://[::1]x/'], ['http://[1:2:3:4:5:6:7:8:9]/'],
    ['http://0x7f.1/'], ['http://192.168.0.257/'], ['http://1.2.3/'], ['http://4294967295/'],
    ['http://4294967296/'], ['http://0300.0250.0.1/'],
    // percent-encoding
    ['http://a/ä ö?ä ö#ä ö'], ['http://a/%zz%41?%zz#%zz'], ["http://a/'\"<>`{}|^?'\"<>`{}#'\"<>`{}"],
    ['http://us er:p@ss:w@a/'], ['http://a/\\b\\c?d\\e'], ['foo://a/\\b'], ['http://a/\uD800x'],
    ['  http://a/\tb\nc  '], ['http://a/%2e%2E/b/%2e/c'],
    // special and non-special schemes, opaque paths
    ['ws://a:80/'], ['wss://a:443/'], ['ftp://a:21/'], ['http://a:0080/'], ['http://a:65536/'],
    ['foo://bar/baz'], ['foo://bar:99/'], ['mailto:a@b.c'], ['data:text/plain,hi there'],
    ['javascript:alert(1)'], ['blob:https://a.b:8/c'], ['blob:foo'], ['sc:opaque  ?q#h'],
    ['urn:isbn:0451450523'], ['HTTPS:/a.b/c'], ['http:a.b/c'], ['non-spec:/.//p'],
    // file:
    ['file:///etc/passwd'], ['file://localhost/x'], ['file://host/share/x'], ['file:/x'],
    ['file:x'], ['file:///C:/x/../y'], ['file:///a/../../b'], ['file://[::1]/x'], ['FILE:///X'],
    // invalid
    [''], ['http://'], ['http://a b/'], ['//x'], ['x'], ['http://a:b/'], ['http://a:99999/'],
    ['http://exa mple.org'], ['https://@/'], ['http://[::1]]/'], ['\u0000'],
    // relative resolution (RFC 3986 examples and more)
    ...['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x',
      'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g', '../../../g',
      '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h', 'g/../h', 'http:g',
      '\\\\x\\y', 'ä'].map((r) => [r, 'http://a/b/c/d;p?q']),
    ['x', 'file:///dir/file'], ['../../../..', 'file:///a/b'], ['?q', 'foo://h/p'], ['x', 'mailto:a@b'],
    ['#f', 'mailto:a@b'], ['x', 'not a base'], ['/p', 'http://a:8/old?q#h'], ['//h2/p', 'https://h1/'],
  ];
  for (const [input, base] of cases) {
    const label = base === undefined ? JSON.stringify(input) : `${JSON.stringify(input)} on ${base}`;
    show(label, () => partsOf(base === undefined ? new URL(input) : new URL(input, base)));
  }
  show('toString', () => [String(new URL('http://a/b')), `${new URL('http://a/b')}`,
    new URL('http://a/b').toJSON(), JSON.stringify({ u: new URL('http://a/b?c') })]);
  show('URL object as base', () => new URL('x', new URL('http://h/dir/')).href);
  show('no arguments', () => new URL());
  show('undefined input', () => new URL(undefined));
  show('symbol input', () => new URL(Symbol('s')));
  show('canParse', () => [URL.canParse('http://a'), URL.canParse('nope'), URL.canParse('/p', 'http://h'),
    URL.canParse('/p', 'nope'), URL.canParse('/p', undefined), URL.canParse.length]);
  show('canParse()', () => URL.canParse());
  show('parse', () => [URL.parse('http://a/b').href, URL.parse('nope'), URL.parse('/x', 'http://h').href]);
}

function setters() {
  const cases = [
    ['http://h:1/p?q#f', 'href', 'https://other/x'], ['http://h/p', 'href', 'not a url'],
    ['http://h/p', 'protocol', 'https'], ['http://h/p', 'protocol', 'ftp:'], ['http://h/p', 'protocol', 'foo'],
    ['foo://h/p', 'protocol', 'http'], ['foo://h/p', 'protocol', 'bar'], ['http://h/p', 'protocol', 'file'],
    ['file:///p', 'protocol', 'http'], ['http://h/p', 'protocol', '1x'], ['http://h:21/p', 'protocol', 'ftp'],
    ['http://h/p', 'username', 'us er@'], ['http://h/p', 'password', 'p:w'], ['http://u:p@h/p', 'username', ''],
    ['file:///p', 'username', 'u'], ['mailto:x', 'password', 'p'],
    ['http://h/p', 'host', 'bücher.de:99'], ['http://h:5/p', 'host', 'other'], ['http://h/p', 'host', ''],
    ['http://h/p', 'host', '[::1]:81'], ['http://h/p', 'host', 'a b'], ['http://h/p', 'host', 'x/y'],
    ['http://h/p', 'hostname', 'a b'], ['http://h/p', 'hostname', 'EXAMPLE.com'], ['http://h/p', 'hostname', 'x:99'],
    ['foo://h/p', 'hostname', ''], ['file://h/p', 'hostname', 'localhost'], ['sc:opaque', 'hostname', 'x'],
    ['http://h/p', 'port', '8080'], ['http://h:8080/p', 'port', '80'], ['http://h:8080/p', 'port', ''],
    ['http://h/p', 'port', '12ab'], ['http://h/p', 'port', 'ab'], ['http://h/p', 'port', '65536'],
    ['http://h/p', 'port', 99], ['file:///p', 'port', '9'],
    ['http://h/p', 'pathname', 'a b/ä/../c'], ['http://h/p', 'pathname', ''], ['foo://h/p', 'pathname', 'x'],
    ['mailto:a', 'pathname', 'b'], ['http://h/p', 'pathname', '%2e%2e/x'], ['http://h/p', 'pathname', '\\a\\b'],
    ['http://h/p', 'search', 'a=b c&ä'], ['http://h/p?x', 'search', ''], ['http://h/p', 'search', '?'],
    ['http://h/p', 'search', '??x'], ['http://h/p', 'search', '\uD800'], ['sc:opaque  ?q', 'search', ''],
    ['http://h/p', 'hash', 'f g'], ['http://h/p#x', 'hash', ''], ['http://h/p', 'hash', '##x'],
    ['sc:opaque  #h', 'hash', ''], ['http://h/p', 'origin', 'http://x'],
  ];
  for (const [start, part, value] of cases) {
    show(`${start} .${part} = ${JSON.stringify(value)}`, () => {
      const u = new URL(start);
      u[part] = value;
      return partsOf(u);
    });
  }
  // A refused host leaves nothing behind that a later change trips on.
  show('refused hostname, then host with port', () => {
    const u = new URL('ftp://h/p');
    u.hostname = 'a b';
    u.host = 'x:99';
    return u.href;
  });
}

function searchParams() {
  const make = (label, init) => show(label, () => {
    const p = new URLSearchParams(init);
    return `${JSON.stringify([...p])} size=${p.size} "${p}"`;
  });
  make('none', undefined);
  make('null', null);
  make('string', '?a=1&b=%20x+y&&c&=d&e=%FF&f=%zz&g=%C3%A4&h==&i=a=b');
  make('string without ?', 'a=1');
  // Escapes that are no UTF-8 (each query goes to ada whole), a BOM kept,
  // plus signs and escaped ones, text that is not ASCII, truncated escapes.
  make('escapes', '%C3%28=1&%ED%A0%80=2&%C0%AF=3&%EF%BB%BFk=4&a+b%2B=c+%2B&ü=ß&😀&%=%4&%%41=%2');
  make('valid escapes only', 'q=%E2%9C%93+ok&name=J%C3%BCrgen&e=');
  make('only ?', '?');
  make('??', '??a=1');
  make('lone surrogate', 'a\uD800=\uDC00');
  make('pairs', [['a b', 'ä&='], ['c', ''], ['', '']]);
  make('pairs of other iterables', [new Set(['x', 'y']), 'kv']);
  make('record', { a: 1, b: [2, 3], c: null, 'ä': '😀', [Symbol('s')]: 1 });
  make('record with colliding keys', { '\uD800': 'first', '\uDC00': 'second' });
  make('params', new URLSearchParams('a=1&a=2'));
  make('number', 42);
  make('map', new Map([['m', 'n']]));
  make('bad pair', [['only one']]);
  make('bad pair type', [1]);
  make('not iterable', { [Symbol.iterator]: 5 });
  make('symbol record key', { [Symbol.iterator]: undefined, a: 1 });

  const p = new URLSearchParams('b=2&a=1&b=3&c=4');
  show('get', () => [p.get('b'), p.get('z'), p.getAll('b'), p.getAll('z'), p.has('a'), p.has('z'),
    p.has('b', '3'), p.has('b', '9')]);
  show('missing args', () => p.get());
  show('append missing', () => p.append('x'));
  show('set missing', () => p.set('x'));
  show('delete missing', () => p.delete());
  show('append', () => { p.append('a', 'again'); p.append('ä', 'ü'); return p.toString(); });
  show('set', () => { p.set('b', 'only'); p.set('new', 'x'); return p.toString(); });
  show('delete with value', () => { p.delete('a', 'again'); return p.toString(); });
  show('delete', () => { p.delete('b'); return `${p} ${p.size}`; });
  show('sort', () => {
    const s = new URLSearchParams('z=1&a=2&😀=3&\uFFFD=4&a=1&B=5&ä=6&=7');
    s.sort();
    return s.toString();
  });
  show('toString encoding', () => new URLSearchParams([[' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', 'ä€😀\u0000']]).toString());
  show('iterators', () => {
    const s = new URLSearchParams('a=1&b=2');
    return [[...s.keys()], [...s.values()], [...s.entries()], [...s], s[Symbol.iterator] === s.entries];
  });
  show('live iteration', () => {
    const s = new URLSearchParams('a=1&b=2&c=3');
    const seen = [];
    for (const [k] of s) {
      seen.push(k);
      if (k === 'a') s.delete('b');
      if (k === 'c') s.append('d', '4');
    }
    return seen;
  });
  show('forEach', () => {
    const s = new URLSearchParams('a=1&b=2');
    const seen = [];
    s.forEach(function (value, key, self) { seen.push(`${key}=${value} ${self === s} ${this.tag}`); }, { tag: 't' });
    return seen;
  });
  show('forEach without callback', () => new URLSearchParams().forEach());
  show('forEach with a string', () => new URLSearchParams().forEach('x'));
  show('foreign receiver', () => URLSearchParams.prototype.get.call({}, 'a'));
  show('iterator on foreign receiver', () => new URLSearchParams().keys().next.call({}));
  show('URL getter on foreign receiver', () => Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}));
  show('without new', () => URLSearchParams());
}

function withUrl() {
  const u = new URL('http://h/p?x=1&y=2#f');
  const s = u.searchParams;
  show('same object', () => s === u.searchParams);
  show('append updates href', () => { s.append('z', 'a b'); return u.href; });
  show('set search updates params', () => { u.search = '?q=ä&q=2'; return JSON.stringify([...s]); });
  show('href updates params', () => { u.href = 'http://h/?m=1'; return JSON.stringify([...s]); });
  show('hash leaves params', () => { u.hash = 'zz'; return JSON.stringify([...s]); });
  show('emptying removes ?', () => { s.delete('m'); return JSON.stringify([u.href, u.search]); });
  show('sort updates href', () => { s.append('b', '1'); s.append('a', '2'); s.sort(); return u.href; });
  show('opaque path trailing spaces', () => {
    const o = new URL('sc:opaque  ?q#h');
    o.searchParams.delete('q');
    const before = o.href;
    o.hash = '';
    return JSON.stringify([before, o.href]);
  });
  show('search with %FF', () => {
    const v = new URL('http://h/?a=%FF');
    return JSON.stringify([v.searchParams.get('a'), v.searchParams.toString(), v.search]);
  });
}

function nodeUrl() {
  show('exports', () => [UrlExport === URL, ParamsExport === URLSearchParams, url.URL === URL,
    typeof url.fileURLToPath, typeof url.pathToFileURL]);
  for (const input of ['file:///etc/passwd', 'file:///a%20b/%C3%A4', 'file://localhost/x', 'file:///a/b/',
    'file:///a%2Fb', 'file:///a%2fb', 'file:///%E0%A4%A', 'file://host/x', 'http://a/b', 'file:///a?q#h']) {
    show(`fileURLToPath(${input})`, () => fileURLToPath(input));
  }
  show('fileURLToPath(URL)', () => fileURLToPath(new URL('file:///x/y')));
  show('fileURLToPath(like)', () => fileURLToPath({ href: 'file:///z', protocol: 'file:', hostname: '', pathname: '/z' }));
  show('fileURLToPath(42)', () => fileURLToPath(42));
  show('fileURLToPath()', () => fileURLToPath());
  for (const input of ['/etc/passwd', '/a b/ä', '/a%b', '/a?b#c', '/a\\b', '/tab\tnl\ncr\r', '/dir/',
    '/a/../b/./c', '//double', '/😀', 'relative/x', '.', '/']) {
    show(`pathToFileURL(${JSON.stringify(input)})`, () => {
      const u = pathToFileURL(input);
      return [u instanceof URL, u.href.replace(resolve('.'), '<cwd>')];
    });
  }
  show('pathToFileURL(42)', () => pathToFileURL(42));
  for (const input of ['español.com', 'xn--espaol-zwa.com', 'EXAMPLE.com', 'xn--iñvalid.com', '',
    'a b', '1.2.3.4', '[::1]', '☃.net', 'ＡＢＣ.com']) {
    show(`domainTo*(${JSON.stringify(input)})`, () => [domainToASCII(input), domainToUnicode(input)]);
  }
}

function formatting() {
  const u = new URL('https://user:pa%20ss@example.com:8080/a/b?x=1&y=2#frag');
  console.log(u);
  console.log([u], { nested: { u } });
  console.log({ d: { e: { f: new URL('http://a/') } } });
  console.log(new URLSearchParams('a=1&b=%20'), new URLSearchParams());
  console.log(new URLSearchParams([['long', 'x'.repeat(130)]]));
  console.log(new URLSearchParams('a=1&b=2').entries(), new URLSearchParams('a=1&b=2').keys());
  console.log([[[new URLSearchParams('deep=1')]]]);
  console.log(Object.prototype.toString.call(u), Object.prototype.toString.call(u.searchParams),
    Object.prototype.toString.call(u.searchParams.keys()));
}

function shapes() {
  const names = (o) => Object.getOwnPropertyNames(o).join();
  const flags = (o, k) => {
    const d = Object.getOwnPropertyDescriptor(o, k);
    return d ? `${'value' in d ? 'v' : 'a'}${d.writable ? 'w' : ''}${d.enumerable ? 'e' : ''}${d.configurable ? 'c' : ''}` : '-';
  };
  const iteratorProto = Object.getPrototypeOf(new URLSearchParams().keys());
  console.log(names(URL.prototype), names(URLSearchParams.prototype), names(iteratorProto));
  console.log(['href', 'toString', 'searchParams', 'toJSON', Symbol.toStringTag].map((k) => flags(URL.prototype, k)).join());
  console.log(['size', 'append', Symbol.iterator, Symbol.toStringTag].map((k) => flags(URLSearchParams.prototype, k)).join());
  console.log(['next', Symbol.toStringTag].map((k) => flags(iteratorProto, k)).join(),
    Object.getPrototypeOf(iteratorProto) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  console.log(['canParse', 'parse'].map((k) => flags(URL, k)).join(), URL.length, URLSearchParams.length,
    URL.name, URLSearchParams.name, typeof URL, Object.keys(globalThis).includes('URL'));
  console.log(new URL('http://a/') instanceof URL, Object.keys(new URL('http://a/')));
}

function builtAtBuildTime() {
  show('build-time URL', () => partsOf(atBuild));
  show('build-time params', () => [paramsAtBuild === atBuild.searchParams, paramsAtBuild.get('y')]);
  show('build-time URL changed', () => {
    atBuild.pathname = '/changed';
    paramsAtBuild.set('x', 'after restore');
    atBuild.port = '9';
    return atBuild.href;
  });
  show('build-time list', () => [listAtBuild.getAll('k'), listAtBuild.toString()]);
  show('build-time iterator', () => [...iteratorAtBuild]);
  console.log(atBuild);
}

export function main() {
  parsing();
  setters();
  searchParams();
  withUrl();
  nodeUrl();
  formatting();
  shapes();
  builtAtBuildTime();
}
