// Node 20's `assert`: ok/equal/strictEqual/deep(Strict)Equal and their nots,
// throws/rejects/doesNotThrow/doesNotReject with a class, RegExp, validation
// function or object, match/doesNotMatch, ifError, fail, AssertionError and
// assert.strict. Lazy: assert.js compiles it on the first require and passes
// in the comparison (assert_deep.js), the error (assert_error.js) and the
// deprecated CallTracker (assert_call_tracker.js).
(function (natives, internals, deep, errors, CallTracker) {
  'use strict';
  const {
    ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeShift, Error, ErrorCaptureStackTrace,
    FunctionPrototypeCall, NumberIsNaN, ObjectAssign, ObjectIs, ObjectKeys,
    ObjectPrototypeIsPrototypeOf, ReflectApply, RegExpPrototypeExec,
    String, StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeSlice,
    StringPrototypeSplit, TypeError,
  } = internals.strictPrimordials();
  const { AssertionError, inspectValue, nodeError, invalidArgType } = errors;
  const { isDeepEqual, isDeepStrictEqual } = deep;
  const brands = internals.inspectBrands;
  const inspect = internals.inspect;
  const NO_EXCEPTION = {};

  const isError = (value) => brands.isError(value);
  const isRegExp = (value) => brands.isRegExp(value);
  const isPromise = (value) => brands.isPromise(value) ||
    (value !== null && typeof value === 'object' && typeof value.then === 'function' &&
     typeof value.catch === 'function');

  function innerFail(options) {
    if (options.message instanceof Error) throw options.message;
    throw new AssertionError(options);
  }

  // ---- assert.ok: the failing call's source, as Node quotes it ------------

  // The file, line and column of the user frame that called `fn`.
  function callSite(fn) {
    const holder = {};
    const previous = Error.prepareStackTrace;
    const limit = Error.stackTraceLimit;  // not a number if the program made it so: leave it
    try {
      Error.prepareStackTrace = (_, frames) => frames;
      if (typeof limit === 'number') Error.stackTraceLimit = 1;
      ErrorCaptureStackTrace(holder, fn);
      const frame = holder.stack?.[0];
      if (frame === undefined || typeof frame.getFileName !== 'function') return undefined;
      return { file: frame.getFileName(), line: frame.getLineNumber(), column: frame.getColumnNumber() };
    } catch {
      return undefined;
    } finally {
      Error.prepareStackTrace = previous;
      if (typeof limit === 'number') Error.stackTraceLimit = limit;
    }
  }

  // Identifiers may be non-ASCII (`ässört.ok('')`): ID_Continue, as JS's grammar.
  const nonAsciiIdentifierChar = /^[\p{ID_Continue}\u200c\u200d]$/u;
  const isIdentifierChar = (c, text, at) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) || c === 36 || c === 95 || c === 46 ||
    (c >= 128 && RegExpPrototypeExec(nonAsciiIdentifierChar, text[at]) !== null);

  // The call expression that starts at (or whose callee ends at) `column`:
  // its callee's dotted name back to its start, then its balanced parentheses.
  function callSource(text, offset) {
    let start = offset;
    while (start > 0 && isIdentifierChar(StringPrototypeCharCodeAt(text, start - 1), text, start - 1)) {
      start--;
    }
    let i = offset;
    while (i < text.length && text[i] !== '(') i++;
    let depth = 0;
    let quote = '';
    for (; i < text.length; i++) {
      const c = text[i];
      if (quote !== '') {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === '\'' || c === '"' || c === '`') {
        quote = c;
      } else if (c === '(' || c === '[' || c === '{') {
        depth++;
      } else if (c === ')' || c === ']' || c === '}') {
        depth--;
        if (depth === 0) return StringPrototypeSlice(text, start, i + 1);
      }
    }
    return undefined;
  }

  function falsyMessage(fn) {
    const site = callSite(fn);
    if (site === undefined || typeof site.file !== 'string' || site.line == null) return undefined;
    let source;
    try {
      const path = StringPrototypeSlice(site.file, 0, 7) === 'file://' ?
        internals.requireBuiltin('url').fileURLToPath(site.file) : site.file;
      source = internals.requireBuiltin('fs').readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const lines = StringPrototypeSplit(source, '\n');
    let offset = site.column - 1;
    for (let i = 0; i < site.line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    const code = callSource(source, offset);
    if (code === undefined) return undefined;
    // Continuation lines lose the indentation the call had in the file.
    const parts = StringPrototypeSplit(code, '\n');
    let message = ArrayPrototypeShift(parts);
    for (let i = 0; i < parts.length; i++) {
      let pos = 0;
      const part = parts[i];
      while (pos < site.column && (part[pos] === ' ' || part[pos] === '\t')) pos++;
      message += `\n  ${StringPrototypeSlice(part, pos)}`;
    }
    return `The expression evaluated to a falsy value:\n\n  ${message}\n`;
  }

  function innerOk(fn, argLength, value, message) {
    if (value) return;
    let generated = false;
    if (argLength === 0) {
      generated = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generated = true;
      message = falsyMessage(fn);
    } else if (message instanceof Error) {
      throw message;
    }
    const error = new AssertionError({ actual: value, expected: true, message, operator: '==',
                                       stackStartFn: fn });
    error.generatedMessage = generated;
    throw error;
  }

  function ok(...args) {
    innerOk(ok, args.length, args[0], args[1]);
  }

  function missingArgs(length) {
    if (length < 2) {
      throw nodeError(TypeError, 'ERR_MISSING_ARGS',
                      'The "actual" and "expected" arguments must be specified');
    }
  }

  // The equality family: each fails with its own operator name.
  function comparison(name, failsWhen) {
    const fn = {
      [name](actual, expected, message) {
        missingArgs(arguments.length);
        if (failsWhen(actual, expected)) {
          innerFail({ actual, expected, message, operator: operatorOf[name], stackStartFn: fn });
        }
      },
    }[name];
    return fn;
  }
  const operatorOf = {
    __proto__: null, equal: '==', notEqual: '!=', deepEqual: 'deepEqual',
    notDeepEqual: 'notDeepEqual', deepStrictEqual: 'deepStrictEqual',
    notDeepStrictEqual: 'notDeepStrictEqual', strictEqual: 'strictEqual',
    notStrictEqual: 'notStrictEqual',
  };
  const bothNaN = (a, b) => NumberIsNaN(a) && NumberIsNaN(b);
  /* eslint-disable eqeqeq */
  const equal = comparison('equal', (a, b) => a != b && !bothNaN(a, b));
  const notEqual = comparison('notEqual', (a, b) => a == b || bothNaN(a, b));
  /* eslint-enable eqeqeq */
  const deepEqual = comparison('deepEqual', (a, b) => !isDeepEqual(a, b));
  const notDeepEqual = comparison('notDeepEqual', (a, b) => isDeepEqual(a, b));
  const deepStrictEqual = comparison('deepStrictEqual', (a, b) => !isDeepStrictEqual(a, b));
  const notDeepStrictEqual = comparison('notDeepStrictEqual', (a, b) => isDeepStrictEqual(a, b));
  const strictEqual = comparison('strictEqual', (a, b) => !ObjectIs(a, b));
  const notStrictEqual = comparison('notStrictEqual', (a, b) => ObjectIs(a, b));

  let warnedFail = false;
  function fail(actual, expected, message, operator, stackStartFn) {
    const argsLength = arguments.length;
    let generated = false;
    if (argsLength <= 1) {
      message = actual;
      actual = undefined;
      if (message === undefined) {
        message = 'Failed';
        generated = true;
      }
    } else {
      if (!warnedFail) {
        warnedFail = true;
        globalThis.process.emitWarning(
          'assert.fail() with more than one argument is deprecated. ' +
          'Please use assert.strictEqual() instead or only pass a message.',
          'DeprecationWarning', 'DEP0094');
      }
      if (argsLength === 2) operator = '!=';
    }
    if (message instanceof Error) throw message;
    const error = new AssertionError({
      actual, expected, operator: operator === undefined ? 'fail' : operator,
      // With two or more arguments and no message, AssertionError writes one
      // from actual, operator and expected ('first' != 'second'), as Node's.
      stackStartFn: stackStartFn || fail, message,
    });
    if (generated) error.generatedMessage = true;
    throw error;
  }

  // ---- throws / rejects ---------------------------------------------------

  // The validation object's keys as one side of the diff shows them.
  class Comparison {
    constructor(object, keys, actual) {
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (key in object) {
          if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(object[key]) &&
              RegExpPrototypeExec(object[key], actual[key]) !== null) {
            this[key] = actual[key];
          } else {
            this[key] = object[key];
          }
        }
      }
    }
  }

  function compareKey(actual, expected, key, message, keys, fn) {
    if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
      if (!message) {
        const a = new Comparison(actual, keys);
        const b = new Comparison(expected, keys, actual);
        const error = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual',
                                           stackStartFn: fn });
        error.actual = actual;
        error.expected = expected;
        error.operator = fn.name;
        throw error;
      }
      innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    }
  }

  function expectedException(actual, expected, message, fn) {
    let generated = false;
    let mismatch = false;
    if (typeof expected !== 'function') {
      if (isRegExp(expected)) {
        const text = String(actual);
        if (RegExpPrototypeExec(expected, text) !== null) return;
        if (!message) {
          generated = true;
          message = 'The input did not match the regular expression ' +
                    `${inspect(expected)}. Input:\n\n${inspect(text)}\n`;
        }
        mismatch = true;
      } else if (typeof actual !== 'object' || actual === null) {
        const error = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual',
                                           stackStartFn: fn });
        error.operator = fn.name;
        throw error;
      } else {
        const keys = ObjectKeys(expected);
        if (expected instanceof Error) {
          ArrayPrototypePush(keys, 'name', 'message');
        } else if (keys.length === 0) {
          throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
                          `The argument 'error' may not be an empty object. Received ${inspect(expected)}`);
        }
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
              RegExpPrototypeExec(expected[key], actual[key]) !== null) {
            continue;
          }
          compareKey(actual, expected, key, message, keys, fn);
        }
        return;
      }
    } else if (expected.prototype !== undefined && actual instanceof expected) {
      return;
    } else if (ObjectPrototypeIsPrototypeOf(Error, expected)) {
      if (!message) {
        generated = true;
        message = `The error is expected to be an instance of "${expected.name}". Received `;
        if (isError(actual)) {
          const name = actual.constructor?.name || actual.name;
          message += expected.name === name ?
            'an error with identical name but a different prototype.' : `"${name}"`;
          if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
        } else {
          message += `"${inspect(actual, { depth: -1 })}"`;
        }
      }
      mismatch = true;
    } else {
      const result = ReflectApply(expected, {}, [actual]);
      if (result !== true) {
        if (!message) {
          generated = true;
          const name = expected.name ? `"${expected.name}" ` : '';
          message = `The ${name}validation function is expected to return "true". Received ${inspect(result)}`;
          if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
        }
        mismatch = true;
      }
    }
    if (mismatch) {
      const error = new AssertionError({ actual, expected, message, operator: fn.name,
                                         stackStartFn: fn });
      error.generatedMessage = generated;
      throw error;
    }
  }

  function getActual(fn) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'Function', fn);
    try {
      fn();
    } catch (error) {
      return error;
    }
    return NO_EXCEPTION;
  }

  async function waitForActual(promiseFn) {
    let pending;
    if (typeof promiseFn === 'function') {
      pending = promiseFn();
      if (!isPromise(pending)) {
        const type = StringPrototypeSlice(errors.received(pending), 10);  // after ' Received '
        throw nodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
          `Expected instance of Promise to be returned from the "promiseFn" function but got ${type}.`);
      }
    } else if (isPromise(promiseFn)) {
      pending = promiseFn;
    } else {
      throw invalidArgType('promiseFn', ['Function', 'Promise'], promiseFn);
    }
    try {
      await pending;
    } catch (error) {
      return error;
    }
    return NO_EXCEPTION;
  }

  function expectsError(stackStartFn, actual, error, message) {
    if (typeof error === 'string') {
      if (arguments.length === 4) {
        throw invalidArgType('error', ['Object', 'Error', 'Function', 'RegExp'], error);
      }
      if (typeof actual === 'object' && actual !== null) {
        if (actual.message === error) {
          throw nodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT',
            `The "error/message" argument is ambiguous. The error message "${actual.message}" is identical to the message.`);
        }
      } else if (actual === error) {
        throw nodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT',
          `The "error/message" argument is ambiguous. The error "${actual}" is identical to the message.`);
      }
      message = error;
      error = undefined;
    } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
      throw invalidArgType('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (actual === NO_EXCEPTION) {
      let details = '';
      if (error?.name) details += ` (${error.name})`;
      details += message ? `: ${message}` : '.';
      const kind = stackStartFn === rejects ? 'rejection' : 'exception';
      innerFail({ actual: undefined, expected: error, operator: stackStartFn.name,
                  message: `Missing expected ${kind}${details}`, stackStartFn });
    }
    if (!error) return;
    expectedException(actual, error, message, stackStartFn);
  }

  function matchesError(actual, expected) {
    if (typeof expected !== 'function') {
      if (isRegExp(expected)) return RegExpPrototypeExec(expected, String(actual)) !== null;
      throw invalidArgType('expected', ['Function', 'RegExp'], expected);
    }
    if (expected.prototype !== undefined && actual instanceof expected) return true;
    if (ObjectPrototypeIsPrototypeOf(Error, expected)) return false;
    return FunctionPrototypeCall(expected, {}, actual) === true;
  }

  function expectsNoError(stackStartFn, actual, error, message) {
    if (actual === NO_EXCEPTION) return;
    if (typeof error === 'string') {
      message = error;
      error = undefined;
    }
    if (!error || matchesError(actual, error)) {
      const details = message ? `: ${message}` : '.';
      const kind = stackStartFn === doesNotReject ? 'rejection' : 'exception';
      innerFail({ actual, expected: error, operator: stackStartFn.name,
                  message: `Got unwanted ${kind}${details}\nActual message: "${actual?.message}"`,
                  stackStartFn });
    }
    throw actual;
  }

  function throws(promiseFn, ...args) {
    ReflectApply(expectsError, undefined, [throws, getActual(promiseFn), ...args]);
  }
  async function rejects(promiseFn, ...args) {
    ReflectApply(expectsError, undefined, [rejects, await waitForActual(promiseFn), ...args]);
  }
  function doesNotThrow(fn, ...args) {
    ReflectApply(expectsNoError, undefined, [doesNotThrow, getActual(fn), ...args]);
  }
  async function doesNotReject(fn, ...args) {
    ReflectApply(expectsNoError, undefined, [doesNotReject, await waitForActual(fn), ...args]);
  }

  function ifError(error) {
    if (error === null || error === undefined) return;
    let message = 'ifError got unwanted exception: ';
    if (typeof error === 'object' && typeof error.message === 'string') {
      message += error.message.length === 0 && error.constructor ? error.constructor.name : error.message;
    } else {
      message += inspect(error);
    }
    const wrapped = new AssertionError({ actual: error, expected: null, operator: 'ifError',
                                         message, stackStartFn: ifError });
    // The original's own frames (from its first '    at' line; a stack with
    // none is not used) come after the new error's, as in Node.
    const original = error.stack;
    const framesStart = typeof original === 'string' ? StringPrototypeIndexOf(original, '\n    at') : -1;
    if (framesStart !== -1) {
      const originalFrames = StringPrototypeSplit(StringPrototypeSlice(original, framesStart + 1), '\n');
      const frames = StringPrototypeSplit(wrapped.stack, '\n');
      for (let i = 0; i < originalFrames.length; i++) {
        const at = ArrayPrototypeIndexOf(frames, originalFrames[i]);
        if (at !== -1) {
          frames.length = at;
          break;
        }
      }
      wrapped.stack = `${ArrayPrototypeJoin(frames, '\n')}\n${ArrayPrototypeJoin(originalFrames, '\n')}`;
    }
    throw wrapped;
  }

  function internalMatch(string, regexp, message, fn) {
    if (!isRegExp(regexp)) throw invalidArgType('regexp', 'RegExp', regexp);
    const wanted = fn === match;
    if (typeof string !== 'string' || (RegExpPrototypeExec(regexp, string) !== null) !== wanted) {
      if (message instanceof Error) throw message;
      const generated = !message;
      message = message || (typeof string !== 'string' ?
        `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})` :
        `${wanted ? 'The input did not match the regular expression ' :
                    'The input was expected to not match the regular expression '}` +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
      const error = new AssertionError({ actual: string, expected: regexp, message,
                                         operator: fn.name, stackStartFn: fn });
      error.generatedMessage = generated;
      throw error;
    }
  }
  function match(string, regexp, message) { internalMatch(string, regexp, message, match); }
  function doesNotMatch(string, regexp, message) {
    internalMatch(string, regexp, message, doesNotMatch);
  }

  const assert = ok;
  // Node's key order.
  ObjectAssign(assert, {
    fail, AssertionError, ok, equal, notEqual, deepEqual, notDeepEqual, deepStrictEqual,
    notDeepStrictEqual, strictEqual, notStrictEqual, throws, rejects, doesNotThrow, doesNotReject,
    ifError, match, doesNotMatch, CallTracker,
  });
  // assert.strict: the same functions, with the loose ones replaced by strict ones.
  function strict(...args) {
    innerOk(strict, args.length, args[0], args[1]);
  }
  ObjectAssign(strict, assert, {
    equal: strictEqual, deepEqual: deepStrictEqual, notEqual: notStrictEqual,
    notDeepEqual: notDeepStrictEqual,
  });
  assert.strict = strict;
  strict.strict = strict;
  return assert;
})
