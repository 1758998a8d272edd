// Registers `buffer` and the global Buffer (a getter and setter, as in Node
// 20), whose code (buffer.js, buffer_numbers.js) is compiled at first use, and
// Blob, File and URL's blob: statics, whose code is buffer_blob.js.
(function (natives, internals) {
  'use strict';
  const { ObjectDefineProperties, ObjectDefineProperty } = internals.primordials;
  // The globals buffer.js needs, captured before user code can replace them.
  internals.bufferGlobals = {
    atob: internals.web.atob, btoa: internals.web.btoa, process: globalThis.process,
  };

  let exports;
  function load() {
    if (exports === undefined) {
      exports = natives.loadScript('buffer.js')(natives, internals);
      natives.loadScript('buffer_numbers.js')(natives, internals);
    }
    return exports;
  }
  // Buffer, FastBuffer and helpers for other runtime files.
  ObjectDefineProperty(internals, 'buffer', {
    __proto__: null, configurable: true, enumerable: true,
    get() { load(); return internals.bufferImpl; },
  });
  internals.defineBuiltin('buffer', load);

  // Node's own accessor pair: an assignment replaces what the getter returns,
  // and the property stays an accessor.
  let assigned = false, assignedValue;
  ObjectDefineProperty(globalThis, 'Buffer', {
    __proto__: null, enumerable: false, configurable: true,
    get() { return assigned ? assignedValue : load().Buffer; },
    set(value) { assigned = true; assignedValue = value; },
  });

  let blobModule;
  internals.bufferBlob = () => {
    blobModule ??= natives.loadScript('buffer_blob.js')(natives, internals);
    return blobModule;
  };
  // Node 20's lazy properties (web.js), on globalThis and buffer's exports.
  internals.blobAccessors = (target, names, enumerable) =>
    internals.defineLazyProperties(target, names, internals.bufferBlob, enumerable);
  internals.blobAccessors(globalThis, ['Blob', 'File'], false);

  // URL's blob: statics live with the Blob store (buffer_blob.js).
  const URLConstructor = globalThis.URL;
  if (typeof URLConstructor === 'function') {
    ObjectDefineProperties(URLConstructor, {
      createObjectURL: {
        __proto__: null, writable: true, configurable: true, enumerable: true,
        value: function createObjectURL(obj) {
          if (blobModule === undefined) throw internals.nodeErrors.invalidArgType('obj', 'Blob', obj);
          return blobModule.createObjectURL(obj);
        },
      },
      revokeObjectURL: {
        __proto__: null, writable: true, configurable: true, enumerable: true,
        value: function revokeObjectURL(url) {
          if (arguments.length === 0) throw internals.nodeErrors.missingArgs('url');
          blobModule?.revokeObjectURL(url);
        },
      },
    });
  }
})
