// How util.inspect prints an Error: its stack with the real class named on the
// first line, own keys that the stack already shows left out, and frames shared
// with err.cause's trace collapsed, as Node 20 does. Defines
// internals.inspectErrors for inspect.js, evaluated after it.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypeJoin,
    ArrayPrototypePush, ArrayPrototypeSplice, ErrorPrototypeToString, MathMin,
    RegExpPrototypeExec, SafeArrayIterator, SafeRegExpReplace, String, StringPrototypeEndsWith,
    StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypeRepeat, StringPrototypeSlice,
    StringPrototypeSplit, StringPrototypeStartsWith,
  } = internals.primordials;
  const { isError } = internals.inspectBrands; // inspect_brands.js
  const { getPrefix } = internals.inspectPrimitives; // inspect_primitives.js

  // ---- errors

  function errorStack(err) {
    return err.stack ? String(err.stack) : ErrorPrototypeToString(err);
  }

  function formatError(ctx, err, constructor, tag, keys) {
    const name = err.name != null ? String(err.name) : 'Error';
    let stack = errorStack(err);
    // name/message/stack already visible in the stack are not repeated.
    if (!ctx.showHidden && keys.length !== 0) {
      for (const key of new SafeArrayIterator(['name', 'message', 'stack'])) {
        const index = ArrayPrototypeIndexOf(keys, key);
        if (index !== -1 && StringPrototypeIncludes(stack, err[key])) ArrayPrototypeSplice(keys, index, 1);
      }
    }
    if ('cause' in err && !ArrayPrototypeIncludes(keys, 'cause')) ArrayPrototypePush(keys, 'cause');
    if (ArrayIsArray(err.errors) && !ArrayPrototypeIncludes(keys, 'errors')) ArrayPrototypePush(keys, 'errors');
    stack = improveStack(stack, constructor, name, tag);

    let pos = (err.message && StringPrototypeIndexOf(stack, err.message)) || -1;
    if (pos !== -1) pos += err.message.length;
    const framesStart = StringPrototypeIndexOf(stack, '\n    at', pos);
    if (framesStart === -1) {
      stack = `[${stack}]`; // no trace: bracket it like other objects
    } else {
      const frames = StringPrototypeSplit(StringPrototypeSlice(stack, framesStart + 1), '\n');
      collapseCauseFrames(err, frames);
      if (ctx.colors) internals.inspectColors().markFrames(ctx, frames);
      stack = `${StringPrototypeSlice(stack, 0, framesStart)}\n${ArrayPrototypeJoin(frames, '\n')}`;
    }
    if (ctx.indentationLvl !== 0) {
      stack = SafeRegExpReplace(/\n/g, stack, `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`);
    }
    return stack;
  }

  // Makes the first line name the real class, e.g. "MyErr [Error]: hi".
  function improveStack(stack, constructor, name, tag) {
    let len = name.length;
    const looksNormal = StringPrototypeEndsWith(name, 'Error') && StringPrototypeStartsWith(stack, name) &&
      (stack.length === len || stack[len] === ':' || stack[len] === '\n');
    if (constructor !== null && !looksNormal) return stack;
    let fallback = 'Error';
    if (constructor === null) {
      const start = RegExpPrototypeExec(/^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/, stack) ||
        RegExpPrototypeExec(/^([a-z_A-Z0-9-]*Error)$/, stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = StringPrototypeSlice(getPrefix(constructor, tag, fallback), 0, -1);
    if (name === prefix) return stack;
    if (StringPrototypeIncludes(prefix, name)) {
      return len === 0 ? `${prefix}: ${stack}` : `${prefix}${StringPrototypeSlice(stack, len)}`;
    }
    return `${prefix} [${name}]${StringPrototypeSlice(stack, len)}`;
  }

  // Frames shared with err.cause's trace are summarized in one line.
  function collapseCauseFrames(err, frames) {
    let cause;
    try { cause = err.cause; } catch { return; }
    if (cause == null || !isError(cause)) return;
    const causeStack = errorStack(cause);
    const start = StringPrototypeIndexOf(causeStack, '\n    at');
    if (start === -1) return;
    const causeFrames = StringPrototypeSplit(StringPrototypeSlice(causeStack, start + 1), '\n');
    for (let i = 0; i < frames.length - 3; i++) {
      const pos = ArrayPrototypeIndexOf(causeFrames, frames[i]);
      if (pos === -1 || causeFrames.length - pos <= 3) continue;
      const maxLen = MathMin(frames.length - i, causeFrames.length - pos);
      let len = 1;
      while (len < maxLen && frames[i + len] === causeFrames[pos + len]) len++;
      if (len > 3) {
        const skipped = len - 2;
        ArrayPrototypeSplice(frames, i + 1, skipped, `    ... ${skipped} lines matching cause stack trace ...`);
        return;
      }
    }
  }

  internals.inspectErrors = { formatError };
})
