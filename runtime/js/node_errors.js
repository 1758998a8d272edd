// Node's coded errors and argument validators (lib/internal/errors.js and
// validators.js behaviour) for buffer.js, path.js and later builtins, on
// internals.nodeErrors. Messages match Node 20 byte for byte.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypeJoin,
    ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice, Error, NumberIsInteger,
    NumberIsNaN, NumberMAX_SAFE_INTEGER, NumberMIN_SAFE_INTEGER, ObjectDefineProperty,
    RangeError, RegExpPrototypeExec, String, StringPrototypeEndsWith, StringPrototypeIncludes,
    StringPrototypeSlice, StringPrototypeToLowerCase, TypeError,
  } = internals.primordials;

  // An error whose stack reads "TypeError [CODE]: message", with an enumerable
  // `code`, as Node's NodeError.
  function nodeError(Ctor, code, message) {
    const error = new Ctor(message);
    error.code = code;
    const stack = error.stack;
    if (typeof stack === 'string') {
      error.stack = `${error.name} [${code}]${StringPrototypeSlice(stack, error.name.length)}`;
    }
    ObjectDefineProperty(error, 'toString', {
      value() { return `${this.name} [${code}]: ${this.message}`; },
      writable: true, configurable: true, enumerable: false,
    });
    return error;
  }

  function formatList(array, type) {
    if (array.length <= 2) return ArrayPrototypeJoin(array, ` ${type} `);
    return `${ArrayPrototypeJoin(ArrayPrototypeSlice(array, 0, -1), ', ')}, ${type} ${array[array.length - 1]}`;
  }

  const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean',
    'bigint', 'symbol'];
  const classPattern = /^([A-Z][a-z0-9]*)+$/;

  // ERR_INVALID_ARG_TYPE: `expected` lists type names, class names and other words.
  function invalidArgType(name, expected, actual) {
    if (!ArrayIsArray(expected)) expected = [expected];
    let message;
    if (StringPrototypeEndsWith(name, ' argument')) {
      message = `The ${name} must be `;
    } else {
      message = `The "${name}" ${StringPrototypeIncludes(name, '.') ? 'property' : 'argument'} must be `;
    }
    const types = [];
    const instances = [];
    const other = [];
    for (let i = 0; i < expected.length; i++) {
      const value = expected[i];
      if (ArrayPrototypeIncludes(kTypes, value)) ArrayPrototypePush(types, StringPrototypeToLowerCase(value));
      else if (RegExpPrototypeExec(classPattern, value) !== null) ArrayPrototypePush(instances, value);
      else ArrayPrototypePush(other, value);
    }
    if (instances.length > 0) {
      const at = ArrayPrototypeIndexOf(types, 'object');
      if (at !== -1) {
        ArrayPrototypeSplice(types, at, 1);
        ArrayPrototypePush(instances, 'Object');
      }
    }
    if (types.length > 0) {
      message += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`;
      if (instances.length > 0 || other.length > 0) message += ' or ';
    }
    if (instances.length > 0) {
      message += `an instance of ${formatList(instances, 'or')}`;
      if (other.length > 0) message += ' or ';
    }
    if (other.length > 0) {
      if (other.length > 1) message += `one of ${formatList(other, 'or')}`;
      else message += `${StringPrototypeToLowerCase(other[0]) !== other[0] ? 'an ' : ''}${other[0]}`;
    }
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                     `${message}. Received ${internals.describeReceived(actual)}`);
  }

  function invalidArgValue(name, value, reason = 'is invalid', Ctor = TypeError) {
    let inspected = internals.inspect(value);
    if (inspected.length > 128) inspected = `${StringPrototypeSlice(inspected, 0, 128)}...`;
    const type = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
    return nodeError(Ctor, 'ERR_INVALID_ARG_VALUE', `The ${type} '${name}' ${reason}. Received ${inspected}`);
  }

  function addNumericalSeparator(value) {
    let result = '';
    let i = value.length;
    const start = value[0] === '-' ? 1 : 0;
    for (; i >= start + 4; i -= 3) result = `_${StringPrototypeSlice(value, i - 3, i)}${result}`;
    return `${StringPrototypeSlice(value, 0, i)}${result}`;
  }

  function outOfRange(name, range, input) {
    let received;
    if (NumberIsInteger(input) && (input > 2 ** 32 || input < -(2 ** 32))) {
      received = addNumericalSeparator(String(input));
    } else if (typeof input === 'bigint') {
      received = String(input);
      if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
      received += 'n';
    } else {
      received = internals.inspect(input);
    }
    return nodeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
  }

  function validateNumber(value, name, min = undefined, max) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if ((min != null && value < min) || (max != null && value > max) ||
        ((min != null || max != null) && NumberIsNaN(value))) {
      throw outOfRange(name,
        `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
        value);
    }
  }

  function validateInteger(value, name, min = NumberMIN_SAFE_INTEGER, max = NumberMAX_SAFE_INTEGER) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (!NumberIsInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
  }

  function validateString(value, name) {
    if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
  }

  function validateObject(value, name) {
    if (value === null || typeof value !== 'object' || ArrayIsArray(value)) {
      throw invalidArgType(name, 'Object', value);
    }
  }

  internals.nodeErrors = {
    nodeError, invalidArgType, invalidArgValue, outOfRange, addNumericalSeparator,
    validateNumber, validateInteger, validateString, validateObject,
    bufferOutOfBounds(name) {
      return nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', name
        ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds');
    },
    unknownEncoding(encoding) {
      return nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
    },
    missingArgs(name) {
      return nodeError(TypeError, 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`);
    },
    unsupported(message) { return nodeError(Error, 'ERR_TOYSNAP_UNSUPPORTED', message); },
  };
})
