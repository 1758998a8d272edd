// Node 20's assert, compared with Node: each failure's message, generatedMessage,
// operator, code and name; the loose and strict deep-equality rules; throws,
// rejects and their kin with every kind of expectation; argument errors.
import assert from 'node:assert';
import strict from 'node:assert/strict';
import util from 'node:util';

function show(label, fn) {
  try {
    fn();
    console.log(label, 'passed');
  } catch (e) {
    console.log(label, JSON.stringify({ name: e.name, code: e.code, message: e.message,
      generatedMessage: e.generatedMessage, operator: e.operator, keys: Object.keys(e) }));
    console.log('  toString:', String(e).split('\n')[0]);
  }
}
async function showAsync(label, promise) {
  try {
    await promise;
    console.log(label, 'resolved');
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message), e.operator);
  }
}

export async function main() {
  console.log(strict === assert.strict, strict.equal === assert.strictEqual, typeof assert.AssertionError);
  show('strictEqual short', () => assert.strictEqual(1, 2));
  show('strictEqual caret', () => assert.strictEqual('hello world', 'hello there'));
  show('strictEqual same shape', () => assert.strictEqual([], []));
  show('strictEqual object', () => assert.strictEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 9 }));
  show('strictEqual -0', () => assert.strictEqual(0, -0));
  show('strictEqual NaN', () => assert.strictEqual(NaN, NaN));
  show('notStrictEqual', () => assert.notStrictEqual(1, 1));
  show('notStrictEqual object', () => { const o = {}; assert.notStrictEqual(o, o); });
  show('deepStrictEqual nested', () => assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] }));
  show('deepStrictEqual set', () => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
  show('deepStrictEqual message', () => assert.deepStrictEqual(1, 2, 'my message'));
  show('strictEqual message', () => assert.strictEqual(1, 2, 'm'));
  show('deepStrictEqual diff message', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'm'));
  show('strictEqual same shape message', () => assert.strictEqual([], [], 'm'));
  show('deepStrictEqual error message', () => assert.deepStrictEqual(1, 2, new TypeError('mine')));
  show('notDeepStrictEqual', () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
  show('deepEqual', () => assert.deepEqual({ a: 1 }, { a: 2 }));
  show('notDeepEqual', () => assert.notDeepEqual({ a: 1 }, { a: '1' }));
  show('equal', () => assert.equal(1, 2));
  show('equal NaN', () => assert.equal(NaN, NaN));
  show('notEqual', () => assert.notEqual(1, '1'));
  show('ok', () => assert.ok(typeof 1 === 'string'));
  show('assert()', () => assert(0, undefined));
  show('ok no args', () => assert.ok());
  show('ok message', () => assert.ok(null, 'was null'));
  show('fail', () => assert.fail());
  show('fail message', () => assert.fail('boom'));
  show('missing args', () => assert.strictEqual(1));

  // Deep equality: which pairs are equal loosely, strictly, both or neither.
  const pairs = [
    ['1 / "1"', 1, '1'], ['NaN', NaN, NaN], ['0 / -0', 0, -0], ['prototypes', {}, Object.create(null)],
    ['arrays', [1, 2], [1, 2]], ['sparse', [1, , 3], [1, undefined, 3]],
    ['array extra key', Object.assign([1], { x: 1 }), [1]],
    ['symbol keys', { [Symbol.for('s')]: 1 }, {}], ['maps', new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])],
    ['map loose keys', new Map([[1, 'a']]), new Map([['1', 'a']])], ['sets of objects', new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }])],
    ['set loose', new Set([1]), new Set(['1'])], ['typed arrays', new Uint8Array([1, 2]), new Uint8Array([1, 2])],
    ['typed kinds', new Uint8Array([1]), new Int8Array([1])], ['float -0', new Float64Array([-0]), new Float64Array([0])],
    ['boxed', new Number(1), new Number(1)], ['boxed differ', new String('a'), new String('b')],
    ['errors', new Error('a'), new Error('a')], ['errors differ', new Error('a'), new TypeError('a')],
    ['dates', new Date(0), new Date(0)], ['regexps', /a/g, /a/i], ['buffers', Buffer.from('ab'), Buffer.from('ab')],
    ['cycles', (() => { const a = {}; a.self = a; return a; })(), (() => { const b = {}; b.self = b; return b; })()],
    ['null proto', Object.assign(Object.create(null), { a: 1 }), { a: 1 }], ['undefined vs null', { a: undefined }, { a: null }],
  ];
  for (const [label, a, b] of pairs) {
    let loose = true;
    let strictResult = true;
    try { assert.deepEqual(a, b); } catch { loose = false; }
    try { assert.deepStrictEqual(a, b); } catch { strictResult = false; }
    console.log('deep', label, loose, strictResult, util.isDeepStrictEqual(a, b));
  }

  show('throws none', () => assert.throws(() => {}));
  show('throws none class', () => assert.throws(() => {}, TypeError));
  show('throws none message', () => assert.throws(() => {}, 'msg here'));
  show('throws class ok', () => assert.throws(() => { throw new TypeError('x'); }, TypeError));
  show('throws wrong class', () => assert.throws(() => { throw new Error('x'); }, TypeError));
  show('throws regexp ok', () => assert.throws(() => { throw new Error('abc'); }, /b/));
  show('throws regexp fails', () => assert.throws(() => { throw new Error('x'); }, /abc/));
  show('throws object ok', () => assert.throws(() => { const e = new RangeError('m'); e.code = 'C'; throw e; }, { name: 'RangeError', code: 'C', message: /^m$/ }));
  show('throws object fails', () => assert.throws(() => { throw new Error('x'); }, { message: 'y', code: 'Z' }));
  show('throws object primitive', () => assert.throws(() => { throw 5; }, { a: 1 }));
  show('throws empty object', () => assert.throws(() => { throw new Error('x'); }, {}));
  show('throws validator ok', () => assert.throws(() => { throw new Error('x'); }, (e) => e.message === 'x'));
  show('throws validator fails', () => assert.throws(() => { throw new Error('x'); }, function check() { return false; }));
  show('throws error instance', () => assert.throws(() => { throw new Error('x'); }, new Error('y')));
  show('throws ambiguous', () => assert.throws(() => { throw new Error('m'); }, 'm'));
  show('throws bad error arg', () => assert.throws(() => { throw 1; }, 1));
  show('throws not fn', () => assert.throws('x'));
  show('doesNotThrow', () => assert.doesNotThrow(() => { throw new Error('x'); }));
  show('doesNotThrow message', () => assert.doesNotThrow(() => { throw new Error('x'); }, 'hm'));
  show('doesNotThrow other class', () => assert.doesNotThrow(() => { throw new Error('x'); }, TypeError));
  show('match', () => assert.match('abc', /x/));
  show('match non-string', () => assert.match(1, /x/));
  show('match bad regexp', () => assert.match('a', 'a'));
  show('doesNotMatch', () => assert.doesNotMatch('abc', /b/));
  show('ifError null', () => assert.ifError(null));
  show('ifError error', () => assert.ifError(new Error('bad')));
  show('ifError string', () => assert.ifError('str'));
  show('AssertionError options', () => new assert.AssertionError(1));
  const made = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
  console.log('AssertionError made', made.name, made.code, made.generatedMessage, JSON.stringify(made.message));

  await showAsync('rejects resolved', assert.rejects(Promise.resolve(1)));
  await showAsync('rejects class', assert.rejects(Promise.reject(new TypeError('t')), TypeError));
  await showAsync('rejects wrong', assert.rejects(async () => { throw new Error('e'); }, { message: 'f' }));
  await showAsync('rejects not promise', assert.rejects(() => 1));
  await showAsync('rejects bad arg', assert.rejects(1));
  await showAsync('doesNotReject', assert.doesNotReject(Promise.reject(new Error('q'))));
  await showAsync('doesNotReject ok', assert.doesNotReject(async () => 1));
}
