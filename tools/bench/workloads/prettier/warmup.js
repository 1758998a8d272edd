// Node's `tty`: isatty, and ReadStream / WriteStream, net.Sockets over a TTY
// handle (lib/tty.js, with internal/tty.js's colour depth). Compiled on the
// first require('tty') or the first process stream on a terminal.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeSome, NumberIsInteger, NumberIsNaN, RangeError, RegExpPrototypeExec,
    StringPrototypeToLowerCase, TypeError,
  } = internals.primordials;
  const u = internals.loadFsUtils();
  const { Socket, errnoException } = internals.netSocket();
  const { TTY } = internals.handleClasses();

  function isatty(fd) {
    return NumberIsInteger(fd) && fd >= 0 && fd <= 2147483647 &&
      natives.guessHandleType(fd) === 'TTY';
  }

  function newTty(fd) {
    if (fd >> 0 !== fd || fd < 0) {
      throw u.nodeError(RangeError, 'ERR_INVALID_FD', `"fd" must be a positive integer: ${fd}`);
    }
    try {
      return new TTY(fd, fd === 0 ? 'tty.ReadStream' : 'tty.WriteStream');
    } catch (error) {
      const [code, message] = natives.uvErrorName(error.errno ?? -22);
      throw u.systemError('ERR_TTY_INIT_FAILED', 'TTY initialization failed',
                          { syscall: 'uv_tty_init', code, message, errno: error.errno });
    }
  }

  class ReadStream extends Socket {
    constructor(fd, options) {
      const handle = newTty(fd);
      super({ readableHighWaterMark: 0, handle, manualStart: true, ...options });
      this.isRaw = false;
      this.isTTY = true;
    }
    setRawMode(flag) {
      flag = Boolean(flag);
      const err = this._handle?.setRawMode(flag);
      if (err) {
        this.emit('error', errnoException(err, 'setRawMode'));
        return this;
      }
      this.isRaw = flag;
      return this;
    }
  }

  const COLORS_2 = 1;
  const COLORS_16 = 4;
  const COLORS_256 = 8;
  const COLORS_16m = 24;
  const TERM_ENVS = {
    __proto__: null, eterm: COLORS_16, cons25: COLORS_16, console: COLORS_16, cygwin: COLORS_16,
    dtterm: COLORS_16, gnome: COLORS_16, hurd: COLORS_16, jfbterm: COLORS_16, konsole: COLORS_16,
    kterm: COLORS_16, mlterm: COLORS_16, mosh: COLORS_16m, putty: COLORS_16, st: COLORS_16,
    'rxvt-unicode-24bit': COLORS_16m, terminator: COLORS_16m, 'xterm-kitty': COLORS_16m,
  };
  const TERM_PATTERNS = [/ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/,
    /^xterm/, /^vt100/];
  const CI_256 = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITLAB_CI', 'TRAVIS'];

  // What the environment says the terminal shows: 1, 4, 8 or 24 bits.
  function getColorDepth(env = process.env) {
    if (env.FORCE_COLOR !== undefined) {
      switch (env.FORCE_COLOR) {
        case '': case '1': case 'true': return COLORS_16;
        case '2': return COLORS_256;
        case '3': return COLORS_16m;
        default: return COLORS_2;
      }
    }
    if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
        env.TERM === 'dumb') {
      return COLORS_2;
    }
    if (env.TMUX) return COLORS_16m;
    if (env.CI) {
      if ('GITHUB_ACTIONS' in env || 'GITEA_ACTIONS' in env) return COLORS_16m;
      if (ArrayPrototypeSome(CI_256, (sign) => sign in env) || env.CI_NAME === 'codeship') {
        return COLORS_256;
      }
      return COLORS_2;
    }
    if ('TEAMCITY_VERSION' in env) {
      return RegExpPrototypeExec(/^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/, env.TEAMCITY_VERSION) !== null
        ? COLORS_16 : COLORS_2;
    }
    switch (env.TERM_PROGRAM) {
      case 'iTerm.app':
        if (!env.TERM_PROGRAM_VERSION ||
            RegExpPrototypeExec(/^[0-2]\./, env.TERM_PROGRAM_VERSION) !== null) return COLORS_256;
        return COLORS_16m;
      case 'HyperTerm': case 'MacTerm': return COLORS_16m;
      case 'Apple_Terminal': return COLORS_256;
    }
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16m;
    if (env.TERM) {
      if (RegExpPrototypeExec(/^xterm-256/, env.TERM) !== null) return COLORS_256;
      const term = StringPrototypeToLowerCase(env.TERM);
      if (TERM_ENVS[term]) return TERM_ENVS[term];
      const matches = (pattern) => RegExpPrototypeExec(pattern, term) !== null;
      if (ArrayPrototypeSome(TERM_PATTERNS, matches)) {
        return COLORS_16;
      }
    }
    if (env.COLORTERM) return COLORS_16;
    return COLORS_2;
  }

  function hasColors(count, env) {
    const countIsEnv = count === undefined || (typeof count === 'object' && count !== null);
    if (env === undefined && countIsEnv) {
      env = count;
      count = 16;
    } else {
      u.validateInteger(count, 'count', 2);
    }
    return count <= 2 ** getColorDepth(env);
  }

  // The cursor moves of readline, as ANSI escape sequences.
  function writeEscape(stream, text, callback) {
    return stream.write(text, callback);
  }

  class WriteStream extends Socket {
    constructor(fd) {
      const handle = newTty(fd);
      super({ readableHighWaterMark: 0, handle, manualStart: true });
      // Terminal output is written at once, as Node's is (no queue to lose).
      this._handle.setBlocking(true);
      const size = this._handle.getWindowSize();
      if (typeof size === 'object') {
        this.columns = size[0];
        this.rows = size[1];
      }
    }
    getColorDepth(env) { return getColorDepth(env); }
    hasColors(count, env) { return hasColors(count, env); }
    getWindowSize() { return [this.columns, this.rows]; }
    _refreshSize() {
      const oldColumns = this.columns;
      const oldRows = this.rows;
      const size = this._handle.getWindowSize();
      if (typeof size !== 'object') {
        this.emit('error', errnoException(size, 'getWindowSize'));
        return;
      }
      if (oldColumns !== size[0] || oldRows !== size[1]) {
        this.columns = size[0];
        this.rows = size[1];
        this.emit('resize');
      }
    }
    cursorTo(x, y, callback) {
      if (typeof y === 'function') { callback = y; y = undefined; }
      if (typeof x !== 'number' || NumberIsNaN(x)) {
        throw u.nodeError(TypeError, 'ERR_INVALID_CURSOR_POS',
          'Cannot set cursor row without setting its column');
      }
      const text = typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`;
      return writeEscape(this, text, callback);
    }
    moveCursor(dx, dy, callback) {
      let text = '';
      if (dx < 0) text += `\x1b[${-dx}D`;
      else if (dx > 0) text += `\x1b[${dx}C`;
      if (dy < 0) text += `\x1b[${-dy}A`;
      else if (dy > 0) text += `\x1b[${dy}B`;
      return writeEscape(this, text, callback);
    }
    clearLine(dir, callback) {
      const text = dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K';
      return writeEscape(this, text, callback);
    }
    clearScreenDown(callback) { return writeEscape(this, '\x1b[0J', callback); }
  }

  WriteStream.prototype.isTTY = true;

  return { isatty, ReadStream, WriteStream };
})
