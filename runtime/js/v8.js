// Node's `v8` module: the Serializer and Deserializer classes on V8's
// ValueSerializer/ValueDeserializer (runtime/node/v8_serdes.cc), serialize()
// and deserialize() with Node's format for Buffers and typed arrays (so the
// bytes match Node's for what both V8s encode alike), and heap statistics.
// Compiled the first time a program requires `v8` (v8_builtin.js).
(function (natives, internals) {
  'use strict';
  const {
    ArrayBufferIsView, ArrayPrototypePush, BigInt, DataView, Error, Float64Array, MathFloor,
    Number, ObjectPrototypeToString, SafeMap, Symbol, TypeError, TypedArrayPrototypeGetBuffer,
    TypedArrayPrototypeSet,
    Uint8Array,
  } = internals.primordials;
  const { Buffer } = internals.requireBuiltin('buffer');

  function argTypeError(message) {
    const error = new TypeError(message);
    error.code = 'ERR_INVALID_ARG_TYPE';
    return error;
  }
  // byteOffset/byteLength/buffer of any ArrayBufferView (DataView included).
  const viewParts = (view) => [view.buffer, view.byteOffset, view.byteLength];

  const kChunks = Symbol('kChunks');
  const kTransfers = Symbol('kTransfers');
  const kViewsAsHostObjects = Symbol('kViewsAsHostObjects');
  const kOffset = Symbol('kOffset');
  const kVersion = Symbol('kVersion');
  let header;  // V8's header bytes, made once

  // A base-128 varint of a non-negative integer (BigInt for 64 bits).
  function varint(value) {
    const bytes = [];
    let v = BigInt(value);
    do {
      const low = Number(v & 0x7fn);
      v >>= 7n;
      ArrayPrototypePush(bytes, v > 0n ? low | 0x80 : low);
    } while (v > 0n);
    return new Uint8Array(bytes);
  }
  function doubleBytes(value) {
    return new Uint8Array(TypedArrayPrototypeGetBuffer(new Float64Array([value])));
  }

  class Serializer {
    constructor() {
      this[kChunks] = [];
      this[kTransfers] = [];
      this[kViewsAsHostObjects] = false;
    }
    writeHeader() {
      header ??= natives.v8HeaderBytes();
      ArrayPrototypePush(this[kChunks], header);
    }
    writeValue(value) {
      ArrayPrototypePush(this[kChunks], natives.v8Serialize(value, this, this[kViewsAsHostObjects],
                                                            this[kTransfers]));
      return true;
    }
    // A Buffer of its own, never a slice of the 8 KiB pool: as Node's, whose
    // serializer hands over its own memory (a DataView deserialized from it
    // shows that buffer).
    releaseBuffer() {
      const chunks = this[kChunks];
      let length = 0;
      for (let i = 0; i < chunks.length; i++) length += chunks[i].length;
      const buffer = Buffer.allocUnsafeSlow(length);
      let offset = 0;
      for (let i = 0; i < chunks.length; i++) {
        TypedArrayPrototypeSet(buffer, chunks[i], offset);
        offset += chunks[i].length;
      }
      this[kChunks] = [];
      return buffer;
    }
    transferArrayBuffer(id, arrayBuffer) {
      ArrayPrototypePush(this[kTransfers], Number(id) >>> 0, arrayBuffer);
    }
    writeUint32(value) {
      value = Number(value) >>> 0;
      if (!natives.v8WriteUint32(value)) ArrayPrototypePush(this[kChunks], varint(value));
    }
    writeUint64(hi, lo) {
      hi = Number(hi) >>> 0;
      lo = Number(lo) >>> 0;
      if (!natives.v8WriteUint64(hi, lo)) {
        ArrayPrototypePush(this[kChunks], varint((BigInt(hi) << 32n) | BigInt(lo)));
      }
    }
    writeDouble(value) {
      value = Number(value);
      if (!natives.v8WriteDouble(value)) ArrayPrototypePush(this[kChunks], doubleBytes(value));
    }
    writeRawBytes(source) {
      if (!ArrayBufferIsView(source)) {
        throw argTypeError('source must be a TypedArray or a DataView');
      }
      if (!natives.v8WriteRawBytes(source)) {
        const [buffer, offset, length] = viewParts(source);
        ArrayPrototypePush(this[kChunks], new Uint8Array(new Uint8Array(buffer, offset, length)));
      }
    }
    _setTreatArrayBufferViewsAsHostObjects(flag) {
      this[kViewsAsHostObjects] = Boolean(flag);
    }
  }
  Serializer.prototype._getDataCloneError = Error;

  class Deserializer {
    constructor(buffer) {
      if (!ArrayBufferIsView(buffer)) throw argTypeError('buffer must be a TypedArray or a DataView');
      this.buffer = buffer;
      this[kOffset] = 0;
      this[kVersion] = 0;
      this[kTransfers] = [];
    }
    readHeader() {
      const [version, read] = natives.v8ReadHeader(this.buffer, this[kOffset]);
      this[kVersion] = version;
      this[kOffset] += read;
      return true;
    }
    readValue() {
      const [value, read] = natives.v8Deserialize(this.buffer, this[kOffset], this[kVersion], this,
                                                  this[kTransfers]);
      this[kOffset] += read;
      return value;
    }
    getWireFormatVersion() {
      return this[kVersion];
    }
    transferArrayBuffer(id, arrayBuffer) {
      ArrayPrototypePush(this[kTransfers], Number(id) >>> 0, arrayBuffer);
    }
    readUint32() {
      if (natives.v8Reading()) return natives.v8ReadUint32();
      return Number(this.#readVarint(32, 'ReadUint32'));
    }
    readUint64() {
      if (natives.v8Reading()) return natives.v8ReadUint64();
      const value = this.#readVarint(64, 'ReadUint64');
      return [Number(value >> 32n), Number(value & 0xffffffffn)];
    }
    readDouble() {
      if (natives.v8Reading()) return natives.v8ReadDouble();
      const offset = this._readRawBytes(8, 'ReadDouble');
      const [buffer, base] = viewParts(this.buffer);
      return new DataView(buffer, base + offset, 8).getFloat64(0, true);
    }
    _readRawBytes(length, what = 'ReadRawBytes') {
      if (natives.v8Reading()) return natives.v8ReadRawBytes(length);
      length = MathFloor(Number(length));
      const offset = this[kOffset];
      if (!(length >= 0) || offset + length > this.buffer.byteLength) {
        throw new Error(`${what}() failed`);
      }
      this[kOffset] = offset + length;
      return offset;
    }
    readRawBytes(length) {
      const offset = this._readRawBytes(length);
      const [buffer, base] = viewParts(this.buffer);
      return Buffer.from(buffer, base + offset, length);
    }
    #readVarint(bits, what) {
      const [buffer, base, size] = viewParts(this.buffer);
      const bytes = new Uint8Array(buffer, base, size);
      let value = 0n;
      let shift = 0n;
      let offset = this[kOffset];
      while (true) {
        if (offset >= size) throw new Error(`${what}() failed`);
        const byte = bytes[offset++];
        if (shift < BigInt(bits)) value |= BigInt(byte & 0x7f) << shift;
        shift += 7n;
        if ((byte & 0x80) === 0) break;
      }
      this[kOffset] = offset;
      return BigInt.asUintN(bits, value);
    }
  }

  // Node's order of host-object type tags; 10 is Buffer.
  const viewTypes = [
    'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float32Array', 'Float64Array', 'DataView', 'Buffer', 'BigInt64Array',
    'BigUint64Array',
  ];
  const typeIndex = new SafeMap();
  for (let i = 0; i < viewTypes.length; i++) typeIndex.set(`[object ${viewTypes[i]}]`, i);
  const constructors = [
    globalThis.Int8Array, Uint8Array, globalThis.Uint8ClampedArray, globalThis.Int16Array,
    globalThis.Uint16Array, globalThis.Int32Array, globalThis.Uint32Array, globalThis.Float32Array,
    Float64Array, DataView, Buffer, globalThis.BigInt64Array, globalThis.BigUint64Array,
  ];

  class DefaultSerializer extends Serializer {
    constructor() {
      super();
      this._setTreatArrayBufferViewsAsHostObjects(true);
    }
    // Buffers and typed arrays as their own bytes only, not their (possibly
    // pooled, larger) ArrayBuffer: Node's format.
    _writeHostObject(view) {
      let index = 10;
      if (view.constructor !== Buffer) {
        index = typeIndex.get(ObjectPrototypeToString(view));
        if (index === undefined) {
          throw new this._getDataCloneError(`Unserializable host object: ${internals.inspect(view)}`);
        }
      }
      const [buffer, offset, length] = viewParts(view);
      this.writeUint32(index);
      this.writeUint32(length);
      this.writeRawBytes(new Uint8Array(buffer, offset, length));
    }
  }

  class DefaultDeserializer extends Deserializer {
    _readHostObject() {
      const index = this.readUint32();
      const length = this.readUint32();
      const offset = this._readRawBytes(length);
      const Ctor = constructors[index];
      if (Ctor === undefined) throw new Error(`Unknown host object type ${index}`);
      const size = Ctor.BYTES_PER_ELEMENT ?? 1;
      const [buffer, base] = viewParts(this.buffer);
      if (Ctor === Buffer) return Buffer.from(buffer, base + offset, length);
      if ((base + offset) % size === 0) return new Ctor(buffer, base + offset, length / size);
      // Unaligned for its element size: a copy.
      const copy = new Uint8Array(new Uint8Array(buffer, base + offset, length));
      return new Ctor(TypedArrayPrototypeGetBuffer(copy), 0, length / size);
    }
  }

  function serialize(value) {
    const serializer = new DefaultSerializer();
    serializer.writeHeader();
    serializer.writeValue(value);
    return serializer.releaseBuffer();
  }

  function deserialize(buffer) {
    const deserializer = new DefaultDeserializer(buffer);
    deserializer.readHeader();
    return deserializer.readValue();
  }

  const heapKeys = [
    'total_heap_size', 'total_heap_size_executable', 'total_physical_size',
    'total_available_size', 'used_heap_size', 'heap_size_limit', 'malloced_memory',
    'peak_malloced_memory', 'does_zap_garbage', 'number_of_native_contexts',
    'number_of_detached_contexts', 'total_global_handles_size', 'used_global_handles_size',
    'external_memory',
  ];
  const codeKeys = [
    'code_and_metadata_size', 'bytecode_and_metadata_size', 'external_script_source_size',
    'cpu_profiler_metadata_size',
  ];
  const record = (keys, values) => {
    const result = {};
    for (let i = 0; i < keys.length; i++) result[keys[i]] = values[i];
    return result;
  };

  return {
    cachedDataVersionTag: () => natives.v8CachedDataVersionTag(),
    getHeapStatistics: () => record(heapKeys, natives.v8HeapStatistics()),
    getHeapSpaceStatistics() {
      const spaces = natives.v8HeapSpaceStatistics();
      const result = [];
      for (let i = 0; i < spaces.length; i++) {
        ArrayPrototypePush(result, record(['space_name', 'space_size', 'space_used_size',
          'space_available_size', 'physical_space_size'], spaces[i]));
      }
      return result;
    },
    getHeapCodeStatistics: () => record(codeKeys, natives.v8HeapCodeStatistics()),
    setFlagsFromString(flags) {
      if (typeof flags !== 'string') {
        throw argTypeError('The "flags" argument must be of type string. Received ' +
                           internals.describeReceived(flags));
      }
      natives.v8SetFlagsFromString(flags);
    },
    Serializer,
    Deserializer,
    DefaultSerializer,
    DefaultDeserializer,
    deserialize,
    serialize,
  };
});
