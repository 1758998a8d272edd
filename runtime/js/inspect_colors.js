// What only coloured (or escape-laden) text needs: util.inspect's
// stylizeWithColor, the VT escape stripping of getStringWidth (Node's
// stripVTControlCharacters pattern), the marking of an error's stack frames,
// and the global console's colorMode 'auto'. Compiled on first use through
// internals.inspectColors() (inspect_layout.js), so hello's heap lacks it.
(function (natives, internals) {
  'use strict';
  const {
    RegExp, RegExpPrototypeExec, SafeRegExpReplace, StringPrototypeEndsWith, StringPrototypeIndexOf,
    StringPrototypeSlice, StringPrototypeStartsWith,
  } = internals.primordials;

  // ANSI escape sequences (CSI and OSC), which take no cells: Node's
  // stripVTControlCharacters pattern.
  const ansi = new RegExp('[\\u001B\\u009B][[\\]()#;?]*' +
    '(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?' +
    '(?:\\u0007|\\u001B\\u005C|\\u009C))|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))', 'g');
  const stripVTControlCharacters = (str) => SafeRegExpReplace(ansi, str, '');
  // What inspect's own colours add: SGR codes only.
  const removeColors = (str) => SafeRegExpReplace(/\u001b\[\d\d?m/g, str, '');
  // With colours, as Node: frames in Node's own modules grey, package names
  // after node_modules/ underlined, the working directory's part grey.
  const coreFrame = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;
  function markFrames(ctx, frames) {
    let cwd;
    try { cwd = globalThis.process.cwd(); } catch { cwd = undefined; }
    let cwdUrl;
    for (let i = 0; i < frames.length; i++) {
      let line = frames[i];
      const core = RegExpPrototypeExec(coreFrame, line);
      if (core !== null && (internals.isBuiltin(core[1]) || StringPrototypeStartsWith(core[1], 'internal/'))) {
        frames[i] = ctx.stylize(line, 'undefined');
        continue;
      }
      line = markNodeModules(ctx, line);
      if (cwd !== undefined) {
        let marked = markCwd(ctx, line, cwd);
        if (marked === line) {
          cwdUrl ??= internals.requireBuiltin('url').pathToFileURL(cwd).href;
          marked = markCwd(ctx, line, cwdUrl);
        }
        line = marked;
      }
      frames[i] = line;
    }
  }

  function markNodeModules(ctx, line) {
    const re = /[/\\]node_modules[/\\](.+?)(?=[/\\])/g;
    let marked = '';
    let pos = 0;
    for (let m = RegExpPrototypeExec(re, line); m !== null; m = RegExpPrototypeExec(re, line)) {
      marked += StringPrototypeSlice(line, pos, m.index + 14); // through "/node_modules/"
      marked += ctx.stylize(m[1], 'module');
      pos = m.index + m[0].length;
    }
    return pos === 0 ? line : marked + StringPrototypeSlice(line, pos);
  }

  // Greys the directory (with its "(" and, for a URL, "file://") and the
  // closing ")" of a frame in it.
  function markCwd(ctx, line, dir) {
    let start = StringPrototypeIndexOf(line, dir);
    if (start === -1) return line;
    let length = dir.length;
    if (StringPrototypeSlice(line, start - 7, start) === 'file://') {
      length += 7;
      start -= 7;
    }
    const from = line[start - 1] === '(' ? start - 1 : start;
    const closing = from !== start && StringPrototypeEndsWith(line, ')');
    const dirEnd = start + length + 1;
    let marked = StringPrototypeSlice(line, 0, from) + ctx.stylize(StringPrototypeSlice(line, from, dirEnd), 'undefined');
    marked += StringPrototypeSlice(line, dirEnd, closing ? -1 : line.length);
    if (closing) marked += ctx.stylize(')', 'undefined');
    return marked;
  }

  // inspect.styles names a colour of inspect.colors for each style type
  // ('name' has none); both tables are util.js's, made at first use.
  const inspect = internals.inspect;
  function stylizeWithColor(str, styleType) {
    if (inspect.styles === undefined && !colorTablesMade) {
      colorTablesMade = true;
      internals.requireBuiltin('util');
    }
    const style = inspect.styles[styleType];
    if (style !== undefined) {
      const color = inspect.colors[style];
      if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
    }
    return str;
  }
  let colorTablesMade = false;

  // tty's getColorDepth() > 2 with FORCE_COLOR set.
  const forceColors = (force) => force === '' || force === '1' || force === 'true' || force === '2' || force === '3';
  const kColors = { colors: true };

  // Node's shouldColorize(stream): FORCE_COLOR decides when set, else the
  // stream must be a terminal with more than 2 colours (NO_COLOR,
  // NODE_DISABLE_COLORS, TERM=dumb... through tty's getColorDepth).
  // The global console (console.js) asks at each call, as Node does;
  // undefined means plain text. `lazy`: console_impl.js, once console._stdout
  // or a group made its writes indirect.
  function consoleColors(console, useStdout, direct, lazy) {
    if (!direct) return lazy().globalColorOptions(useStdout);
    const force = globalThis.process?.env?.FORCE_COLOR;
    if (force !== undefined) return forceColors(force) ? kColors : undefined;
    const stream = useStdout ? console._stdout : console._stderr;
    return stream?.isTTY && (typeof stream.getColorDepth !== 'function' || stream.getColorDepth() > 2)
      ? kColors : undefined;
  }

  // The options of an uncaught error's report: coloured as stderr would be.
  function reportOptions() {
    try {
      const force = globalThis.process?.env?.FORCE_COLOR;
      if (force !== undefined) return forceColors(force) ? kColors : undefined;
      const colored = natives.isatty(2) && internals.isBuiltin('tty') &&
        internals.requireBuiltin('tty').WriteStream.prototype.getColorDepth() > 2;
      return colored ? kColors : undefined;
    } catch {
      return undefined;
    }
  }

  return { stripVTControlCharacters, removeColors, markFrames, stylizeWithColor, forceColors, consoleColors, reportOptions };
})
