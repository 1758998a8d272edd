// Every encoding both ways, Node's lenient decoding, byteLength and write().
import { Buffer, constants, kMaxLength, kStringMaxLength } from 'node:buffer';

// Made while a snapshot is built: the pool and these bytes live in it.
const early = Buffer.from('built at snapshot time: héllo €');

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

export function main() {
  console.log(early.toString(), early.toString('hex'));
  const text = 'héllo wörld € 😀 \u0000';
  for (const encoding of ['utf8', 'utf-8', 'UTF8', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'latin1',
    'binary', 'ascii', 'base64', 'base64url', 'hex', 'Hex', 'BASE64']) {
    const bytes = Buffer.from(text, encoding);
    show(encoding, () => [bytes.length, Buffer.byteLength(text, encoding), bytes.toString(encoding),
      bytes.toString('hex')]);
  }
  const all = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  for (const encoding of ['utf8', 'ucs2', 'latin1', 'ascii', 'base64', 'base64url', 'hex']) {
    const s = all.toString(encoding);
    show(`all ${encoding}`, () => [s.length, JSON.stringify(s.slice(0, 40)), Buffer.from(s, encoding).equals(all)]);
  }
  // Lenient base64: either alphabet, whitespace, stray characters, early '='.
  for (const input of ['aGVsbG8=', 'aGVsbG8', 'aGV sbG8\n', 'a-_/+A==', 'aGVs=bG8', 'Z', 'Zm', '!@#$',
    '  Zm9v  YmFy  ', 'Zm9vYmFy====', '=Zm9v']) {
    show(`base64 ${JSON.stringify(input)}`, () => [Buffer.from(input, 'base64').toString('hex'),
      Buffer.from(input, 'base64url').toString('hex'), Buffer.byteLength(input, 'base64')]);
  }
  for (const input of ['abcd', 'abc', 'ABCDEFzz12', 'zz', '0', '']) {
    show(`hex ${JSON.stringify(input)}`, () => Buffer.from(input, 'hex'));
  }
  show('lone surrogates', () => [Buffer.from('a\ud800b\udc00'), Buffer.byteLength('\ud800'),
    Buffer.from('\ud83d\ude00', 'ucs2')]);
  show('invalid utf8', () => Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82, 0x61, 0xf0, 0x9f]).toString());
  show('odd ucs2', () => Buffer.from([0x61, 0x00, 0x62]).toString('ucs2'));
  show('ascii high', () => Buffer.from([0x80, 0xff, 0x41]).toString('ascii'));
  show('latin1 wide', () => Buffer.from('Āā€', 'latin1'));

  const target = Buffer.alloc(10);
  show('write', () => [target.write('héllo'), target]);
  show('write offset', () => [target.write('abc', 8), target]);
  show('write offset length enc', () => [target.write('616263', 1, 2, 'hex'), target]);
  show('write offset enc', () => [target.write('ffff', 5, 'hex'), target]);
  show('write enc', () => [target.write('€€€€', 'ucs2'), target]);
  show('write partial char', () => [Buffer.alloc(2).write('€'), Buffer.alloc(4).write('a€')]);
  show('toString ranges', () => [all.toString('hex', 250), all.toString('hex', -5, 2),
    all.toString('hex', 3, 1), all.toString('latin1', 65, 70.9), all.toString(undefined, 97, 100),
    all.toString('utf8', '97', '99'), all.toString('hex', NaN, 2)]);
  show('isEncoding', () => ['utf8', 'UTF-8', 'binary', 'base64url', 'utf16', '', 'hex ', 1, null]
    .map((e) => Buffer.isEncoding(e)));
  show('byteLength types', () => [Buffer.byteLength(new ArrayBuffer(7)), Buffer.byteLength(new Uint16Array(3)),
    Buffer.byteLength('abc', 'nope'), Buffer.byteLength('')]);
  show('limits', () => [kMaxLength, kStringMaxLength, constants]);
  show('from array-likes', () => [Buffer.from([1, 256, -1, 3.7, 'x']), Buffer.from({ length: 2, 0: 9 }),
    Buffer.from({ type: 'Buffer', data: [1, 2] }), Buffer.from(new Uint16Array([1, 0x1234])),
    Buffer.from(new String('str')), Buffer.from({ [Symbol.toPrimitive]: () => 'prim' })]);
  const ab = new ArrayBuffer(8);
  show('from ArrayBuffer', () => [Buffer.from(ab, 2, 3).byteOffset, Buffer.from(ab, 6).length,
    Buffer.from(ab, 'x').length, Buffer.from(ab, 2, -1).length]);
  show('pool', () => [Buffer.poolSize, Buffer.from('pooled').buffer.byteLength,
    Buffer.allocUnsafeSlow(3).buffer.byteLength]);
}
