// Construction and allocation errors, Buffer() without new, SlowBuffer, inspect.
import buffer, { Buffer, SlowBuffer, INSPECT_MAX_BYTES } from 'node:buffer';
import util from 'node:util';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

export function main() {
  // DEP0005's text is checked by Node's conformance files; toysnap prints no
  // "(Use `node --trace-deprecation ...`" hint, so keep stderr out of this.
  process.noDeprecation = true;
  show('Buffer(3)', () => Buffer(3));
  show('new Buffer(str)', () => new Buffer('abc', 'latin1'));
  show('Buffer(n, enc)', () => Buffer(3, 'utf8'));
  show('alloc negative', () => Buffer.alloc(-1));
  show('alloc string', () => Buffer.alloc('5'));
  show('alloc NaN', () => Buffer.alloc(NaN));
  show('alloc huge', () => Buffer.allocUnsafe(2 ** 33));
  show('allocUnsafeSlow bad', () => Buffer.allocUnsafeSlow({}));
  show('from number', () => Buffer.from(5));
  show('from null', () => Buffer.from(null));
  show('from symbol', () => Buffer.from(Symbol('s')));
  show('from fn', () => Buffer.from(function named() {}));
  show('from long string type', () => Buffer.from('x', 'not-an-encoding-at-all'));
  show('from offset', () => Buffer.from(new ArrayBuffer(4), 5));
  show('from length', () => Buffer.from(new ArrayBuffer(4), 1, 4));
  show('toString enc', () => Buffer.from('a').toString('utf9'));
  show('write enc', () => Buffer.alloc(2).write('a', 'utf9'));
  show('write offset', () => Buffer.alloc(2).write('a', 3));
  show('write length', () => Buffer.alloc(2).write('a', 0, -1));
  show('write type', () => Buffer.alloc(2).write(5));
  show('byteLength bad', () => Buffer.byteLength(5));
  show('copyBytesFrom', () => [Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1),
    Buffer.copyBytesFrom(new Float32Array([1]))]);
  show('copyBytesFrom bad', () => Buffer.copyBytesFrom([1]));
  show('of', () => Buffer.of(1, 2, 300));
  show('SlowBuffer', () => [SlowBuffer(3).length, new SlowBuffer(2) instanceof Buffer]);
  show('SlowBuffer bad', () => SlowBuffer(-1));
  show('species', () => [Buffer.from('abc').map((x) => x + 1) instanceof Buffer,
    Buffer[Symbol.species] === Buffer, Object.getPrototypeOf(Buffer) === Uint8Array]);
  const big = Buffer.alloc(60, 'z');
  big.extra = 'yes';
  show('inspect', () => [util.inspect(Buffer.from('hi')), util.inspect(big), util.inspect(Buffer.alloc(0)),
    util.inspect(Buffer.alloc(51)), INSPECT_MAX_BYTES]);
  buffer.INSPECT_MAX_BYTES = 4;
  show('inspect max 4', () => util.inspect(Buffer.from('hello')));
  show('INSPECT_MAX_BYTES bad', () => { buffer.INSPECT_MAX_BYTES = -1; });
  show('INSPECT_MAX_BYTES type', () => { buffer.INSPECT_MAX_BYTES = '3'; });
  buffer.INSPECT_MAX_BYTES = 50;
  show('keys', () => Object.keys(buffer));
}
