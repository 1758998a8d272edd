// TextDecoder's legacy encodings (ICU's converters in Node with full ICU):
// label mapping, output, fatal, ignoreBOM, streaming, and the errors.
import { inspect } from 'node:util';

const hex = (s) => new Uint8Array(Buffer.from(s, 'hex'));
const codes = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(' ');

// Made at build time from a snapshot: a stream cut inside a character.
const sjisStream = new TextDecoder('sjis');
const carried = sjisStream.decode(hex('82a082'), { stream: true });
const utf16Stream = new TextDecoder('utf-16be', { fatal: true });
utf16Stream.decode(hex('feff00'), { stream: true });

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message, e.errno);
  }
}

// Every label of the WHATWG table Node 20 knows, as the encoding it names.
const everyLabel = ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8',
  'x-unicode20utf8', 'csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16',
  'utf-16le', 'unicodefffe', 'utf-16be', 'csiso2022kr', 'hz-gb-2312', 'iso-2022-cn',
  'iso-2022-cn-ext', 'iso-2022-kr', 'UNICODE11UTF8', 'UnicodeFFFE'];

export function main() {
  show('every label', () => everyLabel.map((label) => {
    try { return new TextDecoder(label).encoding; } catch (e) { return e.code; }
  }).join(','));
  show('carried', () => codes(carried) + ' | ' + codes(sjisStream.decode(hex('a0'))));
  show('utf16 carried', () => codes(utf16Stream.decode(hex('41'))));
  const sample = hex('41808182838d8e8f909d9e9fa0a4b5c1d7e9f3fdfeff');
  for (const label of ['windows-1252', 'latin1', 'ASCII', ' iso-8859-1\t', 'iso-8859-2',
    'iso-8859-3', 'iso-8859-4', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8',
    'iso-8859-8-i', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'ibm866',
    'koi8-r', 'koi8-u', 'macintosh', 'x-mac-cyrillic', 'windows-874', 'windows-1250',
    'windows-1251', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256',
    'windows-1257', 'windows-1258', 'gbk', 'gb18030', 'big5', 'euc-jp', 'shift_jis',
    'euc-kr', 'utf-16le', 'utf-16be', 'utf-16', 'UTF8']) {
    show(JSON.stringify(label), () => {
      const d = new TextDecoder(label);
      return `${d.encoding} ${d.fatal} ${d.ignoreBOM} ${codes(d.decode(sample))}`;
    });
  }
  show('test file', () => new TextDecoder('windows-1252').decode(hex('c1e9f3')));
  show('sjis', () => new TextDecoder('shift_jis').decode(hex('82a082a282a4938c8b9e')));
  show('gbk', () => new TextDecoder('gbk').decode(hex('c4e3bac3')));
  show('euc-kr', () => new TextDecoder('euc-kr').decode(hex('c7d1b1b9')));
  show('big5', () => new TextDecoder('big5').decode(hex('a4a4a4e5')));
  show('euc-jp', () => new TextDecoder('euc-jp').decode(hex('a4a2a4a4')));
  show('iso-2022-jp', () => new TextDecoder('iso-2022-jp').decode(hex('1b2442242a1b284241')));
  show('gb18030 4-byte', () => codes(new TextDecoder('gb18030').decode(hex('8139ef30'))));
  // Streaming: every split point of a mixed Shift_JIS string gives the same text.
  const bytes = hex('4182a0938c42');
  for (let i = 0; i <= bytes.length; i++) {
    const d = new TextDecoder('shift_jis');
    show(`split ${i}`, () => d.decode(bytes.subarray(0, i), { stream: true }) +
      '|' + d.decode(bytes.subarray(i)));
  }
  // A stream ends with a cut character: U+FFFD, or an error when fatal.
  show('truncated', () => codes(new TextDecoder('shift_jis').decode(hex('4182'))));
  show('fatal truncated', () => new TextDecoder('shift_jis', { fatal: true }).decode(hex('4182')));
  show('fatal invalid', () => new TextDecoder('euc-kr', { fatal: true }).decode(hex('41ff')));
  show('fatal gbk', () => new TextDecoder('gbk', { fatal: true }).decode(hex('81')));
  const reused = new TextDecoder('shift_jis', { fatal: true });
  show('fatal then ok', () => { try { reused.decode(hex('82')); } catch { /* restart */ }
    return reused.decode(hex('82a0')); });
  show('fatal 1252', () => codes(new TextDecoder('windows-1252', { fatal: true }).decode(hex('81'))));
  // BOMs: UTF-16 drops one leading BOM unless ignoreBOM; legacy encodings keep bytes.
  show('bom le', () => codes(new TextDecoder('utf-16le').decode(hex('fffe4100fffe'))));
  show('bom le kept', () => codes(new TextDecoder('utf-16le', { ignoreBOM: true }).decode(hex('fffe4100'))));
  show('bom be', () => codes(new TextDecoder('utf-16be').decode(hex('feff0041'))));
  const split = new TextDecoder('utf-16le');
  show('bom split', () => codes(split.decode(hex('ff'), { stream: true }) + split.decode(hex('fe4100'))));
  show('bom again', () => codes(split.decode(hex('fffe4200'))));
  show('utf16 odd', () => codes(new TextDecoder('utf-16le').decode(hex('410042'))));
  show('utf16 lone', () => codes(new TextDecoder('utf-16le').decode(hex('00d84100'))));
  show('utf16 fatal lone', () => new TextDecoder('utf-16le', { fatal: true }).decode(hex('00d8')));
  show('1252 bom', () => codes(new TextDecoder('windows-1252').decode(hex('efbbbf41'))));
  show('ArrayBuffer', () => new TextDecoder('gbk').decode(hex('c4e3').buffer));
  show('DataView', () => new TextDecoder('gbk').decode(new DataView(hex('00c4e3').buffer, 1)));
  show('empty', () => JSON.stringify(new TextDecoder('gbk').decode()));
  // Errors.
  for (const label of ['iso-8859-16', 'x-user-defined', 'replacement', 'utf-32', '', 'latin-1',
    'utf\u00a08', 'KOI8-R\u0000']) {
    show(JSON.stringify(label), () => new TextDecoder(label));
  }
  show('bad input', () => new TextDecoder('gbk').decode('abc'));
  show('bad options', () => new TextDecoder('gbk', 3));
  show('inspect', () => inspect(new TextDecoder('koi8', { fatal: true })));
  show('inspect nested', () => inspect({ d: [new TextDecoder('utf-16be')], e: new TextEncoder() }));
  show('inspect shallow', () => inspect({ a: { b: new TextDecoder() } }, { depth: 0 }));
  show('kelvin sign', () => new TextDecoder('\u212Aoi8-u').encoding);
  show('toStringTag', () => Object.prototype.toString.call(new TextDecoder('gbk')));
}
