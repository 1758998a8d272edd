// Buffer.prototype's number methods: read/write of 8- to 48-bit integers,
// floats, doubles and 64-bit BigInts in both byte orders, with their
// lowercase-"int" aliases and Node 20's argument errors.
(function (natives, internals) {
  'use strict';
  const {
    BigInt, Float32Array, Float64Array, MathFloor, Number, Uint8Array,
  } = internals.primordials;
  const { invalidArgType, outOfRange, bufferOutOfBounds, validateNumber } = internals.nodeErrors;
  const proto = internals.buffer.Buffer.prototype;

  // Node's boundsError: the offset (or byteLength) that does not fit.
  function boundsError(value, length, type) {
    if (MathFloor(value) !== value) {
      validateNumber(value, type);
      throw outOfRange(type || 'offset', 'an integer', value);
    }
    if (length < 0) throw bufferOutOfBounds();
    throw outOfRange(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
  }

  function checkBounds(buffer, offset, size) {
    validateNumber(offset, 'offset');
    if (buffer[offset] === undefined || buffer[offset + size - 1] === undefined) {
      boundsError(offset, buffer.length - size);
    }
  }

  // ---- integers up to 48 bits ---------------------------------------------------

  function readInteger(buffer, offset, size, littleEndian, signed) {
    checkBounds(buffer, offset, size);
    let value = 0;
    for (let i = 0; i < size; i++) {
      const byte = buffer[littleEndian ? offset + size - 1 - i : offset + i];
      value = value * 256 + byte;
    }
    if (signed && value >= 2 ** (size * 8 - 1)) value -= 2 ** (size * 8);
    return value;
  }

  function rangeText(min, max, size) {
    const n = typeof min === 'bigint' ? 'n' : '';
    if (size > 4) {
      if (min === 0 || min === 0n) return `>= 0${n} and < 2${n} ** ${size * 8}${n}`;
      return `>= -(2${n} ** ${size * 8 - 1}${n}) and < 2${n} ** ${size * 8 - 1}${n}`;
    }
    return `>= ${min}${n} and <= ${max}${n}`;
  }

  function writeInteger(buffer, value, offset, size, littleEndian, min, max) {
    value = +value;
    if (size === 1) {
      validateNumber(offset, 'offset');
      if (value > max || value < min) throw outOfRange('value', rangeText(min, max, 1), value);
      if (buffer[offset] === undefined) boundsError(offset, buffer.length - 1);
    } else {
      if (value > max || value < min) throw outOfRange('value', rangeText(min, max, size), value);
      checkBounds(buffer, offset, size);
    }
    // Low 32 bits through ToUint32 shifts, the rest from the high part, as Node writes them.
    let low = value;
    let high = size > 4 ? MathFloor(value * 2 ** -32) : 0;
    for (let i = 0; i < size; i++) {
      const at = littleEndian ? offset + i : offset + size - 1 - i;
      if (i < 4) {
        buffer[at] = low;
        low >>>= 8;
      } else {
        buffer[at] = high;
        high >>>= 8;
      }
    }
    return offset + size;
  }

  const limits = [undefined, [0xff, 0x80], [0xffff, 0x8000], [0xffffff, 0x800000],
    [0xffffffff, 0x80000000], [0xffffffffff, 0x8000000000], [0xffffffffffff, 0x800000000000]];

  // Also under Node's alias with "Uint" (readUint8 is readUInt8).
  function define(name, fn) {
    proto[name] = fn;
    if (name !== (name = name.replace('UInt', 'Uint'))) proto[name] = fn;
  }

  for (const size of [1, 2, 4]) {
    for (const littleEndian of size === 1 ? [true] : [true, false]) {
      const suffix = size === 1 ? '' : littleEndian ? 'LE' : 'BE';
      const [unsignedMax, signedLimit] = limits[size];
      define(`readUInt${size * 8}${suffix}`, {
        [`readUInt${size * 8}${suffix}`](offset = 0) {
          return readInteger(this, offset, size, littleEndian, false);
        },
      }[`readUInt${size * 8}${suffix}`]);
      define(`readInt${size * 8}${suffix}`, {
        [`readInt${size * 8}${suffix}`](offset = 0) {
          return readInteger(this, offset, size, littleEndian, true);
        },
      }[`readInt${size * 8}${suffix}`]);
      define(`writeUInt${size * 8}${suffix}`, {
        [`writeUInt${size * 8}${suffix}`](value, offset = 0) {
          return writeInteger(this, value, offset, size, littleEndian, 0, unsignedMax);
        },
      }[`writeUInt${size * 8}${suffix}`]);
      define(`writeInt${size * 8}${suffix}`, {
        [`writeInt${size * 8}${suffix}`](value, offset = 0) {
          return writeInteger(this, value, offset, size, littleEndian, -signedLimit, signedLimit - 1);
        },
      }[`writeInt${size * 8}${suffix}`]);
    }
  }

  // readUIntLE(offset, byteLength) and friends: 1 to 6 bytes.
  for (const littleEndian of [true, false]) {
    const suffix = littleEndian ? 'LE' : 'BE';
    const checkSize = (size) => {
      if (size !== 1 && size !== 2 && size !== 3 && size !== 4 && size !== 5 && size !== 6) {
        boundsError(size, 6, 'byteLength');
      }
    };
    define(`readUInt${suffix}`, {
      [`readUInt${suffix}`](offset, byteLength) {
        if (offset === undefined) throw invalidArgType('offset', 'number', offset);
        checkSize(byteLength);
        return readInteger(this, offset, byteLength, littleEndian, false);
      },
    }[`readUInt${suffix}`]);
    define(`readInt${suffix}`, {
      [`readInt${suffix}`](offset, byteLength) {
        if (offset === undefined) throw invalidArgType('offset', 'number', offset);
        checkSize(byteLength);
        return readInteger(this, offset, byteLength, littleEndian, true);
      },
    }[`readInt${suffix}`]);
    define(`writeUInt${suffix}`, {
      [`writeUInt${suffix}`](value, offset, byteLength) {
        checkSize(byteLength);
        return writeInteger(this, value, offset, byteLength, littleEndian, 0, limits[byteLength][0]);
      },
    }[`writeUInt${suffix}`]);
    define(`writeInt${suffix}`, {
      [`writeInt${suffix}`](value, offset, byteLength) {
        checkSize(byteLength);
        const limit = limits[byteLength][1];
        return writeInteger(this, value, offset, byteLength, littleEndian, -limit, limit - 1);
      },
    }[`writeInt${suffix}`]);
  }

  // ---- floats and doubles -----------------------------------------------------------

  const float32 = new Float32Array(1);
  const float32Bytes = new Uint8Array(float32.buffer);
  const float64 = new Float64Array(1);
  const float64Bytes = new Uint8Array(float64.buffer);
  float32[0] = -1;
  const hostBigEndian = float32Bytes[3] === 0;

  function readFloating(buffer, offset, scratch, bytes, littleEndian) {
    validateNumber(offset, 'offset');
    const size = bytes.length;
    if (buffer[offset] === undefined || buffer[offset + size - 1] === undefined) {
      boundsError(offset, buffer.length - size);
    }
    const reverse = littleEndian === hostBigEndian;
    for (let i = 0; i < size; i++) bytes[reverse ? size - 1 - i : i] = buffer[offset + i];
    return scratch[0];
  }

  function writeFloating(buffer, value, offset, scratch, bytes, littleEndian) {
    value = +value;
    const size = bytes.length;
    checkBounds(buffer, offset, size);
    scratch[0] = value;
    const reverse = littleEndian === hostBigEndian;
    for (let i = 0; i < size; i++) buffer[offset + i] = bytes[reverse ? size - 1 - i : i];
    return offset + size;
  }

  // Node names these for the host's byte order: readFloatLE is readFloatForwards here.
  for (const littleEndian of [true, false]) {
    const suffix = littleEndian ? 'LE' : 'BE';
    const way = littleEndian !== hostBigEndian ? 'Forwards' : 'Backwards';
    define(`readFloat${suffix}`, {
      [`readFloat${way}`](offset = 0) {
        return readFloating(this, offset, float32, float32Bytes, littleEndian);
      },
    }[`readFloat${way}`]);
    define(`readDouble${suffix}`, {
      [`readDouble${way}`](offset = 0) {
        return readFloating(this, offset, float64, float64Bytes, littleEndian);
      },
    }[`readDouble${way}`]);
    define(`writeFloat${suffix}`, {
      [`writeFloat${way}`](value, offset = 0) {
        return writeFloating(this, value, offset, float32, float32Bytes, littleEndian);
      },
    }[`writeFloat${way}`]);
    define(`writeDouble${suffix}`, {
      [`writeDouble${way}`](value, offset = 0) {
        return writeFloating(this, value, offset, float64, float64Bytes, littleEndian);
      },
    }[`writeDouble${way}`]);
  }

  // ---- 64-bit BigInts ----------------------------------------------------------------

  function readBig(buffer, offset, littleEndian, signed) {
    checkBounds(buffer, offset, 8);
    let high = 0;
    let low = 0;
    for (let i = 0; i < 4; i++) {
      high = high * 256 + buffer[littleEndian ? offset + 7 - i : offset + i];
      low = low * 256 + buffer[littleEndian ? offset + 3 - i : offset + 4 + i];
    }
    if (signed && high >= 2 ** 31) high -= 2 ** 32;
    return (BigInt(high) << 32n) + BigInt(low);
  }

  function writeBig(buffer, value, offset, littleEndian, min, max) {
    if (value > max || value < min) throw outOfRange('value', rangeText(min, max, 8), value);
    checkBounds(buffer, offset, 8);
    let low = Number(value & 0xffffffffn);
    let high = Number(value >> 32n & 0xffffffffn);
    for (let i = 0; i < 4; i++) {
      buffer[littleEndian ? offset + i : offset + 7 - i] = low;
      low >>= 8;
      buffer[littleEndian ? offset + 4 + i : offset + 3 - i] = high;
      high >>= 8;
    }
    return offset + 8;
  }

  for (const littleEndian of [true, false]) {
    const suffix = littleEndian ? 'LE' : 'BE';
    define(`readBigUInt64${suffix}`, {
      [`readBigUInt64${suffix}`](offset = 0) { return readBig(this, offset, littleEndian, false); },
    }[`readBigUInt64${suffix}`]);
    define(`readBigInt64${suffix}`, {
      [`readBigInt64${suffix}`](offset = 0) { return readBig(this, offset, littleEndian, true); },
    }[`readBigInt64${suffix}`]);
    define(`writeBigUInt64${suffix}`, {
      [`writeBigUInt64${suffix}`](value, offset = 0) {
        return writeBig(this, value, offset, littleEndian, 0n, 0xffffffffffffffffn);
      },
    }[`writeBigUInt64${suffix}`]);
    define(`writeBigInt64${suffix}`, {
      [`writeBigInt64${suffix}`](value, offset = 0) {
        return writeBig(this, value, offset, littleEndian, -(2n ** 63n), 2n ** 63n - 1n);
      },
    }[`writeBigInt64${suffix}`]);
  }
})
