// toysnap console formatting: util.inspect / util.format as Node 20 prints
// them (colours through ctx.stylize, inspect.colors/styles), written for plain V8 10.2 without any Node internals.
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
//  - No `compact: true`, no `numericSeparator`.
(function (natives, internals) {
  'use strict';
  const { reduceToSingleString } = internals.inspectLayout; // inspect_layout.js
  const {
    ArrayIsArray, ArrayIteratorPrototypeNext, ArrayPrototypeFilter, ArrayPrototypeIncludes,
    ArrayPrototypeJoin, ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypePushApply,
    ArrayPrototypeSort, ArrayPrototypeSplice, ArrayPrototypeUnshift, DatePrototypeGetTime,
    DatePrototypeToISOString, DatePrototypeToString, FunctionPrototypeCall,
    FunctionPrototypeToString, MapIteratorPrototypeNext, MapPrototypeEntries, MathMax, MathMin,
    NumberIsNaN, NumberPrototypeToString, ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames,
    ObjectGetOwnPropertySymbols, ObjectGetPrototypeOf, ObjectKeys, ObjectPrototypeIsPrototypeOf,
    Promise, RangeError, ReflectOwnKeys, RegExp, RegExpPrototypeExec, RegExpPrototypeGetSource,
    SafeArrayIterator, SafeMap, SafeRegExpFlags, SafeRegExpReplace, SafeSet,
    SetIteratorPrototypeNext, SetPrototypeValues, String, StringPrototypeEndsWith,
    StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypePadStart, StringPrototypeRepeat,
    StringPrototypeSlice, StringPrototypeStartsWith, StringPrototypeToLowerCase, SymbolFor, SymbolIterator,
    SymbolPrototypeToString, SymbolToStringTag, TypedArrayPrototypeValues, Uint8Array,
  } = internals.primordials;

  const {
    hasOwn, isEnumerable, typedArrayName, typedArrayLength, mapSize, setSize, isDate, isMap, isSet,
    isWeakMap, isWeakSet, isArrayBuffer, isSharedArrayBuffer, isDataView, isTypedArray, isRegExp,
    builtinTag, isError, isArguments, isPromise, mayBeBuiltin, findBoxedType, AsyncFunctionProto,
    GeneratorFunctionProto, AsyncGeneratorFunctionProto, builtInObjects,
  } = internals.inspectBrands; // inspect_brands.js
  const {
    escapeBare, quoteString, formatNumber, formatBigInt, formatPrimitive, getPrefix, noColor,
  } = internals.inspectPrimitives; // inspect_primitives.js
  const { formatError } = internals.inspectErrors; // inspect_errors.js

  const kObjectType = 0;
  const kArrayType = 1;
  const kArrayExtrasType = 2;
  const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');
  const defaultOptions = {
    showHidden: false, depth: 2, colors: false, customInspect: true,
    showProxy: false, maxArrayLength: 100, maxStringLength: 10000,
    breakLength: 80, compact: 3, sorted: false, getters: false,
    numericSeparator: false,
  };

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
      const desc = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' &&
          desc.value.name !== '' && isInstanceof(start, desc.value)) {
        if (protoProps !== undefined &&
            (firstProto !== obj || !builtInObjects.has(desc.value.name))) {
          addPrototypeProperties(ctx, start, firstProto || start, recurseTimes, protoProps);
        }
        return String(desc.value.name);
      }
      obj = ObjectGetPrototypeOf(obj);
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
    const seenKeys = new SafeSet();
    for (let level = 0; level < 3; level++) {
      if (level !== 0 || main === obj) {
        obj = ObjectGetPrototypeOf(obj);
        if (obj === null) return;
        const desc = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
        if (desc !== undefined && typeof desc.value === 'function' &&
            builtInObjects.has(desc.value.name)) return;
      }
      const keys = ReflectOwnKeys(obj);
      ArrayPrototypePush(ctx.seen, main);
      for (const key of new SafeArrayIterator(keys)) {
        if (key === 'constructor' || hasOwn(main, key) || seenKeys.has(key)) continue;
        const desc = ObjectGetOwnPropertyDescriptor(obj, key);
        if (typeof desc.value === 'function') continue;
        ArrayPrototypePush(output, formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main));
      }
      ArrayPrototypePop(ctx.seen);
      for (const key of new SafeArrayIterator(keys)) seenKeys.add(key);
    }
  }

  function getKeys(value, showHidden) {
    const symbols = ObjectGetOwnPropertySymbols(value);
    const keys = showHidden ? ObjectGetOwnPropertyNames(value) : ObjectKeys(value);
    for (let i = 0; i < symbols.length; i++) {
      if (showHidden || isEnumerable(value, symbols[i])) ArrayPrototypePush(keys, symbols[i]);
    }
    return keys;
  }

  const indexKey = /^(0|[1-9][0-9]*)$/;

  // Own keys of array-likes minus the element indices.
  function getNonIndexKeys(value, showHidden) {
    const keys = ArrayPrototypeFilter(ObjectGetOwnPropertyNames(value),
      (k) => RegExpPrototypeExec(indexKey, k) === null || +k >= 2 ** 32 - 1);
    ArrayPrototypePushApply(keys, ObjectGetOwnPropertySymbols(value));
    return showHidden ? keys : ArrayPrototypeFilter(keys, (k) => isEnumerable(value, k));
  }

  // ---- the main dispatch

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== 'object' && typeof value !== 'function') {
      return formatPrimitive(ctx, value);
    }
    if (value === null) return ctx.stylize('null', 'null');
    if (ctx.customInspect) {
      const custom = callCustomInspect(ctx, value, recurseTimes);
      if (custom !== undefined) return custom;
    }
    if (ArrayPrototypeIncludes(ctx.seen, value)) {
      if (ctx.circular === undefined) ctx.circular = new SafeMap();
      if (!ctx.circular.has(value)) ctx.circular.set(value, ctx.circular.size + 1);
      return ctx.stylize(`[Circular *${ctx.circular.get(value)}]`, 'special');
    }
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }

  // Honors obj[Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect).
  function callCustomInspect(ctx, value, recurseTimes) {
    const fn = value[customInspectSymbol];
    if (typeof fn !== 'function' || fn === inspect) return undefined;
    if (value.constructor && value.constructor.prototype === value) return undefined;
    const depth = ctx.depth === Infinity ? null : ctx.depth - recurseTimes;
    const ret = FunctionPrototypeCall(fn, value, depth, { ...ctx.userOptions, stylize: ctx.stylize }, inspect);
    if (ret === value) return undefined;
    if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
    return SafeRegExpReplace(/\n/g, ret, `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`);
  }

  function formatRaw(ctx, value, recurseTimes, typedArray) {
    const protoProps = ctx.showHidden && recurseTimes <= ctx.depth ? [] : undefined;
    const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
    const noProtoProps = protoProps === undefined || protoProps.length === 0;
    let tag = value[SymbolToStringTag];
    // An own enumerable tag is printed as a key already; don't repeat it.
    if (typeof tag !== 'string' ||
        (tag !== '' && (ctx.showHidden ? hasOwn : isEnumerable)(value, SymbolToStringTag))) {
      tag = '';
    }
    const shape = describe(ctx, value, recurseTimes, constructor, tag, typedArray, noProtoProps);
    if (typeof shape === 'string') return shape;
    const { braces, keys, formatter = () => [], extrasType = kObjectType } = shape;
    let base = shape.base || '';

    if (recurseTimes > ctx.depth) {
      const name = StringPrototypeSlice(getPrefix(constructor, tag, 'Object'), 0, -1);
      return ctx.stylize(constructor !== null ? `[${name}]` : name, 'special');
    }
    recurseTimes += 1;
    ArrayPrototypePush(ctx.seen, value);
    ctx.currentDepth = recurseTimes;
    const indentationLvl = ctx.indentationLvl;
    let output;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (let i = 0; i < keys.length; i++) {
        ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
      }
      if (protoProps !== undefined) ArrayPrototypePushApply(output, protoProps);
    } catch (err) {
      // No regexp here: compiling one could overflow the stack again.
      if (!(err instanceof RangeError) || err.message !== 'Maximum call stack size exceeded') throw err;
      ArrayPrototypePop(ctx.seen);
      ctx.indentationLvl = indentationLvl;
      const name = StringPrototypeSlice(getPrefix(constructor, tag, 'Object'), 0, -1);
      return `[${name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`;
    }
    if (ctx.circular !== undefined && ctx.circular.has(value)) {
      const ref = ctx.stylize(`<ref *${ctx.circular.get(value)}>`, 'special');
      base = base === '' ? ref : `${ref} ${base}`;
    }
    ArrayPrototypePop(ctx.seen);
    if (ctx.sorted) {
      const cmp = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObjectType) ArrayPrototypeSort(output, cmp);
      else if (keys.length > 1) ArrayPrototypePushApply(output, ArrayPrototypeSort(ArrayPrototypeSplice(output, -keys.length), cmp));
    }
    const res = reduceToSingleString(ctx, output, base, braces, extrasType === kArrayExtrasType,
      recurseTimes, value);
    // Node's output budget: once one indentation level has produced more than
    // 2 ** 27 characters, nothing more is expanded (huge or deeply circular
    // objects would otherwise take minutes or exceed the maximum string length).
    const length = (ctx.budget[ctx.indentationLvl] || 0) + res.length;
    ctx.budget[ctx.indentationLvl] = length;
    if (length > 2 ** 27) ctx.depth = -1;
    return res;
  }

  // Works out braces, keys and entry formatter for `value`. Returns a string
  // instead when the value prints without any entries.
  function describe(ctx, value, recurseTimes, constructor, tag, typedArray, noProtoProps) {
    const builtin = mayBeBuiltin(value, constructor);
    if (value[SymbolIterator] || constructor === null) {
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
      return empty ? ctx.stylize(shape.base, 'special') : shape;
    }
    if (constructor === 'Object') {
      if (isArguments(value)) shape.braces[0] = '[Arguments] {';
      else if (tag !== '') withPrefix('Object');
      return empty ? `${shape.braces[0]}}` : shape;
    }
    if (builtin && isRegExp(value)) {
      // What RegExp.prototype.toString gives, without its `source` and `flags` lookups.
      const source = `/${RegExpPrototypeGetSource(value)}/${SafeRegExpFlags(value)}`;
      const prefix = getPrefix(constructor, tag, 'RegExp');
      shape.base = prefix !== 'RegExp ' ? prefix + source : source;
      return empty || recurseTimes > ctx.depth ? ctx.stylize(shape.base, 'regexp') : shape;
    }
    if (builtin && isDate(value)) {
      const time = DatePrototypeGetTime(value);
      const text = NumberIsNaN(time) ? DatePrototypeToString(value) : DatePrototypeToISOString(value);
      const prefix = getPrefix(constructor, tag, 'Date');
      shape.base = prefix !== 'Date ' ? prefix + text : text;
      return empty ? ctx.stylize(shape.base, 'date') : shape;
    }
    if (isError(value)) {
      shape.base = formatError(ctx, value, constructor, tag, keys);
      return keys.length === 0 && noProtoProps ? shape.base : shape;
    }
    if (builtin && (isArrayBuffer(value) || isSharedArrayBuffer(value))) {
      const prefix = getPrefix(constructor, tag, isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer');
      // Inside a typed array's [buffer] the bytes would only repeat it.
      if (typedArray === undefined) shape.formatter = formatArrayBuffer;
      else if (empty) return `${prefix}{ byteLength: ${formatNumber(value.byteLength, ctx.stylize)} }`;
      shape.braces[0] = `${prefix}{`;
      ArrayPrototypeUnshift(keys, 'byteLength');
      return shape;
    }
    if (builtin && isDataView(value)) {
      ArrayPrototypeUnshift(keys, 'byteLength', 'byteOffset', 'buffer'); // buffer last: it nests
      return withPrefix('DataView');
    }
    if (isPromise(value)) {
      if (typeof internals.getPromiseDetails === 'function') shape.formatter = formatPromise;
      else if (empty) return `${getPrefix(constructor, tag, 'Promise')}{}`; // state unknowable
      return withPrefix('Promise');
    }
    const weak = !builtin ? '' : isWeakSet(value) ? 'WeakSet' : isWeakMap(value) ? 'WeakMap' : '';
    if (weak !== '') {
      shape.formatter = () => [ctx.stylize('<items unknown>', 'special')];
      return withPrefix(weak);
    }
    const boxed = builtin ? findBoxedType(value) : undefined;
    if (boxed !== undefined) {
      shape.base = getBoxedBase(ctx, value, keys, constructor, tag, boxed);
      if (keys.length !== 0 || !noProtoProps) return shape;
      return ctx.stylize(shape.base, StringPrototypeToLowerCase(boxed.type));
    }
    return empty ? `${getPrefix(constructor, tag, 'Object')}{}` : withPrefix('Object');
  }

  // Arrays, Sets, Maps and typed arrays.
  function describeIterable(ctx, value, constructor, tag, noProtoProps, builtin) {
    const showHidden = ctx.showHidden;
    if (ArrayIsArray(value)) {
      const prefix = constructor !== 'Array' || tag !== '' ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      const keys = getNonIndexKeys(value, showHidden);
      if (value.length === 0 && keys.length === 0 && noProtoProps) return `${prefix}[]`;
      return { keys, braces: [`${prefix}[`, ']'], formatter: formatArray, extrasType: kArrayExtrasType };
    }
    const kind = !builtin ? '' : isSet(value) ? 'Set' : isMap(value) ? 'Map' : '';
    if (kind !== '') {
      const size = (kind === 'Set' ? setSize : mapSize)(value);
      const prefix = getPrefix(constructor, tag, kind, `(${size})`);
      const keys = getKeys(value, showHidden);
      if (size === 0 && keys.length === 0 && noProtoProps) return `${prefix}{}`;
      return { keys, braces: [`${prefix}{`, '}'], formatter: kind === 'Set' ? formatSet : formatMap };
    }
    if (isTypedArray(value)) {
      const keys = getNonIndexKeys(value, showHidden);
      const size = typedArrayLength(value);
      const fallback = constructor === null ? typedArrayName(value) : '';
      const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
      if (size === 0 && keys.length === 0 && !showHidden) return `${prefix}[]`;
      return { keys, braces: [`${prefix}[`, ']'], formatter: formatTypedArray, extrasType: kArrayExtrasType };
    }
    return undefined;
  }

  function getFunctionBase(value, constructor, tag) {
    const source = FunctionPrototypeToString(value);
    if (StringPrototypeStartsWith(source, 'class') && StringPrototypeEndsWith(source, '}')) {
      // Rule out e.g. `class() {}` methods; parentheses in comments are ok.
      const body = StringPrototypeSlice(source, 5, -1);
      const brace = StringPrototypeIndexOf(body, '{');
      const stripped = SafeRegExpReplace(/\/\/.*?\n|\/\*[\s\S]*?\*\//g, body, '');
      if (brace !== -1 && (!StringPrototypeIncludes(StringPrototypeSlice(body, 0, brace), '(') ||
          RegExpPrototypeExec(/^\s+[^(]*?\s*{/, stripped) !== null)) {
        return getClassBase(value, constructor, tag);
      }
    }
    const isGenerator = ObjectPrototypeIsPrototypeOf(GeneratorFunctionProto, value);
    const isAsyncGenerator = ObjectPrototypeIsPrototypeOf(AsyncGeneratorFunctionProto, value);
    let type = isGenerator || isAsyncGenerator ? 'GeneratorFunction' : 'Function';
    if (isAsyncGenerator || ObjectPrototypeIsPrototypeOf(AsyncFunctionProto, value)) type = `Async${type}`;
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
      const superName = ObjectGetPrototypeOf(value).name;
      if (superName) base += ` extends ${superName}`;
    } else {
      base += ' extends [null prototype]';
    }
    return `[${base}]`;
  }

  function getBoxedBase(ctx, value, keys, constructor, tag, { type, valueOf }) {
    if (type === 'String') ArrayPrototypeSplice(keys, 0, value.length); // drop the char indices
    let base = `[${type}`;
    if (type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
    base += `: ${formatPrimitive(ctx, valueOf(value), noColor)}]`;
    if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
    return base;
  }

  // ---- entry formatters (each returns an array of entry strings)

  function formatArray(ctx, value, recurseTimes) {
    const length = MathMin(MathMax(0, ctx.maxArrayLength), value.length);
    const output = [];
    for (let i = 0; i < length; i++) {
      if (!hasOwn(value, i)) return formatSparseArray(ctx, value, recurseTimes, length, output, i);
      ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (value.length > length) ArrayPrototypePush(output, remainingText(value.length - length));
    return output;
  }

  // Runs of holes print as `<N empty items>`; each run counts as one entry.
  function formatSparseArray(ctx, value, recurseTimes, maxLength, output, i) {
    const holes = (n) => ctx.stylize(`<${n} empty item${n > 1 ? 's' : ''}>`, 'undefined');
    const keys = ObjectKeys(value);
    let index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      const key = keys[i];
      if (+key > 2 ** 32 - 2) break;
      if (`${index}` !== key) {
        if (RegExpPrototypeExec(indexKey, key) === null) break;
        ArrayPrototypePush(output, holes(+key - index));
        index = +key;
        if (output.length === maxLength) break;
      }
      ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (remaining > 0) ArrayPrototypePush(output, output.length !== maxLength ? holes(remaining) : remainingText(remaining));
    return output;
  }

  function formatTypedArray(ctx, value, recurseTimes) {
    const output = formatItems(ctx, TypedArrayPrototypeValues(value), ArrayIteratorPrototypeNext,
      typedArrayLength(value),
      (n) => (typeof n === 'bigint' ? formatBigInt(n, ctx.stylize) : formatNumber(n, ctx.stylize)));
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      for (const key of new SafeArrayIterator(['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'])) {
        ArrayPrototypePush(output, `[${key}]: ${formatValue(ctx, value[key], recurseTimes, true)}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function formatArrayBuffer(ctx, value) {
    let bytes;
    try { bytes = new Uint8Array(value); } catch { return [ctx.stylize('(detached)', 'special')]; }
    const shown = MathMin(ctx.maxArrayLength, bytes.length);
    const hex = [];
    for (let i = 0; i < shown; i++) hex[i] = StringPrototypePadStart(NumberPrototypeToString(bytes[i], 16), 2, '0');
    let str = ArrayPrototypeJoin(hex, ' ');
    const remaining = bytes.length - ctx.maxArrayLength;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
  }

  // Formats up to maxArrayLength of the `size` items of `iterator` (stepped
  // by the original `next`) with `fn`, one indentation level deeper.
  function formatItems(ctx, iterator, next, size, fn) {
    const max = MathMin(MathMax(0, ctx.maxArrayLength), size);
    const output = [];
    ctx.indentationLvl += 2;
    for (let step = next(iterator); !step.done && output.length < max; step = next(iterator)) {
      ArrayPrototypePush(output, fn(step.value));
    }
    ctx.indentationLvl -= 2;
    if (size > max) ArrayPrototypePush(output, remainingText(size - max));
    return output;
  }

  function formatSet(ctx, value, recurseTimes) {
    return formatItems(ctx, SetPrototypeValues(value), SetIteratorPrototypeNext, setSize(value),
      (v) => formatValue(ctx, v, recurseTimes));
  }

  function formatMap(ctx, value, recurseTimes) {
    return formatItems(ctx, MapPrototypeEntries(value), MapIteratorPrototypeNext, mapSize(value),
      (e) => `${formatValue(ctx, e[0], recurseTimes)} => ${formatValue(ctx, e[1], recurseTimes)}`);
  }

  function formatPromise(ctx, value, recurseTimes) {
    const details = internals.getPromiseDetails(value);
    const state = details[0];
    const result = details[1];
    if (state === 0) return [ctx.stylize('<pending>', 'special')];
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, result, recurseTimes);
    ctx.indentationLvl -= 2;
    return [state === 2 ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
  }

  const keyIdentifier = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  // `original`: the inspected object, for getters found on its prototypes.
  function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
    desc = desc || ObjectGetOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    let str;
    if (desc.value !== undefined) {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, desc.value, recurseTimes);
      ctx.indentationLvl -= 2;
    } else if (desc.get !== undefined) {
      const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
      const getters = ctx.getters;
      const s = ctx.stylize;
      if (getters && (getters === true || (getters === 'get' && desc.set === undefined) ||
                      (getters === 'set' && desc.set !== undefined))) {
        // The getters option: the getter's value, called on the inspected object.
        try {
          const got = FunctionPrototypeCall(desc.get, original);
          ctx.indentationLvl += 2;
          if (got === null) str = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${s(']', 'special')}`;
          else if (typeof got === 'object') str = `${s(`[${label}]`, 'special')} ${formatValue(ctx, got, recurseTimes)}`;
          else str = `${s(`[${label}:`, 'special')} ${formatPrimitive(ctx, got)}${s(']', 'special')}`;
          ctx.indentationLvl -= 2;
        } catch (err) {
          str = `${s(`[${label}:`, 'special')} <Inspection threw (${err.message})>${s(']', 'special')}`;
        }
      } else {
        str = s(`[${label}]`, 'special');
      }
    } else {
      str = desc.set !== undefined ? ctx.stylize('[Setter]', 'special') : ctx.stylize('undefined', 'undefined');
    }
    if (type === kArrayType) return str;
    let name;
    if (typeof key === 'symbol') name = `[${ctx.stylize(escapeBare(SymbolPrototypeToString(key)), 'symbol')}]`;
    else if (key === '__proto__') name = "['__proto__']";
    else if (desc.enumerable === false) name = `[${escapeBare(key)}]`;
    else if (RegExpPrototypeExec(keyIdentifier, key) !== null) name = ctx.stylize(key, 'name');
    else name = ctx.stylize(quoteString(key), 'string');
    return `${name}: ${str}`;
  }

  // ---- public API

  // Every context has the same shape, made in one literal: objects grown
  // key by key (a spread of defaultOptions, then userOptions) cost V8 a map
  // transition per key on every call, which made console.log slow.
  function newContext() {
    const d = defaultOptions;
    return {
      showHidden: d.showHidden, depth: d.depth, colors: d.colors, customInspect: d.customInspect,
      showProxy: d.showProxy, maxArrayLength: d.maxArrayLength, maxStringLength: d.maxStringLength,
      breakLength: d.breakLength, compact: d.compact, sorted: d.sorted, getters: d.getters,
      numericSeparator: d.numericSeparator,
      seen: [], indentationLvl: 0, currentDepth: 0, userOptions: undefined, circular: undefined,
      budget: [], stylize: noColor,
    };
  }

  // The options as the caller gave them (before null depths become
  // Infinity), for custom inspect functions.
  function optionsOf(ctx) {
    return {
      showHidden: ctx.showHidden, depth: ctx.depth, colors: ctx.colors,
      customInspect: ctx.customInspect, showProxy: ctx.showProxy,
      maxArrayLength: ctx.maxArrayLength, maxStringLength: ctx.maxStringLength,
      breakLength: ctx.breakLength, compact: ctx.compact, sorted: ctx.sorted,
      getters: ctx.getters, numericSeparator: ctx.numericSeparator,
    };
  }

  function inspect(value, opts) {
    // Numbers, booleans, undefined and the like need no context.
    if (opts === undefined && typeof value !== 'object' && typeof value !== 'function' &&
        typeof value !== 'string') {
      return formatPrimitive(undefined, value);
    }
    const ctx = newContext();
    if (arguments.length > 2) { // legacy inspect(value, showHidden, depth, colors)
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts !== null && typeof opts === 'object') {
      const keys = ObjectKeys(opts);
      for (let i = 0; i < keys.length; i++) {
        // A caller's own stylize is used too (Node's undocumented option).
        if (hasOwn(defaultOptions, keys[i]) || keys[i] === 'stylize') ctx[keys[i]] = opts[keys[i]];
      }
    }
    if (ctx.colors) ctx.stylize = internals.inspectColors().stylizeWithColor;
    ctx.userOptions = optionsOf(ctx);
    if (ctx.depth === null) ctx.depth = Infinity;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return formatValue(ctx, value, 0);
  }
  inspect.custom = customInspectSymbol;
  inspect.defaultOptions = defaultOptions;

  internals.inspect = inspect;
})
