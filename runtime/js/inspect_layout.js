// How inspect.js lays out the entries of an object or array: on one line when
// they fit, else one per line, with many short array entries grouped into
// aligned columns, as Node 20's util.inspect does (widths without colours).
// Defines internals.inspectLayout for inspect.js, which is evaluated after it.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeJoin, ArrayPrototypePush, MathFloor, MathMax, MathMin, MathRound, MathSqrt,
    RegExpPrototypeExec, SafeStringIterator, StringPrototypeCharCodeAt, StringPrototypeCodePointAt,
    StringPrototypeIncludes, StringPrototypeNormalize, StringPrototypePadEnd, StringPrototypePadStart,
    StringPrototypeRepeat, StringPrototypeSlice,
  } = internals.primordials;

  // Terminal cells a string occupies, approximating ICU's East Asian Width:
  // wide CJK/emoji count 2, controls and combining marks 0.
  const wideRanges = (
    '1100-115f 231a-231b 2329-232a 23e9-23ec 23f0 23f3 25fd-25fe 2614-2615 2648-2653 ' +
    '267f 2693 26a1 26aa-26ab 26bd-26be 26c4-26c5 26ce 26d4 26ea 26f2-26f3 26f5 26fa ' +
    '26fd 2705 270a-270b 2728 274c 274e 2753-2755 2757 2795-2797 27b0 27bf 2b1b-2b1c ' +
    '2b50 2b55 2e80-303e 3041-33ff 3400-4dbf 4e00-a4cf a960-a97f ac00-d7a3 f900-faff ' +
    'fe10-fe19 fe30-fe6f ff00-ff60 ffe0-ffe6 16fe0-18cff 1b000-1b2ff 1f004 1f0cf 1f18e ' +
    '1f191-1f19a 1f200-1f251 1f300-1f320 1f32d-1f335 1f337-1f37c 1f37e-1f393 1f3a0-1f3ca ' +
    '1f3cf-1f3d3 1f3e0-1f3f0 1f3f4 1f3f8-1f43e 1f440 1f442-1f4fc 1f4ff-1f53d 1f54b-1f54e ' +
    '1f550-1f567 1f57a 1f595-1f596 1f5a4 1f5fb-1f64f 1f680-1f6c5 1f6cc 1f6d0-1f6d2 ' +
    '1f6d5-1f6d7 1f6eb-1f6ec 1f6f4-1f6fc 1f7e0-1f7eb 1f90c-1f93a 1f93c-1f945 1f947-1f9ff ' +
    '1fa70-1faff 20000-3fffd'
  ).split(' ').map((r) => r.split('-').map((hex) => parseInt(hex, 16)));
  const zeroWidth = /[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]/u;
  const isWide = (code) => {
    for (let i = 0; i < wideRanges.length; i++) {
      const range = wideRanges[i];
      if (code >= range[0] && code <= (range.length > 1 ? range[1] : range[0])) return true;
    }
    return false;
  };

  // inspect_colors.js: what only coloured or escape-laden text needs,
  // compiled on first use so that hello's heap does not carry it.
  let colors;
  internals.inspectColors = () => (colors ??= natives.loadScript('inspect_colors.js')(natives, internals));

  function getStringWidth(str, removeControlChars = true) {
    if (removeControlChars && (StringPrototypeIncludes(str, '\u001b') || StringPrototypeIncludes(str, '\u009b'))) {
      str = internals.inspectColors().stripVTControlCharacters(str);
    }
    let width = 0;
    let i = 0;
    for (; i < str.length; i++) { // ASCII fast path
      const code = StringPrototypeCharCodeAt(str, i);
      if (code >= 0x7f) break;
      if (code >= 0x20) width++;
    }
    if (i === str.length) return width;
    for (const ch of new SafeStringIterator(StringPrototypeNormalize(StringPrototypeSlice(str, i), 'NFC'))) {
      const code = StringPrototypeCodePointAt(ch, 0);
      if (code < 0x20 || (code >= 0x7f && code < 0xa0) || RegExpPrototypeExec(zeroWidth, ch) !== null) continue;
      width += isWide(code) ? 2 : 1;
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
      const len = getStringWidth(output[i], ctx.colors);
      ArrayPrototypePush(widths, len);
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
    const averageBias = MathSqrt(actualMax - totalLength / output.length);
    const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
    const columns = MathMin(
      MathRound(MathSqrt(2.5 * biasedMax * count) / biasedMax),
      MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const columnWidths = [];
    for (let c = 0; c < columns; c++) {
      let width = 0;
      for (let j = c; j < count; j += columns) width = MathMax(width, widths[j]);
      ArrayPrototypePush(columnWidths, width + separatorSpace);
    }
    // Only arrays made entirely of numbers are right-aligned; extra keys
    // (value[i] undefined past the end) make it left-aligned.
    let padStart = true;
    for (let i = 0; i < output.length && padStart; i++) {
      padStart = typeof value[i] === 'number' || typeof value[i] === 'bigint';
    }
    const rows = [];
    for (let i = 0; i < count; i += columns) {
      const end = MathMin(i + columns, count);
      let row = '';
      let j = i;
      for (; j < end - 1; j++) {
        const padding = columnWidths[j - i] + output[j].length - widths[j];
        row += padStart ? StringPrototypePadStart(`${output[j]}, `, padding) : StringPrototypePadEnd(`${output[j]}, `, padding);
      }
      if (padStart) {
        const padding = columnWidths[j - i] + output[j].length - widths[j] - separatorSpace;
        row += StringPrototypePadStart(output[j], padding);
      } else {
        row += output[j];
      }
      ArrayPrototypePush(rows, row);
    }
    if (count < output.length) ArrayPrototypePush(rows, output[count]);
    return rows;
  }

  function isBelowBreakLength(ctx, output, start, base) {
    let total = output.length + start;
    if (total + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      total += ctx.colors ? internals.inspectColors().removeColors(output[i]).length : output[i].length;
      if (total > ctx.breakLength) return false;
    }
    return base === '' || !StringPrototypeIncludes(base, '\n');
  }

  // Puts the entries on one line when fewer than `compact` levels of objects
  // were entered since this one (ctx.currentDepth is the depth of the object
  // formatted last) and the line fits; otherwise one entry or row per line.
  // `groupable`: the entries are an array's, which may be laid out in columns.
  function reduceToSingleString(ctx, output, base, braces, groupable, recurseTimes, value) {
    const prefix = base ? `${base} ` : '';
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (groupable && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = ArrayPrototypeJoin(output, ', ');
          if (!StringPrototypeIncludes(joined, '\n')) return `${prefix}${braces[0]} ${joined} ${braces[1]}`;
        }
      }
    }
    const indentation = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
    return `${prefix}${braces[0]}${indentation}  ${
      concatEntries(output, `,${indentation}  `)}${indentation}${braces[1]}`;
  }

  // join(), but without copying: V8 10.2's join writes every entry into a new
  // flat string, so each level of a deep object copied all that it held
  // (a 1000-deep chain took minutes and gigabytes of page faults); `+` makes
  // cons strings, flattened once when the result is used.
  function concatEntries(output, separator) {
    let text = output.length > 0 ? output[0] : '';
    for (let i = 1; i < output.length; i++) text += separator + output[i];
    return text;
  }

  internals.inspectLayout = { reduceToSingleString, getStringWidth };
})
