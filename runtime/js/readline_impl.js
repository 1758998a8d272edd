// Node 20's `readline` and `readline/promises` over any Readable/Writable:
// Interface ('line', 'close', 'pause', 'resume', 'history', 'SIGINT'),
// question(), prompt/setPrompt, crlfDelay, async iteration; the terminal
// side (line editing, keypresses, cursor helpers) is readline_tty.js.
// Lazy: readline.js compiles it on the first require.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypePush, ArrayPrototypeShift, DateNow, Error, FunctionPrototypeCall,
    MathMax, NumberIsFinite, NumberIsInteger, NumberIsNaN, ObjectSetPrototypeOf, Promise,
    PromiseReject, PromiseResolve, RangeError, RegExpPrototypeExec, StringPrototypeCharCodeAt,
    StringPrototypeEndsWith, StringPrototypeIncludes, StringPrototypeSlice, Symbol,
    SymbolAsyncIterator, SymbolFor, TypeError,
  } = internals.strictPrimordials();
  const EventEmitter = internals.requireBuiltin('events');
  const { StringDecoder } = internals.requireBuiltin('string_decoder');
  const { process } = globalThis;
  const { AbortSignal } = internals.abortClasses();
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
  const received = internals.describeReceived;
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
  function tabSizeError(value) {
    if (typeof value !== 'number') return invalidArgType('tabSize', 'of type number', value);
    return nodeError(RangeError, 'ERR_OUT_OF_RANGE', NumberIsInteger(value) ?
      `The value of "tabSize" is out of range. It must be >= 1 && <= 4294967295. Received ${inspect(value)}` :
      `The value of "tabSize" is out of range. It must be an integer. Received ${inspect(value)}`);
  }
  function validateSignal(signal, name) {
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw invalidArgType(name, 'an instance of AbortSignal', signal);
    }
  }

  const kClosed = Symbol('closed');  // Node 20 has no public `closed`
  const kMinCrlfDelay = 100;
  const kEscapeCodeTimeout = 500;
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
    let options;
    if (input?.input) {
      options = input;
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
    if (options !== undefined) {
      const { escapeCodeTimeout, tabSize } = options;
      if (escapeCodeTimeout !== undefined && !NumberIsFinite(escapeCodeTimeout)) {
        // Node reports the default it keeps, not the value it was given.
        throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
                        `The property 'input.escapeCodeTimeout' is invalid. Received ${kEscapeCodeTimeout}`);
      }
      if (tabSize !== undefined && (typeof tabSize !== 'number' || tabSize < 1 || tabSize > 4294967295 ||
                                    !NumberIsInteger(tabSize))) {
        throw tabSizeError(tabSize);
      }
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
    this.prevRows = 0;
    this.historyIndex = -1;
    this._historySearch = '';
    this.escapeCodeTimeout = options?.escapeCodeTimeout ?? kEscapeCodeTimeout;
    this.tabSize = options?.tabSize ?? 8;
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
  const tty = natives.loadScript('readline_tty.js')(natives, internals,
                                                     { nodeError, invalidArgValue, proto });
  const { clearLine, clearScreenDown, cursorTo, emitKeypressEvents, moveCursor } = tty;
  proto.setPrompt = function setPrompt(prompt) { this._prompt = prompt; };
  proto.getPrompt = function getPrompt() { return this._prompt; };
  proto._writeToOutput = function _writeToOutput(text) {
    if (typeof text !== 'string') throw invalidArgType('stringToWrite', 'of type string', text);
    if (this.output !== null && this.output !== undefined) this.output.write(text);
  };
  proto.prompt = function prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this._refreshLine();
    } else {
      this._writeToOutput(this._prompt);
    }
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
    this._moveCursor(+Infinity);
    this._writeToOutput('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
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

  // for await (const line of rl): one iterator per interface (a loop nested
  // in another continues it), lines queue while the loop body runs; as in
  // Node's events.on with highWaterMark 1024 the interface pauses when more
  // than 1024 wait and resumes when none does; leaving a loop stops listening
  // but does not close the interface. Lines emitted before the first loop
  // starts are not seen (as in Node).
  const kLineIterator = Symbol('kLineIterator');
  const kWatermarkData = SymbolFor('nodejs.watermarkData');
  const kHighWatermark = 1024;
  const kLowWatermark = 1;
  proto[SymbolAsyncIterator] = function () {
    if (this[kLineIterator] === undefined) this[kLineIterator] = lineIterator(this);
    return this[kLineIterator];
  };

  function lineIterator(rl) {
    const queue = [];
    const waiting = [];
    let done = false;
    let failure = null;
    let paused = false;
    const take = () => {
      const value = ArrayPrototypeShift(queue);
      if (paused && queue.length < kLowWatermark) {
        paused = false;
        rl.resume();
      }
      return { value, done: false };
    };
    const settle = () => {
      while (waiting.length > 0 && (queue.length > 0 || done || failure)) {
        const { resolve, reject } = ArrayPrototypeShift(waiting);
        if (queue.length > 0) {
          resolve(take());
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
      if (waiting.length > 0) {
        ArrayPrototypeShift(waiting).resolve({ value: line, done: false });
        return;
      }
      ArrayPrototypePush(queue, line);
      if (queue.length > kHighWatermark && !paused) {
        paused = true;
        rl.pause();
      }
    };
    const stop = () => {
      done = true;
      rl.removeListener('line', onLine);
      rl.removeListener('close', onClose);
      rl.removeListener('error', onError);
    };
    const onClose = () => { stop(); settle(); };
    const onError = (error) => { failure = error; stop(); settle(); };
    rl.on('line', onLine);
    rl.on('close', onClose);
    rl.on('error', onError);
    if (rl[kClosed]) stop();
    return {
      next() {
        if (queue.length > 0) return PromiseResolve(take());
        if (failure) {
          const error = failure;
          failure = null;
          return PromiseReject(error);
        }
        if (done) return PromiseResolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => ArrayPrototypePush(waiting, { resolve, reject }));
      },
      return() {
        stop();
        queue.length = 0;
        settle();
        return PromiseResolve({ value: undefined, done: true });
      },
      throw(error) {
        stop();
        return PromiseReject(error);
      },
      [SymbolAsyncIterator]() { return this; },
      [kWatermarkData]: {
        get size() { return queue.length; },
        get low() { return kLowWatermark; },
        get high() { return kHighWatermark; },
        get isPaused() { return paused; },
      },
    };
  }

  function createInterface(input, output, completer, terminal) {
    return new Interface(input, output, completer, terminal);
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
