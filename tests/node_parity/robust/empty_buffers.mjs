// Zero-length and detached buffers made at the top level, so a snapshot keeps
// them: each must survive full GCs after a restore and behave as in Node
// (V8 10.2 used to write a stale C++ pointer for them; see
// runtime/snapshot_array_buffers.h). SharedArrayBuffers are refused at build
// time, so they are made in main() only.
import { Buffer } from 'node:buffer';
import v8 from 'node:v8';
import vm from 'node:vm';

function detach(buffer) {
  structuredClone(buffer, { transfer: [buffer] });
  return buffer;
}

const full = new ArrayBuffer(16);
new Uint8Array(full).set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);

export const forms = {
  arrayBuffer: new ArrayBuffer(0),
  uint8Array: new Uint8Array(0),
  float64Array: new Float64Array(0),
  uint8ArrayBuffer: new Uint8Array(0).buffer,
  bufferAlloc: Buffer.alloc(0),
  bufferAllocUnsafe: Buffer.allocUnsafe(0),
  bufferFromString: Buffer.from(''),
  bufferFromBase64: Buffer.from('', 'base64'),
  bufferConcat: Buffer.concat([]),
  bufferSubarrayAtEnd: Buffer.from('abc').subarray(3),
  textEncoder: new TextEncoder().encode(''),
  textEncoderBuffer: new TextEncoder().encode('').buffer,
  slice: full.slice(4, 4),
  detached: detach(new ArrayBuffer(8)),
  detachedEmpty: detach(new ArrayBuffer(0)),
  detachedView: (() => { const b = new ArrayBuffer(4); const v = new Uint8Array(b); detach(b); return v; })(),
  emptyViewOfFull: new Uint8Array(full, 16, 0),
  emptyViewInsideFull: new Int16Array(full, 8, 0),
  dataView: new DataView(new ArrayBuffer(0)),
  dataViewEmptyOfFull: new DataView(full, 8, 0),
  cloned: structuredClone(new ArrayBuffer(0)),
  clonedView: structuredClone(new Uint8Array(0)),
  serialized: v8.deserialize(v8.serialize(new Uint8Array(0))),
  withMaxByteLength: new ArrayBuffer(0, { maxByteLength: 16 }),
  full: new Uint8Array(full),
};
const blobBytes = await new Blob([]).arrayBuffer();
forms.blobArrayBuffer = blobBytes;

function describe(value) {
  if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) {
    return `${value.constructor.name}(${value.byteLength})`;
  }
  if (value instanceof DataView) return `DataView(${value.byteOffset}, ${value.byteLength})`;
  const items = Array.from({ length: value.length }, (_, i) => value[i]);
  // A Buffer's offset depends on Buffer's pool, not on the snapshot.
  const offset = Buffer.isBuffer(value) ? '' : `${value.byteOffset}, `;
  return `${value.constructor.name}(${offset}${value.length}) [${items}]`;
}

export function main() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const garbage = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 20000; i++) garbage.push({ i, s: `x${i}`, b: new ArrayBuffer(i % 3) });
    garbage.length = 0;
    gc();
  }
  for (const [name, value] of Object.entries(forms)) {
    console.log(name, describe(value));
  }
  // Use each: views over it, copies, clones, transfers.
  const ab = forms.arrayBuffer;
  console.log('view', new Uint8Array(ab).length, new DataView(ab).byteLength);
  console.log('slice', ab.slice(0).byteLength, ArrayBuffer.isView(forms.uint8Array));
  console.log('clone', structuredClone(ab).byteLength);
  console.log('concat', Buffer.concat([forms.bufferAlloc, forms.textEncoder, Buffer.from('ok')]).toString());
  console.log('decode', JSON.stringify(new TextDecoder().decode(forms.textEncoder)),
              JSON.stringify(forms.bufferAlloc.toString('hex')));
  console.log('compare', Buffer.compare(forms.bufferAlloc, Buffer.alloc(0)), forms.bufferAlloc.equals(forms.bufferFromString));
  const moved = structuredClone(ab, { transfer: [ab] });
  console.log('transfer', moved.byteLength, ab.byteLength);
  const copied = new Uint8Array(forms.uint8ArrayBuffer);
  copied.set([]);
  console.log('copied', copied.byteLength, forms.full.subarray(16).length);
  for (const [name, value] of Object.entries(forms)) {
    const buffer = ArrayBuffer.isView(value) ? value.buffer : value;
    try {
      console.log(name, 'as bytes', new Uint8Array(buffer).length);
    } catch (error) {
      console.log(name, error.name, error.message);
    }
  }
  const shared = [new SharedArrayBuffer(0), new Int32Array(new SharedArrayBuffer(0))];
  console.log('shared', describe(shared[0]), describe(shared[1]), structuredClone(shared[0]).byteLength);
  gc();
  gc();
  console.log('after gc', describe(forms.detached), describe(forms.uint8ArrayBuffer), describe(forms.blobArrayBuffer));
}
