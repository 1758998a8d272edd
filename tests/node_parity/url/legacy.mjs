// node:url's legacy API against Node: parse (with parseQueryString and
// slashesDenoteHost), format of Url objects, strings and WHATWG URLs with
// options, resolve, resolveObject, urlToHttpOptions and their errors.
import url from 'node:url';

function show(label, fn) {
  try {
    const value = fn();
    console.log(label, typeof value === 'string' ? JSON.stringify(value) : value);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message, e.input);
  }
}

const inputs = [
  'http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
  'HTTP://www.EXAMPLE.com/a b?x=<1>&y="2"#f g',
  '  http://example.com/trim  ',
  'http:\\\\example.com\\back\\slash?q=\\x',
  '//example.com/no-protocol',
  '/just/a/path?with=query',
  'relative/path',
  'mailto:user@example.com',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'file://host/share',
  'http://[::1]:3000/ipv6',
  'http://a@b@c/',
  'http://ex%41mple.com/',
  'https://münchen.de/straße',
  'http://x.com:/empty-port',
  'http://x.com:abc/bad-port',
  'http://example.com#frag?notquery',
  'http://example.com/?',
  '?only=query',
  '#only-hash',
  'http://user%20name:p%40ss@host/',
  'git+ssh://git@github.com:owner/repo.git',
  'http://example.com/%zz',
  '',
  'http://a.com/b/c/d;p?q',
  'HTTP://X.COM',
  'ws://socket.example:9000/chat',
  'xmpp:user@host/resource',
  'http://example.com/\tta\nb\rc',
];

export function main() {
  // DEP0170 ('x.com:abc') would print Node's "(Use `node --trace-deprecation"
  // hint, which toysnap does not: keep warnings out of stderr.
  process.noDeprecation = true;
  console.log(Object.keys(url));
  for (const input of inputs) {
    show(`parse ${JSON.stringify(input)}`, () => url.parse(input));
    show('  query', () => url.parse(input, true).query);
    show('  slashesDenoteHost', () => url.parse(input, false, true).host);
    show('  format', () => url.format(url.parse(input)));
  }
  show('parse bad', () => url.parse(42));
  show('parse invalid host', () => url.parse('http://exa mple.com<>/'));
  show('parse forbidden', () => url.parse('http://a%zz/'));
  show('parse Url', () => { const u = url.parse('http://x'); return url.parse(u) === u; });
  show('Url', () => [new url.Url(), url.parse('http://x.com') instanceof url.Url]);
  show('format object', () => url.format({ protocol: 'https', hostname: 'example.com', port: 8443, pathname: 'p#x?y',
    query: { a: '1', b: ['2', '3'] }, hash: 'h' }));
  show('format host wins', () => url.format({ protocol: 'http:', host: 'h.com:1', hostname: 'ignored', port: 2 }));
  show('format ipv6 hostname', () => url.format({ protocol: 'http', hostname: '::1', port: 80, pathname: '/' }));
  show('format auth', () => url.format({ protocol: 'http', auth: 'us er:p@ss:x', host: 'h' }));
  show('format search', () => url.format({ search: 'a=1#x', pathname: 'p', slashes: true, host: 'h' }));
  show('format file', () => url.format({ protocol: 'file', pathname: '/etc' }));
  show('format string', () => url.format('HTTP://X.com/a b'));
  show('format bad', () => url.format(5));
  show('format null', () => url.format(null));
  const whatwg = new URL('https://user:pw@xn--mnchen-3ya.de:8080/p?q=1#frag');
  show('format URL', () => [url.format(whatwg), url.format(whatwg, { fragment: false, search: false, auth: false }),
    url.format(whatwg, { unicode: true }), url.format(whatwg, {})]);
  show('format URL bad options', () => url.format(whatwg, 'x'));
  const bases = ['http://a/b/c/d;p?q', 'http://example.com/one/two/', 'mailto:a@b.c', 'file:///a/b', '/rel/base', 'foo/bar'];
  const relatives = ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', '..', '../g', '../../../g', '.', '', 'http:g',
    'https://other/x', 'mailto:x@y', 'file:c', '//u@h2/x', '../..', 'g;x=1/../y'];
  for (const base of bases) {
    console.log(base, relatives.map((r) => url.resolve(base, r)).join(' | '));
  }
  show('resolveObject', () => url.resolveObject('http://a/b/c', '../d?x=1'));
  show('resolveObject empty', () => url.resolveObject('', 'x'));
  show('urlToHttpOptions', () => url.urlToHttpOptions(new URL('http://us%20er:p%40w@[::1]:8080/p?q=1#h')));
  show('urlToHttpOptions plain', () => url.urlToHttpOptions(new URL('https://example.com/')));
  show('fileURL', () => [url.fileURLToPath('file:///a%20b'), url.pathToFileURL('/a b#c').href]);
}
