// console.Console and the console methods beyond log/warn (Node 20's
// lib/internal/console/constructor.js behaviour): time/timeLog formats,
// counts, groups, dir, assert, trace, clear, the write path with Node's
// error swallowing. console.table is console_table.js. Compiled on first use
// of any of them; returns its exports to console.js.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeJoin, ArrayPrototypeSlice, Boolean, Error, ErrorCaptureStackTrace, FunctionPrototypeBind, MathFloor,
    Map, MapPrototypeDelete, MapPrototypeGet, MapPrototypeHas, MapPrototypeSet,
    NumberPrototypeToFixed, ObjectCreate, ObjectDefineProperties, ObjectDefineProperty,
    ObjectKeys, RangeError, ReflectApply, ReflectConstruct, StringPrototypeIncludes, StringPrototypePadStart,
    StringPrototypeRepeat, StringPrototypeSlice, StringPrototypeSplit, Symbol, SymbolHasInstance,
    SymbolToStringTag, TypeError, WeakMap, WeakMapPrototypeGet, WeakMapPrototypeSet,
  } = internals.primordials;
  // Where every console keeps its state: Console instances from their
  // constructor, the global console from when this file is loaded.
  const kCounts = Symbol('counts');
  const kGroupIndent = Symbol('kGroupIndent');
  const kGroupIndentWidth = Symbol('kGroupIndentWidth');
  const kColorMode = Symbol('kColorMode');
  const kIsConsole = Symbol('kIsConsole');
  const kWriteToConsole = Symbol('kWriteToConsole');
  const globalConsole = internals.globalConsole;
  const { nodeError, invalidArgType, invalidArgValue, validateInteger } = internals.nodeErrors;
  const { formatArgs } = internals;

  function noop() {}
  const hidden = (value) => ({ value, writable: true, enumerable: false, configurable: true });

  function isStackOverflow(error) {
    return error instanceof RangeError && error.message === 'Maximum call stack size exceeded';
  }

  // The callback given to stream.write: an error the stream has not emitted
  // yet will be, and must not become uncaught because of console.
  function swallowLateError(stream, error) {
    if (error !== null && error !== undefined && !stream?._writableState?.errorEmitted &&
        stream.listenerCount('error') === 0) {
      stream.once('error', noop);
    }
  }

  // Node's write: errors thrown or emitted synchronously are ignored (a no-op
  // 'error' listener while the write runs), later ones by the callback; a
  // stack overflow still propagates.
  function writeIgnoringErrors(stream, text, callback) {
    try {
      if (stream.listenerCount('error') === 0) stream.once('error', noop);
      stream.write(text, callback);
    } catch (error) {
      if (isStackOverflow(error)) throw error;
    } finally {
      stream.removeListener('error', noop);
    }
  }

  function indent(self, text) {
    const groupIndent = self[kGroupIndent];
    if (groupIndent.length !== 0) {
      if (StringPrototypeIncludes(text, '\n')) {
        text = ArrayPrototypeJoin(StringPrototypeSplit(text, '\n'), `\n${groupIndent}`);
      }
      text = groupIndent + text;
    }
    return `${text}\n`;
  }

  function writeToConsole(self, useStdout, text) {
    const stream = useStdout ? self._stdout : self._stderr;
    text = indent(self, text);
    if (self._ignoreErrors === false) return stream.write(text);
    writeIgnoringErrors(stream, text, useStdout ? self._stdoutErrorHandler : self._stderrErrorHandler);
  }

  // The global console's writes once console.js's direct path is off: to
  // the program's own _stdout/_stderr, else natives.print with the indent.
  function writeGlobal(useStdout, text, own) {
    if (own !== undefined) writeToConsole(globalConsole, useStdout, text);
    else natives.print(useStdout ? 1 : 2, indent(globalConsole, text));
  }

  // What util.inspect options a console formats with: colorMode / the
  // stream's colour depth, or the Console's own inspectOptions.
  const optionsMap = new WeakMap();
  function inspectOptions(self, useStdout) {
    let color = self[kColorMode];
    if (color === 'auto') {
      const force = globalThis.process?.env?.FORCE_COLOR;
      const stream = useStdout ? self._stdout : self._stderr;
      // Not made a boolean: Node leaves isTTY's undefined in inspectOptions.
      color = force !== undefined ? internals.inspectColors().forceColors(force) : stream?.isTTY &&
        (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
    }
    const options = WeakMapPrototypeGet(optionsMap, self);
    if (options !== undefined) {
      if (options.colors === undefined) options.colors = color;
      return options;
    }
    return color ? { colors: true } : {};
  }
  const formatFor = (self, useStdout, args) => formatArgs(inspectOptions(self, useStdout), args);
  // The global console's options once its own _stdout/_stderr are set
  // (console.js); undefined for plain text, as its direct path passes.
  function globalColorOptions(useStdout) {
    const options = inspectOptions(globalConsole, useStdout);
    return options.colors ? options : undefined;
  }

  const kSecond = 1000;
  const kMinute = 60 * kSecond;
  const kHour = 60 * kMinute;
  const pad = (value) => StringPrototypePadStart(`${value}`, 2, '0');
  // 1.234ms, 1.234s, 1:02.345 (m:ss.mmm), 1:02:03.456 (h:mm:ss.mmm).
  function formatTime(ms) {
    let hours = 0;
    let minutes = 0;
    let seconds = 0;
    if (ms >= kSecond) {
      if (ms >= kMinute) {
        if (ms >= kHour) {
          hours = MathFloor(ms / kHour);
          ms %= kHour;
        }
        minutes = MathFloor(ms / kMinute);
        ms %= kMinute;
      }
      seconds = ms / kSecond;
    }
    if (hours !== 0 || minutes !== 0) {
      const [whole, fraction] = StringPrototypeSplit(NumberPrototypeToFixed(seconds, 3), '.');
      const prefix = hours !== 0 ? `${hours}:${pad(minutes)}` : `${minutes}`;
      return `${prefix}:${pad(whole)}.${fraction} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
    }
    if (seconds !== 0) return `${NumberPrototypeToFixed(seconds, 3)}s`;
    return `${+NumberPrototypeToFixed(ms, 3)}ms`;
  }

  const emitWarning = (message) => globalThis.process.emitWarning(message);

  function timeLog(self, name, label, data) {
    const start = MapPrototypeGet(self._times, label);
    if (start === undefined) {
      emitWarning(`No such label '${label}' for console.${name}()`);
      return false;
    }
    // [seconds, nanoseconds] as in Node, where programs read and set _times.
    const duration = globalThis.process.hrtime(start);
    const formatted = formatTime(duration[0] * 1000 + duration[1] / 1e6);
    const args = ['%s: %s', label, formatted];
    if (data !== undefined) for (let i = 0; i < data.length; i++) args[i + 3] = data[i];
    ReflectApply(self.log, self, args);
    return true;
  }

  // A label's default applies to undefined only: console.time(null) is 'null'.
  const labelOf = (args) => `${args[0] === undefined ? 'default' : args[0]}`;

  let table;
  // Each takes the console, the call's arguments and the function called
  // (console.trace's stack starts below it).
  const methods = {
    log(self, args) { self[kWriteToConsole](true, formatFor(self, true, args)); },
    warn(self, args) { self[kWriteToConsole](false, formatFor(self, false, args)); },
    dir(self, args) {
      self[kWriteToConsole](true, internals.inspect(args[0], {
        customInspect: false, ...inspectOptions(self, true), ...args[1],
      }));
    },
    time(self, args) {
      const label = labelOf(args);
      if (MapPrototypeHas(self._times, label)) {
        emitWarning(`Label '${label}' already exists for console.time()`);
        return;
      }
      MapPrototypeSet(self._times, label, globalThis.process.hrtime());
    },
    timeEnd(self, args) {
      const label = labelOf(args);
      if (timeLog(self, 'timeEnd', label)) MapPrototypeDelete(self._times, label);
    },
    timeLog(self, args) {
      timeLog(self, 'timeLog', labelOf(args), ArrayPrototypeSlice(args, 1));
    },
    trace(self, args, callee) {
      const error = { name: 'Trace', message: formatFor(self, false, args) };
      ErrorCaptureStackTrace(error, callee);
      self.error(error.stack);
    },
    assert(self, args) {
      if (args[0]) return;
      args = ArrayPrototypeSlice(args, 1);
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      ReflectApply(self.warn, self, args);
    },
    // Only a terminal is cleared (https://console.spec.whatwg.org/#clear).
    clear(self) {
      const stream = self._stdout;
      if (stream.isTTY && globalThis.process.env.TERM !== 'dumb') {
        const { cursorTo, clearScreenDown } = internals.requireBuiltin('readline');
        cursorTo(stream, 0, 0);
        clearScreenDown(stream);
      }
    },
    count(self, args) {
      const label = labelOf(args);
      const counts = self[kCounts];
      const count = (MapPrototypeGet(counts, label) ?? 0) + 1;
      MapPrototypeSet(counts, label, count);
      self.log(`${label}: ${count}`);
    },
    // As in Node, the label is looked up as given but deleted as a string.
    countReset(self, args) {
      const label = args[0] === undefined ? 'default' : args[0];
      const counts = self[kCounts];
      if (!MapPrototypeHas(counts, label)) {
        emitWarning(`Count for '${label}' does not exist`);
        return;
      }
      MapPrototypeDelete(counts, `${label}`);
    },
    group(self, data) {
      if (data.length > 0) ReflectApply(self.log, self, data);
      self[kGroupIndent] += StringPrototypeRepeat(' ', self[kGroupIndentWidth]);
      if (self === globalConsole) internals.consoleIndirect();
    },
    groupEnd(self) {
      const groupIndent = self[kGroupIndent];
      self[kGroupIndent] = StringPrototypeSlice(groupIndent, 0, groupIndent.length - self[kGroupIndentWidth]);
    },
    table(self, args) {
      table ??= natives.loadScript('console_table.js')(natives, internals);
      table(self, args[0], args[1], (value, options) =>
        internals.inspect(value, { ...options, ...inspectOptions(self, true) }));
    },
  };
  methods.debug = methods.log;
  methods.info = methods.log;
  methods.dirxml = methods.log;
  methods.error = methods.warn;
  methods.groupCollapsed = methods.group;

  function writableStreamError(name) {
    return nodeError(TypeError, 'ERR_CONSOLE_WRITABLE_STREAM',
                     `Console expects a writable stream instance for ${name}`);
  }

  // new Console(stdout[, stderr[, ignoreErrors]]) or new Console({ stdout,
  // stderr, ignoreErrors, colorMode, inspectOptions, groupIndentation }).
  function Console(options, ...rest) {
    if (!new.target) return ReflectConstruct(Console, [options, ...rest]);
    if (!options || typeof options.write === 'function') {
      options = { stdout: options, stderr: rest[0], ignoreErrors: rest[1] };
    }
    const {
      stdout, stderr = stdout, ignoreErrors = true, colorMode = 'auto', inspectOptions: inspect,
      groupIndentation,
    } = options;
    if (!stdout || typeof stdout.write !== 'function') throw writableStreamError('stdout');
    if (!stderr || typeof stderr.write !== 'function') throw writableStreamError('stderr');
    if (typeof colorMode !== 'boolean' && colorMode !== 'auto') {
      throw invalidArgValue('colorMode', colorMode, "must be one of: 'auto', true, false");
    }
    if (groupIndentation !== undefined) validateInteger(groupIndentation, 'groupIndentation', 0, 1000);
    if (typeof inspect === 'object' && inspect !== null) {
      if (inspect.colors !== undefined && options.colorMode !== undefined) {
        throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
          'Option "options.inspectOptions.color" cannot be used in combination with option "colorMode"');
      }
      WeakMapPrototypeSet(optionsMap, this, inspect);
    } else if (inspect !== undefined) {
      throw invalidArgType('options.inspectOptions', 'object', inspect);
    }
    // Bound from the instance, so a subclass's overrides are what is bound.
    const keys = ObjectKeys(Console.prototype);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      this[key] = FunctionPrototypeBind(this[key], this);
      ObjectDefineProperty(this[key], 'name', { value: key });
    }
    ObjectDefineProperties(this, {
      _stdout: hidden(stdout),
      _stderr: hidden(stderr),
      _stdoutErrorHandler: hidden((error) => swallowLateError(this._stdout, error)),
      _stderrErrorHandler: hidden((error) => swallowLateError(this._stderr, error)),
      _ignoreErrors: hidden(Boolean(ignoreErrors)),
      _times: hidden(new Map()),
      [kCounts]: hidden(new Map()),
      [kColorMode]: hidden(colorMode),
      [kIsConsole]: hidden(true),
      [kGroupIndent]: hidden(''),
      [kGroupIndentWidth]: hidden(groupIndentation ?? 2),
    });
  }
  // The global console is no Console instance, yet `console instanceof
  // console.Console` holds, as in Node.
  ObjectDefineProperty(Console, SymbolHasInstance, {
    value(instance) { return instance[kIsConsole]; },
  });
  const kLengths = { dir: 2, assert: 1, table: 2 };
  const names = ObjectKeys(methods);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const impl = methods[name];
    // Named as Node's; length as Node's prototype methods.
    const fn = {
      [name](...args) { return impl(this, args, fn); },
    }[name];
    ObjectDefineProperty(fn, 'length', { value: kLengths[name] ?? 0 });
    Console.prototype[name] = fn;
  }
  Console.prototype.debug = Console.prototype.log;
  Console.prototype.info = Console.prototype.log;
  Console.prototype.dirxml = Console.prototype.log;
  Console.prototype.error = Console.prototype.warn;
  Console.prototype.groupCollapsed = Console.prototype.group;
  ObjectDefineProperty(Console.prototype, kWriteToConsole, {
    value(useStdout, text) { writeToConsole(this, useStdout, text); },
    writable: true, enumerable: false, configurable: true,
  });
  ObjectDefineProperty(Console.prototype, SymbolToStringTag, {
    value: 'console', writable: false, enumerable: false, configurable: true,
  });

  ObjectDefineProperties(globalConsole, {
    [kCounts]: hidden(new Map()),
    [kColorMode]: hidden('auto'),
    [kIsConsole]: hidden(true),
    [kGroupIndent]: hidden(''),
    [kGroupIndentWidth]: hidden(2),
    [kWriteToConsole]: hidden(internals.consoleWrite),
  });

  // What console.context() returns without an inspector: methods that print
  // nothing, as V8's console does when no session listens.
  function inspectorContext() {
    const context = ObjectCreate({});
    const keys = ['dir', 'dirXml', 'table', 'groupEnd', 'clear', 'count', 'countReset', 'profile',
      'profileEnd', 'timeLog', 'debug', 'error', 'info', 'log', 'warn', 'trace', 'group',
      'groupCollapsed', 'assert', 'time', 'timeEnd', 'timeStamp'];
    for (let i = 0; i < keys.length; i++) {
      context[keys[i]] = { [keys[i]](value) {} }[keys[i]];
    }
    return context;
  }

  // V8's console.createTask(name): a task whose run(fn) calls fn.
  function createTask(name) {
    if (typeof name !== 'string' || name === '') throw new Error('First argument must be a non-empty string.');
    return {
      run: { run(fn) {
        if (typeof fn !== 'function') throw new Error('First argument must be a function.');
        return fn();
      } }.run,
    };
  }

  return {
    Console, methods, writeGlobal, globalColorOptions, writeToConsole, writeIgnoringErrors, swallowLateError, inspectorContext,
    createTask, formatTime,
  };
})
