// How util.inspect prints primitives: strings quoted and escaped as Node 20
// does (split into `+` pieces when long), numbers, bigints and symbols; and the
// "Foo(2) [Tag] " prefixes of objects. Defines internals.inspectPrimitives for
// inspect.js, inspect_errors.js and inspect_format.js, evaluated after it.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePush, NumberPrototypeToString, ObjectIs,
    RegExp, SafeRegExpReplace, StringPrototypeCharCodeAt, StringPrototypeIncludes,
    StringPrototypeIndexOf, StringPrototypePadStart, StringPrototypeRepeat, StringPrototypeSlice,
    StringPrototypeToUpperCase, SymbolPrototypeToString,
  } = internals.primordials;

  // ---- strings and other primitives

  // C0/C1 controls, backslash, lone surrogates and (unless another quote
  // is used) the single quote are escaped.
  const loneSurrogate = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
  const escapesWithQuote = new RegExp(`[\\x00-\\x1f\\x27\\x5c\\x7f-\\x9f]|${loneSurrogate}`, 'g');
  const escapesNoQuote = new RegExp(`[\\x00-\\x1f\\x5c\\x7f-\\x9f]|${loneSurrogate}`, 'g');
  const namedEscapes = { __proto__: null, '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'", '\\': '\\\\' };
  function escapeChar(ch) {
    if (namedEscapes[ch] !== undefined) return namedEscapes[ch];
    const code = StringPrototypeCharCodeAt(ch, 0);
    if (code >= 0xd800) return `\\u${NumberPrototypeToString(code, 16)}`;
    return `\\x${StringPrototypePadStart(StringPrototypeToUpperCase(NumberPrototypeToString(code, 16)), 2, '0')}`;
  }
  const escapeBare = (str) => SafeRegExpReplace(escapesWithQuote, str, escapeChar);

  // Node prefers single quotes, then double, then backticks, so that the
  // quote character rarely needs escaping.
  function quoteString(str) {
    let quote = "'";
    if (StringPrototypeIncludes(str, "'")) {
      if (!StringPrototypeIncludes(str, '"')) quote = '"';
      else if (!StringPrototypeIncludes(str, '`') && !StringPrototypeIncludes(str, '${')) quote = '`';
    }
    const escaped = SafeRegExpReplace(quote === "'" ? escapesWithQuote : escapesNoQuote, str, escapeChar);
    return quote + escaped + quote;
  }

  // `stylize(text, styleType)`: ctx.stylize (inspect.js), plain text when absent.
  const noColor = (str) => str;
  const formatNumber = (n, stylize = noColor) => stylize(ObjectIs(n, -0) ? '-0' : `${n}`, 'number');
  const formatBigInt = (n, stylize = noColor) => stylize(`${n}n`, 'bigint');

  // `stylize` defaults to the context's; boxed primitives pass noColor.
  function formatPrimitive(ctx, value, stylize = ctx === undefined ? noColor : ctx.stylize) {
    switch (typeof value) {
      case 'string': return formatString(ctx, value, stylize);
      case 'number': return formatNumber(value, stylize);
      case 'bigint': return formatBigInt(value, stylize);
      case 'boolean': return stylize(`${value}`, 'boolean');
      case 'undefined': return stylize('undefined', 'undefined');
      default: return stylize(SymbolPrototypeToString(value), 'symbol');
    }
  }

  function formatString(ctx, value, stylize) {
    let trailer = '';
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    // Long multi-line strings are split after each newline into `+` pieces.
    if (ctx.compact !== true && value.length > 16 &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      const glue = ` +\n${StringPrototypeRepeat(' ', ctx.indentationLvl + 2)}`;
      const piece = (line) => stylize(quoteString(line), 'string');
      return ArrayPrototypeJoin(ArrayPrototypeMap(splitAfterNewlines(value), piece), glue) + trailer;
    }
    return stylize(quoteString(value), 'string') + trailer;
  }

  // value.split(/(?<=\n)/): each piece ends with its newline.
  function splitAfterNewlines(value) {
    const pieces = [];
    let start = 0;
    for (let end = StringPrototypeIndexOf(value, '\n'); end !== -1 && end + 1 < value.length;
      end = StringPrototypeIndexOf(value, '\n', start)) {
      ArrayPrototypePush(pieces, StringPrototypeSlice(value, start, end + 1));
      start = end + 1;
    }
    ArrayPrototypePush(pieces, StringPrototypeSlice(value, start));
    return pieces;
  }

  // ---- class prefixes

  // "Foo(2) [Tag] " style prefix; `size` is only used for collections.
  function getPrefix(constructor, tag, fallback, size = '') {
    if (constructor === null) {
      if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
    return `${constructor}${size} `;
  }

  internals.inspectPrimitives = {
    escapeBare, quoteString, formatNumber, formatBigInt, formatPrimitive, getPrefix, noColor,
  };
})
