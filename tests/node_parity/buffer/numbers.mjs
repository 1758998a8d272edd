// read*/write* for every width and byte order, their aliases and errors.
import { Buffer } from 'node:buffer';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

export function main() {
  const b = Buffer.from([0x01, 0x82, 0xf3, 0x04, 0xa5, 0xf6, 0x07, 0x88, 0x99, 0xff]);
  for (const name of ['readUInt8', 'readUint8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE',
    'readInt16BE', 'readUInt32LE', 'readUint32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE',
    'readFloatBE', 'readDoubleLE', 'readDoubleBE', 'readBigUInt64LE', 'readBigUint64BE',
    'readBigInt64LE', 'readBigInt64BE']) {
    show(name, () => [b[name](), b[name](1), b[name].name, b[name].length]);
  }
  for (let size = 1; size <= 6; size++) {
    show(`var ${size}`, () => [b.readUIntLE(1, size), b.readUIntBE(1, size), b.readIntLE(1, size),
      b.readIntBE(1, size), b.readUintLE(0, size)]);
  }
  const w = Buffer.alloc(12);
  const writes = [
    ['writeUInt8', 255], ['writeInt8', -128], ['writeUInt16LE', 0xbeef], ['writeUint16BE', 0xbeef],
    ['writeInt16LE', -2], ['writeInt16BE', -32768], ['writeUInt32LE', 0xdeadbeef], ['writeUInt32BE', 1],
    ['writeInt32LE', -1], ['writeInt32BE', 0x7fffffff], ['writeFloatLE', 1.5], ['writeFloatBE', -0],
    ['writeDoubleLE', Math.PI], ['writeDoubleBE', NaN], ['writeBigUInt64LE', 2n ** 64n - 1n],
    ['writeBigInt64BE', -(2n ** 63n)], ['writeBigUint64BE', 5n], ['writeUInt16LE', 1.9],
    ['writeUInt8', '7'], ['writeFloatLE', 'abc'], ['writeFloatLE', 1e40],
  ];
  for (const [name, value] of writes) {
    w.fill(0);
    show(`${name}(${typeof value === 'bigint' ? `${value}n` : String(value)})`, () => [w[name](value, 1), w]);
  }
  for (let size = 1; size <= 6; size++) {
    w.fill(0);
    show(`writeVar ${size}`, () => [w.writeUIntLE(2 ** (size * 8) - 3, 0, size), w.writeIntBE(-3, 6, size), w]);
  }
  // Errors: offsets, values and byte lengths out of range, wrong types.
  const small = Buffer.alloc(4);
  show('offset too far', () => small.readUInt32LE(1));
  show('offset float', () => small.readUInt8(1.5));
  show('offset string', () => small.readUInt8('1'));
  show('offset NaN', () => small.readInt16BE(NaN));
  show('offset negative', () => small.readDoubleLE(-1));
  show('too small', () => small.readDoubleLE(0));
  show('empty', () => Buffer.alloc(0).readUInt8(0));
  show('var no offset', () => small.readUIntLE());
  show('var bad size', () => small.readIntBE(0, 7));
  show('var size 0', () => small.writeUIntLE(1, 0, 0));
  show('var size float', () => small.readUIntLE(0, 1.5));
  show('var size string', () => small.readUIntLE(0, '2'));
  show('value 8', () => small.writeUInt8(256));
  show('value int8', () => small.writeInt8(-129));
  show('value 16', () => small.writeInt16LE(40000));
  show('value 32', () => small.writeUInt32BE(-1));
  show('value int32', () => small.writeInt32LE(2 ** 31));
  show('value 48', () => Buffer.alloc(8).writeUIntBE(2 ** 48, 0, 6));
  show('value int40', () => Buffer.alloc(8).writeIntLE(2 ** 39, 0, 5));
  show('value big', () => Buffer.alloc(8).writeBigUInt64LE(-1n));
  show('value bigint64', () => Buffer.alloc(8).writeBigInt64LE(2n ** 63n));
  show('value big number', () => Buffer.alloc(8).writeBigInt64LE(1));
  show('write offset bounds', () => small.writeUInt16LE(1, 3));
  show('write float bounds', () => small.writeDoubleBE(1));
  show('write offset type', () => small.writeUInt32LE(1, null));
}
