// While a snapshot is built, V8 10.2 gives the context no WebAssembly,
// SharedArrayBuffer or Atomics: its bootstrapper installs them only in an
// isolate that is not serializing (Genesis skips InitializeExperimentalGlobal
// and InstallSpecialObjects when serializer_enabled()), and installs them in
// a context restored from the snapshot. No supported API adds them to a
// snapshotting context (Isolate::InstallConditionalFeatures adds
// SharedArrayBuffer alone), and a SharedArrayBuffer kept in the heap comes
// back as a broken object. So at build time each name is a guard that throws
// an error saying so when read; the guards go before the heap is written, and
// a restored program sees V8's own globals, as a program run from source does.
// Runtime::CreateForSnapshotting calls internals.installBuildGuards;
// internals.beforeSnapshot calls internals.removeBuildGuards.
(function (natives, internals) {
  'use strict';
  const {
    Error, ErrorCaptureStackTrace, ObjectDefineProperty, ObjectGetOwnPropertyDescriptor,
    ReflectDeleteProperty, SafeMap,
  } = internals.primordials;

  const names = ['WebAssembly', 'SharedArrayBuffer', 'Atomics'];
  const guards = new SafeMap();  // name -> its getter, while installed
  let building = false;          // between install and remove: a snapshot is being built

  // For what a snapshot cannot hold and must not wait for (a listening server).
  internals.isBuildingSnapshot = () => building;

  internals.installBuildGuards = function () {
    building = true;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (ObjectGetOwnPropertyDescriptor(globalThis, name) !== undefined) continue;
      const get = function () {
        const error = new Error(`${name} is not available while building a snapshot ` +
          `(V8 leaves it out of a snapshot's heap); use it in main(), which runs after restore`);
        error.code = 'ERR_TOYSNAP_NOT_AT_BUILD_TIME';
        ErrorCaptureStackTrace(error, get);  // the error points at the code that read it
        throw error;
      };
      ObjectDefineProperty(globalThis, name, {
        get,
        // Assigning replaces the guard, as it would replace V8's global.
        set(value) {
          ObjectDefineProperty(globalThis, name,
            { __proto__: null, value, writable: true, configurable: true, enumerable: false });
        },
        configurable: true,
        enumerable: false,
      });
      guards.set(name, get);
    }
  };

  internals.removeBuildGuards = function () {
    building = false;
    for (let i = 0; i < names.length; i++) {
      const desc = ObjectGetOwnPropertyDescriptor(globalThis, names[i]);
      if (desc !== undefined && desc.get !== undefined && desc.get === guards.get(names[i])) {
        ReflectDeleteProperty(globalThis, names[i]);
      }
    }
    guards.clear();
  };
})
