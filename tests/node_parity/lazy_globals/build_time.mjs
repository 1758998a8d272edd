// Reads the lazy globals at module evaluation, which a snapshot build runs:
// the loaded implementations and objects made from them are in the heap, and
// work after restore.
import { describeAll } from './describe.mjs';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-16le');
const buffer = Buffer.from('made at build');
const controller = new AbortController();
const signal = controller.signal;
const encoded = btoa('build');
const DOMExceptionClass = DOMException;
let aborts = 0;
signal.addEventListener('abort', () => { aborts++; });

export function main() {
  describeAll('read at module evaluation');
  console.log(encoder.encode('ab').join(','), decoder.decode(new Uint8Array([104, 0, 105, 0])));
  console.log(buffer.toString(), Buffer.isBuffer(buffer), buffer.readUInt16LE(0));
  console.log(signal.aborted, atob(encoded), DOMExceptionClass === DOMException);
  controller.abort(new DOMException('late', 'TimeoutError'));
  console.log(signal.aborted, signal.reason.name, aborts, AbortSignal.timeout(5) instanceof AbortSignal);
  console.log(new TextEncoder() instanceof TextEncoder, encoder instanceof TextEncoder);
}
