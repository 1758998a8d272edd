// The own property names of every ECMAScript constructor, prototype and
// namespace, sorted: a built-in V8 10.2 lacks that Node 20 has, or one that
// core-js adds beyond Node's, shows up as a difference. Names V8 10.2 cannot
// get from a library (syntax: RegExp's `v` flag; resizable ArrayBuffers, an
// engine feature) are listed apart, so the comparison stays exact.
const engineOnly = new Set([
  'ArrayBuffer.prototype.maxByteLength', 'ArrayBuffer.prototype.resizable',
  'ArrayBuffer.prototype.resize', 'SharedArrayBuffer.prototype.grow',
  'SharedArrayBuffer.prototype.growable', 'SharedArrayBuffer.prototype.maxByteLength',
  'RegExp.prototype.unicodeSets', 'Error.prepareStackTrace', 'Intl.v8BreakIterator',
]);
const names = [
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Math',
  'JSON', 'Reflect', 'Promise', 'RegExp', 'Date', 'Error', 'AggregateError', 'Map', 'Set',
  'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'ArrayBuffer', 'SharedArrayBuffer',
  'DataView', 'Atomics', 'Intl', 'Proxy', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray',
  'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array',
];
const proto = Object.getPrototypeOf;
const intrinsics = {
  '%TypedArray%': proto(Int8Array),
  '%IteratorPrototype%': proto(proto([][Symbol.iterator]())),
  '%AsyncIteratorPrototype%': proto(proto((async function* () {})()).constructor.prototype),
  '%GeneratorFunction%': proto(function* () {}).constructor,
  '%AsyncFunction%': (async () => {}).constructor,
};

export function main() {
  const out = [];
  const list = (label, object) => {
    for (const key of Reflect.ownKeys(object)) {
      const name = `${label}.${String(key)}`;
      if (engineOnly.has(name)) continue;
      const d = Object.getOwnPropertyDescriptor(object, key);
      const kind = 'value' in d ? typeof d.value : 'accessor';
      out.push(`${name} ${kind} ${d.enumerable ? 'e' : '-'}${d.configurable ? 'c' : '-'}` +
               `${'writable' in d ? (d.writable ? 'w' : '-') : ''}`);
    }
  };
  const all = { ...Object.fromEntries(names.map((n) => [n, globalThis[n]])), ...intrinsics };
  for (const [label, value] of Object.entries(all)) {
    list(label, value);
    if (typeof value === 'function' && value.prototype) list(`${label}.prototype`, value.prototype);
  }
  out.sort();
  console.log(out.join('\n'));
  const names2 = Object.getOwnPropertyNames(globalThis).filter((n) => /core|shared/i.test(n));
  console.log('core-js globals:', names2);
  console.log('unscopables:', Object.keys(Array.prototype[Symbol.unscopables]).sort().join());
}
