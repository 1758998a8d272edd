// toysnap console formatting: util.inspect / util.format as Node 20 prints
// them (no colors), written for plain V8 10.2 without any Node internals.
//
// Known gaps, because plain V8 offers no JS-visible way to look inside:
//  - Proxies are inspected through their traps, i.e. like their target.
//  - Promise state needs host help: when the host sets
//    `internals.getPromiseDetails(p) -> [state, result]` (V8's
//    Promise::State: 0 pending, 1 fulfilled, 2 rejected) it is used,
//    otherwise a promise prints as `Promise {}`.
//  - Map/Set iterators print as `Object [Map Iterator] {}` (their entries
//    can't be read without consuming them) and WeakMap/WeakSet as
//    `WeakMap { <items unknown> }` even with showHidden.
//  - Brand checks that JS cannot do are approximated: a promise is any
//    object whose Object.prototype.toString says "[object Promise]"; the
//    display width used for grouping arrays (inspect_layout.js) is a small
//    Unicode table instead of ICU's East Asian Width data.
//  - No colors, no `compact: true`, no `getters`, no `numericSeparator`.
(function (natives, internals) {
  'use strict';
  const { reduceToSingleString } = internals.inspectLayout; // inspect_layout.js

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
  // Object.prototype.toString names the built-in type unless @@toStringTag
  // hides it, so "[object Object]" plus a constructor rules out every
  // throwing brand check (one exception per check made printing slow).
  const mayBeBuiltin = (value, constructor) =>
    constructor === null || objToString(value) !== '[object Object]';
  const boxedTypes = [
    ['Number', Number.prototype.valueOf], ['String', String.prototype.valueOf],
    ['Boolean', Boolean.prototype.valueOf], ['BigInt', BigInt.prototype.valueOf],
    ['Symbol', Symbol.prototype.valueOf],
  ].map(([type, valueOf]) => ({ type, valueOf, is: brand(valueOf) }));
  const AsyncFunctionProto = Object.getPrototypeOf(async function () {});
  const GeneratorFunctionProto = Object.getPrototypeOf(function* () {});
  const AsyncGeneratorFunctionProto = Object.getPrototypeOf(async function* () {});
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

  // C0/C1 controls, backslash, lone surrogates and (unless another quote
  // is used) the single quote are escaped.
  const loneSurrogate = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
  const escapesWithQuote = new RegExp(`[\\x00-\\x1f\\x27\\x5c\\x7f-\\x9f]|${loneSurrogate}`, 'g');
  const escapesNoQuote = new RegExp(`[\\x00-\\x1f\\x5c\\x7f-\\x9f]|${loneSurrogate}`, 'g');
  const namedEscapes = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'", '\\': '\\\\' };
  function escapeChar(ch) {
    if (namedEscapes[ch] !== undefined) return namedEscapes[ch];
    const code = ch.charCodeAt(0);
    if (code >= 0xd800) return `\\u${code.toString(16)}`;
    return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  const escapeBare = (str) => str.replace(escapesWithQuote, escapeChar);

  // Node prefers single quotes, then double, then backticks, so that the
  // quote character rarely needs escaping.
  function quoteString(str) {
    let quote = "'";
    if (str.includes("'")) {
      if (!str.includes('"')) quote = '"';
      else if (!str.includes('`') && !str.includes('${')) quote = '`';
    }
    const escaped = str.replace(quote === "'" ? escapesWithQuote : escapesNoQuote, escapeChar);
    return quote + escaped + quote;
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
      const glue = ` +\n${' '.repeat(ctx.indentationLvl + 2)}`;
      return value.split(/(?<=\n)/).map(quoteString).join(glue) + trailer;
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
    if (protoName !== null) return `${own} <${protoName}>`;
    return `${own} <${inspect(firstProto, { ...ctx.userOptions, customInspect: false, depth: -1 })}>`;
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

  const indexKey = /^(0|[1-9][0-9]*)$/;

  // Own keys of array-likes minus the element indices.
  function getNonIndexKeys(value, showHidden) {
    const names = Object.getOwnPropertyNames(value)
      .filter((k) => !indexKey.test(k) || +k >= 2 ** 32 - 1);
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
    const ret = fn.call(value, depth, { ...ctx.userOptions, stylize: (s) => s }, inspect);
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
    const { braces, keys, formatter = () => [], extrasType = kObjectType } = shape;
    let base = shape.base || '';

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
      for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key, extrasType));
      if (protoProps !== undefined) output.push(...protoProps);
    } catch (err) {
      // No regexp here: compiling one could overflow the stack again.
      if (!(err instanceof RangeError) || err.message !== 'Maximum call stack size exceeded') throw err;
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
    if (ctx.sorted) {
      const cmp = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObjectType) output.sort(cmp);
      else if (keys.length > 1) output.push(...output.splice(-keys.length).sort(cmp));
    }
    return reduceToSingleString(ctx, output, base, braces, extrasType === kArrayExtrasType,
      recurseTimes, value);
  }

  // Works out braces, keys and entry formatter for `value`. Returns a string
  // instead when the value prints without any entries.
  function describe(ctx, value, recurseTimes, constructor, tag, typedArray, noProtoProps) {
    const builtin = mayBeBuiltin(value, constructor);
    if (value[Symbol.iterator] || constructor === null) {
      const shape = describeIterable(ctx, value, constructor, tag, noProtoProps, builtin);
      if (shape !== undefined) return shape;
    }
    const keys = getKeys(value, ctx.showHidden);
    const empty = keys.length === 0 && noProtoProps;
    const shape = { keys, braces: ['{', '}'] };
    const withPrefix = (fallback) => {
      shape.braces[0] = `${getPrefix(constructor, tag, fallback)}{`;
      return shape;
    };
    if (typeof value === 'function') {
      shape.base = getFunctionBase(value, constructor, tag);
      return empty ? shape.base : shape;
    }
    if (constructor === 'Object') {
      if (isArguments(value)) shape.braces[0] = '[Arguments] {';
      else if (tag !== '') withPrefix('Object');
      return empty ? `${shape.braces[0]}}` : shape;
    }
    if (builtin && isRegExp(value)) {
      const source = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      shape.base = prefix !== 'RegExp ' ? prefix + source : source;
      return empty || recurseTimes > ctx.depth ? shape.base : shape;
    }
    if (builtin && isDate(value)) {
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
    if (builtin && (isArrayBuffer(value) || isSharedArrayBuffer(value))) {
      const prefix = getPrefix(constructor, tag, isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer');
      // Inside a typed array's [buffer] the bytes would only repeat it.
      if (typedArray === undefined) shape.formatter = formatArrayBuffer;
      else if (empty) return `${prefix}{ byteLength: ${formatNumber(value.byteLength)} }`;
      shape.braces[0] = `${prefix}{`;
      keys.unshift('byteLength');
      return shape;
    }
    if (builtin && isDataView(value)) {
      keys.unshift('byteLength', 'byteOffset', 'buffer'); // buffer last: it nests
      return withPrefix('DataView');
    }
    if (isPromise(value)) {
      if (typeof internals.getPromiseDetails === 'function') shape.formatter = formatPromise;
      else if (empty) return `${getPrefix(constructor, tag, 'Promise')}{}`; // state unknowable
      return withPrefix('Promise');
    }
    const weak = !builtin ? '' : isWeakSet(value) ? 'WeakSet' : isWeakMap(value) ? 'WeakMap' : '';
    if (weak !== '') {
      shape.formatter = () => ['<items unknown>'];
      return withPrefix(weak);
    }
    const boxed = builtin ? boxedTypes.find((b) => b.is(value)) : undefined;
    if (boxed !== undefined) {
      shape.base = getBoxedBase(ctx, value, keys, constructor, tag, boxed);
      return keys.length === 0 && noProtoProps ? shape.base : shape;
    }
    return empty ? `${getPrefix(constructor, tag, 'Object')}{}` : withPrefix('Object');
  }

  // Arrays, Sets, Maps and typed arrays.
  function describeIterable(ctx, value, constructor, tag, noProtoProps, builtin) {
    const showHidden = ctx.showHidden;
    if (Array.isArray(value)) {
      const prefix = constructor !== 'Array' || tag !== '' ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      const keys = getNonIndexKeys(value, showHidden);
      if (value.length === 0 && keys.length === 0 && noProtoProps) return `${prefix}[]`;
      return { keys, braces: [`${prefix}[`, ']'], formatter: formatArray, extrasType: kArrayExtrasType };
    }
    const kind = !builtin ? '' : isSet(value) ? 'Set' : isMap(value) ? 'Map' : '';
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
    const isGenerator = GeneratorFunctionProto.isPrototypeOf(value);
    const isAsyncGenerator = AsyncGeneratorFunctionProto.isPrototypeOf(value);
    let type = isGenerator || isAsyncGenerator ? 'GeneratorFunction' : 'Function';
    if (isAsyncGenerator || AsyncFunctionProto.isPrototypeOf(value)) type = `Async${type}`;
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

  function getBoxedBase(ctx, value, keys, constructor, tag, { type, valueOf }) {
    if (type === 'String') keys.splice(0, value.length); // drop the char indices
    let base = `[${type}`;
    if (type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
    base += `: ${formatPrimitive(ctx, valueOf.call(value))}]`;
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
    const holes = (n) => `<${n} empty item${n > 1 ? 's' : ''}>`;
    const keys = Object.keys(value);
    let index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      const key = keys[i];
      if (+key > 2 ** 32 - 2) break;
      if (`${index}` !== key) {
        if (!indexKey.test(key)) break;
        output.push(holes(+key - index));
        index = +key;
        if (output.length === maxLength) break;
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (remaining > 0) output.push(output.length !== maxLength ? holes(remaining) : remainingText(remaining));
    return output;
  }

  function formatTypedArray(ctx, value, recurseTimes) {
    const output = formatItems(ctx, TypedArrayProto.values.call(value), typedArrayLength.call(value),
      (n) => (typeof n === 'bigint' ? formatBigInt(n) : formatNumber(n)));
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
    const shown = bytes.subarray(0, Math.min(ctx.maxArrayLength, bytes.length));
    let str = Array.from(shown, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const remaining = bytes.length - ctx.maxArrayLength;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    return [`[Uint8Contents]: <${str}>`];
  }

  // Formats up to maxArrayLength of the `size` items of an iterator with
  // `fn`, one indentation level deeper.
  function formatItems(ctx, items, size, fn) {
    const max = Math.min(Math.max(0, ctx.maxArrayLength), size);
    const output = [];
    ctx.indentationLvl += 2;
    for (const item of items) {
      if (output.length >= max) break;
      output.push(fn(item));
    }
    ctx.indentationLvl -= 2;
    if (size > max) output.push(remainingText(size - max));
    return output;
  }

  function formatSet(ctx, value, recurseTimes) {
    return formatItems(ctx, Set.prototype.values.call(value), setSize.call(value),
      (v) => formatValue(ctx, v, recurseTimes));
  }

  function formatMap(ctx, value, recurseTimes) {
    return formatItems(ctx, Map.prototype.entries.call(value), mapSize.call(value),
      ([k, v]) => `${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
  }

  function formatPromise(ctx, value, recurseTimes) {
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
    } else {
      str = desc.set !== undefined ? '[Setter]' : 'undefined';
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

  // ---- public API

  function inspect(value, opts) {
    const ctx = { ...defaultOptions, seen: [], indentationLvl: 0, currentDepth: 0 };
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts; // legacy inspect(value, showHidden, depth)
      if (arguments.length > 2 && arguments[2] !== undefined) ctx.depth = arguments[2];
    } else if (opts !== null && typeof opts === 'object') {
      for (const key of Object.keys(opts)) {
        if (hasOwn(defaultOptions, key)) ctx[key] = opts[key];
      }
    }
    ctx.userOptions = Object.fromEntries(Object.keys(defaultOptions).map((k) => [k, ctx[k]]));
    if (ctx.depth === null) ctx.depth = Infinity;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return formatValue(ctx, value, 0);
  }
  inspect.custom = customInspectSymbol;
  inspect.defaultOptions = defaultOptions;

  // %s prints objects with String() only when they bring their own toString
  // or Symbol.toPrimitive (Date's built-in one does not count).
  function hasBuiltInToString(value) {
    if (!isDate(value) && typeof value[Symbol.toPrimitive] === 'function') return false;
    if (typeof value.toString !== 'function') return true;
    if (hasOwn(value, 'toString')) return false;
    let pointer = value;
    do { pointer = Object.getPrototypeOf(pointer); } while (!hasOwn(pointer, 'toString'));
    const desc = Object.getOwnPropertyDescriptor(pointer, 'constructor');
    return desc !== undefined && typeof desc.value === 'function' && builtInObjects.has(desc.value.name);
  }

  function stringifyJSON(value) {
    try {
      return `${JSON.stringify(value)}`;
    } catch (err) {
      if (err instanceof TypeError && /circular/i.test(err.message)) return '[Circular]';
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
      case 'i': return numeric(parseInt);
      case 'f': return numeric(parseFloat);
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

  internals.inspect = inspect;
  internals.format = (...args) => formatWithOptions(undefined, ...args);
  internals.formatWithOptions = formatWithOptions;
})
