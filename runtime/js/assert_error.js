// assert's AssertionError and its generated messages, as Node 20 words them:
// "Expected values to be strictly equal:" with a "+ actual - expected" line
// diff of the inspected values, the short "1 !== 2" form, the loose operators'
// "a == b". Lazy (assert.js loads it); uses only the primordials assert.js made.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePop,
    ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice, Error, ErrorCaptureStackTrace,
    MathMax, ObjectDefineProperty, StringPrototypeEndsWith, StringPrototypeRepeat,
    StringPrototypeSlice, StringPrototypeSplit, StringPrototypeToLowerCase, TypeError,
  } = internals.strictPrimordials();
  const inspect = internals.inspect;

  const kReadable = {
    __proto__: null,
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: 'Expected values to be loosely deep-equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: 'Values have same structure but are not reference-equal:',
    notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
  };
  const kMaxShortLength = 12;

  // Every key, sorted, getters shown, no depth limit: diffs line up.
  const inspectValue = (value) => inspect(value, {
    compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity,
    showHidden: false, showProxy: false, sorted: true, getters: true,
  });

  // The lines before a differing line that the diff shows as context.
  function contextLines(lines, i, identical, state) {
    let out = '';
    if (identical > 2) {
      if (identical > 3) {
        if (identical > 4) {
          if (identical === 5) {
            out += `\n  ${lines[i - 3]}`;
            state.printed++;
          } else {
            out += '\n...';
            state.skipped = true;
          }
        }
        out += `\n  ${lines[i - 2]}`;
        state.printed++;
      }
      out += `\n  ${lines[i - 1]}`;
      state.printed++;
    }
    return out;
  }

  // `header` replaces the operator's sentence: Node 20 puts a custom message there.
  function diffMessage(actual, expected, operator, header) {
    let other = '';
    let res = '';
    let end = '';
    let indicator = '';
    const state = { printed: 0, skipped: false };
    const actualInspected = inspectValue(actual);
    const actualLines = StringPrototypeSplit(actualInspected, '\n');
    const expectedLines = StringPrototypeSplit(inspectValue(expected), '\n');
    let i = 0;
    if (operator === 'strictEqual' &&
        ((typeof actual === 'object' && actual !== null &&
          typeof expected === 'object' && expected !== null) ||
         (typeof actual === 'function' && typeof expected === 'function'))) {
      operator = 'strictEqualObject';
    }
    // One line each: the short "a !== b" form, or a caret under the first difference.
    if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
      const a = actualLines[0];
      const b = expectedLines[0];
      const length = a.length + b.length;
      if (length <= kMaxShortLength) {
        if ((typeof actual !== 'object' || actual === null) &&
            (typeof expected !== 'object' || expected === null) &&
            (actual !== 0 || expected !== 0)) {
          return `${header ?? kReadable[operator]}\n\n${a} !== ${b}\n`;
        }
      } else if (operator !== 'strictEqualObject') {
        const stderr = globalThis.process?.stderr;
        const width = stderr?.isTTY ? stderr.columns : 80;
        if (length < width) {
          while (a[i] === b[i]) i++;
          if (i > 2) {
            indicator = `\n  ${StringPrototypeRepeat(' ', i)}^`;
            i = 0;
          }
        }
      }
    }
    // Common trailing lines are shown once (up to three of them).
    let a = actualLines[actualLines.length - 1];
    let b = expectedLines[expectedLines.length - 1];
    while (a === b) {
      if (i++ < 3) end = `\n  ${a}${end}`;
      else other = a;
      ArrayPrototypePop(actualLines);
      ArrayPrototypePop(expectedLines);
      if (actualLines.length === 0 || expectedLines.length === 0) break;
      a = actualLines[actualLines.length - 1];
      b = expectedLines[expectedLines.length - 1];
    }
    const maxLines = MathMax(actualLines.length, expectedLines.length);
    if (maxLines === 0) {
      const lines = StringPrototypeSplit(actualInspected, '\n');
      if (lines.length > 50) {
        lines[46] = '...';
        while (lines.length > 47) ArrayPrototypePop(lines);
      }
      return `${kReadable.notIdentical}\n\n${ArrayPrototypeJoin(lines, '\n')}\n`;
    }
    if (i >= 5) {
      end = `\n...${end}`;
      state.skipped = true;
    }
    if (other !== '') {
      end = `\n  ${other}${end}`;
      other = '';
    }
    let identical = 0;
    const head = `${header ?? kReadable[operator]}\n+ actual - expected`;
    const skippedNote = ' ... Lines skipped';
    let lines = actualLines;
    let sign = '+';
    let shorter = expectedLines.length;
    if (actualLines.length < maxLines) {
      lines = expectedLines;
      sign = '-';
      shorter = actualLines.length;
    }
    for (i = 0; i < maxLines; i++) {
      if (shorter < i + 1) {
        res += contextLines(lines, i, identical, state);
        identical = 0;
        if (lines === actualLines) res += `\n${sign} ${lines[i]}`;
        else other += `\n${sign} ${lines[i]}`;
        state.printed++;
      } else {
        const expectedLine = expectedLines[i];
        let actualLine = actualLines[i];
        // A trailing comma alone does not make lines differ.
        let differ = actualLine !== expectedLine &&
          (!StringPrototypeEndsWith(actualLine, ',') ||
           StringPrototypeSlice(actualLine, 0, -1) !== expectedLine);
        if (differ && StringPrototypeEndsWith(expectedLine, ',') &&
            StringPrototypeSlice(expectedLine, 0, -1) === actualLine) {
          differ = false;
          actualLine += ',';
        }
        if (differ) {
          res += contextLines(actualLines, i, identical, state);
          identical = 0;
          res += `\n+ ${actualLine}`;
          other += `\n- ${expectedLine}`;
          state.printed += 2;
        } else {
          res += other;
          other = '';
          identical++;
          if (identical <= 2) {
            res += `\n  ${actualLine}`;
            state.printed++;
          }
        }
      }
      if (state.printed > 50 && i < maxLines - 2) {
        return `${head}${skippedNote}\n${res}\n...${other}\n...`;
      }
    }
    return `${head}${state.skipped ? skippedNote : ''}\n${res}${other}${end}${indicator}`;
  }

  function generatedMessage(actual, expected, operator) {
    if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      return diffMessage(actual, expected, operator);
    }
    if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      let base = kReadable[operator];
      const lines = StringPrototypeSplit(inspectValue(actual), '\n');
      if (operator === 'notStrictEqual' &&
          ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
        base = kReadable.notStrictEqualObject;
      }
      if (lines.length > 50) {
        lines[46] = '...';
        while (lines.length > 47) ArrayPrototypePop(lines);
      }
      if (lines.length === 1) return `${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
      return `${base}\n\n${ArrayPrototypeJoin(lines, '\n')}\n`;
    }
    let res = inspectValue(actual);
    let other = inspectValue(expected);
    const known = kReadable[operator];
    if (operator === 'notDeepEqual' && res === other) {
      res = `${known}\n\n${res}`;
      return res.length > 1024 ? `${StringPrototypeSlice(res, 0, 1021)}...` : res;
    }
    if (res.length > 512) res = `${StringPrototypeSlice(res, 0, 509)}...`;
    if (other.length > 512) other = `${StringPrototypeSlice(other, 0, 509)}...`;
    if (operator === 'deepEqual') {
      res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
    } else {
      const unequal = kReadable[`${operator}Unequal`];
      if (unequal) res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
      else other = ` ${operator} ${other}`;
    }
    return `${res}${other}`;
  }

  // Node's internal errors as assert throws them: "TypeError [CODE]: message".
  function nodeError(Ctor, code, message) {
    const error = new Ctor(message);
    ObjectDefineProperty(error, 'code', {
      __proto__: null, value: code, writable: true, configurable: true, enumerable: true,
    });
    const stack = error.stack;
    if (typeof stack === 'string') {
      error.stack = `${error.name} [${code}]${StringPrototypeSlice(stack, error.name.length)}`;
    }
    ObjectDefineProperty(error, 'toString', {
      __proto__: null, value() { return `${this.name} [${code}]: ${this.message}`; },
      writable: true, configurable: true, enumerable: false,
    });
    return error;
  }
  const received = (value) => ` Received ${internals.describeReceived(value)}`;
  const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean',
    'bigint', 'symbol'];
  function invalidArgType(name, expected, actual) {
    if (typeof expected === 'string') expected = [expected];
    const types = [];
    const instances = [];
    for (let i = 0; i < expected.length; i++) {
      if (ArrayPrototypeIncludes(kTypes, expected[i])) {
        ArrayPrototypePush(types, StringPrototypeToLowerCase(expected[i]));
      } else {
        ArrayPrototypePush(instances, expected[i]);
      }
    }
    // "object" reads as an instance of Object when other classes are listed.
    const objectAt = ArrayPrototypeIndexOf(types, 'object');
    if (instances.length > 0 && objectAt !== -1) {
      ArrayPrototypeSplice(types, objectAt, 1);
      ArrayPrototypePush(instances, 'Object');
    }
    const list = (items) => (items.length <= 2 ? ArrayPrototypeJoin(items, ' or ') :
      `${ArrayPrototypeJoin(ArrayPrototypeSlice(items, 0, -1), ', ')}, or ${items[items.length - 1]}`);
    let message = `The "${name}" argument must be `;
    if (types.length > 0) {
      message += `${types.length > 1 ? 'one of type' : 'of type'} ${list(types)}`;
      if (instances.length > 0) message += ' or ';
    }
    if (instances.length > 0) message += `an instance of ${list(instances)}`;
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${message}.${received(actual)}`);
  }

  class AssertionError extends Error {
    constructor(options) {
      if (options === null || typeof options !== 'object') {
        throw invalidArgType('options', 'Object', options);
      }
      const { message, operator, stackStartFn, actual, expected, details } = options;
      let text;
      if (message == null) text = generatedMessage(actual, expected, operator);
      else if (operator === 'deepStrictEqual' || operator === 'strictEqual') text = diffMessage(actual, expected, operator, `${message}`);
      else text = `${message}`;
      super(text);
      this.generatedMessage = !message;
      ObjectDefineProperty(this, 'name', {
        __proto__: null, value: 'AssertionError [ERR_ASSERTION]', enumerable: false,
        writable: true, configurable: true,
      });
      this.code = 'ERR_ASSERTION';
      if (details) {
        // One error for several failures (CallTracker.verify): each one's fields, numbered.
        this.actual = undefined;
        this.expected = undefined;
        this.operator = undefined;
        for (let i = 0; i < details.length; i++) {
          this[`message ${i}`] = details[i].message;
          this[`actual ${i}`] = details[i].actual;
          this[`expected ${i}`] = details[i].expected;
          this[`operator ${i}`] = details[i].operator;
          this[`stack trace ${i}`] = details[i].stack;
        }
      } else {
        this.actual = actual;
        this.expected = expected;
        this.operator = operator;
      }
      ErrorCaptureStackTrace(this, stackStartFn || AssertionError);
      this.stack;  // eslint-disable-line no-unused-expressions -- formats it with the name above
      this.name = 'AssertionError';
    }
    toString() {
      return `${this.name} [${this.code}]: ${this.message}`;
    }
  }

  return { AssertionError, inspectValue, nodeError, invalidArgType, received };
})
