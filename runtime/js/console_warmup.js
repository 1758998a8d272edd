// Run while a snapshot is built, before the program: formats the common
// kinds of value once, so console.log's code is compiled into the snapshot
// instead of at the first console.log after every restore. A lazy script,
// so this code itself is garbage by the time the heap is serialized.
// Its numbers' strings must not collide in V8's number-to-string cache (a
// Smi's slot is its value mod 128, a double's mixes its bits: 1.5 and -0
// are 0, 3.14 is 39): a collision grows the cache from 128 to 8192 entries,
// never shrunk, which every restore rebuilds slot by slot (0.3 M instructions).
(function (natives, internals) {
  'use strict';
  const { Date, Error, Map, Promise, Set, Symbol, Uint8Array } = internals.primordials;
  internals.format('%s %d %i %f %j %o %O %%', 'text', 1, 2, 3.14, { a: [1] }, [1], { b: 2 });
  internals.format('text', 42, -0, 3.14, 10n, true, null, undefined, Symbol('s'), [1, 'a', [2]],
                   { a: 1, 'b-c': 'd', e: { f: [1, 2, 3] } }, new Map([[1, { a: 1 }]]),
                   new Set([1]), function named() {}, class Named {}, new Error('warm-up'),
                   new Date(0), /re/g, new Uint8Array(2), Promise.resolve(1));
  // Long arrays are grouped in columns and long objects broken into lines.
  const numbers = [];
  for (let i = 0; i < 30; i++) numbers[i] = 60 + i;
  internals.format(numbers, ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'f', 'g', 'h'],
                   { alpha: 'a'.repeat(30), beta: numbers, gamma: { delta: 'it\'s' } });
})
