// worker_threads at bootstrap: only what must be there before first use.
// The module itself (worker_threads_port.js, worker_threads_worker.js) is
// compiled the first time a program requires it or reads one of the web
// globals it provides (MessageChannel, MessagePort, MessageEvent,
// BroadcastChannel), so
// programs that use neither pay nothing for it. Also the hook a worker's
// runtime starts its program with (internals.startWorker, runtime/sibling.cc).
(function (natives, internals) {
  'use strict';
  const { ObjectDefineProperty } = internals.primordials;
  // The globals the lazy scripts build on, before a program can replace them.
  const { Event, EventTarget, process, structuredClone } = globalThis;
  const { DOMException } = internals.web;
  const captured = { DOMException, Event, EventTarget, process, structuredClone };

  let module;  // { exports, globals, startWorker } once loaded
  function load() {
    if (module === undefined) {
      const ports = natives.loadScript('worker_threads_port.js')(natives, internals, captured);
      module = natives.loadScript('worker_threads_worker.js')(natives, internals, captured, ports);
    }
    return module;
  }

  internals.defineBuiltin('worker_threads', () => load().exports);

  // Node 20's globals, as it defines them: accessors until first read.
  const globals = ['MessageChannel', 'MessagePort', 'MessageEvent', 'BroadcastChannel'];
  for (let i = 0; i < globals.length; i++) {
    const name = globals[i];
    const define = (value) => ObjectDefineProperty(globalThis, name, {
      __proto__: null, value, writable: true, configurable: true, enumerable: false,
    });
    ObjectDefineProperty(globalThis, name, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() {
        const value = load().globals[name];
        define(value);
        return value;
      },
      set(value) { define(value); },
    });
  }

  // A worker's runtime, fresh or restored, starts here: it reads what its
  // parent sent, then runs the worker's file or code; the promise settles
  // when that has been evaluated.
  internals.startWorker = () => load().startWorker();
})
