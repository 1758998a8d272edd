// console.table's box drawing for each kind of data, the `properties`
// filter, wide characters, nesting in a group, and its argument error.
export function main() {
  console.table([{ a: 1, b: 'xyz' }, { a: 22, c: true }]);
  console.table({ x: { a: 1 }, y: 2, z: 'three' });
  console.table([1, 'two', [3, 4], { k: 'v' }]);
  console.table([[1, 2], [3], []]);
  console.table([{ a: 1, b: 2 }, { a: 3 }, 4], ['b']);
  console.table([{ a: 1, b: 2 }], []);
  console.table({ r1: { '1': 'one', b: 'bee' }, r2: { b: 'b2', '0': 'zero' } });
  console.table(new Map([['k', { a: 1 }], [2, 'v'], [{ o: 1 }, [1, 2]]]));
  console.table(new Set([1, 'a', { s: 1 }]));
  const map = new Map([['m1', 1], ['m2', 2]]);
  console.table(map.entries());
  console.table(map.keys());
  console.table(map.values());
  const iterator = new Set(['s1', 's2']).values();
  iterator.next();
  console.table(iterator);
  console.table(new Set(['e1', 'e2']).entries());
  console.table(new Map([[1, 2]])[Symbol.iterator]());
  console.table([{ nested: { deep: { deeper: 1 } }, big: { a: 1, b: 2, c: 3 }, arr: [1, 2, 3, 4, 5] }]);
  console.table([{ wide: '日本語', emoji: 'x' }, { wide: 'ab' }]);
  console.table(new Uint8Array([7, 8]));
  console.table([function named() {}, null, undefined, 5n, Symbol('sym')]);
  console.table([]);
  console.table({});
  console.table(5);
  console.table('text');
  console.table(null);
  console.table(undefined);
  console.table(Symbol('alone'));
  console.group('grouped');
  console.table([{ g: 1 }]);
  console.groupEnd();
  for (const bad of [5, 'a', {}, null]) {
    try { console.table([], bad); } catch (error) { console.log(error.name, error.code, error.message); }
  }
}
