// Web APIs end to end (tests/web_apis_e2e_test.cc): `main()` prints what Node 20
// prints. Objects made at module evaluation, i.e. while a snapshot is built, are
// used again in main(). Args: none (compare), 'random', 'perf' or 'forged'.
const bytes = (...values) => new Uint8Array(values);

// A decoder holding the first two bytes of U+1F600, one holding half a BOM, and a
// fatal one holding the first two bytes of U+20AC.
const decoder = new TextDecoder();
const head = decoder.decode(bytes(0x41, 0xF0, 0x9F), { stream: true });
const bomDecoder = new TextDecoder('utf-8');
const bomHead = bomDecoder.decode(bytes(0xEF, 0xBB), { stream: true });
const fatalDecoder = new TextDecoder(' UTF8 ', { fatal: true, ignoreBOM: true });
const fatalHead = fatalDecoder.decode(bytes(0xE2, 0x82), { stream: true });
const encoder = new TextEncoder();
const encodedAtBuild = encoder.encode('built \u2713');
const forgedDecoder = Object.create(TextDecoder.prototype);
const forgedEncoder = Object.create(TextEncoder.prototype);
const cloneAtBuild = structuredClone({ when: 'build', list: [1, 2], map: new Map([[1, 'one']]) });
// Randomness used at build time must not be replayed after restore.
crypto.randomUUID();
crypto.getRandomValues(new Uint32Array(4));

const hex = (text) => Array.from(text, (c) => c.codePointAt(0).toString(16)).join(' ');
const describe = (e) => `${e.constructor.name} ${e.name} ${e.code} ${e.message}`;
function out(label, value) { console.log(`${label}: ${JSON.stringify(value)}`); }
function attempt(label, fn) {
  try { out(label, fn()); } catch (e) { out(label, describe(e)); }
}
function errorClass(fn) {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return e instanceof TypeError ? 'TypeError' : describe(e);
  }
}

function textDecoder() {
  out('mid-stream', hex(head + decoder.decode(bytes(0x98, 0x80, 0x42))));
  out('reused after flush', hex(decoder.decode(bytes(0xEF, 0xBB, 0xBF, 0x43))));
  const bomRest = bomDecoder.decode(bytes(0xBF, 0x43, 0xEF, 0xBB, 0xBF), { stream: true });
  out('bom split', hex(bomHead + bomRest + bomDecoder.decode()));
  out('flags', [fatalDecoder.encoding, fatalDecoder.fatal, fatalDecoder.ignoreBOM,
                decoder.fatal, decoder.ignoreBOM]);
  attempt('fatal mid-stream',
          () => hex(fatalHead + fatalDecoder.decode(bytes(0xAC, 0xEF, 0xBB, 0xBF), { stream: true })));
  attempt('fatal flush', () => fatalDecoder.decode(bytes(0xE2)));
  attempt('fatal invalid', () => new TextDecoder('utf-8', { fatal: 1 }).decode(bytes(0x61, 0xFF)));
  const cases = [
    [0xF0, 0x90, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    [0xC0, 0xAF], [0xE1, 0x80, 0x41], [0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2], [0x80, 0x81],
    [0xF8, 0x88, 0x80, 0x80, 0x80], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0x68, 0xC3, 0xA9],
  ];
  const keepBom = new TextDecoder('utf8', { ignoreBOM: true });
  for (const c of cases) {
    out(`decode ${c.map((b) => b.toString(16)).join(' ')}`,
        [hex(new TextDecoder().decode(new Uint8Array(c))), hex(keepBom.decode(new Uint8Array(c)))]);
  }
  const chunks = [[0xE2], [0x82], [0xAC, 0xE2]];
  const streaming = new TextDecoder();
  const streamed = chunks.map((c) => streaming.decode(new Uint8Array(c), { stream: true }));
  out('three chunks', hex(streamed.join('') + streaming.decode()));
  out('views', [new TextDecoder().decode(new Uint16Array([0x6261])),
                new TextDecoder().decode(new DataView(bytes(0x61, 0x62, 0x63).buffer, 1)),
                new TextDecoder().decode(bytes(0x61, 0x62, 0x63).buffer),
                new TextDecoder().decode(), new TextDecoder().decode(undefined, { stream: true })]);
  const labels = ['utf8', 'unicode-1-1-utf-8', 'UNICODE11UTF8', '\tutf-8\n', undefined];
  out('labels', labels.map((label) => new TextDecoder(label).encoding));
  attempt('bad label', () => new TextDecoder('utf-8\v'));
  attempt('null label', () => new TextDecoder(null));
  attempt('symbol label', () => new TextDecoder(Symbol('s')));
  attempt('bad options', () => new TextDecoder('bogus', 5));
  attempt('string options', () => new TextDecoder('utf-8', 'x'));
  attempt('quoted options', () => new TextDecoder('utf-8', "it's\n"));
  attempt('long options', () => new TextDecoder('utf-8', 'abcdefghijklmnopqrstuvwxyz0123456789'));
  const throwing = { get fatal() { throw new RangeError('from getter'); } };
  attempt('throwing option', () => new TextDecoder('utf-8', throwing));
  attempt('bad input', () => new TextDecoder().decode('abc'));
  attempt('null input', () => new TextDecoder().decode(null));
  attempt('without new', () => TextDecoder());
  out('shape', [TextDecoder.name, TextDecoder.length, TextDecoder.prototype.decode.length,
                Object.getOwnPropertyNames(TextDecoder.prototype).join(),
                Object.prototype.toString.call(decoder),
                Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'encoding').get.name,
                JSON.stringify(Object.getOwnPropertyDescriptor(TextDecoder, 'prototype').writable)]);
}

function textEncoder() {
  out('encoded at build', Array.from(encodedAtBuild));
  out('encode', Array.from(encoder.encode('a\ud800b\udc00\ud83d\ude00')));
  out('encode others',
      [encoder.encode().length, Array.from(encoder.encode(null)), Array.from(encoder.encode(12))]);
  for (let size = 0; size <= 7; ++size) {
    const dest = new Uint8Array(size);
    out(`encodeInto ${size}`, [encoder.encodeInto('a\u20ac\u{1F600}', dest), Array.from(dest)]);
  }
  const dest = new Uint8Array(8);
  out('encodeInto surrogates', [encoder.encodeInto('\ud800x\udfff', dest), Array.from(dest)]);
  const big = new Uint8Array(10);
  out('encodeInto subarray', [encoder.encodeInto('xyz', big.subarray(4, 6)), Array.from(big)]);
  attempt('encodeInto number', () => encoder.encodeInto(5, new Uint8Array(4)));
  attempt('encodeInto String', () => encoder.encodeInto(new String('abc'), new Uint8Array(3)));
  attempt('encodeInto array', () => encoder.encodeInto('abc', [1, 2]));
  attempt('encodeInto clamped', () => encoder.encodeInto('abc', new Uint8ClampedArray(3)));
  attempt('encodeInto missing', () => encoder.encodeInto('abc'));
  attempt('encodeInto dest number', () => encoder.encodeInto('abcdefghijklmnopqrstuvwxyz', 5));
  attempt('encodeInto fn', () => encoder.encodeInto(function foo() {}, {}));
  attempt('encodeInto bigint', () => encoder.encodeInto(5n, {}));
  attempt('encode symbol', () => encoder.encode(Symbol()));
  out('shape', [encoder.encoding, TextEncoder.prototype.encodeInto.length,
                Object.prototype.toString.call(encoder)]);
}

function base64() {
  const all = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
  out('btoa all', btoa(all));
  out('round trip', atob(btoa(all)) === all);
  out('btoa others', [btoa(''), btoa(123), btoa(null), btoa('\u00e9')]);
  const inputs = ['YWJj\tZA\n==\f', 'YQ', ' Y Q = = ', 'YR==', '////', '', '=', 'ab=c', 'YWJjZA=',
                  'YWJjZA===', 'YWJj ZA\v==', 'YQ=a', '==', 'a===', 'abc==', '-_', 'a', 'YWJjZ',
                  '\u0100', undefined, null];
  for (const input of inputs) {
    attempt(`atob ${JSON.stringify(input)}`, () => atob(input));
  }
  attempt('btoa wide', () => btoa('\u0100'));
  attempt('btoa missing', () => btoa());
  attempt('atob missing', () => atob());
}

function clone() {
  out('clone at build', [cloneAtBuild.when, cloneAtBuild.list, cloneAtBuild.map.get(1)]);
  const o = { a: [1, { b: new Date(0) }], m: new Map([[1, 2]]), s: new Set([3]), r: /x/g,
              u: new Uint8Array([1, 2]), e: new RangeError('boom'), big: 10n };
  o.self = o;
  const c = structuredClone(o);
  out('clone', [c !== o, c.self === c, c.a[1].b instanceof Date, c.m.get(1), c.s.has(3),
                String(c.r), Array.from(c.u), c.e instanceof RangeError, c.e.message, typeof c.big]);
  const ab = new ArrayBuffer(4);
  const view = new Uint8Array(ab);
  view[0] = 9;
  const moved = structuredClone({ view }, { transfer: [ab] });
  out('transfer', [ab.byteLength, view.length, moved.view.length, moved.view[0]]);
  const shared = new SharedArrayBuffer(2);
  new Uint8Array(structuredClone(shared))[0] = 7;
  out('shared', new Uint8Array(shared)[0]);
  out('native instance', JSON.stringify(structuredClone(new TextDecoder())));
  attempt('function', () => structuredClone(() => {}));
  attempt('symbol', () => structuredClone({ a: Symbol('x') }));
  attempt('missing', () => structuredClone());
  attempt('getter throws', () => structuredClone({ get a() { throw new RangeError('getter'); } }));
  attempt('options 5', () => structuredClone(1, 5));
  attempt('transfer 5', () => structuredClone(1, { transfer: 5 }));
  attempt('transfer [5]', () => structuredClone(1, { transfer: [5] }));
  const twice = new ArrayBuffer(2);
  attempt('transfer twice', () => structuredClone(1, { transfer: [twice, twice] }));
  out('null options', structuredClone(1, null));
}

function domAndCrypto() {
  const e = new DOMException('m', 'DataCloneError');
  out('DOMException', [e.name, e.message, e.code, e instanceof Error, String(e), Object.keys(e),
                       Object.prototype.toString.call(e), DOMException.DATA_CLONE_ERR,
                       new DOMException().name, new DOMException('x', { name: 'SyntaxError' }).code,
                       new DOMException('x', 'Foo').code]);
  out('typeof', [typeof performance.now(), typeof performance.timeOrigin,
                 typeof performance.toJSON().timeOrigin, Object.prototype.toString.call(crypto),
                 Object.prototype.toString.call(performance)]);
  attempt('float array', () => crypto.getRandomValues(new Float64Array(2)));
  attempt('plain array', () => crypto.getRandomValues([1]));
  attempt('DataView', () => crypto.getRandomValues(new DataView(new ArrayBuffer(2))));
  attempt('too big', () => crypto.getRandomValues(new Uint8Array(65537)));
  attempt('missing', () => crypto.getRandomValues());
  const { getRandomValues } = crypto;
  attempt('detached this', () => getRandomValues(new Uint8Array(2)));
  attempt('uuid this', () => crypto.randomUUID.call({}));
  attempt('now this', () => performance.now.call({}));
  out('accepted', [crypto.getRandomValues(new BigInt64Array(1)).length,
                   crypto.getRandomValues(new Uint8ClampedArray(65536)).length,
                   crypto.getRandomValues(new Uint16Array(3)).constructor.name]);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  out('uuid format', uuid.test(crypto.randomUUID()));
  const fatalGetter = Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'fatal').get;
  out('brand checks', [errorClass(() => forgedDecoder.decode(bytes(0x41))),
                       errorClass(() => forgedDecoder.encoding),
                       errorClass(() => forgedEncoder.encode('x')),
                       errorClass(() => forgedEncoder.encodeInto('x', new Uint8Array(1))),
                       errorClass(() => TextDecoder.prototype.decode.call(encoder)),
                       errorClass(() => fatalGetter.call(new Uint8Array(1)))]);
  const globals = ['TextEncoder', 'TextDecoder', 'DOMException', 'atob', 'btoa', 'structuredClone',
                   'performance', 'crypto'];
  out('enumerable globals',
      globals.filter((name) => Object.getOwnPropertyDescriptor(globalThis, name).enumerable));
}

function forged() {
  for (const [label, call] of [
    ['decode', () => forgedDecoder.decode()],
    ['encoding', () => forgedDecoder.encoding],
    ['ignoreBOM', () => Reflect.get(TextDecoder.prototype, 'ignoreBOM', forgedDecoder)],
    ['encode', () => forgedEncoder.encode('x')],
    ['encodeInto', () => TextEncoder.prototype.encodeInto.call(decoder, 'x', new Uint8Array(1))],
    ['decode on encoder', () => TextDecoder.prototype.decode.call(encoder)],
    ['decode on null', () => TextDecoder.prototype.decode.call(null)],
  ]) {
    try {
      call();
      console.log(`${label}: no error`);
    } catch (e) {
      console.log(`${label}: ${e.name}: ${e.message}`);
    }
  }
}

export function main(args) {
  switch (args[0]) {
    case 'random':
      console.log(`uuid ${crypto.randomUUID()}`);
      console.log(`bytes ${Array.from(crypto.getRandomValues(new Uint8Array(16))).join(',')}`);
      return;
    case 'perf':
      console.log(`now ${performance.now()}`);
      console.log(`origin ${performance.timeOrigin}`);
      console.log(`drift ${Math.abs(performance.timeOrigin + performance.now() - Date.now())}`);
      return;
    case 'forged':
      return forged();
    default:
      textDecoder();
      textEncoder();
      base64();
      clone();
      domAndCrypto();
  }
}
