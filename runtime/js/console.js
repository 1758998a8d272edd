// The global console, printing through natives.print with inspect.js's format.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeFilter, ArrayPrototypeJoin, Error, NumberPrototypeToFixed, ReflectApply,
    SafeMap, StringPrototypeSlice, StringPrototypeSplit,
  } = internals.primordials;

  const { formatArgs } = internals;  // inspect_format.js
  const counts = new SafeMap();
  const timers = new SafeMap();
  let indent = '';

  function emit(fd, args) {
    let text = formatArgs(undefined, args);
    if (indent !== '') text = indent + ArrayPrototypeJoin(StringPrototypeSplit(text, '\n'), '\n' + indent);
    natives.print(fd, text + '\n');
  }

  const console = {
    log(...args) { emit(1, args); },
    info(...args) { emit(1, args); },
    debug(...args) { emit(1, args); },
    error(...args) { emit(2, args); },
    warn(...args) { emit(2, args); },
    trace(...args) {
      const error = new Error(ReflectApply(internals.format, undefined, args));
      error.name = 'Trace';
      emit(2, [ArrayPrototypeJoin(ArrayPrototypeFilter(StringPrototypeSplit(error.stack, '\n'), (_, i) => i !== 1), '\n')]);
    },
    dir(value, options) { emit(1, [internals.inspect(value, options)]); },
    assert(condition, ...args) {
      if (condition) return;
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      emit(2, args);
    },
    count(label = 'default') {
      const count = (counts.get(`${label}`) || 0) + 1;
      counts.set(`${label}`, count);
      emit(1, [`${label}: ${count}`]);
    },
    countReset(label = 'default') { counts.delete(`${label}`); },
    group(...args) { if (args.length > 0) emit(1, args); indent += '  '; },
    groupEnd() { indent = StringPrototypeSlice(indent, 0, -2); },
    time(label = 'default') { timers.set(`${label}`, natives.monotonicNow()); },
    timeEnd(label = 'default') {
      const start = timers.get(`${label}`);
      if (start === undefined) return;
      timers.delete(`${label}`);
      emit(1, [`${label}: ${NumberPrototypeToFixed(natives.monotonicNow() - start, 3)}ms`]);
    },
  };
  console.groupCollapsed = console.group;
  // Called while a snapshot is built, before the program: formats the common
  // kinds of value once, so console.log's code is compiled into the snapshot
  // instead of at the first console.log after every restore.
  // Its numbers' strings must not collide in V8's number-to-string cache (a
  // Smi's slot is its value mod 128, a double's mixes its bits: 1.5 and -0
  // are 0, 3.14 is 39): a collision grows the cache from 128 to 8192 entries,
  // never shrunk, which every restore rebuilds slot by slot (0.3 M instructions).
  internals.warmUpConsole = function () {
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
  };
  // An uncaught error is reported as Node reports it: util.inspect of it.
  natives.setErrorDescriber((error) => internals.inspect(error));

  Object.defineProperty(globalThis, 'console', {
    value: console, writable: true, configurable: true, enumerable: false,
  });
})
