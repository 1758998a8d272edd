// Registers `perf_hooks`, the Performance* class globals, and gives the global
// performance Node's user-timing methods (mark, measure, getEntries*, clear*,
// timerify), each compiling
// perf_hooks_impl.js the first time any is called: programs that never time
// anything carry none of it.
(function (natives, internals) {
  'use strict';
  const { ObjectDefineProperty, ObjectGetPrototypeOf, ReflectApply } = internals.primordials;
  let impl;
  const load = () => (impl ??= natives.loadScript('perf_hooks_impl.js')(natives, internals));
  const proto = ObjectGetPrototypeOf(internals.web.performance);
  const names = ['clearMarks', 'clearMeasures', 'getEntries', 'getEntriesByName',
                 'getEntriesByType', 'mark', 'measure', 'timerify'];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    // Named as Node's: an object literal's method takes the key as its name.
    const method = { [name](...args) { return ReflectApply(load().methods[name], this, args); } }[name];
    ObjectDefineProperty(proto, name, {
      __proto__: null, value: method, writable: true, enumerable: true, configurable: true,
    });
  }
  // Node's lazy globals: reading one compiles perf_hooks_impl.js; assigning
  // replaces the accessor with the value.
  const classes = ['PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure',
                   'PerformanceObserver', 'PerformanceObserverEntryList'];
  for (let i = 0; i < classes.length; i++) {
    const name = classes[i];
    const accessors = {
      [`get ${name}`]() { return load().exports[name]; },
      [`set ${name}`](value) {
        ObjectDefineProperty(globalThis, name, {
          __proto__: null, value, writable: true, enumerable: false, configurable: true,
        });
      },
    };
    ObjectDefineProperty(globalThis, name, {
      __proto__: null, get: accessors[`get ${name}`], set: accessors[`set ${name}`],
      enumerable: false, configurable: true,
    });
  }
  internals.defineBuiltin('perf_hooks', () => load().exports);
})
