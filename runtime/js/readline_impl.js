// Node 20's `readline` and `readline/promises` over any Readable/Writable:
// Interface ('line', 'close', 'pause', 'resume', 'history', 'SIGINT'),
// question(), prompt/setPrompt, crlfDelay, async iteration, and the cursor
// helpers. terminal:true gets basic line editing (printable keys, backspace,
// return, up/down history, Ctrl-C/Ctrl-D), not Node's full editor.
// Lazy: readline.js compiles it on the first require.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeShift,
    ArrayPrototypeSplice, ArrayPrototypeUnshift, DateNow, Error, FunctionPrototypeCall, MathMax,
    NumberIsNaN, ObjectSetPrototypeOf, Promise, PromiseReject, PromiseResolve, RangeError,
    RegExpPrototypeExec, StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeEndsWith,
    StringPrototypeIncludes, StringPrototypeSlice, StringPrototypeToLowerCase, StringPrototypeTrim,
    Symbol, SymbolAsyncIterator, TypeError,
  } = internals.primordials;
  const EventEmitter = internals.requireBuiltin('events');
  const { StringDecoder } = internals.requireBuiltin('string_decoder');
  const { AbortSignal, process } = globalThis;
  const inspect = internals.inspect;

  function nodeError(Ctor, code, message) {
    const error = new Ctor(message);
    error.code = code;
    const stack = error.stack;
    if (typeof stack === 'string') {
      error.stack = `${error.name} [${code}]${StringPrototypeSlice(stack, error.name.length)}`;
    }
    return error;
  }
  function received(value) {
    if (value == null) return `${value}`;
    if (typeof value === 'function') return `function ${value.name}`;
    if (typeof value === 'object') {
      return value.constructor?.name ? `an instance of ${value.constructor.name}` : inspect(value, { depth: -1 });
    }
    let shown = inspect(value);
    if (shown.length > 28) shown = `${StringPrototypeSlice(shown, 0, 25)}...`;
    return `type ${typeof value} (${shown})`;
  }
  function invalidArgType(name, what, value) {
    const kind = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                     `The "${name}" ${kind} must be ${what}. Received ${received(value)}`);
  }
  function invalidArgValue(name, value) {
    return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
                     `The argument '${name}' is invalid. Received ${inspect(value)}`);
  }
  function abortError(cause) {
    const error = new Error('The operation was aborted');
    error.name = 'AbortError';
    error.code = 'ABORT_ERR';
    if (cause !== undefined) error.cause = cause;
    return error;
  }
  function validateSignal(signal, name) {
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw invalidArgType(name, 'an instance of AbortSignal', signal);
    }
  }

  const kClosed = Symbol('closed');  // Node 20 has no public `closed`
  const kMinCrlfDelay = 100;
  const kHistorySize = 30;
  const lineEnding = /\r?\n|\r(?!\n)/g;

  // ---- Interface ----------------------------------------------------------

  function Interface(input, output, completer, terminal) {
    if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
    FunctionPrototypeCall(EventEmitter, this);
    let history;
    let historySize;
    let removeHistoryDuplicates = false;
    let crlfDelay;
    let prompt = '> ';
    let signal;
    if (input?.input) {
      const options = input;
      output = options.output;
      completer = options.completer;
      terminal = options.terminal;
      history = options.history;
      historySize = options.historySize;
      signal = options.signal;
      removeHistoryDuplicates = options.removeHistoryDuplicates;
      if (options.prompt !== undefined) prompt = options.prompt;
      crlfDelay = options.crlfDelay;
      input = options.input;
    }
    if (completer !== undefined && typeof completer !== 'function') {
      throw invalidArgValue('completer', completer);
    }
    if (history === undefined) history = [];
    else if (!ArrayIsArray(history)) throw invalidArgType('history', 'an instance of Array', history);
    if (historySize === undefined) historySize = kHistorySize;
    if (typeof historySize !== 'number' || NumberIsNaN(historySize) || historySize < 0) {
      throw nodeError(RangeError, 'ERR_INVALID_ARG_VALUE',
                      `The argument 'historySize' must be a positive number. Received ${inspect(historySize)}`);
    }
    if (terminal === undefined && !(output === null || output === undefined)) terminal = !!output.isTTY;
    validateSignal(signal, 'options.signal');

    this.input = input;
    this.output = output;
    this.completer = completer;
    this.terminal = !!terminal;
    this.history = history;
    this.historySize = historySize;
    this.removeHistoryDuplicates = !!removeHistoryDuplicates;
    this.crlfDelay = crlfDelay ? MathMax(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
    this.line = '';
    this.cursor = 0;
    this.historyIndex = -1;
    this[kClosed] = false;
    this.paused = false;
    this._prompt = prompt;
    this._lineBuffer = null;
    this._sawReturnAt = 0;
    this._questionCallback = null;
    this._oldPrompt = '';
    this._decoder = new StringDecoder('utf8');

    const onData = (data) => this._normalWrite(data);
    const onEnd = () => {
      if (typeof this._lineBuffer === 'string' && this._lineBuffer.length > 0) {
        this.emit('line', this._lineBuffer);
      }
      this.close();
    };
    const onKeypress = (s, key) => this._ttyWrite(s, key);
    const onError = (error) => this.emit('error', error);
    input.on('error', onError);
    if (this.terminal) {
      emitKeypressEvents(input, this);
      input.on('keypress', onKeypress);
      input.on('end', onEnd);
      if (typeof input.setRawMode === 'function') input.setRawMode(true);
    } else {
      input.on('data', onData);
      input.on('end', onEnd);
    }
    this.once('close', () => {
      input.removeListener('error', onError);
      input.removeListener('data', onData);
      input.removeListener('keypress', onKeypress);
      input.removeListener('end', onEnd);
    });
    if (signal !== undefined) {
      const onAbort = () => this.close();
      if (signal.aborted) process.nextTick(onAbort);
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    input.resume?.();
  }
  ObjectSetPrototypeOf(Interface.prototype, EventEmitter.prototype);
  ObjectSetPrototypeOf(Interface, EventEmitter);

  const proto = Interface.prototype;
  proto.setPrompt = function setPrompt(prompt) { this._prompt = prompt; };
  proto.getPrompt = function getPrompt() { return this._prompt; };
  proto._writeToOutput = function _writeToOutput(text) {
    if (typeof text !== 'string') throw invalidArgType('stringToWrite', 'of type string', text);
    if (this.output !== null && this.output !== undefined) this.output.write(text);
  };
  proto.prompt = function prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && !preserveCursor) this.cursor = 0;
    this._writeToOutput(this._prompt);
  };
  proto.question = function question(query, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    options = options ?? {};
    if (this[kClosed]) throw nodeError(Error, 'ERR_USE_AFTER_CLOSE', 'readline was closed');
    const signal = options.signal;
    if (signal !== undefined) {
      validateSignal(signal, 'options.signal');
      if (signal.aborted) return;
      signal.addEventListener('abort', () => { this._questionCancel(); }, { once: true });
    }
    if (typeof callback !== 'function') return;
    if (this._questionCallback) {
      this.prompt();
    } else {
      this._oldPrompt = this._prompt;
      this.setPrompt(query);
      this._questionCallback = callback;
      this.prompt();
    }
  };
  proto._questionCancel = function _questionCancel() {
    if (this._questionCallback) {
      this._questionCallback = null;
      this.setPrompt(this._oldPrompt);
      this.clearLine();
    }
  };
  proto.clearLine = function clearLine() {
    this._writeToOutput('\r\n');
    this.line = '';
    this.cursor = 0;
  };
  proto.pause = function pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  };
  proto.resume = function resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  };
  proto.write = function write(data, key) {
    if (this.paused) this.resume();
    if (this.terminal) this._ttyWrite(data, key);
    else this._normalWrite(data);
  };
  proto.close = function close() {
    if (this[kClosed]) return;
    this.pause();
    if (this.terminal && typeof this.input.setRawMode === 'function') this.input.setRawMode(false);
    this[kClosed] = true;
    this.emit('close');
  };
  proto.getCursorPos = function getCursorPos() {
    const column = this._prompt.length + this.cursor;
    const columns = this.output?.columns;
    if (!columns || columns === Infinity) return { rows: 0, cols: column };
    return { rows: (column / columns) | 0, cols: column % columns };
  };

  proto._onLine = function _onLine(line) {
    if (this._questionCallback) {
      const callback = this._questionCallback;
      this._questionCallback = null;
      this.setPrompt(this._oldPrompt);
      callback(line);
    } else {
      this.emit('line', line);
    }
  };

  // Splits what arrives into lines: \n, \r\n and \r end one; a \r\n split
  // across two chunks counts once if the \n comes within crlfDelay.
  proto._normalWrite = function _normalWrite(data) {
    if (data === undefined) return;
    let string = typeof data === 'string' ? data : this._decoder.write(data);
    if (this._sawReturnAt && DateNow() - this._sawReturnAt <= this.crlfDelay) {
      if (StringPrototypeCharCodeAt(string, 0) === 10) string = StringPrototypeSlice(string, 1);
      this._sawReturnAt = 0;
    }
    lineEnding.lastIndex = 0;
    if (RegExpPrototypeExec(lineEnding, string) === null) {
      if (string) this._lineBuffer = this._lineBuffer ? this._lineBuffer + string : string;
      return;
    }
    if (this._lineBuffer) {
      string = this._lineBuffer + string;
      this._lineBuffer = null;
    }
    this._sawReturnAt = StringPrototypeEndsWith(string, '\r') ? DateNow() : 0;
    const lines = [];
    let start = 0;
    lineEnding.lastIndex = 0;
    for (let match = RegExpPrototypeExec(lineEnding, string); match !== null;
      match = RegExpPrototypeExec(lineEnding, string)) {
      ArrayPrototypePush(lines, StringPrototypeSlice(string, start, match.index));
      start = lineEnding.lastIndex;
    }
    this._lineBuffer = StringPrototypeSlice(string, start);
    for (let i = 0; i < lines.length; i++) {
      if (this[kClosed]) break;
      this._onLine(lines[i]);
    }
  };

  proto._addHistory = function _addHistory() {
    if (this.line.length === 0 || this.historySize === 0) return this.line;
    if (StringPrototypeTrim(this.line).length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const at = ArrayPrototypeIndexOf(this.history, this.line);
        if (at !== -1) ArrayPrototypeSplice(this.history, at, 1);
      }
      ArrayPrototypeUnshift(this.history, this.line);
      if (this.history.length > this.historySize) this.history.length = this.historySize;
    }
    this.historyIndex = -1;
    this.emit('history', this.history);
    return this.history[0];
  };

  proto._refreshLine = function _refreshLine() {
    if (this.output == null) return;
    this._writeToOutput(`\r\x1b[0K${this._prompt}${this.line}`);
    const back = this.line.length - this.cursor;
    if (back > 0) this._writeToOutput(`\x1b[${back}D`);
  };

  proto._historyMove = function _historyMove(step) {
    const index = this.historyIndex + step;
    if (index < -1 || index >= this.history.length) return;
    this.historyIndex = index;
    this.line = index === -1 ? '' : this.history[index];
    this.cursor = this.line.length;
    this._refreshLine();
  };

  // Basic terminal editing: enough for prompts driven by keypress events.
  proto._ttyWrite = function _ttyWrite(s, key) {
    key = key ?? {};
    if (key.ctrl && key.name === 'c') {
      if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
      else this.close();
      return;
    }
    if (key.ctrl && key.name === 'd') {
      if (this.line.length === 0) this.close();
      return;
    }
    switch (key.name) {
      case 'return':
      case 'enter': {
        const line = this._addHistory();
        this.clearLine();
        this._onLine(line);
        return;
      }
      case 'backspace':
        if (this.cursor > 0) {
          this.line = StringPrototypeSlice(this.line, 0, this.cursor - 1) +
            StringPrototypeSlice(this.line, this.cursor);
          this.cursor--;
          this._refreshLine();
        }
        return;
      case 'left': if (this.cursor > 0) { this.cursor--; this._refreshLine(); } return;
      case 'right': if (this.cursor < this.line.length) { this.cursor++; this._refreshLine(); } return;
      case 'up': this._historyMove(1); return;
      case 'down': this._historyMove(-1); return;
      default:
        if (typeof s === 'string' && s.length > 0 && !key.ctrl && !key.meta &&
            StringPrototypeCharCodeAt(s, 0) >= 32) {
          this.line = StringPrototypeSlice(this.line, 0, this.cursor) + s +
            StringPrototypeSlice(this.line, this.cursor);
          this.cursor += s.length;
          if (this.cursor === this.line.length) this._writeToOutput(s);
          else this._refreshLine();
        }
    }
  };

  // for await (const line of rl): lines queue while the loop body runs; the
  // input pauses when a thousand wait, as Node's does. Lines emitted before
  // the loop starts are not seen (as in Node).
  proto[SymbolAsyncIterator] = function () {
    const rl = this;
    const queue = [];
    const waiting = [];
    let done = false;
    let failure = null;
    const settle = () => {
      while (waiting.length > 0 && (queue.length > 0 || done || failure)) {
        const { resolve, reject } = ArrayPrototypeShift(waiting);
        if (queue.length > 0) {
          resolve({ value: ArrayPrototypeShift(queue), done: false });
          if (queue.length < 512 && rl.paused && !rl[kClosed]) rl.resume();
        } else if (failure) {
          reject(failure);
          failure = null;
          done = true;
        } else {
          resolve({ value: undefined, done: true });
        }
      }
    };
    const onLine = (line) => {
      ArrayPrototypePush(queue, line);
      if (queue.length >= 1024 && !rl.paused) rl.pause();
      settle();
    };
    const finish = () => {
      done = true;
      rl.removeListener('line', onLine);
      settle();
    };
    const onError = (error) => { failure = error; finish(); };
    rl.on('line', onLine);
    rl.once('close', finish);
    rl.once('error', onError);
    if (rl[kClosed]) finish();
    return {
      next() {
        if (queue.length > 0) {
          const value = ArrayPrototypeShift(queue);
          if (queue.length < 512 && rl.paused && !rl[kClosed]) rl.resume();
          return PromiseResolve({ value, done: false });
        }
        if (failure) {
          const error = failure;
          failure = null;
          done = true;
          return PromiseReject(error);
        }
        if (done) return PromiseResolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => ArrayPrototypePush(waiting, { resolve, reject }));
      },
      // Leaving the loop stops listening; in Node 20 it does not close the interface.
      return() {
        done = true;
        rl.removeListener('line', onLine);
        settle();
        return PromiseResolve({ value: undefined, done: true });
      },
      [SymbolAsyncIterator]() { return this; },
    };
  };

  function createInterface(input, output, completer, terminal) {
    return new Interface(input, output, completer, terminal);
  }

  // ---- cursor helpers and keypress decoding ---------------------------------

  function done(callback) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  function clearLine(stream, dir, callback) {
    if (stream === null || stream === undefined) return done(callback);
    const code = dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K';
    return stream.write(code, callback);
  }
  function clearScreenDown(stream, callback) {
    if (stream === null || stream === undefined) return done(callback);
    return stream.write('\x1b[0J', callback);
  }
  function cursorTo(stream, x, y, callback) {
    if (typeof y === 'function') {
      callback = y;
      y = undefined;
    }
    if (NumberIsNaN(x)) throw invalidArgValue('x', x);
    if (NumberIsNaN(y)) throw invalidArgValue('y', y);
    if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) return done(callback);
    if (typeof x !== 'number') {
      throw nodeError(TypeError, 'ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column');
    }
    const code = typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`;
    return stream.write(code, callback);
  }
  function moveCursor(stream, dx, dy, callback) {
    if (stream == null || !(dx || dy)) return done(callback);
    let code = '';
    if (dx < 0) code += `\x1b[${-dx}D`;
    else if (dx > 0) code += `\x1b[${dx}C`;
    if (dy < 0) code += `\x1b[${-dy}A`;
    else if (dy > 0) code += `\x1b[${dy}B`;
    return stream.write(code, callback);
  }

  const kArrows = { __proto__: null, A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
  // One key from the start of `s`: [length, name, ctrl, meta, shift].
  function decodeKey(s) {
    const c = s[0];
    const code = StringPrototypeCharCodeAt(s, 0);
    if (c === '\x1b') {
      const csi = RegExpPrototypeExec(/^\x1b[[O]([0-9;]*)([A-Za-z~])/, s);
      if (csi !== null) {
        const name = csi[2] === '~' ? ({ 2: 'insert', 3: 'delete', 5: 'pageup', 6: 'pagedown' })[csi[1]] :
          kArrows[csi[2]];
        return [csi[0].length, name ?? 'undefined', false, false, false];
      }
      if (s.length > 1) {
        const inner = decodeKey(StringPrototypeSlice(s, 1));
        return [inner[0] + 1, inner[1], inner[2], true, inner[4]];
      }
      return [1, 'escape', false, false, false];
    }
    if (c === '\r') return [1, 'return', false, false, false];
    if (c === '\n') return [1, 'enter', false, false, false];
    if (c === '\t') return [1, 'tab', false, false, false];
    if (c === '\b' || c === '\x7f') return [1, 'backspace', false, false, false];
    if (c === ' ') return [1, 'space', false, false, false];
    if (code <= 26 && code > 0) return [1, StringFromCharCode(code + 96), true, false, false];
    if (c >= 'a' && c <= 'z') return [1, c, false, false, false];
    if (c >= 'A' && c <= 'Z') return [1, StringPrototypeToLowerCase(c), false, false, true];
    if (c >= '0' && c <= '9') return [1, c, false, false, false];
    const size = code >= 0xd800 && code <= 0xdbff && s.length > 1 ? 2 : 1;
    return [size, undefined, false, false, false];
  }

  const kKeypressDecoder = Symbol('keypressDecoder');
  function emitKeypressEvents(stream) {
    if (stream[kKeypressDecoder]) return;
    stream[kKeypressDecoder] = new StringDecoder('utf8');
    const onData = (data) => {
      if (stream.listenerCount('keypress') === 0) return;
      let s = typeof data === 'string' ? data : stream[kKeypressDecoder].write(data);
      while (s.length > 0) {
        const [length, name, ctrl, meta, shift] = decodeKey(s);
        const sequence = StringPrototypeSlice(s, 0, length);
        s = StringPrototypeSlice(s, length);
        // Escape sequences come with no string, as in Node.
        stream.emit('keypress', sequence[0] === '\x1b' ? undefined : sequence,
                    { sequence, name, ctrl, meta, shift });
      }
    };
    const onNewListener = (event) => {
      if (event === 'keypress') {
        stream.on('data', onData);
        stream.removeListener('newListener', onNewListener);
      }
    };
    if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
    else stream.on('newListener', onNewListener);
  }

  // ---- readline/promises ----------------------------------------------------

  function PromisesInterface(input, output, completer, terminal) {
    if (!(this instanceof PromisesInterface)) {
      return new PromisesInterface(input, output, completer, terminal);
    }
    FunctionPrototypeCall(Interface, this, input, output, completer, terminal);
  }
  ObjectSetPrototypeOf(PromisesInterface.prototype, Interface.prototype);
  ObjectSetPrototypeOf(PromisesInterface, Interface);
  PromisesInterface.prototype.question = function question(query, options = {}) {
    return new Promise((resolve, reject) => {
      let callback = resolve;
      const signal = options?.signal;
      if (signal !== undefined) {
        validateSignal(signal, 'options.signal');
        if (signal.aborted) return reject(abortError(signal.reason));
        const onAbort = () => {
          this._questionCancel();
          reject(abortError(signal.reason));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        callback = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      FunctionPrototypeCall(Interface.prototype.question, this, query, callback);
    });
  };

  const promises = {
    Interface: PromisesInterface,
    createInterface(input, output, completer, terminal) {
      return new PromisesInterface(input, output, completer, terminal);
    },
  };

  return {
    Interface, clearLine, clearScreenDown, createInterface, cursorTo, emitKeypressEvents,
    moveCursor, promises,
  };
})
