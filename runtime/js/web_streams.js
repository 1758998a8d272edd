// Node 20's web-stream globals (ReadableStream, ..., CompressionStream) as
// lazy accessors, as Node defines them, and the `stream/web` and
// `stream/consumers` builtins; everything is compiled at the first touch
// (web_streams_impl.js on npm's web-streams-polyfill), so cold start does not
// grow.
(function (natives, internals) {
  'use strict';
  const { ObjectDefineProperty } = internals.primordials;
  let web;
  const load = () => (web ??= natives.loadScript('web_streams_impl.js')(natives, internals));
  internals.loadWebStreams = load;
  const names = [
    'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController',
    'TransformStream', 'TransformStreamDefaultController', 'WritableStream',
    'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'ByteLengthQueuingStrategy',
    'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream', 'CompressionStream',
    'DecompressionStream',
  ];
  for (let i = 0; i < names.length; i++) {
    const key = names[i];
    let value;
    const set = {
      [`set ${key}`](v) {
        ObjectDefineProperty(globalThis, key, { __proto__: null, writable: true, value: v });
      },
    }[`set ${key}`];
    const get = {
      [`get ${key}`]() {
        if (value === undefined) {
          value = load().web[key];
          set(value);
        }
        return value;
      },
    }[`get ${key}`];
    ObjectDefineProperty(globalThis, key,
                         { __proto__: null, configurable: true, enumerable: false, get, set });
  }
  internals.defineBuiltin('stream/web', () => load().web);
  internals.defineBuiltin('stream/consumers', () => load().consumers);
})
