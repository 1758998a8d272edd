// WebAssembly, SharedArrayBuffer and Atomics in main(): V8 leaves them out of
// the heap a snapshot is built from, so a restored program must get V8's own
// globals, and print them as Node does (a SharedArrayBuffer too).
export function main() {
  console.log(typeof WebAssembly, typeof SharedArrayBuffer, typeof Atomics);
  for (const name of ['WebAssembly', 'SharedArrayBuffer', 'Atomics']) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    console.log(name, 'value' in desc, desc.enumerable, desc.writable, desc.configurable);
  }
  // (module (func (export "add") (param i32 i32) (result i32)
  //   local.get 0 local.get 1 i32.add))
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127,
    3, 2, 1, 0, 7, 7, 1, 3, 97, 100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11]);
  const module = new WebAssembly.Module(bytes);
  const { exports } = new WebAssembly.Instance(module);
  console.log('add', exports.add(40, 2), WebAssembly.Module.exports(module));
  const shared = new SharedArrayBuffer(8);
  const view = new Int32Array(shared);
  Atomics.store(view, 0, 5);
  console.log('atomics', Atomics.add(view, 0, 2), Atomics.load(view, 0), String(Atomics));
  console.log(shared, view);
  console.log(Object.prototype.toString.call(shared), shared instanceof SharedArrayBuffer);
}
