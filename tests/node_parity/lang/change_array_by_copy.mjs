// The methods Node 20 has and V8 10.2 lacks (core-js's, in toysnap): results,
// what they look like (name, length, toString, no prototype, not
// constructors) and V8's errors for bad receivers and arguments.
const show = (value) => (ArrayBuffer.isView(value) ? `${value.constructor.name} [${value}]` :
  Array.isArray(value) ? JSON.stringify(value) : String(value));

function attempt(label, f) {
  try {
    console.log(label, '->', show(f()));
  } catch (e) {
    console.log(label, '!!', `${e.constructor.name}: ${e.message}`);
  }
}

export function main() {
  const TA = Object.getPrototypeOf(Uint8Array.prototype);
  const methods = [
    ['Array', Array.prototype, ['toReversed', 'toSorted', 'toSpliced', 'with']],
    ['TypedArray', TA, ['toReversed', 'toSorted', 'with']],
    ['String', String.prototype, ['isWellFormed', 'toWellFormed']],
  ];
  for (const [owner, object, keys] of methods) {
    for (const key of keys) {
      const f = object[key];
      const d = Object.getOwnPropertyDescriptor(object, key);
      console.log(owner, key, f.name, f.length, String(f), Object.getOwnPropertyNames(f).join(),
        d.enumerable, d.writable, d.configurable, Function.prototype.toString.call(f));
      attempt(`new ${key}`, () => new f());
    }
  }
  console.log(String(Function.prototype.toString), Function.prototype.toString.length);
  console.log(String(function plain(a) { return a; }), String(class A {}), String(Math.max));
  attempt('toString on non-callable', () => Function.prototype.toString.call({}));

  const array = [3, 1, 10, 2];
  attempt('toSorted', () => array.toSorted());
  attempt('toSorted cmp', () => array.toSorted((a, b) => a - b));
  attempt('unchanged', () => array);
  attempt('toReversed', () => array.toReversed());
  attempt('toSpliced', () => array.toSpliced(1, 2, 'a', 'b', 'c'));
  attempt('toSpliced none', () => array.toSpliced());
  attempt('with', () => array.with(-1, 'z'));
  attempt('holes', () => [1, , 3].toReversed().map((v) => v === undefined));
  attempt('array-like', () => Array.prototype.toSorted.call({ length: 3, 0: 'b', 1: 'a', 2: 'c' }));
  attempt('ta toSorted', () => new Int16Array([5, -1, 3]).toSorted());
  attempt('ta toReversed', () => new Float64Array([1.5, 2.5]).toReversed());
  attempt('ta with', () => new Uint8Array([1, 2, 3]).with(1, 300));
  attempt('ta bigint with', () => new BigInt64Array([1n, 2n]).with(0, -5n));
  attempt('isWellFormed', () => ['ab', 'a\uD800', '\uDC00b', '\uD83D\uDE00'].map((s) => s.isWellFormed()));
  attempt('toWellFormed', () => encodeURIComponent('a\uD800b\uDC00'.toWellFormed()));
  attempt('unscopables', () => Object.keys(Array.prototype[Symbol.unscopables]).filter((k) => k.startsWith('to')));

  const detached = () => {
    const a = new Uint8Array(2);
    structuredClone(a.buffer, { transfer: [a.buffer] });
    return a;
  };
  const cases = {
    'toSorted null': () => Array.prototype.toSorted.call(null),
    'toReversed null': () => Array.prototype.toReversed.call(null),
    'toSpliced undefined': () => Array.prototype.toSpliced.call(undefined),
    'with null': () => Array.prototype.with.call(null, 0, 1),
    'with range': () => [].with(3, 1),
    'with range neg': () => [1].with(-5, 1),
    'with range frac': () => [1].with(2.5, 1),
    'with big': () => [1].with(1e21, 1),
    'with bigint index': () => [1].with(1n, 2),
    'with string index': () => [1, 2].with('1', 2),
    'toSorted cmp': () => [].toSorted('x'),
    'toSorted cmp null': () => [1].toSorted(null),
    'toSpliced len': () => Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 0, 1),
    'toReversed len': () => Array.prototype.toReversed.call({ length: 2 ** 32 }),
    'ta toSorted cmp': () => new Uint8Array(1).toSorted({}),
    'ta toReversed recv': () => Uint8Array.prototype.toReversed.call([]),
    'ta toSorted recv': () => Uint8Array.prototype.toSorted.call({}),
    'ta toSorted null': () => Uint8Array.prototype.toSorted.call(null),
    'ta toSorted string': () => Uint8Array.prototype.toSorted.call('ab'),
    'ta toSorted map': () => Uint8Array.prototype.toSorted.call(new Map()),
    'ta toReversed fake': () => Uint8Array.prototype.toReversed.call(Object.create(Uint8Array.prototype)),
    'ta with recv': () => Uint8Array.prototype.with.call(null, 0, 1),
    'ta with range': () => new Uint8Array(2).with(5, 1),
    'ta with neg': () => new Uint8Array(2).with(-3, 1),
    'ta with empty': () => new Uint8Array(0).with(0, 1),
    'ta with bigint': () => new BigInt64Array(2).with(0, 1),
    'ta with bigint string': () => new BigInt64Array(1).with(0, 'x'),
    'ta with bigint undefined': () => new BigInt64Array(1).with(0, undefined),
    'ta with detached': () => detached().with(0, 1),
    'ta toSorted detached': () => detached().toSorted(),
    'ta toReversed detached': () => detached().toReversed(),
    'isWellFormed null': () => String.prototype.isWellFormed.call(null),
    'toWellFormed undefined': () => String.prototype.toWellFormed.call(undefined),
    'isWellFormed symbol': () => String.prototype.isWellFormed.call(Symbol('s')),
    'isWellFormed number': () => String.prototype.isWellFormed.call(12),
  };
  for (const [label, f] of Object.entries(cases)) attempt(label, f);
}
