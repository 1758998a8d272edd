import v8 from 'node:v8';
import { createRequire } from 'node:module';
// v8.serialize/deserialize (bytes as Node writes them), the Serializer classes
// with host objects, argument errors and heap statistics' shape.
export function main() {
  Error.stackTraceLimit = 0;  // errors carry their stack: keep it the same
  const show = (b) => Buffer.from(b).toString('hex');
  for (const v of [1, -1, 2 ** 40, 1.5, 'x', 'é', '😀', true, null, undefined, 10n, [1, , 3], { a: [1, 'x'] }, new Map([[1, 2]]), new Set(['a']), new Date(0), /x/gi, Buffer.from('ab'), new Uint16Array([1, 2]), new DataView(new ArrayBuffer(2)), new BigInt64Array(1), new Float32Array(1), new ArrayBuffer(3), Object(1), Object('s'), new Error('boom'), new RangeError('r')]) {
    const bytes = v8.serialize(v);
    let back = v8.deserialize(bytes);
    console.log(show(bytes), back);
  }
  console.log(Object.keys(v8).filter((k) => ['serialize', 'deserialize', 'Serializer', 'Deserializer', 'DefaultSerializer', 'DefaultDeserializer', 'cachedDataVersionTag', 'getHeapStatistics', 'getHeapSpaceStatistics', 'getHeapCodeStatistics', 'setFlagsFromString'].includes(k)));
  const sub = Buffer.from('abcdef').subarray(1, 4);
  const back = v8.deserialize(v8.serialize({ sub, u: new Uint32Array([7]) }));
  console.log(back, back.sub.constructor.name, Buffer.isBuffer(back.sub));
  for (const f of [() => v8.serialize(() => 1), () => v8.serialize(Symbol('s')), () => v8.deserialize('x'), () => v8.deserialize(Buffer.from([1, 2, 3])), () => v8.deserialize(Buffer.from([0xff, 0x0f])), () => v8.setFlagsFromString(1), () => new v8.Deserializer(1), () => new v8.Serializer().writeRawBytes('x')]) {
    try { console.log(f()); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  // Custom host objects through the classes.
  class MySerializer extends v8.Serializer {
    _writeHostObject(o) { this.writeUint32(o.n); this.writeDouble(o.d); this.writeUint64(1, 2); this.writeRawBytes(Buffer.from('zz')); }
  }
  class MyDeserializer extends v8.Deserializer {
    _readHostObject() { return { n: this.readUint32(), d: this.readDouble(), u: this.readUint64(), raw: this.readRawBytes(2).toString() }; }
  }
  const s = new MySerializer();
  s._setTreatArrayBufferViewsAsHostObjects(true);
  s.writeHeader(); s.writeValue([new Uint8Array(1)]); s.writeUint32(300); s.writeDouble(0.25); s.writeValue('after');
  const buf = s.releaseBuffer();
  console.log(show(buf));
  const d = new MyDeserializer(buf);
  console.log(d.readHeader(), d.getWireFormatVersion(), d.readValue(), d.readUint32(), d.readDouble(), d.readValue());
  const st = v8.getHeapStatistics();
  console.log(Object.keys(st).join(), typeof st.used_heap_size, v8.getHeapSpaceStatistics().some((s) => s.space_name === 'old_space' && s.space_size > 0), Object.keys(v8.getHeapCodeStatistics()).join(), typeof v8.cachedDataVersionTag());
  // The CommonJS and ES module faces are the same object.
  console.log(createRequire(import.meta.url)('v8') === v8);
}
