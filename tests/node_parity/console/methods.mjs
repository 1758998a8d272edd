// Every console method on the global console, to stdout and stderr:
// formats, dir's options, assert's forms, counts, groups (and the indent of
// multi-line output), time/timeLog/timeEnd in each of Node 20's forms, and
// the warnings for missing labels (through process.emitWarning).
export function main() {
  const warnings = [];
  process.emitWarning = (message, ...rest) => warnings.push(`${message} (${rest.length})`);
  console.log('log %s %d %i %f %j %o %O %%', 'str', 42, 4.9, 1.5, { j: 1 }, [1], { o: { p: 1 } });
  console.info('info', 1, -0, 10n, null, undefined, Symbol('s'));
  console.debug('debug', [1, 'two', { three: 3 }]);
  console.dirxml('dirxml', { a: 1 }, [2]);
  console.warn('warn %s', 'text', { w: true });
  console.error('error', new Map([[1, 'one']]), new Set(['s']));
  console.error(new Error('an error').message);

  console.dir({ a: { b: { c: { d: 1 } } } });
  console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
  console.dir({ a: { b: { c: { d: 1 } } } }, { depth: Infinity });
  console.dir({ [Symbol.for('nodejs.util.inspect.custom')]: () => 'custom' });
  console.dir('a string', { colors: false });
  console.dir([1, 2, 3, 4], { maxArrayLength: 2 });

  console.assert(true, 'never printed');
  console.assert(false);
  console.assert(0, 'with %s and %d', 'format', 7);
  console.assert('', { not: 'a string' }, 'second');
  console.assert(null, 42);

  console.count();
  console.count();
  console.count('label');
  console.count(undefined);
  console.count(null);
  console.count(1);
  console.countReset();
  console.count();
  console.countReset('label');
  console.countReset('nope');
  console.countReset(1);
  console.count('label');

  console.group('group one');
  console.log('inside\nmulti-line');
  console.group();
  console.error('nested error');
  console.count('in group');
  console.dir({ x: { y: 1 } });
  console.groupEnd();
  console.groupCollapsed('collapsed', 2);
  console.info(['a', 'b']);
  console.groupEnd();
  console.groupEnd();
  console.groupEnd();
  console.log('outside');

  // Durations: labels started long ago, set as Node keeps them ([s, ns]);
  // the last digits depend on the clock and are masked.
  const mask = (text) => text.replace(/\d+(\.\d+)?ms\b/, 'Nms').replace(/\.\d{3}(?=s| )/, '.ddd');
  const lines = [];
  const log = console.log;
  console.log = (...args) => lines.push(mask(args.map(String).join(' ')));
  const ago = (seconds) => {
    const [s, ns] = process.hrtime();
    return [s - seconds, ns];
  };
  console.time();
  console.timeLog();
  console.timeLog('default', 'extra', { data: 1 });
  console.timeEnd();
  console.time('twice');
  console.time('twice');
  console._times.set('seconds', ago(5));
  console.timeEnd('seconds');
  console._times.set('minutes', ago(125));
  console.timeLog('minutes', 'data');
  console.timeEnd('minutes');
  console._times.set('hours', ago(3 * 3600 + 4 * 60 + 5));
  console.timeEnd('hours');
  console.timeEnd('seconds');
  console.timeLog('never');
  console.time(null);
  console.timeEnd(null);
  console.time({ toString() { return 'object label'; } });
  console.timeEnd('object label');
  console.log = log;
  for (const line of lines) console.log(line);
  for (const warning of warnings) console.log('warning:', warning);
  console.log(console._times.size, [...console._times.keys()]);

  // The inspector's methods print nothing.
  console.profile('p');
  console.profileEnd('p');
  console.timeStamp('t');
  const context = console.context('ctx');
  console.log(Object.keys(context).join(' '));
  context.log('not printed');
  const task = console.createTask('task');
  console.log(task.run(() => 'ran'), Object.keys(task));
  for (const call of [() => console.createTask(), () => console.createTask(''), () => task.run(1)]) {
    try { call(); } catch (error) { console.log(error.name, error.message); }
  }
  console.clear();  // not a terminal: nothing
  console.log('end');
}
