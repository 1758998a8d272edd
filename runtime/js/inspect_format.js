// util.format / util.formatWithOptions (and so console.log's text): %s %d %i
// %f %j %o %O %c placeholders and the remaining arguments inspected, as Node 20
// does. Evaluated after inspect.js, whose internals.inspect it calls.
(function (natives, internals) {
  'use strict';
  const {
    JSONStringify, Number, NumberParseFloat, NumberParseInt, ObjectGetOwnPropertyDescriptor,
    ObjectGetPrototypeOf, RegExpPrototypeExec, String, StringPrototypeIndexOf, StringPrototypeSlice,
    SymbolToPrimitive, TypeError,
  } = internals.primordials;
  const { hasOwn, isDate, builtInObjects } = internals.inspectBrands; // inspect_brands.js
  const { formatNumber, formatBigInt } = internals.inspectPrimitives; // inspect_primitives.js
  const inspect = internals.inspect; // inspect.js

  // %s prints objects with String() only when they bring their own toString
  // or Symbol.toPrimitive (Date's built-in one does not count).
  function hasBuiltInToString(value) {
    if (!isDate(value) && typeof value[SymbolToPrimitive] === 'function') return false;
    if (typeof value.toString !== 'function') return true;
    if (hasOwn(value, 'toString')) return false;
    let pointer = value;
    do { pointer = ObjectGetPrototypeOf(pointer); } while (!hasOwn(pointer, 'toString'));
    const desc = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
    return desc !== undefined && typeof desc.value === 'function' && builtInObjects.has(desc.value.name);
  }

  function stringifyJSON(value) {
    try {
      return `${JSONStringify(value)}`;
    } catch (err) {
      if (err instanceof TypeError && RegExpPrototypeExec(/circular/i, err.message) !== null) return '[Circular]';
      throw err;
    }
  }

  // One conversion of util.format; undefined for an unknown letter.
  function formatPlaceholder(letter, arg, opts) {
    const numeric = (toNumber) => {
      if (typeof arg === 'bigint' && letter !== 'f') return formatBigInt(arg);
      return typeof arg === 'symbol' ? 'NaN' : formatNumber(toNumber(arg));
    };
    switch (letter) {
      case 's':
        if (typeof arg === 'number') return formatNumber(arg);
        if (typeof arg === 'bigint') return formatBigInt(arg);
        if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) return String(arg);
        return inspect(arg, { ...opts, depth: 0, colors: false, compact: 3 });
      case 'j': return stringifyJSON(arg);
      case 'd': return numeric(Number);
      case 'i': return numeric(NumberParseInt);
      case 'f': return numeric(NumberParseFloat);
      case 'O': return inspect(arg, opts);
      case 'o': return inspect(arg, { ...opts, showHidden: true, showProxy: true, depth: 4 });
      case 'c': return '';
      default: return undefined;
    }
  }

  // util.format's work on an array of arguments (console.log passes its
  // rest array as is).
  function formatArgs(opts, args) {
    const first = args[0];
    let a = 0;
    let str = '';
    let join = '';
    if (typeof first === 'string') {
      if (args.length === 1) return first;
      let lastPos = 0;
      for (let i = StringPrototypeIndexOf(first, '%'); i !== -1 && i < first.length - 1;
           i = StringPrototypeIndexOf(first, '%', i + 1)) {
        const letter = first[++i];
        if (letter === '%') { // "%%" prints one percent sign
          str += StringPrototypeSlice(first, lastPos, i);
          lastPos = i + 1;
          continue;
        }
        if (a + 1 === args.length) continue; // arguments used up
        const text = formatPlaceholder(letter, args[a + 1], opts);
        if (text === undefined) continue;
        a++;
        str += StringPrototypeSlice(first, lastPos, i - 1) + text;
        lastPos = i + 1;
      }
      if (lastPos !== 0) {
        a++;
        join = ' ';
        if (lastPos < first.length) str += StringPrototypeSlice(first, lastPos);
      }
    }
    for (; a < args.length; a++) {
      const value = args[a];
      if (typeof value === 'string') str += join + value;
      else if (typeof value === 'number' && opts === undefined) str += join + formatNumber(value);
      else str += join + inspect(value, opts);
      join = ' ';
    }
    return str;
  }

  function formatWithOptions(opts, ...args) {
    return formatArgs(opts, args);
  }

  internals.format = function format(...args) {
    return formatArgs(undefined, args);
  };
  internals.formatArgs = formatArgs;
  internals.formatWithOptions = formatWithOptions;
})
