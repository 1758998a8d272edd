// The global console, printing through natives.print with inspect.js's format.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeFilter, ArrayPrototypeJoin, Error, NumberPrototypeToFixed, ReflectApply,
    SafeMap, StringPrototypeSlice, StringPrototypeSplit,
  } = internals.primordials;

  const { formatArgs } = internals;  // inspect.js
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

  Object.defineProperty(globalThis, 'console', {
    value: console, writable: true, configurable: true, enumerable: false,
  });
})
