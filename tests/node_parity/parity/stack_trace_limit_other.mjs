// Error.stackTraceLimit set at the top level to a value that is not a number,
// then to an accessor: V8 then records no stack (it reads only a number held
// in a data property), and the property stays what the program made it.
Error.stackTraceLimit = 'many';
const first = new Error('with a string limit');
let reads = 0;
Object.defineProperty(Error, 'stackTraceLimit', {
  get() { reads++; return 2; },
  set(value) { console.log('set to', value); },
  configurable: true,
  enumerable: false,
});

export function main() {
  console.log('string limit: stack', typeof first.stack);
  const descriptor = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  console.log('accessor', typeof descriptor.get, typeof descriptor.set, descriptor.enumerable);
  console.log('reads', Error.stackTraceLimit, 'stack', typeof new Error('x').stack);
  Error.stackTraceLimit = 7;
  console.log('reads counted', reads > 0);
}
