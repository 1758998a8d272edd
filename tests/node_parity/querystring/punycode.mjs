// punycode (Node's bundled npm punycode 2.1.0) and string_decoder against Node.
import punycode from 'node:punycode';
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';

function show(label, fn) {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

export function main() {
  const require = createRequire(import.meta.url);
  show('same module', () => require('punycode') === punycode);
  show('keys', () => [Object.keys(punycode), punycode.version]);
  show('encode', () => ['mañana', 'ü', 'abc', '☃-⌘', '', 'ليهمابتكلموشعربي؟'].map((s) => punycode.encode(s)));
  show('decode', () => ['maana-pta', 'tda', 'abc-', '--dqo34k'].map((s) => punycode.decode(s)));
  show('decode bad', () => punycode.decode('\u0081'));
  show('decode overflow', () => punycode.decode('99999999999999999'));
  show('toASCII', () => ['mañana.com', 'джумла@джpумлатест.bрфa', 'example.com', '☃.net'].map((s) => punycode.toASCII(s)));
  show('toUnicode', () => ['xn--maana-pta.com', 'xn--n3h.net', 'example.com'].map((s) => punycode.toUnicode(s)));
  show('ucs2', () => [punycode.ucs2.decode('\ud834\udf06a'), punycode.ucs2.encode([0x1d306, 97])]);
  const decoder = new StringDecoder('utf8');
  show('string_decoder utf8', () => [decoder.write(Buffer.from([0xe2, 0x82])), decoder.write(Buffer.from([0xac, 0x41])),
    decoder.end(Buffer.from([0xf0, 0x9f]))]);
  const utf16 = new StringDecoder('utf16le');
  show('string_decoder utf16le', () => [utf16.write(Buffer.from([0x61])), utf16.write(Buffer.from([0x00, 0x3d, 0xd8])),
    utf16.end(Buffer.from([0x00, 0xde]))]);
  const base64 = new StringDecoder('base64');
  show('string_decoder base64', () => [base64.write(Buffer.from('ab')), base64.write(Buffer.from('cd')), base64.end()]);
  show('string_decoder hex latin1', () => [new StringDecoder('hex').write(Buffer.from('hi')),
    new StringDecoder('latin1').end(Buffer.from([0xe9]))]);
  show('string_decoder bad encoding', () => new StringDecoder('nope'));
  show('string_decoder bad write', () => new StringDecoder().write('x'));
}
