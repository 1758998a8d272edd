// Fixture for console formatting: a list of util.format argument lists.
// A case is either an array (arguments for format(); each non-string
// argument is also checked with inspect()), or { value, options } for
// inspect(value, options).
//
// Pure ECMAScript on purpose: no require, no Node globals, deterministic
// (errors carry fixed `stack` strings, dates are fixed), so it can also run
// as a classic script under toysnap, whose completion value is makeCases.
'use strict';

function makeCases() {
  const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));
  const customInspect = Symbol.for('nodejs.util.inspect.custom');

  function fixedError(Ctor, message, stack, props) {
    const err = new Ctor(message);
    err.stack = stack;
    return Object.assign(err, props);
  }

  class Foo { constructor() { this.x = 1; this.y = 'two'; } }
  class Bar extends Foo { constructor() { super(); this.z = [1, 2]; } }
  class Empty {}
  class Point { constructor(x, y) { this.x = x; this.y = y; } }
  class Tagged { get [Symbol.toStringTag]() { return 'Custom'; } }
  class MyArray extends Array {}
  class MyMap extends Map {}
  class MyError extends Error {}
  class WithGetter {
    constructor() { this.own = 1; }
    get computed() { return 42; }
  }
  class WithToString { toString() { return 'custom toString'; } }
  function f() {}
  async function af() {}
  function* gf() {}
  async function* agf() {}
  const arrow = () => {};
  const anonymous = [function () {}][0];

  const circular = { name: 'root' };
  circular.self = circular;
  const circularArr = [1];
  circularArr.push(circularArr);
  const twoRefs = { a: {}, b: {} };
  twoRefs.a.parent = twoRefs;
  twoRefs.b.inner = { back: twoRefs.b };
  const fnWithProps = Object.assign(function withProps() {}, { a: 1, b: 'x' });
  const circularFn = function loop() {};
  circularFn.me = circularFn;

  const accessors = {};
  Object.defineProperty(accessors, 'g', { get() { return 1; }, enumerable: true });
  Object.defineProperty(accessors, 's', { set(v) {}, enumerable: true });
  Object.defineProperty(accessors, 'gs', { get() { return 1; }, set(v) {}, enumerable: true });
  Object.defineProperty(accessors, 'hidden', { value: 'no', enumerable: false });

  const nullProto = Object.create(null);
  const nullProtoWithKeys = Object.assign(Object.create(null), { a: 1, b: [2] });
  const sparse = [1, , 3];
  const holes = new Array(5);
  const leadingHoles = [, , 'x', , ];
  const arrWithProps = Object.assign([1, 2, 3], { extra: true, 'key-dash': 'v' });
  const args = (function () { return arguments; })(1, 'two', [3]);

  const plainErr = fixedError(Error, 'boom', 'Error: boom\n    at fn (/app/main.js:10:5)\n    at run (/app/main.js:20:3)');
  const typeErr = fixedError(TypeError, 'bad type', 'TypeError: bad type\n    at check (/app/t.js:1:1)');
  const errWithProps = fixedError(Error, 'failed', 'Error: failed\n    at x (/app/x.js:1:1)', { code: 'E_FAIL', errno: 5 });
  const noStackErr = fixedError(Error, 'no trace', 'Error: no trace');
  const causeFrames = '\n    at a (/app/c.js:1:1)\n    at b (/app/c.js:2:1)\n    at c (/app/c.js:3:1)\n    at d (/app/c.js:4:1)\n    at e (/app/c.js:5:1)';
  const cause = fixedError(Error, 'inner', 'Error: inner\n    at inner (/app/c.js:9:9)' + causeFrames);
  const withCause = new Error('outer', { cause });
  withCause.stack = 'Error: outer\n    at outer (/app/c.js:8:8)' + causeFrames;
  const causeNotError = new Error('outer2', { cause: { reason: 'str' } });
  causeNotError.stack = 'Error: outer2\n    at z (/app/z.js:1:1)';
  const subErr = fixedError(MyError, 'sub', 'Error: sub\n    at s (/app/s.js:1:1)');
  const renamedErr = fixedError(Error, 'renamed', 'CustomError: renamed\n    at r (/app/r.js:1:1)');
  renamedErr.name = 'CustomError';
  const aggregate = new AggregateError([noStackErr], 'many');
  aggregate.stack = 'AggregateError: many\n    at agg (/app/a.js:1:1)';

  const deep = { l1: { l2: { l3: { l4: { l5: 'deep' } } } } };
  const deepArr = [[[[[1]]]]];
  const wide = {};
  for (let i = 0; i < 12; i++) wide[`property${i}`] = `value number ${i}`;
  const mixed = {
    name: 'toysnap', version: [1, 2, 3], nested: { flag: true, list: ['a', 'b'] },
    fn: f, when: new Date(0), re: /x+/gi, nothing: null, undef: undefined,
  };
  const tagged = {};
  Object.defineProperty(tagged, Symbol.toStringTag, { value: 'Hidden' });
  const ownTag = { [Symbol.toStringTag]: 'Visible' };

  const bytes = new Uint8Array([1, 2, 255]);
  const buffer = new Uint8Array([1, 2]).buffer;
  const dataView = new DataView(new ArrayBuffer(4), 1, 2);

  const cases = [
    // ---- format() placeholders
    ['hello'],
    ['hello', 'world'],
    ['%s is %d years', 'Bob', 42],
    ['%s', 'str'],
    ['%s', 42],
    ['%s', -0],
    ['%s', 12n],
    ['%s', Symbol('sym')],
    ['%s', undefined],
    ['%s', null],
    ['%s', { a: { b: { c: 1 } } }],
    ['%s', [1, [2, [3]]]],
    ['%s', fixedError(Error, 'in %s', 'Error: in %s\n    at z (/app/z.js:1:1)')],
    ['%s', new WithToString()],
    ['%s', new Foo()],
    ['%s', nullProto],
    ['%s', f],
    ['%d', '42'],
    ['%d', '-0'],
    ['%d', 3.7],
    ['%d', 5n],
    ['%d', Symbol('x')],
    ['%d', {}],
    ['%i', '42.9px'],
    ['%i', -7.5],
    ['%i', 9n],
    ['%f', '3.25abc'],
    ['%f', 'abc'],
    ['%f', Symbol('f')],
    ['%j', { a: [1, 'two'] }],
    ['%j', circular],
    ['%j', undefined],
    ['%o', { a: [1, 2] }],
    ['%o', [1, { b: 2 }]],
    ['%O', { a: { b: { c: { d: 1 } } } }],
    ['%c%s', 'color: red', 'styled'],
    ['100%% sure', 'extra'],
    ['%s %s', 'only one'],
    ['%z %s', 'x'],
    ['trailing %'],
    ['a%', 1],
    ['%s:%s', 'a', 'b', 'c', { d: 1 }],
    [1, 'raw string', { a: 'quoted' }],
    [{ a: 1 }, { b: 2 }],
    [null, undefined, true, 5, 5n, Symbol('s')],
    ['%s', 'a\nb'],

    // ---- primitives
    [-0],
    [0],
    [NaN],
    [-Infinity],
    [123456789012345678901234567890n],
    [Symbol()],
    [Symbol('with space')],
    [Symbol.iterator],
    [['simple', "it's", 'say "hi"', 'both \' and "', 'all \' " `']],
    [['tab\there', 'new\nline', 'nul\0', 'bell\x07', 'del\x7f', 'c1\x85', 'back\\slash']],
    [['\ud800 lone', 'pair \ud83d\ude00', 'cjk 中文', 'é']],
    [{ text: 'line one\nline two\nline three which is long enough to break' }],
    [['x'.repeat(90)]],
    [{ s: 'short\nwith newline' }],

    // ---- arrays
    [[]],
    [[1, 2, 3]],
    [[1, 'a', null, undefined, true]],
    [sparse],
    [holes],
    [leadingHoles],
    [arrWithProps],
    [range(7, (i) => i)],
    [range(7, (i) => i * 1000)],
    [range(26, (i) => i)],
    [range(26, (i) => i * i * 37)],
    [range(100, (i) => i)],
    [range(101, (i) => i)],
    [range(120, (i) => i * 3)],
    [range(30, (i) => -i * 1.5)],
    [range(20, (i) => BigInt(i) * 1000n)],
    [range(10, (i) => String.fromCharCode(97 + i).repeat(i + 1))],
    [['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']],
    [range(27, (i) => `item-${i}`)],
    [range(8, (i) => ({ id: i }))],
    [range(12, (i) => (i % 2 ? i : `s${i}`))],
    [range(7, (i) => 'x'.repeat(i * 3))],
    [range(16, (i) => [i])],
    [range(9, (i) => (i % 3 ? null : true))],
    [Object.assign(range(10, (i) => i), { tag: 'extra' })],
    [range(200, (i) => i % 7)],
    [{ nested: range(40, (i) => i), other: 'value' }],
    [[[1, 2], [3, 4], [5, [6, [7, [8]]]]]],
    [deepArr],
    [circularArr],
    [new MyArray()],
    [MyArray.from([1, 2])],

    // ---- objects
    [{}],
    [{ a: 1, 'b-c': 2, [Symbol('x')]: 3 }],
    [{ $dollar: 1, _under: 2, '1abc': 3, 42: 'num', 'with space': 4, __proto__x: 5 }],
    [{ "it's": 1, 'say "x"': 2 }],
    [nullProto],
    [nullProtoWithKeys],
    [new Foo()],
    [new Bar()],
    [new Empty()],
    [new Point(1, 2)],
    [[new Point(1, 2), new Point(3, 4)]],
    [new Tagged()],
    [tagged],
    [ownTag],
    [deep],
    [{ a: { b: { c: {} } } }],
    [{ a: { b: { c: { d: 1 } } } }],
    [{ a: [{ b: { c: 1 } }] }],
    [wide],
    [mixed],
    [circular],
    [twoRefs],
    [{ x: circular, y: circular }],
    [accessors],
    [new WithGetter()],
    [args],
    [{ a: 1, b: { c: 2, d: { e: 3, f: { g: 4 } } }, h: [1, 2, { i: [5] }] }],
    [{ key: 'a'.repeat(60), key2: 'b'.repeat(10) }],
    [{ a: 'x'.repeat(70) }],
    [{ list: [{ a: 1, b: 2 }, { a: 3, b: 4 }], total: 2 }],
    [{ users: [{ name: 'Ann', roles: ['admin', 'dev'] }, { name: 'Bo', roles: [] }] }],
    [Object.create(Object.create(null))],
    [Object.create(new Foo())],

    // ---- functions and classes
    [f],
    [af],
    [gf],
    [agf],
    [arrow],
    [anonymous],
    [Foo],
    [Bar],
    [class {}],
    [class extends Foo {}],
    [fnWithProps],
    [circularFn],
    [Math.max],
    [{ method() {}, arrow, f }],
    [Object.setPrototypeOf(function np() {}, null)],

    // ---- collections
    [new Map()],
    [new Map([['a', 1], ['b', 2]])],
    [new Map([[{ k: 1 }, [1, 2]], [null, new Set([1])]])],
    [new Set()],
    [new Set([1])],
    [new Set(['a', { b: 2 }, [3]])],
    [new Set(range(120, (i) => i))],
    [new MyMap([[1, 2]])],
    [new WeakMap()],
    [new WeakSet()],
    [Object.assign(new Map([[1, 2]]), { extra: 'prop' })],
    [{ m: new Map([['deep', { deeper: { deepest: {} } }]]) }],

    // ---- dates, regexps, boxed primitives
    [new Date(0)],
    [new Date(1700000000123)],
    [new Date(NaN)],
    [Object.assign(new Date(0), { note: 'x' })],
    [/ab+c/gi],
    [new RegExp('a/b', 'u')],
    [Object.assign(/re/, { flag: 1 })],
    [new Number(3)],
    [new Number(-0)],
    [new String('x')],
    [Object.assign(new String('ab'), { p: 1 })],
    [new Boolean(false)],
    [Object(5n)],
    [Object(Symbol('boxed'))],

    // ---- typed arrays and buffers
    [bytes],
    [new Uint8Array(0)],
    [new Float64Array([0.5, -0, NaN])],
    [new BigInt64Array([1n, -2n])],
    [new Int16Array(30).map((_, i) => i * 100 - 1000)],
    [new Uint8Array(120)],
    [buffer],
    [new ArrayBuffer(0)],
    [new ArrayBuffer(120)],
    [dataView],
    [{ buf: bytes }],

    // ---- errors
    [plainErr],
    [typeErr],
    [errWithProps],
    [noStackErr],
    [withCause],
    [causeNotError],
    [subErr],
    [renamedErr],
    [aggregate],
    [{ err: errWithProps }],
    [[plainErr, noStackErr]],
    ['failed:', plainErr],
    ['%s', noStackErr],

    // ---- custom inspection and display width
    [{ a: { [customInspect](depth) { return `custom@${depth}\nsecond line`; } }, b: 2 }],
    [{ a: { [customInspect]() { return { replaced: [1, 2] }; } } }],
    [{ a: { b: { [customInspect](depth, options, inspect) { return inspect(options.depth); } } } }],
    [['中文', '日本語', '한국어', 'abc', 'ü', 'e\u0301e\u0301', '🚀', 'x', 'y']],
    [range(12, (i) => '🎉'.repeat(i % 4))],
    [{ [Symbol("it's")]: 1, [Symbol('a\nb')]: 2, 'a\nb': 3 }],

    // ---- inspect() options
    { value: deep, options: { depth: 0 } },
    { value: deep, options: { depth: null } },
    { value: deep, options: { depth: 10 } },
    { value: wide, options: { breakLength: 200 } },
    { value: wide, options: { breakLength: Infinity } },
    { value: range(30, (i) => i), options: { compact: 1 } },
    { value: { a: { b: 1 } }, options: { compact: false } },
    { value: range(20, (i) => i), options: { maxArrayLength: 5 } },
    { value: 'x'.repeat(30), options: { maxStringLength: 10 } },
    { value: [1, 2, 3], options: { showHidden: true } },
    { value: new WithGetter(), options: { showHidden: true } },
    { value: accessors, options: { showHidden: true } },
    { value: bytes, options: { showHidden: true } },
    { value: { b: 1, a: 2, c: 3 }, options: { sorted: true } },
    { value: { f: fnWithProps, e: errWithProps, r: Object.assign(/x/, { a: 1 }) }, options: { depth: 0 } },
    { value: new Map([[1, { a: 1 }]]), options: { depth: 0 } },
    { value: Object.assign(new Error('hidden'), { stack: 'Error: hidden\n    at h (/app/h.js:1:1)' }), options: { showHidden: true } },
    { value: f, options: { showHidden: true } },
    { value: Object.assign(range(10, (i) => i), { z: 1, y: 2 }), options: { sorted: true } },
    { value: range(30, (i) => i), options: { breakLength: Infinity } },
    { value: new ArrayBuffer(10), options: { maxArrayLength: 3 } },
    { value: 'top-level string', options: {} },
    { value: 'top\nlevel\nstring that is long enough to be split at its line ends', options: {} },
  ];
  return cases;
}

if (typeof module === 'object' && module !== null) module.exports = makeCases;
makeCases; // completion value when evaluated as a classic script
