// The global console in Node 20's shape: log/warn and their aliases here,
// the other methods and console.Console in console_impl.js (compiled on
// first use).
(function (natives, internals) {
  'use strict';
  const { Map, ObjectDefineProperty, ReflectOwnKeys, SymbolToStringTag } = internals.primordials;
  const { formatArgs } = internals;  // inspect_format.js
  let impl;
  const lazy = () => (impl ??= natives.loadScript('console_impl.js')(natives, internals));
  // The program's own _stdout/_stderr, if it set them.
  let stdout;
  let stderr;
  // natives.print (stdio.js routes it through process.stdout where Node's
  // write would differ) until a group indents or _stdout/_stderr are set.
  let direct = true;
  function write(useStdout, text) {
    if (direct) natives.print(useStdout ? 1 : 2, `${text}\n`);
    else lazy().writeGlobal(useStdout, text, useStdout ? stdout : stderr);
  }
  // A lone string prints the same in colour: no stream is looked at for it.
  const printer = (name, useStdout) => ({
    [name](...args) {
      const opts = args.length > 1 || typeof args[0] !== 'string' ? colorOptions(useStdout) : undefined;
      write(useStdout, formatArgs(opts, args));
    },
  }[name]);
  // Whether fd 1 / 2 is a terminal, asked once per process as Node's
  // stream.isTTY is: asked per call, it was an ioctl for every
  // console.log('line', i) (200,000 of them to a pipe: 0.18 -> 0.35 s).
  let terminal = [];
  internals.consoleOnRestore = () => { terminal = []; };
  const isTerminal = (fd) => (terminal[fd] ??= natives.isatty(fd));
  // Node's colorMode 'auto' (inspect_colors.js); a pipe needs no more.
  function colorOptions(useStdout) {
    if (direct && globalThis.process?.env?.FORCE_COLOR === undefined && !isTerminal(useStdout ? 1 : 2)) {
      return undefined;
    }
    return internals.inspectColors().consoleColors(console, useStdout, direct, lazy);
  }
  // Called with the console, as Node's bound methods are: count() calls the
  // program's console.log if it replaced it.
  const method = (name) => {
    const fn = { [name](...args) { return lazy().methods[name](console, args, fn); } }[name];
    return fn;
  };
  const errorHandler = (useStdout) => (error) => {
    lazy().swallowLateError(useStdout ? console._stdout : console._stderr, error);
  };
  // One literal, in Node's order: one map in the snapshot, not a chain.
  const console = {
    __proto__: {},
    log: printer('log', true),
    warn: printer('warn', false),
    dir: method('dir'),
    time: method('time'),
    timeEnd: method('timeEnd'),
    timeLog: method('timeLog'),
    trace: method('trace'),
    assert: method('assert'),
    clear: method('clear'),
    count: method('count'),
    countReset: method('countReset'),
    group: method('group'),
    groupEnd: method('groupEnd'),
    table: method('table'),
    debug: printer('debug', true),
    info: printer('info', true),
    dirxml: printer('dirxml', true),
    error: printer('error', false),
    groupCollapsed: method('groupCollapsed'),
    _stdoutErrorHandler: errorHandler(true),
    _stderrErrorHandler: errorHandler(false),
    _ignoreErrors: true,
    _times: new Map(),
    get Console() { return (this.Console = lazy().Console); },
    set Console(value) {
      ObjectDefineProperty(this, 'Console', { value, writable: true, enumerable: true, configurable: true });
    },
    // The inspector's: with no inspector session they do nothing, as in Node.
    profile() {},
    profileEnd() {},
    timeStamp() {},
    context(name) { return lazy().inspectorContext(); },
    createTask(...args) { return lazy().createTask(args[0]); },
    get _stdout() { return stdout ?? globalThis.process?.stdout; },
    set _stdout(value) { stdout = value; direct = false; },
    get _stderr() { return stderr ?? globalThis.process?.stderr; },
    set _stderr(value) { stderr = value; direct = false; },
    [SymbolToStringTag]: 'console',
  };
  // Node's attributes: _-names hidden, the tag read-only too.
  const keys = ReflectOwnKeys(console);
  for (let i = 0; i < keys.length; i++) {
    if (typeof keys[i] !== 'string' || keys[i][0] === '_') ObjectDefineProperty(console, keys[i], { enumerable: false });
  }
  ObjectDefineProperty(console, SymbolToStringTag, { writable: false });
  internals.globalConsole = console;
  internals.consoleImpl = lazy;
  internals.consoleWrite = write;
  internals.consoleIndirect = () => { direct = false; };
  // Run while a snapshot is built; a lazy script, so none of it stays there.
  internals.warmUpConsole = () => natives.loadScript('console_warmup.js')(natives, internals);
  // An uncaught error is reported as Node reports it: util.inspect of it.
  // In colour when stderr would be (inspect_colors.js), as Node's report.
  natives.setErrorDescriber((error) => internals.inspect(error, internals.inspectColors().reportOptions()));

  ObjectDefineProperty(globalThis, 'console', {
    value: console, writable: true, configurable: true, enumerable: false,
  });
})
