// Engine settings V8 leaves to the embedder. Evaluated right after primordials.js.
(function (natives, internals) {
  'use strict';
  // V8 does not define Error.stackTraceLimit in an isolate that creates a
  // snapshot, and without it errors get no stack at build time. Node uses 10.
  if (typeof Error.stackTraceLimit !== 'number') Error.stackTraceLimit = 10;
  // Node 20 names the explicit resource management symbols V8 10.2 lacks, as
  // registered symbols (events.addAbortListener's result is disposable).
  for (const name of ['dispose', 'asyncDispose']) {
    if (Symbol[name] === undefined) {
      Object.defineProperty(Symbol, name, { value: Symbol.for(`nodejs.${name}`) });
    }
  }
  // inspect.js prints promise states through this, as Node does.
  internals.getPromiseDetails = natives.promiseDetails;
})
