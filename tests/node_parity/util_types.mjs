// util.types and the util/types builtin compared with Node: every check on
// proxies, iterators, generator objects, namespaces, arguments, boxed
// primitives, typed arrays, errors (a forged Error is not native) and the rest.
import util from 'node:util';
import types from 'node:util/types';
import * as ns from 'node:path';
export function main() {
  function* g() {}
  const values = { proxy: new Proxy({}, {}), gen: g(), mapIt: new Map().keys(), setIt: new Set().values(), ns,
    args: (function () { return arguments; })(), asyncFn: async () => {}, genFn: g, promise: Promise.resolve(), fakePromise: { then() {}, [Symbol.toStringTag]: 'Promise' },
    weakMap: new WeakMap(), weakSet: new WeakSet(), error: new TypeError('x'), fakeError: Object.create(Error.prototype), date: new Date(), regexp: /x/, num: new Number(1), str: new String('s'),
    sym: Object(Symbol('s')), big: Object(1n), bool: new Boolean(false), u8: new Uint8Array(1), f64: new Float64Array(1), dv: new DataView(new ArrayBuffer(1)), ab: new ArrayBuffer(1), buf: Buffer.alloc(1), plain: {} };
  const names = Object.keys(types).sort();
  console.log(names.join(' '));
  console.log(util.types === types);
  for (const [label, v] of Object.entries(values)) console.log(label, names.filter((n) => types[n](v)).join(','));
}
