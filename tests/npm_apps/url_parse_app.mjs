// URL parsing on real packages: url-parse (its own parser, on querystringify
// and requires-port) and query-string (on decode-uri-component, split-on-first
// and filter-obj), printing each parse, rebuild and query object; plus the
// WHATWG URL and node:querystring views of the same inputs.
import URLParse from 'url-parse';
import queryString from 'query-string';
import querystring from 'node:querystring';

const urls = [
  'https://user:pa%20ss@Example.COM:8080/a/b/../c/./d.html?x=1&y=%20two&x=3#frag',
  'http://[::1]:3000/api?list[]=a&list[]=b',
  'ftp://files.example.org/pub/file.tar.gz',
  'mailto:someone@example.com?subject=hi%20there',
  '//cdn.example.com/lib.js?v=2',
  '/relative/path?q=search+terms&empty=&flag',
  'HTTPS://EXAMPLE.com:443/',
  'http://xn--nxasmq6b.example/caf%C3%A9?q=%E2%82%AC',
  'file:///home/user/notes.txt',
  'http://example.com/?a[b][c]=d&a[e]=f&arr[0]=x&arr[2]=z',
];

export function main() {
  for (const input of urls) {
    const parsed = new URLParse(input, true);
    console.log(JSON.stringify({
      protocol: parsed.protocol, slashes: parsed.slashes, auth: parsed.auth, host: parsed.host,
      hostname: parsed.hostname, port: parsed.port, pathname: parsed.pathname, query: parsed.query,
      hash: parsed.hash, origin: parsed.origin, href: parsed.href,
    }));
    console.log('  relative to base:', new URLParse('../up?z=9', input).href);
    const search = input.includes('?') ? input.slice(input.indexOf('?') + 1).split('#')[0] : '';
    console.log('  query-string:', JSON.stringify(queryString.parse(search, { arrayFormat: 'bracket', parseNumbers: true })));
    console.log('  parseUrl:', JSON.stringify(queryString.parseUrl(input, { parseFragmentIdentifier: true })));
    console.log('  querystring:', JSON.stringify(querystring.parse(search)));
    try {
      const url = new URL(input);
      console.log('  URL:', url.href, url.host, url.pathname, [...url.searchParams].join(';'));
    } catch (error) {
      console.log('  URL:', error.code, error.message);
    }
  }
  console.log(queryString.stringify({ b: [1, 2], c: 'x y', d: null, e: '', u: undefined }, { arrayFormat: 'index' }));
  console.log(queryString.stringify({ list: ['a', 'b'], z: 1, a: 'ü' }, { arrayFormat: 'bracket', sort: false }));
  console.log(queryString.parse('a=1,2&b=%E2%82%AC&c=true', { arrayFormat: 'comma', parseBooleans: true }));
  console.log(queryString.stringifyUrl({ url: 'https://x.test/p?old=1#h', query: { n: 'v w' } }));
  console.log(queryString.pick('https://x.test/?a=1&b=2&c=3', ['a', 'c']));
  console.log(queryString.exclude('https://x.test/?a=1&b=2&c=3', ['b']));
  const changed = new URLParse('http://example.com/x?y=1');
  changed.set('pathname', '/new path');
  changed.set('query', { k: 'v w', n: '1' });
  changed.set('port', '8080');
  console.log(changed.toString());
  console.log(querystring.stringify({ a: ['1', '2'], b: 'x y', c: 'é' }));
}
