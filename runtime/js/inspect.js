// toysnap console formatting: util.inspect / util.format as Node 20 prints
// them (no colors), written for plain V8 10.2 without any Node internals.
//
// Known gaps, because plain V8 offers no JS-visible way to look inside:
//  - Proxies are inspected through their traps, i.e. like their target.
//  - Promise state and Map/Set iterator contents need host help. When the
//    host puts `internals.getPromiseDetails(p) -> [state, result]` (V8's
//    Promise::State: 0 pending, 1 fulfilled, 2 rejected) or
//    `internals.previewEntries(obj) -> [entries, isKeyValue]` (V8's
//    Object::PreviewEntries) on `internals` they are used; otherwise a
//    promise prints as `Promise {}`, an iterator as `Object [Map Iterator] {}`
//    and WeakMap/WeakSet as `{ <items unknown> }` even with showHidden.
//  - Brand checks that JS cannot do are approximated: a promise is any
//    object whose Object.prototype.toString says "[object Promise]"; the
//    display width used for grouping arrays is a small Unicode table instead
//    of ICU's East Asian Width data.
//  - No colors, no `compact: true`, no `getters`, no `numericSeparator`.
(function (natives, internals) {
  'use strict';

  // ---- brand checks built from intrinsics, captured before user code runs
  const objToString = (v) => Object.prototype.toString.call(v);
  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
  const getterOf = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
  // `fn` throws a TypeError unless its receiver carries the internal slot.
  const brand = (fn) => (v) => { try { fn.call(v); return true; } catch { return false; } };

  const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
  const typedArrayName = getterOf(TypedArrayProto, Symbol.toStringTag);
  const typedArrayLength = getterOf(TypedArrayProto, 'length');
  const regExpSource = brand(getterOf(RegExp.prototype, 'source'));
  const mapSize = getterOf(Map.prototype, 'size');
  const setSize = getterOf(Set.prototype, 'size');
  const isDate = brand(Date.prototype.getTime);
  const isMap = brand(mapSize);
  const isSet = brand(setSize);
  const isWeakMap = brand(function () { WeakMap.prototype.has.call(this, {}); });
  const isWeakSet = brand(function () { WeakSet.prototype.has.call(this, {}); });
  const isArrayBuffer = brand(getterOf(ArrayBuffer.prototype, 'byteLength'));
  const isSharedArrayBuffer = typeof SharedArrayBuffer === 'function' ?
    brand(getterOf(SharedArrayBuffer.prototype, 'byteLength')) : () => false;
  const isDataView = brand(getterOf(DataView.prototype, 'buffer'));
  const isTypedArray = (v) => typedArrayName.call(v) !== undefined;
  const isRegExp = (v) => v !== RegExp.prototype && regExpSource(v);
  // Only trust Object.prototype.toString when no @@toStringTag can fake it.
  const builtinTag = (v) => {
    try { if (v[Symbol.toStringTag] !== undefined) return ''; } catch { return ''; }
    return objToString(v).slice(8, -1);
  };
  const isError = (v) => v instanceof Error || builtinTag(v) === 'Error';
  const isArguments = (v) => builtinTag(v) === 'Arguments';
  const isPromise = (v) => objToString(v) === '[object Promise]' && v !== Promise.prototype;
  const AsyncFunctionProto = Object.getPrototypeOf(async function () {});
  const GeneratorFunctionProto = Object.getPrototypeOf(function* () {});
  const AsyncGeneratorFunctionProto = Object.getPrototypeOf(async function* () {});
  const boxedTypes = [
    ['Number', Number.prototype.valueOf], ['String', String.prototype.valueOf],
    ['Boolean', Boolean.prototype.valueOf], ['BigInt', BigInt.prototype.valueOf],
    ['Symbol', Symbol.prototype.valueOf],
  ];
  const iteratorTags = {
    'Map Iterator': 'Map', 'Set Iterator': 'Set',
  };
  // Constructors of these are printed without listing prototype properties
  // and count as having a "built-in" toString for %s.
  const builtInObjects = new Set(Object.getOwnPropertyNames(globalThis)
    .filter((name) => /^[A-Z][a-zA-Z0-9]+$/.test(name)));

  const kObjectType = 0;
  const kArrayType = 1;
  const kArrayExtrasType = 2;
  const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
  const defaultOptions = {
    showHidden: false, depth: 2, colors: false, customInspect: true,
    showProxy: false, maxArrayLength: 100, maxStringLength: 10000,
    breakLength: 80, compact: 3, sorted: false, getters: false,
    numericSeparator: false,
  };

  // ---- strings and other primitives

  // Escapes for C0/C1 controls, the chosen quote and backslash.
  const namedEscapes = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 92: '\\\\' };
  function escapeChar(code, quote) {
    if (code === quote) return '\\' + String.fromCharCode(code);
    if (namedEscapes[code] !== undefined) return namedEscapes[code];
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      return '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
    }
    return null;
  }

  // Node prefers single quotes, then double, then backticks, so that the
  // quote character rarely needs escaping.
  function quoteString(str) {
    let quote = "'";
    if (str.includes("'")) {
      if (!str.includes('"')) quote = '"';
      else if (!str.includes('`') && !str.includes('${')) quote = '`';
    }
    const q = quote === "'" ? 39 : -1;
    let out = '';
    for (let i = 0; i < str.length; i++) {
      const code = str.charCodeAt(i);
      const esc = escapeChar(code, q);
      if (esc !== null) { out += esc; continue; }
      if (code >= 0xd800 && code <= 0xdfff) {
        const next = str.charCodeAt(i + 1);
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          out += str[i] + str[i + 1];
          i++;
        } else {
          out += '\\u' + code.toString(16); // lone surrogate
        }
        continue;
      }
      out += str[i];
    }
    return quote + out + quote;
  }

  // Escape without quoting, used for symbol descriptions and hidden keys.
  function escapeBare(str) {
    let out = '';
    for (let i = 0; i < str.length; i++) {
      const esc = escapeChar(str.charCodeAt(i), 39);
      out += esc === null ? str[i] : esc;
    }
    return out;
  }

  const formatNumber = (n) => (Object.is(n, -0) ? '-0' : `${n}`);
  const formatBigInt = (n) => `${n}n`;

  function formatPrimitive(ctx, value) {
    switch (typeof value) {
      case 'string': return formatString(ctx, value);
      case 'number': return formatNumber(value);
      case 'bigint': return formatBigInt(value);
      case 'boolean': return `${value}`;
      case 'undefined': return 'undefined';
      default: return value.toString(); // symbol
    }
  }

  function formatString(ctx, value) {
    let trailer = '';
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    // Long multi-line strings are split after each newline into `+` pieces.
    if (ctx.compact !== true && value.length > 16 &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      const pieces = value.split(/(?<=\n)/);
      const glue = ` +\n${' '.repeat(ctx.indentationLvl + 2)}`;
      return pieces.map(quoteString).join(glue) + trailer;
    }
    return quoteString(value) + trailer;
  }

  // ---- names, prefixes and keys

  const remainingText = (n) => `... ${n} more item${n > 1 ? 's' : ''}`;

  function isInstanceof(obj, ctor) {
    try { return obj instanceof ctor; } catch { return false; }
  }

  // Name of the nearest constructor in the prototype chain that obj is an
  // instance of; null for a null-prototype chain.
  function getConstructorName(obj, ctx, recurseTimes, protoProps) {
    let firstProto;
    const start = obj;
    while (obj) {
      const desc = Object.getOwnPropertyDescriptor(obj, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' &&
          desc.value.name !== '' && isInstanceof(start, desc.value)) {
        if (protoProps !== undefined &&
            (firstProto !== obj || !builtInObjects.has(desc.value.name))) {
          addPrototypeProperties(ctx, start, firstProto || start, recurseTimes, protoProps);
        }
        return String(desc.value.name);
      }
      obj = Object.getPrototypeOf(obj);
      if (firstProto === undefined) firstProto = obj;
    }
    if (firstProto === null) return null;
    // No usable constructor: describe the prototype instead. V8's internal
    // class name is not reachable, so builtinTag stands in for it.
    const own = builtinTag(start) || 'Object';
    if (recurseTimes > ctx.depth) return `${own} <Complex prototype>`;
    const protoName = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
    if (protoName === null) {
      const sub = inspect(firstProto, { ...ctx.userOptions, customInspect: false, depth: -1 });
      return `${own} <${sub}>`;
    }
    return `${own} <${protoName}>`;
  }

  // With showHidden, non-function properties of user-defined prototypes
  // (up to three levels) are listed as `[name]: value`.
  function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
    const seenKeys = new Set();
    for (let level = 0; level < 3; level++) {
      if (level !== 0 || main === obj) {
        obj = Object.getPrototypeOf(obj);
        if (obj === null) return;
        const desc = Object.getOwnPropertyDescriptor(obj, 'constructor');
        if (desc !== undefined && typeof desc.value === 'function' &&
            builtInObjects.has(desc.value.name)) return;
      }
      const keys = Reflect.ownKeys(obj);
      ctx.seen.push(main);
      for (const key of keys) {
        if (key === 'constructor' || hasOwn(main, key) || seenKeys.has(key)) continue;
        const desc = Object.getOwnPropertyDescriptor(obj, key);
        if (typeof desc.value === 'function') continue;
        output.push(formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc));
      }
      ctx.seen.pop();
      for (const key of keys) seenKeys.add(key);
    }
  }

  // "Foo(2) [Tag] " style prefix; `size` is only used for collections.
  function getPrefix(constructor, tag, fallback, size = '') {
    if (constructor === null) {
      if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
    return `${constructor}${size} `;
  }

  function getKeys(value, showHidden) {
    const symbols = Object.getOwnPropertySymbols(value);
    if (showHidden) return Object.getOwnPropertyNames(value).concat(symbols);
    return Object.keys(value).concat(symbols.filter((s) => isEnumerable(value, s)));
  }

  const isIndexKey = (key) => /^(0|[1-9][0-9]*)$/.test(key) && +key < 2 ** 32 - 1;

  // Own keys of array-likes minus the element indices.
  function getNonIndexKeys(value, showHidden) {
    const names = Object.getOwnPropertyNames(value).filter((k) => !isIndexKey(k));
    const keys = names.concat(Object.getOwnPropertySymbols(value));
    return showHidden ? keys : keys.filter((k) => isEnumerable(value, k));
  }

  // ---- the main dispatch

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== 'object' && typeof value !== 'function') {
      return formatPrimitive(ctx, value);
    }
    if (value === null) return 'null';
    if (ctx.customInspect) {
      const custom = callCustomInspect(ctx, value, recurseTimes);
      if (custom !== undefined) return custom;
    }
    if (ctx.seen.includes(value)) {
      if (ctx.circular === undefined) ctx.circular = new Map();
      if (!ctx.circular.has(value)) ctx.circular.set(value, ctx.circular.size + 1);
      return `[Circular *${ctx.circular.get(value)}]`;
    }
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }

  // Honors obj[Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect).
  function callCustomInspect(ctx, value, recurseTimes) {
    const fn = value[customInspectSymbol];
    if (typeof fn !== 'function' || fn === inspect) return undefined;
    if (value.constructor && value.constructor.prototype === value) return undefined;
    const depth = ctx.depth === Infinity ? null : ctx.depth - recurseTimes;
    const options = { ...ctx.userOptions, depth, stylize: (s) => s };
    const ret = fn.call(value, depth, options, inspect);
    if (ret === value) return undefined;
    if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
    return ret.replace(/\n/g, `\n${' '.repeat(ctx.indentationLvl)}`);
  }

  function formatRaw(ctx, value, recurseTimes, typedArray) {
    const protoProps = ctx.showHidden && recurseTimes <= ctx.depth ? [] : undefined;
    const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
    const noProtoProps = protoProps === undefined || protoProps.length === 0;
    let tag = value[Symbol.toStringTag];
    // An own enumerable tag is printed as a key already; don't repeat it.
    if (typeof tag !== 'string' ||
        (tag !== '' && (ctx.showHidden ? hasOwn : isEnumerable)(value, Symbol.toStringTag))) {
      tag = '';
    }
    const shape = describe(ctx, value, recurseTimes, constructor, tag, typedArray, noProtoProps);
    if (typeof shape === 'string') return shape;
    let { base = '', braces, keys, formatter = () => [], extrasType = kObjectType } = shape;

    if (recurseTimes > ctx.depth) {
      const name = getPrefix(constructor, tag, 'Object').slice(0, -1);
      return constructor !== null ? `[${name}]` : name;
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    const indentationLvl = ctx.indentationLvl;
    let output;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (const key of keys) {
        output.push(formatProperty(ctx, value, recurseTimes, key, extrasType));
      }
      if (protoProps !== undefined) output.push(...protoProps);
    } catch (err) {
      if (!(err instanceof RangeError) || !/call stack/.test(err.message)) throw err;
      ctx.seen.pop();
      ctx.indentationLvl = indentationLvl;
      const name = getPrefix(constructor, tag, 'Object').slice(0, -1);
      return `[${name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`;
    }
    if (ctx.circular !== undefined && ctx.circular.has(value)) {
      const ref = `<ref *${ctx.circular.get(value)}>`;
      base = base === '' ? ref : `${ref} ${base}`;
    }
    ctx.seen.pop();
    if (ctx.sorted) sortOutput(ctx, output, keys.length, extrasType);
    return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  }

  function sortOutput(ctx, output, keyCount, extrasType) {
    const cmp = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) output.sort(cmp);
    else if (keyCount > 1) {
      const tail = output.splice(output.length - keyCount, keyCount).sort(cmp);
      output.push(...tail);
    }
  }

  // Works out braces, keys and entry formatter for `value`. Returns a string
  // instead when the value prints without any entries.
  function describe(ctx, value, recurseTimes, constructor, tag, typedArray, noProtoProps) {
    const showHidden = ctx.showHidden;
    if (value[Symbol.iterator] || constructor === null) {
      const shape = describeIterable(ctx, value, constructor, tag, noProtoProps);
      if (shape !== undefined) return shape;
    }
    const keys = getKeys(value, showHidden);
    const empty = keys.length === 0 && noProtoProps;
    const shape = { keys, braces: ['{', '}'] };
    if (typeof value === 'function') {
      shape.base = getFunctionBase(value, constructor, tag);
      return empty ? shape.base : shape;
    }
    if (constructor === 'Object') {
      if (isArguments(value)) shape.braces[0] = '[Arguments] {';
      else if (tag !== '') shape.braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      return empty ? `${shape.braces[0]}}` : shape;
    }
    if (isRegExp(value)) {
      const source = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      shape.base = prefix !== 'RegExp ' ? prefix + source : source;
      return empty || recurseTimes > ctx.depth ? shape.base : shape;
    }
    if (isDate(value)) {
      const time = Date.prototype.getTime.call(value);
      const text = Number.isNaN(time) ? Date.prototype.toString.call(value) :
        Date.prototype.toISOString.call(value);
      const prefix = getPrefix(constructor, tag, 'Date');
      shape.base = prefix !== 'Date ' ? prefix + text : text;
      return empty ? shape.base : shape;
    }
    if (isError(value)) {
      shape.base = formatError(ctx, value, constructor, tag, keys);
      return keys.length === 0 && noProtoProps ? shape.base : shape;
    }
    if (isArrayBuffer(value) || isSharedArrayBuffer(value)) {
      const prefix = getPrefix(constructor, tag, isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer');
      if (typedArray === undefined) shape.formatter = formatArrayBuffer;
      else if (empty) return `${prefix}{ byteLength: ${formatNumber(value.byteLength)} }`;
      shape.braces[0] = `${prefix}{`;
      keys.unshift('byteLength');
      return shape;
    }
    if (isDataView(value)) {
      shape.braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      keys.unshift('byteLength', 'byteOffset', 'buffer'); // buffer last: it nests
      return shape;
    }
    if (isPromise(value)) {
      shape.braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      shape.formatter = formatPromise;
      return shape;
    }
    const weak = isWeakSet(value) ? 'WeakSet' : isWeakMap(value) ? 'WeakMap' : '';
    if (weak !== '') {
      shape.braces[0] = `${getPrefix(constructor, tag, weak)}{`;
      shape.formatter = formatWeakCollection;
      return shape;
    }
    const boxed = boxedTypes.find(([, valueOf]) => brand(valueOf)(value));
    if (boxed !== undefined) {
      shape.base = getBoxedBase(ctx, value, keys, constructor, tag, boxed);
      return keys.length === 0 && noProtoProps ? shape.base : shape;
    }
    const prefix = getPrefix(constructor, tag, 'Object');
    if (empty) return `${prefix}{}`;
    shape.braces[0] = `${prefix}{`;
    return shape;
  }

  // Arrays, Sets, Maps, typed arrays and (with host help) iterators.
  function describeIterable(ctx, value, constructor, tag, noProtoProps) {
    const showHidden = ctx.showHidden;
    if (Array.isArray(value)) {
      const prefix = constructor !== 'Array' || tag !== '' ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      const keys = getNonIndexKeys(value, showHidden);
      if (value.length === 0 && keys.length === 0 && noProtoProps) return `${prefix}[]`;
      return { keys, braces: [`${prefix}[`, ']'], formatter: formatArray, extrasType: kArrayExtrasType };
    }
    const kind = isSet(value) ? 'Set' : isMap(value) ? 'Map' : '';
    if (kind !== '') {
      const size = (kind === 'Set' ? setSize : mapSize).call(value);
      const prefix = getPrefix(constructor, tag, kind, `(${size})`);
      const keys = getKeys(value, showHidden);
      if (size === 0 && keys.length === 0 && noProtoProps) return `${prefix}{}`;
      return { keys, braces: [`${prefix}{`, '}'], formatter: kind === 'Set' ? formatSet : formatMap };
    }
    if (isTypedArray(value)) {
      const keys = getNonIndexKeys(value, showHidden);
      const size = typedArrayLength.call(value);
      const fallback = constructor === null ? typedArrayName.call(value) : '';
      const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
      if (size === 0 && keys.length === 0 && !showHidden) return `${prefix}[]`;
      return { keys, braces: [`${prefix}[`, ']'], formatter: formatTypedArray, extrasType: kArrayExtrasType };
    }
    const iterKind = iteratorTags[builtinTag(value) || tag];
    if (iterKind !== undefined && typeof internals.previewEntries === 'function') {
      const keys = getKeys(value, showHidden);
      const braces = [`[${tag || iterKind + ' Iterator'}] {`, '}'];
      return { keys, braces, formatter: (c, v, r) => formatIterator(braces, c, v, r) };
    }
    return undefined;
  }

  function getFunctionBase(value, constructor, tag) {
    const source = Function.prototype.toString.call(value);
    if (source.startsWith('class') && source.endsWith('}')) {
      // Rule out e.g. `class() {}` methods; parentheses in comments are ok.
      const body = source.slice(5, -1);
      const brace = body.indexOf('{');
      const stripped = body.replace(/\/\/.*?\n|\/\*[\s\S]*?\*\//g, '');
      if (brace !== -1 && (!body.slice(0, brace).includes('(') || /^\s+[^(]*?\s*{/.test(stripped))) {
        return getClassBase(value, constructor, tag);
      }
    }
    let type = 'Function';
    if (GeneratorFunctionProto.isPrototypeOf(value) || AsyncGeneratorFunctionProto.isPrototypeOf(value)) {
      type = `Generator${type}`;
    }
    if (AsyncFunctionProto.isPrototypeOf(value) || AsyncGeneratorFunctionProto.isPrototypeOf(value)) {
      type = `Async${type}`;
    }
    let base = `[${type}`;
    if (constructor === null) base += ' (null prototype)';
    base += value.name === '' ? ' (anonymous)' : `: ${value.name}`;
    base += ']';
    if (constructor !== type && constructor !== null) base += ` ${constructor}`;
    if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
    return base;
  }

  function getClassBase(value, constructor, tag) {
    const name = (hasOwn(value, 'name') && value.name) || '(anonymous)';
    let base = `class ${name}`;
    if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
    if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
    if (constructor !== null) {
      const superName = Object.getPrototypeOf(value).name;
      if (superName) base += ` extends ${superName}`;
    } else {
      base += ' extends [null prototype]';
    }
    return `[${base}]`;
  }

  function getBoxedBase(ctx, value, keys, constructor, tag, [type, valueOf]) {
    if (type === 'String') keys.splice(0, value.length); // drop the char indices
    let base = `[${type}`;
    if (type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
    const inner = { ...ctx, compact: 3, indentationLvl: 0 };
    base += `: ${formatPrimitive(inner, valueOf.call(value))}]`;
    if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
    return base;
  }

  // ---- errors

  function errorStack(err) {
    return err.stack ? String(err.stack) : Error.prototype.toString.call(err);
  }

  function formatError(ctx, err, constructor, tag, keys) {
    const name = err.name != null ? String(err.name) : 'Error';
    let stack = errorStack(err);
    // name/message/stack already visible in the stack are not repeated.
    if (!ctx.showHidden && keys.length !== 0) {
      for (const key of ['name', 'message', 'stack']) {
        const index = keys.indexOf(key);
        if (index !== -1 && stack.includes(err[key])) keys.splice(index, 1);
      }
    }
    if ('cause' in err && !keys.includes('cause')) keys.push('cause');
    if (Array.isArray(err.errors) && !keys.includes('errors')) keys.push('errors');
    stack = improveStack(stack, constructor, name, tag);

    let pos = (err.message && stack.indexOf(err.message)) || -1;
    if (pos !== -1) pos += err.message.length;
    const framesStart = stack.indexOf('\n    at', pos);
    if (framesStart === -1) {
      stack = `[${stack}]`; // no trace: bracket it like other objects
    } else {
      const frames = stack.slice(framesStart + 1).split('\n');
      collapseCauseFrames(err, frames);
      stack = `${stack.slice(0, framesStart)}\n${frames.join('\n')}`;
    }
    if (ctx.indentationLvl !== 0) {
      stack = stack.replace(/\n/g, `\n${' '.repeat(ctx.indentationLvl)}`);
    }
    return stack;
  }

  // Makes the first line name the real class, e.g. "MyErr [Error]: hi".
  function improveStack(stack, constructor, name, tag) {
    let len = name.length;
    const looksNormal = name.endsWith('Error') && stack.startsWith(name) &&
      (stack.length === len || stack[len] === ':' || stack[len] === '\n');
    if (constructor !== null && !looksNormal) return stack;
    let fallback = 'Error';
    if (constructor === null) {
      const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
        /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name === prefix) return stack;
    if (prefix.includes(name)) {
      return len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
    }
    return `${prefix} [${name}]${stack.slice(len)}`;
  }

  // Frames shared with err.cause's trace are summarized in one line.
  function collapseCauseFrames(err, frames) {
    let cause;
    try { cause = err.cause; } catch { return; }
    if (cause == null || !isError(cause)) return;
    const causeStack = errorStack(cause);
    const start = causeStack.indexOf('\n    at');
    if (start === -1) return;
    const causeFrames = causeStack.slice(start + 1).split('\n');
    for (let i = 0; i < frames.length - 3; i++) {
      const pos = causeFrames.indexOf(frames[i]);
      if (pos === -1 || causeFrames.length - pos <= 3) continue;
      const maxLen = Math.min(frames.length - i, causeFrames.length - pos);
      let len = 1;
      while (len < maxLen && frames[i + len] === causeFrames[pos + len]) len++;
      if (len > 3) {
        const skipped = len - 2;
        frames.splice(i + 1, skipped, `    ... ${skipped} lines matching cause stack trace ...`);
        return;
      }
    }
  }

  // ---- entry formatters (each returns an array of entry strings)

  function formatArray(ctx, value, recurseTimes) {
    const length = Math.min(Math.max(0, ctx.maxArrayLength), value.length);
    const output = [];
    for (let i = 0; i < length; i++) {
      if (!hasOwn(value, i)) return formatSparseArray(ctx, value, recurseTimes, length, output, i);
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (value.length > length) output.push(remainingText(value.length - length));
    return output;
  }

  // Runs of holes print as `<N empty items>`; each run counts as one entry.
  function formatSparseArray(ctx, value, recurseTimes, maxLength, output, i) {
    const keys = Object.keys(value);
    let index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      const key = keys[i];
      const num = +key;
      if (num > 2 ** 32 - 2) break;
      if (`${index}` !== key) {
        if (!/^(0|[1-9][0-9]*)$/.test(key)) break;
        const holes = num - index;
        output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
        index = num;
        if (output.length === maxLength) break;
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (output.length !== maxLength) {
      if (remaining > 0) output.push(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`);
    } else if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  function formatTypedArray(ctx, value, recurseTimes) {
    const length = typedArrayLength.call(value);
    const max = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const output = [];
    for (let i = 0; i < max; i++) {
      output.push(typeof value[i] === 'bigint' ? formatBigInt(value[i]) : formatNumber(value[i]));
    }
    if (length > max) output.push(remainingText(length - max));
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
        output.push(`[${key}]: ${formatValue(ctx, value[key], recurseTimes, true)}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function formatArrayBuffer(ctx, value) {
    let bytes;
    try { bytes = new Uint8Array(value); } catch { return ['(detached)']; }
    const shown = Array.from(bytes.subarray(0, Math.min(ctx.maxArrayLength, bytes.length)),
      (b) => b.toString(16).padStart(2, '0'));
    let str = shown.join(' ');
    const remaining = bytes.length - ctx.maxArrayLength;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    return [`[Uint8Contents]: <${str}>`];
  }

  function formatCollection(ctx, size, iterator, formatEntry) {
    const max = Math.min(Math.max(0, ctx.maxArrayLength), size);
    const output = [];
    ctx.indentationLvl += 2;
    for (let step = iterator.next(); !step.done && output.length < max; step = iterator.next()) {
      output.push(formatEntry(step.value));
    }
    if (size > max) output.push(remainingText(size - max));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatSet(ctx, value, recurseTimes) {
    return formatCollection(ctx, setSize.call(value), Set.prototype.values.call(value),
      (v) => formatValue(ctx, v, recurseTimes));
  }

  function formatMap(ctx, value, recurseTimes) {
    return formatCollection(ctx, mapSize.call(value), Map.prototype.entries.call(value),
      ([k, v]) => `${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
  }

  // Needs the host's previewEntries; only reached when it exists.
  function formatIterator(braces, ctx, value, recurseTimes) {
    const [entries, isKeyValue] = internals.previewEntries(value);
    if (isKeyValue) {
      braces[0] = braces[0].replace(/ Iterator] {$/, ' Entries] {');
      const pairs = [];
      for (let i = 0; i < entries.length; i += 2) pairs.push([entries[i], entries[i + 1]]);
      return formatList(ctx, pairs, recurseTimes, true);
    }
    return formatList(ctx, entries, recurseTimes, false);
  }

  function formatList(ctx, entries, recurseTimes, pairs) {
    const max = Math.min(Math.max(0, ctx.maxArrayLength), entries.length);
    const output = [];
    ctx.indentationLvl += 2;
    for (let i = 0; i < max; i++) {
      if (pairs) {
        const [k, v] = entries[i];
        output.push(`[ ${formatValue(ctx, k, recurseTimes)}, ${formatValue(ctx, v, recurseTimes)} ]`);
      } else {
        output.push(formatValue(ctx, entries[i], recurseTimes));
      }
    }
    ctx.indentationLvl -= 2;
    if (entries.length > max) output.push(remainingText(entries.length - max));
    return output;
  }

  function formatWeakCollection(ctx, value, recurseTimes) {
    if (!ctx.showHidden || typeof internals.previewEntries !== 'function') return ['<items unknown>'];
    const [entries, isKeyValue] = internals.previewEntries(value);
    if (!isKeyValue) return formatList(ctx, entries, recurseTimes, false).sort();
    const output = [];
    ctx.indentationLvl += 2;
    for (let i = 0; i < entries.length; i += 2) {
      output.push(`${formatValue(ctx, entries[i], recurseTimes)} => ${formatValue(ctx, entries[i + 1], recurseTimes)}`);
    }
    ctx.indentationLvl -= 2;
    return output.sort();
  }

  function formatPromise(ctx, value, recurseTimes) {
    if (typeof internals.getPromiseDetails !== 'function') return [];
    const [state, result] = internals.getPromiseDetails(value);
    if (state === 0) return ['<pending>'];
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, result, recurseTimes);
    ctx.indentationLvl -= 2;
    return [state === 2 ? `<rejected> ${str}` : str];
  }

  const keyIdentifier = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  function formatProperty(ctx, value, recurseTimes, key, type, desc) {
    desc = desc || Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    let str;
    if (desc.value !== undefined) {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, desc.value, recurseTimes);
      ctx.indentationLvl -= 2;
    } else if (desc.get !== undefined) {
      str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
    } else if (desc.set !== undefined) {
      str = '[Setter]';
    } else {
      str = 'undefined';
    }
    if (type === kArrayType) return str;
    let name;
    if (typeof key === 'symbol') name = `[${escapeBare(key.toString())}]`;
    else if (key === '__proto__') name = "['__proto__']";
    else if (desc.enumerable === false) name = `[${escapeBare(key)}]`;
    else if (keyIdentifier.test(key)) name = key;
    else name = quoteString(key);
    return `${name}: ${str}`;
  }

  // ---- layout

  // Number of terminal cells a string occupies (approximation of ICU's
  // East Asian Width): wide CJK/emoji count 2, combining marks count 0.
  const wideRanges = [
    [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec],
    [0x23f0, 0x23f0], [0x23f3, 0x23f3], [0x25fd, 0x25fe], [0x2614, 0x2615],
    [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
    [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce],
    [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5],
    [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
    [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755],
    [0x2757, 0x2757], [0x2795, 0x2797], [0x27b0, 0x27b0], [0x27bf, 0x27bf],
    [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
    [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0xa4cf], [0xa960, 0xa97f],
    [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
    [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x18cff], [0x1b000, 0x1b2ff],
    [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a],
    [0x1f200, 0x1f251], [0x1f300, 0x1f320], [0x1f32d, 0x1f335], [0x1f337, 0x1f37c],
    [0x1f37e, 0x1f393], [0x1f3a0, 0x1f3ca], [0x1f3cf, 0x1f3d3], [0x1f3e0, 0x1f3f0],
    [0x1f3f4, 0x1f3f4], [0x1f3f8, 0x1f43e], [0x1f440, 0x1f440], [0x1f442, 0x1f4fc],
    [0x1f4ff, 0x1f53d], [0x1f54b, 0x1f54e], [0x1f550, 0x1f567], [0x1f57a, 0x1f57a],
    [0x1f595, 0x1f596], [0x1f5a4, 0x1f5a4], [0x1f5fb, 0x1f64f], [0x1f680, 0x1f6c5],
    [0x1f6cc, 0x1f6cc], [0x1f6d0, 0x1f6d2], [0x1f6d5, 0x1f6d7], [0x1f6eb, 0x1f6ec],
    [0x1f6f4, 0x1f6fc], [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f93a], [0x1f93c, 0x1f945],
    [0x1f947, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x3fffd],
  ];
  const inRanges = (code, ranges) => ranges.some(([lo, hi]) => code >= lo && code <= hi);
  const zeroWidth = /[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]/u;

  function getStringWidth(str) {
    let width = 0;
    for (const ch of str.normalize('NFC')) {
      const code = ch.codePointAt(0);
      if (code < 0x20 || (code >= 0x7f && code < 0xa0) || zeroWidth.test(ch)) continue;
      width += inRanges(code, wideRanges) ? 2 : 1;
    }
    return width;
  }

  // Lays out many short array entries in aligned columns (numbers padded on
  // the left, anything else on the right). Returns `output` unchanged when
  // the entries are too long or too uneven for columns to help.
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    // The "... more items" entry stays on its own line.
    const count = ctx.maxArrayLength < output.length ? output.length - 1 : output.length;
    const separatorSpace = 2; // ", "
    const widths = [];
    for (let i = 0; i < count; i++) {
      const len = getStringWidth(output[i]);
      widths.push(len);
      totalLength += len + separatorSpace;
      if (len > maxLength) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl >= ctx.breakLength ||
        (totalLength / actualMax <= 5 && maxLength > 6)) {
      return output;
    }
    // Aim for a roughly square block, characters being ~2.5 times taller
    // than wide; short entries get a bias towards more columns.
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * count) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const columnWidths = [];
    for (let c = 0; c < columns; c++) {
      let width = 0;
      for (let j = c; j < count; j += columns) width = Math.max(width, widths[j]);
      columnWidths.push(width + separatorSpace);
    }
    let padStart = true;
    for (let i = 0; i < output.length; i++) {
      if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
        padStart = false;
        break;
      }
    }
    const rows = [];
    for (let i = 0; i < count; i += columns) {
      const end = Math.min(i + columns, count);
      let row = '';
      let j = i;
      for (; j < end - 1; j++) {
        const padding = columnWidths[j - i] + output[j].length - widths[j];
        row += padStart ? `${output[j]}, `.padStart(padding) : `${output[j]}, `.padEnd(padding);
      }
      if (padStart) {
        const padding = columnWidths[j - i] + output[j].length - widths[j] - separatorSpace;
        row += output[j].padStart(padding);
      } else {
        row += output[j];
      }
      rows.push(row);
    }
    if (count < output.length) rows.push(output[count]);
    return rows;
  }

  function isBelowBreakLength(ctx, output, start, base) {
    let total = output.length + start;
    if (total + output.length > ctx.breakLength) return false;
    for (const entry of output) {
      total += entry.length;
      if (total > ctx.breakLength) return false;
    }
    return base === '' || !base.includes('\n');
  }

  // Puts the entries on one line when nothing nested too deeply was printed
  // inside and it fits; otherwise one entry (or column row) per line.
  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = output.join(', ');
          if (!joined.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${
      output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }

  // ---- public API

  function inspect(value, opts) {
    const ctx = { ...defaultOptions, seen: [], indentationLvl: 0, currentDepth: 0 };
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts; // legacy inspect(value, showHidden, depth)
      if (arguments.length > 2 && arguments[2] !== undefined) ctx.depth = arguments[2];
    } else if (opts !== null && typeof opts === 'object') {
      for (const key of Object.keys(opts)) ctx[key] = opts[key];
    }
    ctx.userOptions = Object.fromEntries(Object.keys(defaultOptions).map((k) => [k, ctx[k]]));
    if (ctx.depth === null) ctx.depth = Infinity;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return formatValue(ctx, value, 0);
  }
  inspect.custom = customInspectSymbol;
  inspect.defaultOptions = defaultOptions;

  // %s prints objects with String() only when they bring their own toString.
  function hasBuiltInToString(value) {
    if (typeof value[Symbol.toPrimitive] === 'function') return false;
    if (typeof value.toString !== 'function') return true;
    if (hasOwn(value, 'toString')) return false;
    let pointer = value;
    do { pointer = Object.getPrototypeOf(pointer); } while (!hasOwn(pointer, 'toString'));
    const desc = Object.getOwnPropertyDescriptor(pointer, 'constructor');
    return desc !== undefined && typeof desc.value === 'function' && builtInObjects.has(desc.value.name);
  }

  function stringifyJSON(value) {
    try {
      return JSON.stringify(value);
    } catch (err) {
      if (err instanceof TypeError && /circular/i.test(err.message)) return '[Circular]';
      throw err;
    }
  }

  // One conversion of util.format; returns undefined for unknown letters.
  function formatPlaceholder(letter, arg, opts) {
    switch (letter) {
      case 's':
        if (typeof arg === 'number') return formatNumber(arg);
        if (typeof arg === 'bigint') return formatBigInt(arg);
        if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) return String(arg);
        return inspect(arg, { ...opts, depth: 0, colors: false, compact: 3 });
      case 'j': return `${stringifyJSON(arg)}`;
      case 'd':
        if (typeof arg === 'bigint') return formatBigInt(arg);
        return typeof arg === 'symbol' ? 'NaN' : formatNumber(Number(arg));
      case 'i':
        if (typeof arg === 'bigint') return formatBigInt(arg);
        return typeof arg === 'symbol' ? 'NaN' : formatNumber(parseInt(arg));
      case 'f': return typeof arg === 'symbol' ? 'NaN' : formatNumber(parseFloat(arg));
      case 'O': return inspect(arg, opts);
      case 'o': return inspect(arg, { ...opts, showHidden: true, showProxy: true, depth: 4 });
      case 'c': return '';
      default: return undefined;
    }
  }

  function formatWithOptions(opts, ...args) {
    const first = args[0];
    let a = 0;
    let str = '';
    let join = '';
    if (typeof first === 'string') {
      if (args.length === 1) return first;
      let lastPos = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first[i] !== '%') continue;
        const letter = first[++i];
        if (letter === '%') { // "%%" prints one percent sign
          str += first.slice(lastPos, i);
          lastPos = i + 1;
          continue;
        }
        if (a + 1 === args.length) continue; // arguments used up
        const text = formatPlaceholder(letter, args[a + 1], opts);
        if (text === undefined) continue;
        a++;
        str += first.slice(lastPos, i - 1) + text;
        lastPos = i + 1;
      }
      if (lastPos !== 0) {
        a++;
        join = ' ';
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }
    for (; a < args.length; a++) {
      const value = args[a];
      str += join + (typeof value !== 'string' ? inspect(value, opts) : value);
      join = ' ';
    }
    return str;
  }

  const format = (...args) => formatWithOptions(undefined, ...args);

  internals.inspect = inspect;
  internals.format = format;
  internals.formatWithOptions = formatWithOptions;
})
