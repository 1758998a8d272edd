// util: parseArgs (tokens, defaults, negation, strict errors), parseEnv,
// promisify/callbackify, deprecate, inherits, styleText, stripVTControlCharacters,
// toUSVString, system errors, aborted, debuglog, and Node's argument errors.
import util from 'node:util';

const show = (tag, ...values) => console.log(tag, ...values.map((v) => util.inspect(v, { depth: 4 })));
function tryIt(tag, fn) {
  try {
    show(tag, fn());
  } catch (error) {
    console.log(tag, `${error.name} [${error.code}]: ${error.message}`);
  }
}

export async function main() {
  const options = {
    verbose: { type: 'boolean', short: 'v' },
    name: { type: 'string', short: 'n', default: 'anon' },
    tag: { type: 'string', multiple: true, short: 't' },
    color: { type: 'boolean', default: true },
  };
  show('parseArgs', util.parseArgs({ args: ['-v', '--name=x', '-t', 'a', '-tb', 'pos'], options, allowPositionals: true }));
  show('tokens', util.parseArgs({ args: ['-vn', 'y', '--', '--not-an-option'], options, tokens: true, allowPositionals: true }));
  show('negative', util.parseArgs({ args: ['--no-color', '--color', '--no-color'], options, allowNegative: true }));
  show('loose', util.parseArgs({ args: ['--unknown', '-xyz', '--str=1', 'p'], strict: false }));
  show('defaults only', util.parseArgs({ args: [], options }));
  show('group with string', util.parseArgs({ args: ['-vnfile'], options }));
  tryIt('unknown option', () => util.parseArgs({ args: ['--nope'], options }));
  tryIt('unknown with positionals', () => util.parseArgs({ args: ['-q'], options, allowPositionals: true }));
  tryIt('positional', () => util.parseArgs({ args: ['x'], options }));
  tryIt('missing value', () => util.parseArgs({ args: ['--name'], options }));
  tryIt('boolean with value', () => util.parseArgs({ args: ['--verbose=1'], options }));
  tryIt('ambiguous', () => util.parseArgs({ args: ['-n', '-v'], options }));
  tryIt('ambiguous long', () => util.parseArgs({ args: ['--name', '-v'], options }));
  tryIt('bad type', () => util.parseArgs({ args: [], options: { a: { type: 'number' } } }));
  tryIt('bad short', () => util.parseArgs({ args: [], options: { a: { type: 'string', short: 'ab' } } }));
  tryIt('bad default', () => util.parseArgs({ args: [], options: { a: { type: 'string', default: 1 } } }));
  tryIt('bad multiple default', () => util.parseArgs({ args: [], options: { a: { type: 'boolean', multiple: true, default: [true, 'x'] } } }));
  tryIt('bad args', () => util.parseArgs({ args: 'x' }));
  tryIt('bad strict', () => util.parseArgs({ args: [], strict: 1 }));
  tryIt('bad options', () => util.parseArgs({ args: [], options: 1 }));
  tryIt('negated unknown', () => util.parseArgs({ args: ['--no-name'], options, allowNegative: true }));

  show('parseEnv', util.parseEnv('A=1\nexport B = two words \nC="quoted\\nline" # comment\nD=\'single\'\nE=`back`\n# full comment\nF=has#hash\nG="multi\nline"\nA=again\r\nH=\n  I  =  spaced  \nJ'));
  show('parseEnv edges', util.parseEnv('Q="unclosed\nNEXT=value\nno equals here\n=novalue\n   \nT=\ttab\t\nU=\'a # not comment\' # comment\nexport   V=w\nW="a"b\nX=#c\nY="x\\ny" tail\nZ'));
  show('parseEnv lines', util.parseEnv('NEXT=value\nno equals here\n=novalue\n   \nT=\ttab\t\nU=\'a # not comment\' # comment\nexport   V=w\nX=#c\nZ'));
  for (const text of ['K="abc', 'K="abc\nL=1', '#c=1', 'A=1\n#c=1', 'K= "q" ', "K=  'q'x\nL=2", 'A=\nB=1', 'A=1\r\nB=2\rC=3', "A='x'", 'A=\'x\' B=2']) show('parseEnv', text, util.parseEnv(text));
  show('parseEnv empty', util.parseEnv(''));
  tryIt('parseEnv number', () => util.parseEnv(1));

  const custom = () => {};
  custom[util.promisify.custom] = () => Promise.resolve('custom');
  show('promisify custom', util.promisify(custom) === custom[util.promisify.custom], await util.promisify(custom)());
  const cbStyle = (a, b, cb) => setImmediate(() => (a < 0 ? cb(new Error('negative')) : cb(null, a + b)));
  const promised = util.promisify(cbStyle);
  show('promisify', await promised(1, 2), util.promisify(promised) === promised);
  await promised(-1, 0).catch((e) => show('promisify rejects', e.message));
  tryIt('promisify bad', () => util.promisify(1));
  const badCustom = () => {};
  badCustom[util.promisify.custom] = 5;
  tryIt('promisify bad custom', () => util.promisify(badCustom));
  const cbified = util.callbackify(async function fetchIt(x) { if (x === 0) throw null; return x * 2; });
  show('callbackify shape', cbified.name, cbified.length);
  await new Promise((resolve) => cbified(21, (err, value) => { show('callbackify', err, value); resolve(); }));
  await new Promise((resolve) => cbified(0, (err) => { show('callbackify falsy', err.code, err.message, err.reason); resolve(); }));
  tryIt('callbackify bad', () => util.callbackify('x'));
  tryIt('callbackify no callback', () => cbified(1));

  tryIt('deprecate bad code', () => util.deprecate(() => {}, 'msg', 5));
  // Node prints warnings with its pid and a hint line: kept quiet here.
  process.noDeprecation = true;
  const deprecated = util.deprecate(function add(a, b) { return a + b; }, 'add is old', 'DEP_TOYSNAP');
  show('deprecated call', deprecated(1, 2), deprecated.name, Object.getPrototypeOf(deprecated).name);
  class Old { constructor(x) { this.x = x; } }
  const DeprecatedClass = util.deprecate(Old, 'Old is old');
  show('deprecated class', new DeprecatedClass(3), DeprecatedClass.prototype === Old.prototype);
  const errno = util._errnoException(-2, 'open', 'file.txt');
  show('errnoException', errno.message, errno.code, errno.errno, errno.syscall);
  const hostPort = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 80, 'local');
  show('exceptionWithHostPort', hostPort.message, hostPort.code, hostPort.address, hostPort.port);
  function Base() { this.base = true; }
  Base.prototype.hello = function () { return 'hello'; };
  function Derived() { Base.call(this); }
  util.inherits(Derived, Base);
  show('inherits', new Derived().hello(), Derived.super_ === Base);
  tryIt('inherits null ctor', () => util.inherits(null, Base));
  tryIt('inherits null super', () => util.inherits(Derived, null));
  tryIt('inherits no prototype', () => util.inherits(Derived, {}));

  show('styleText array', util.styleText(['bold', 'red'], 'x'));
  show('styleText non-tty', util.styleText('red', 'x'));
  show('styleText no validation', util.styleText('green', 'x', { validateStream: false }));
  tryIt('styleText bad format', () => util.styleText('nope', 'x'));
  tryIt('styleText bad text', () => util.styleText('red', 5));
  show('strip', util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link\u001b]8;;\u0007'));
  tryIt('strip bad', () => util.stripVTControlCharacters(5));
  show('toUSVString', util.toUSVString('a\ud800b\udc00c\ud83d\ude00'));
  show('system error', util.getSystemErrorName(-2), util.getSystemErrorMap().get(-13));
  tryIt('system error bad', () => util.getSystemErrorName(2));
  tryIt('system error type', () => util.getSystemErrorName('x'));

  const controller = new AbortController();
  const done = util.aborted(controller.signal, {});
  controller.abort();
  await done;
  show('aborted resolved');
  await util.aborted(1, {}).catch((e) => show('aborted bad signal', e.code));
  await util.aborted(controller.signal, 1).catch((e) => show('aborted bad resource', e.code));
  const log = util.debuglog('toysnaptest');
  log('not shown');
  show('debuglog', log.enabled);
  show('format', util.format('%s=%d %j %%', 'a', 42, { b: 1 }), util.formatWithOptions({ depth: 0 }, '%O', { a: [1] }));
  tryIt('formatWithOptions bad', () => util.formatWithOptions(1, 'x'));
  show('legacy', util.isArray([]), util.isBoolean(false), util.isPrimitive({}), util.isError(new TypeError()), util.isFunction(show));
  class WithGetters {
    constructor() { this._v = 7; }
    get v() { return this._v; }
    get obj() { return { nested: true }; }
    get nil() { return null; }
    get bad() { throw new Error('nope'); }
    get rw() { return 'rw'; }
    set rw(x) {}
  }
  for (const getters of [true, 'get', 'set', false]) {
    console.log('getters', getters, util.inspect(new WithGetters(), { getters, showHidden: true }));
  }
  const own = { get plain() { return 'own getter'; } };
  console.log(util.inspect(own, { getters: true }));
  show('keys', Object.keys(util).filter((k) => !['MIMEType', 'MIMEParams'].includes(k)).join(' '));
}
