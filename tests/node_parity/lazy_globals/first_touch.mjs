// Nothing touches the lazy globals before main(): from a snapshot, the first
// read happens after restore. Descriptors before, after a read, after an
// assignment, and what each read gives.
import { describe, describeAll, names } from './describe.mjs';

export function main() {
  describeAll('untouched');
  console.log(Object.keys(globalThis).filter((k) => names.includes(k) || k === 'fetch').join(','));
  console.log(typeof Buffer.from, Buffer.from('hi').toString('hex'));
  console.log(new TextEncoder().encode('é').join(','), new TextDecoder().decode(new Uint8Array([104, 105])));
  const controller = new AbortController();
  controller.signal.addEventListener('abort', () => console.log('aborted', controller.signal.reason.name));
  controller.abort();
  console.log(AbortSignal.abort().aborted, controller.signal instanceof EventTarget);
  console.log(atob(btoa('xyz')), typeof crypto.randomUUID(), typeof performance.now());
  console.log(new DOMException('m', 'AbortError').code, process.version === undefined);
  describeAll('read');
  for (const name of names) {
    try {
      globalThis[name] = 42;
      console.log(name, 'assigned', typeof globalThis[name]);
    } catch (error) {
      console.log(name, error.constructor.name, error.message);
    }
  }
  describeAll('assigned');
  // A getter called on its own works as the property does.
  console.log(describe('Buffer'));
}
