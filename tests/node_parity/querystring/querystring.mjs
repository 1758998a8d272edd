// querystring against Node: parse edge cases (empty pairs, '+', bad escapes,
// repeated keys, maxKeys, custom separators and decoders), stringify of each
// value type, escape/unescape and unescapeBuffer.
import qs from 'node:querystring';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

export function main() {
  for (const input of ['a=1&b=2', 'a=1&a=2&a=3', 'a&b=&=c&&d', '&&', 'a=b=c', 'a+b=c+d', '%41%42=%zz%4',
    'a=%E2%82%AC', 'a=%E2%82', 'a=%', 'a=%%41', '+', '=', 'a=1&', '&a=1', 'x=%F0%9F%98%80', '__proto__=1',
    'hasOwnProperty=x', 'a[]=1&a[]=2', 'a=%2B+%20', '%E0%A4%A=1', 'a=\u00e9']) {
    show(JSON.stringify(input), () => qs.parse(input));
  }
  show('sep eq', () => qs.parse('a:1;b:2;;c', ';', ':'));
  show('multichar', () => qs.parse('a=>1&&b=>2&&&c=>3', '&&', '=>'));
  show('maxKeys 2', () => qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 }));
  show('maxKeys 0', () => Object.keys(qs.parse('a=1&'.repeat(1200))).length);
  show('maxKeys default', () => Object.keys(qs.parse(Array.from({ length: 1200 }, (_, i) => `k${i}=1`).join('&'))).length);
  show('maxKeys empty pairs', () => qs.parse('&&a=1&b=2', null, null, { maxKeys: 3 }));
  show('maxKeys Infinity', () => Object.keys(qs.parse('a=1&b=1', null, null, { maxKeys: Infinity })).length);
  show('custom decode', () => qs.parse('a=%41+b&c=d', null, null, { decodeURIComponent: (s) => `<${s}>` }));
  show('throwing decode', () => qs.parse('a=%41', null, null, { decodeURIComponent: () => { throw new Error('no'); } }));
  show('not a string', () => [qs.parse(5), qs.parse(''), qs.decode('x=1')]);
  show('stringify', () => qs.stringify({ a: 'b c', n: 1.5, big: 10n, t: true, f: false, nul: null, u: undefined,
    inf: Infinity, arr: ['x', 2], empty: [], obj: { x: 1 }, e: '', huge: 1e21, sym: 'ü€😀', 'k y': '!\'()*-._~' }));
  show('stringify sep', () => qs.stringify({ a: 1, b: [2, 3] }, ';', ':'));
  show('stringify custom', () => qs.stringify({ a: 'b c', n: 5 }, null, null, { encodeURIComponent: (s) => `[${s}]` }));
  show('stringify non-object', () => [qs.stringify('abc'), qs.stringify(null), qs.encode({ x: 1 })]);
  show('escape', () => [qs.escape('a b&c=d/é€😀'), qs.escape(5), qs.escape({ toString: () => 'o b' }), qs.escape('')]);
  show('escape lone high surrogate', () => qs.escape('a\ud800'));
  show('escape unpaired', () => qs.escape('\ud800x'));
  show('unescape', () => [qs.unescape('a%20b+c'), qs.unescape('a%zz%41', true), qs.unescape('%E2%82%AC'), qs.unescape('%E2%82+', true)]);
  show('unescapeBuffer', () => [qs.unescapeBuffer('a%41%4+b', true), qs.unescapeBuffer('plain'), qs.unescapeBuffer('%%41')]);
  show('keys', () => Object.keys(qs));
}
