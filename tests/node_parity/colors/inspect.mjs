// util.inspect with colors: true over many kinds of values, and the colour
// tables (util.inspect.colors / styles) as a program sees and changes them.
import util from 'node:util';

const show = (label, value, opts = {}) => {
  console.log(`${label}: ${JSON.stringify(util.inspect(value, { colors: true, ...opts }))}`);
};

class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}
class Styled {
  [util.inspect.custom](depth, options, inspect) {
    return `${options.stylize('Styled', 'special')}<${options.stylize(depth, 'number')}, ` +
      `${inspect({ inner: [1, 'two'] }, options)}, colors=${options.colors}>`;
  }
}
class MyError extends Error {}

export function main() {
  show('primitives', [1, -0, 2n, 'str', true, null, undefined, Symbol('s'), NaN, Infinity]);
  show('number', 42);
  show('string', "it's");
  show('long string', 'line one is long enough to split\n'.repeat(4));
  show('nested', { a: { b: { c: { d: 1 } } }, s: 'x', 'quoted-key': 1, [Symbol('k')]: 2 });
  show('depth 0', { a: { b: 1 }, arr: [1, 2], m: new Map([[1, 2]]) }, { depth: 0 });
  show('long array', Array.from({ length: 30 }, (_, i) => i * 37));
  show('long strings array', Array.from({ length: 26 }, (_, i) => `item${i}`));
  show('mixed array', Array.from({ length: 12 }, (_, i) => (i % 2 ? `s${i}` : i)));
  show('more items', Array.from({ length: 120 }, (_, i) => i));
  show('sparse', [1, , , 4, , 6]);
  show('map', new Map([['a', 1], [{ k: true }, [null]]]));
  show('set', new Set([1, 'two', 3n, Symbol.iterator]));
  show('weak', [new WeakMap(), new WeakSet()]);
  show('date', new Date(0));
  show('invalid date', new Date(NaN));
  show('regexp', /ab+c/gi);
  show('functions', [function named() {}, () => {}, async function* gen() {}, class A {}, class B extends Point {}]);
  show('function with keys', Object.assign(function f() {}, { extra: 1 }));
  show('boxed', [new Number(3), new String('ab'), new Boolean(false), Object(5n), Object(Symbol('b'))]);
  show('boxed with key', Object.assign(new Number(3), { k: 1 }));
  const circular = { name: 'root' };
  circular.self = circular;
  circular.list = [circular, { back: circular }];
  show('circular', circular);
  show('class instances', [new Point(1, 2), Object.create(null), Object.create(Point.prototype)]);
  show('null proto', Object.assign(Object.create(null), { a: 1 }));
  show('accessors', {
    get g() { return 1; }, set s(v) {}, get gs() { return 'x'; }, set gs(v) {},
  });
  show('getters option', { get n() { return null; }, get o() { return { deep: 1 }; }, get p() { return 'p'; },
    get t() { throw new Error('boom'); } }, { getters: true });
  show('typed arrays', [new Uint8Array([1, 2, 3]), new BigInt64Array([1n, -2n])]);
  show('array buffer', new Uint8Array([1, 2, 3]).buffer);
  show('show hidden', [1, 2], { showHidden: true });
  show('typed hidden', new Uint8Array(2), { showHidden: true });
  show('promise', Promise.resolve(7));
  const rejected = Promise.reject(3);
  rejected.catch(() => {});
  show('rejected', rejected);
  show('pending', new Promise(() => {}));
  const err = new Error('failed');
  err.stack = 'Error: failed\n    at main (/app/node_modules/pkg/index.js:1:1)\n' +
    `    at run (${process.cwd()}/main.js:2:3)\n    at file://${process.cwd()}/esm.mjs:4:5\n` +
    '    at EventEmitter.emit (node:events:517:28)\n    at node:fs:1:1\n    at node:nosuchmodule:1:1';
  show('error', err);
  show('error with key', Object.assign(new MyError('m'), { code: 'E_X', stack: 'MyError: m' }));
  show('error no stack', Object.assign(new Error('plain'), { stack: undefined }));
  show('custom stylize', new Styled());
  show('custom nested', { value: new Styled() });
  show('arguments', (function () { return arguments; })(1, 'a'));
  show('sorted', { b: 1, a: 'x', c: null }, { sorted: true });
  show('break length', { alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: [1, 2, 3], delta: true }, { breakLength: 40 });
  show('object in array groups', Array.from({ length: 8 }, (_, i) => ({ i })));
  // Legacy positional colours argument.
  console.log(JSON.stringify(util.inspect({ a: 1 }, false, 2, true)));
  // formatWithOptions: strings stay plain, the rest coloured, %s/%d never.
  console.log(JSON.stringify(util.formatWithOptions({ colors: true }, 'a %s %d %O %o', 1, 2, { o: 1 }, [3], 4, 'x')));

  // The tables: Node's entries, aliases, and changes a program makes.
  console.log(JSON.stringify(util.inspect.styles), Object.keys(util.inspect.colors).length);
  console.log(util.inspect.colors.grey, util.inspect.colors.gray, Object.getPrototypeOf(util.inspect.styles));
  util.inspect.styles.number = 'red';
  util.inspect.styles.name = 'underline';
  util.inspect.colors.custom = [35, 39];
  util.inspect.styles.string = 'custom';
  util.inspect.styles.null = 'nonexistent';
  show('restyled', { n: 1, s: 's', z: null });
  delete util.inspect.styles.number;
  show('unstyled number', { n: 1 });
}
