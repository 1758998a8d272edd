// Registers `stream`, `stream/promises`, `string_decoder` and the
// `_stream_*` aliases, whose code (stream.js and the npm packages it loads)
// is compiled on first require.
(function (natives, internals) {
  'use strict';
  const { process } = globalThis;  // before user code can replace it
  let parts;
  const load = () => (parts ??= natives.loadScript('stream.js')(natives, internals, process));
  // builtins.js calls each factory once and keeps what it returns.
  const stream = () => internals.requireBuiltin('stream');
  internals.defineBuiltin('stream', () => load().makeStream());
  internals.defineBuiltin('stream/promises', () => stream().promises);
  internals.defineBuiltin('string_decoder', () => load().stringDecoder());
  const aliases = ['Duplex', 'PassThrough', 'Readable', 'Transform', 'Writable'];
  for (let i = 0; i < aliases.length; i++) {
    const name = aliases[i];
    const id = name === 'PassThrough' ? 'passthrough' : name.toLowerCase();
    internals.defineBuiltin(`_stream_${id}`, () => stream()[name]);
  }
})
