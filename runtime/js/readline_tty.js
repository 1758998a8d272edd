// readline's terminal side, as Node 20's: line editing for terminal:true
// interfaces (keys, history with prefix search, Ctrl shortcuts, the refresh
// escape codes, cursor position by display width: wide characters count two,
// combining marks none), emitKeypressEvents' key decoding, and the cursor
// helpers clearLine/clearScreenDown/cursorTo/moveCursor. No tab completion
// or undo. Lazy: readline_impl.js loads it with the module.
(function (natives, internals, shared) {
  'use strict';
  const {
    ArrayPrototypeIndexOf, ArrayPrototypePop, ArrayPrototypeSplice, ArrayPrototypeUnshift, DateNow,
    MathCeil, RegExpPrototypeExec, SafeRegExpReplace, SafeStringIterator, StringFromCharCode,
    StringPrototypeCharCodeAt, StringPrototypeCodePointAt, StringPrototypeSlice,
    StringPrototypeSplit, StringPrototypeStartsWith, StringPrototypeToLowerCase, StringPrototypeTrim,
    Symbol, TypeError,
  } = internals.strictPrimordials();
  const { StringDecoder } = internals.requireBuiltin('string_decoder');
  const { process } = globalThis;
  const { nodeError, invalidArgValue, proto } = shared;

  // ---- cursor helpers -------------------------------------------------------

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
    if (x !== x) throw invalidArgValue('x', x);  // NaN
    if (y !== y) throw invalidArgValue('y', y);
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

  // ---- display width ----------------------------------------------------------

  const isFullWidth = (c) => c >= 0x1100 && (c <= 0x115f || c === 0x2329 || c === 0x232a ||
    (c >= 0x2e80 && c <= 0x3247 && c !== 0x303f) || (c >= 0x3250 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0xa4c6) || (c >= 0xa960 && c <= 0xa97c) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe10 && c <= 0xfe19) || (c >= 0xfe30 && c <= 0xfe6b) ||
    (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1b000 && c <= 0x1b001) ||
    (c >= 0x1f200 && c <= 0x1f251) || (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x20000 && c <= 0x3fffd));
  const isZeroWidth = (c) => c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x200b && c <= 0x200f) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe00 && c <= 0xfe0f) ||
    (c >= 0xfe20 && c <= 0xfe2f) || (c >= 0xe0100 && c <= 0xe01ef);
  const kVtControl = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

  // Columns and rows `text` takes in a terminal `columns` wide.
  function displayPos(text, columns, tabSize) {
    let offset = 0;
    let rows = 0;
    text = SafeRegExpReplace(kVtControl, text, '');
    for (const char of new SafeStringIterator(text)) {
      if (char === '\n') {
        rows += MathCeil(offset / columns) || 1;
        offset = 0;
        continue;
      }
      if (char === '\t') {
        offset += tabSize - (offset % tabSize);
        continue;
      }
      const code = StringPrototypeCodePointAt(char, 0);
      if (isFullWidth(code)) {
        if ((offset + 1) % columns === 0) offset++;
        offset += 2;
      } else if (!isZeroWidth(code)) {
        offset += 1;
      }
    }
    const cols = offset % columns;
    rows += (offset - cols) / columns;
    return { cols, rows: rows === rows ? rows : 0 };
  }

  // ---- line editing -------------------------------------------------------------

  const columnsOf = (rl) => (rl.output && rl.output.columns ? rl.output.columns : Infinity);

  proto.getCursorPos = function getCursorPos() {
    const before = this._prompt + StringPrototypeSlice(this.line, 0, this.cursor);
    return displayPos(before, columnsOf(this), this.tabSize);
  };

  proto._refreshLine = function _refreshLine() {
    const line = this._prompt + this.line;
    const linePos = displayPos(line, columnsOf(this), this.tabSize);
    const cursorPos = this.getCursorPos();
    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this._writeToOutput(line);
    if (linePos.cols === 0) this._writeToOutput(' ');  // makes the terminal start the row
    cursorTo(this.output, cursorPos.cols);
    const diff = linePos.rows - cursorPos.rows;
    if (diff > 0) moveCursor(this.output, 0, -diff);
    this.prevRows = cursorPos.rows;
  };

  proto._moveCursor = function _moveCursor(dx) {
    if (dx === 0) return;
    const before = this.getCursorPos();
    this.cursor += dx;
    if (this.cursor < 0) this.cursor = 0;
    else if (this.cursor > this.line.length) this.cursor = this.line.length;
    const after = this.getCursorPos();
    if (before.rows === after.rows) moveCursor(this.output, after.cols - before.cols, 0);
    else this._refreshLine();
  };

  proto._insertString = function _insertString(text) {
    if (this.cursor < this.line.length) {
      this.line = StringPrototypeSlice(this.line, 0, this.cursor) + text +
        StringPrototypeSlice(this.line, this.cursor);
      this.cursor += text.length;
      this._refreshLine();
    } else {
      const before = this.getCursorPos();
      this.line += text;
      this.cursor += text.length;
      if (before.rows < this.getCursorPos().rows) this._refreshLine();
      else this._writeToOutput(text);
    }
  };

  // Code units of the character left of / at the cursor (surrogate pairs are one).
  const lengthLeft = (line, at) => (at > 1 && StringPrototypeCodePointAt(line, at - 2) > 0xffff ? 2 : 1);
  const lengthAt = (line, at) => (StringPrototypeCodePointAt(line, at) > 0xffff ? 2 : 1);

  proto._deleteLeft = function _deleteLeft() {
    if (this.cursor > 0 && this.line.length > 0) {
      const size = lengthLeft(this.line, this.cursor);
      this.line = StringPrototypeSlice(this.line, 0, this.cursor - size) + StringPrototypeSlice(this.line, this.cursor);
      this.cursor -= size;
      this._refreshLine();
    }
  };
  proto._deleteRight = function _deleteRight() {
    if (this.cursor < this.line.length) {
      const size = lengthAt(this.line, this.cursor);
      this.line = StringPrototypeSlice(this.line, 0, this.cursor) + StringPrototypeSlice(this.line, this.cursor + size);
      this._refreshLine();
    }
  };
  proto._deleteLineLeft = function _deleteLineLeft() {
    this.line = StringPrototypeSlice(this.line, this.cursor);
    this.cursor = 0;
    this._refreshLine();
  };
  proto._deleteLineRight = function _deleteLineRight() {
    this.line = StringPrototypeSlice(this.line, 0, this.cursor);
    this._refreshLine();
  };

  proto._addHistory = function _addHistory() {
    if (this.line.length === 0) return '';
    if (this.historySize === 0) return this.line;
    if (StringPrototypeTrim(this.line).length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const at = ArrayPrototypeIndexOf(this.history, this.line);
        if (at !== -1) ArrayPrototypeSplice(this.history, at, 1);
      }
      ArrayPrototypeUnshift(this.history, this.line);
      if (this.history.length > this.historySize) ArrayPrototypePop(this.history);
    }
    this.historyIndex = -1;
    this.emit('history', this.history);
    return this.history[0];
  };

  proto._line = function _line() {
    const line = this._addHistory();
    this.clearLine();
    this._onLine(line);
  };

  // Up/down walk the history entries that start with what was typed first.
  proto._historyStep = function _historyStep(step) {
    if (this.history.length === 0) return;
    if (this.historyIndex === -1) this._historySearch = this.line;
    const search = this._historySearch || '';
    let index = this.historyIndex + step;
    while (index >= 0 && index < this.history.length &&
           ((search && !StringPrototypeStartsWith(this.history[index], search)) ||
            this.line === this.history[index])) {
      index += step;
    }
    if (index >= this.history.length) return;
    if (index < 0) {
      index = -1;
      this.line = search;
    } else {
      this.line = this.history[index];
    }
    this.historyIndex = index;
    this.cursor = this.line.length;
    this._refreshLine();
  };

  proto._ttyWrite = function _ttyWrite(s, key) {
    key = key ?? {};
    if (key.name === 'escape') return;
    if (key.ctrl && key.shift) return;
    if (key.ctrl) {
      switch (key.name) {
        case 'c':
          if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
          else this.close();
          return;
        case 'h': this._deleteLeft(); return;
        case 'd':
          if (this.cursor === 0 && this.line.length === 0) this.close();
          else if (this.cursor < this.line.length) this._deleteRight();
          return;
        case 'u': this._deleteLineLeft(); return;
        case 'k': this._deleteLineRight(); return;
        case 'a': this._moveCursor(-Infinity); return;
        case 'e': this._moveCursor(+Infinity); return;
        case 'b': this._moveCursor(-lengthLeft(this.line, this.cursor)); return;
        case 'f': this._moveCursor(+lengthAt(this.line, this.cursor)); return;
        case 'l':
          cursorTo(this.output, 0, 0);
          clearScreenDown(this.output);
          this._refreshLine();
          return;
        case 'n': this._historyStep(-1); return;
        case 'p': this._historyStep(1); return;
        default: return;
      }
    }
    if (key.meta) return;
    switch (key.name) {
      case 'return':
        this._sawReturnAt = DateNow();
        this._line();
        return;
      case 'enter':
        // The \n of a \r\n.
        if (this._sawReturnAt === 0 || DateNow() - this._sawReturnAt > this.crlfDelay) this._line();
        this._sawReturnAt = 0;
        return;
      case 'backspace': this._deleteLeft(); return;
      case 'delete': this._deleteRight(); return;
      case 'left': this._moveCursor(-lengthLeft(this.line, this.cursor)); return;
      case 'right': this._moveCursor(+lengthAt(this.line, this.cursor)); return;
      case 'home': this._moveCursor(-Infinity); return;
      case 'end': this._moveCursor(+Infinity); return;
      case 'up': this._historyStep(1); return;
      case 'down': this._historyStep(-1); return;
      case 'tab': return;
      default:
        if (typeof s === 'string' && s) {
          // Each \r\n, \n or \r ends a line.
          let start = 0;
          for (let i = 0; i < s.length; i++) {
            const c = s[i];
            if (c !== '\r' && c !== '\n') continue;
            this._insertString(StringPrototypeSlice(s, start, i));
            this._line();
            if (c === '\r' && s[i + 1] === '\n') i++;
            start = i + 1;
          }
          this._insertString(StringPrototypeSlice(s, start));
        }
    }
  };

  // ---- keypress events ------------------------------------------------------------

  const kArrows = { __proto__: null, A: 'up', B: 'down', C: 'right', D: 'left', E: 'clear', H: 'home', F: 'end' };
  const kTilde = { __proto__: null, 1: 'home', 2: 'insert', 3: 'delete', 4: 'end', 5: 'pageup', 6: 'pagedown', 7: 'home', 8: 'end' };
  // One key from the start of `s`: [length, name, ctrl, meta, shift].
  function decodeKey(s) {
    const c = s[0];
    const code = StringPrototypeCharCodeAt(s, 0);
    if (c === '\x1b') {
      const csi = RegExpPrototypeExec(/^\x1b[[O]([0-9;]*)([A-Za-z~])/, s);
      if (csi !== null) {
        const name = csi[2] === '~' ? kTilde[StringPrototypeSplit(csi[1], ';')[0]] : kArrows[csi[2]];
        const modifier = (+(StringPrototypeSplit(csi[1], ';')[1] ?? 1) || 1) - 1;
        return [csi[0].length, name ?? 'undefined', !!(modifier & 4), !!(modifier & 10), !!(modifier & 1)];
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

  return { clearLine, clearScreenDown, cursorTo, moveCursor, emitKeypressEvents };
})
