// Comparison, search, fill, copy, concat, swaps, slices and their errors.
import { Buffer } from 'node:buffer';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

export function main() {
  const b = Buffer.from('abcdef abcdef €uro');
  show('indexOf', () => [b.indexOf('cd'), b.indexOf('cd', 3), b.indexOf('cd', -5), b.indexOf('cd', -100),
    b.indexOf(0x62), b.indexOf(0x162), b.indexOf(Buffer.from('ef')), b.indexOf(''), b.indexOf('', 100),
    b.indexOf('€'), b.indexOf('zz'), b.indexOf('a', 1e10), b.indexOf('a', '1'), b.indexOf('b', null),
    b.indexOf('b', {}), b.indexOf(new Uint8Array([0x20]))]);
  show('lastIndexOf', () => [b.lastIndexOf('cd'), b.lastIndexOf('cd', 5), b.lastIndexOf('cd', -10),
    b.lastIndexOf('cd', -100), b.lastIndexOf(0x61), b.lastIndexOf(''), b.lastIndexOf('', 4),
    b.lastIndexOf('a', undefined), b.lastIndexOf('a', NaN), b.lastIndexOf('f', 1e10)]);
  show('encodings', () => [b.indexOf('6364', 'hex'), b.indexOf('Y2Q=', 'base64'), b.indexOf('cd', 0, 'latin1'),
    b.includes('abc', 'ascii'), Buffer.from('a\u1234b', 'ucs2').indexOf('\u1234', 'ucs2'),
    Buffer.from('abcabc', 'ucs2').lastIndexOf('b', 'ucs2'), Buffer.from('xabc', 'ucs2').indexOf(Buffer.from([0x61, 0]), 'ucs2')]);
  show('includes', () => [b.includes('def'), b.includes('def', 12), b.includes(0x7a)]);
  show('indexOf bad enc', () => b.indexOf('a', 0, 'nope'));
  show('indexOf bad value', () => b.indexOf({}));
  show('compare', () => [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('b').compare(Buffer.from('a')),
    Buffer.from('abc').compare(Buffer.from('abcd')), b.compare(b), b.compare(Buffer.from('xcdx'), 1, 3, 2, 4),
    b.compare(Buffer.from('cd'), 0, 2, 2), b.compare(Buffer.from('q'), 1, 1), b.compare(Buffer.from('q'), 0, 1, 3, 3)]);
  show('compare bad target', () => b.compare('abc'));
  show('compare bad offset', () => b.compare(Buffer.from('a'), -1));
  show('compare end too big', () => b.compare(Buffer.from('a'), 0, 5));
  show('compare float', () => b.compare(Buffer.from('a'), 0.5));
  show('Buffer.compare bad', () => Buffer.compare(Buffer.from('a'), 'b'));
  show('equals', () => [b.equals(Buffer.from(b)), b.equals(new Uint8Array(b)), b.equals(Buffer.alloc(1))]);
  show('equals bad', () => b.equals('abc'));
  show('fill', () => [Buffer.alloc(7).fill('ab'), Buffer.alloc(7).fill('abc', 2), Buffer.alloc(7).fill('616', 'hex'),
    Buffer.alloc(7).fill('YWJj', 1, 6, 'base64'), Buffer.alloc(5).fill('€'), Buffer.alloc(5).fill('é', 'latin1'),
    Buffer.alloc(6).fill('\u0222', 'ucs2'), Buffer.alloc(4).fill(0x1ff), Buffer.alloc(4).fill(-1),
    Buffer.alloc(5).fill(Buffer.from([1, 2])), Buffer.alloc(3).fill(true), Buffer.alloc(3).fill(''),
    Buffer.alloc(4, 'ab'), Buffer.alloc(4, 'YQ==', 'base64'), Buffer.alloc(3, 257)]);
  show('fill bad hex', () => Buffer.alloc(4).fill('zz', 'hex'));
  show('fill bad enc', () => Buffer.alloc(4).fill('a', 'nope'));
  show('fill enc type', () => Buffer.alloc(4).fill('a', 0, 4, 3));
  show('fill bad offset', () => Buffer.alloc(4).fill(1, -1));
  show('fill bad end', () => Buffer.alloc(4).fill(1, 0, 5));
  show('fill empty buffer', () => Buffer.alloc(4).fill(Buffer.alloc(0)));
  show('copy', () => {
    const target = Buffer.alloc(6, '.');
    return [b.copy(target), b.copy(target, 4), b.copy(target, 1, 2, 3), b.copy(target, 10), b.copy(target, 0, 5, 2),
      b.copy(target, 0, 100 - 100, 1.5), target.toString()];
  });
  show('copy bad source start', () => b.copy(Buffer.alloc(2), 0, -1));
  show('copy bad target start', () => b.copy(Buffer.alloc(2), -1));
  show('copy too far', () => b.copy(Buffer.alloc(2), 0, 100));
  show('copy bad target', () => b.copy([]));
  show('concat', () => [Buffer.concat([Buffer.from('ab'), new Uint8Array([99])]), Buffer.concat([]),
    Buffer.concat([Buffer.from('abc')], 2), Buffer.concat([Buffer.from('a')], 3)]);
  show('concat bad list', () => Buffer.concat('ab'));
  show('concat bad item', () => Buffer.concat([Buffer.from('a'), 'b']));
  show('concat bad length', () => Buffer.concat([Buffer.from('a')], -1));
  show('swap', () => [Buffer.from('abcdefgh').swap16(), Buffer.from('abcdefgh').swap32(), Buffer.from('abcdefgh').swap64(),
    Buffer.alloc(256).fill('0123456789abcdef').swap64().toString().slice(0, 16)]);
  show('swap odd', () => Buffer.from('abc').swap16());
  show('swap 32 odd', () => Buffer.from('abcdef').swap32());
  show('slice', () => [b.slice(2, 4), b.subarray(-3), b.slice(5, 2), b.slice('1', '3'), b.subarray(NaN, 2),
    b.slice(2).byteOffset - b.byteOffset, b.slice() instanceof Buffer]);
  show('toJSON', () => JSON.stringify(Buffer.from('hi')));
  show('parent', () => [Buffer.alloc(1).parent instanceof ArrayBuffer, Buffer.alloc(1).offset]);
}
