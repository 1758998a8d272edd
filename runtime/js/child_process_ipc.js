// IPC channels of child_process, as Node 20's setupChannel and
// child_process/serialization.js: a Pipe handle (runtime/node/stream_handle*)
// carrying newline-delimited JSON ('json') or length-prefixed V8-serialized
// values ('advanced', natives.ipcSerialize in child_process_ipc.cc), so a
// toysnap peer and a Node peer talk. Messages whose cmd starts with 'NODE_'
// are 'internalMessage's. Handles (sockets, servers) are not passed: sending
// one throws ERR_TOYSNAP_UNSUPPORTED, and one a Node peer sends is refused
// with NODE_HANDLE_NACK. A peer's bad input never grows memory without bound:
// a message over kMaxMessageBytes, or one that does not parse, ends the
// channel with an ERR_IPC_BAD_MESSAGE error ('error' if listened for, else a
// warning). Loaded on first use (a spawn with 'ipc', or a child started with
// NODE_CHANNEL_FD); evaluates to function(natives, internals) ->
// {setupChannel, startChildChannel, startFromEnv}.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, Error, JSONParse, JSONStringify, ObjectDefineProperty, ReflectApply,
    StringPrototypeSlice, Symbol, TypeError, TypedArrayPrototypeGetLength, Uint8Array,
    TypedArrayPrototypeIndexOf, TypedArrayPrototypeSubarray,
  } = internals.primordials;
  const u = internals.loadFsUtils();
  const { Buffer } = internals.requireBuiltin('buffer');
  const EventEmitter = internals.requireBuiltin('events');
  const { nextTick } = internals.childProcessSaved;  // child_process.js
  const BufferConcat = Buffer.concat;
  const BufferPrototype = Buffer.prototype;

  // Node reads any size; a bound keeps a peer that never ends a message from
  // filling memory.
  const kMaxMessageBytes = 256 * 1024 * 1024;
  const kPendingMessages = Symbol('kPendingMessages');
  const kChannelHandle = Symbol('kChannelHandle');
  const UV_EOF = -4095;
  const nop = () => {};

  const ipcError = (Ctor, code, message) => u.nodeError(Ctor, code, message);

  function errnoException(err, syscall) {
    const [code] = natives.uvErrorName(err);
    const error = new Error(`${syscall} ${code}`);
    error.errno = err;
    error.code = code;
    error.syscall = syscall;
    return error;
  }

  function badMessage(why) {
    return ipcError(Error, 'ERR_IPC_BAD_MESSAGE', `Invalid message on the IPC channel: ${why}`);
  }

  // ---- framing --------------------------------------------------------------

  // Bytes of an unfinished message: chunks and their total.
  function Pending() {
    this.chunks = [];
    this.size = 0;
  }
  Pending.prototype.add = function add(bytes) {
    ArrayPrototypePush(this.chunks, bytes);
    this.size += TypedArrayPrototypeGetLength(bytes);
  };
  Pending.prototype.take = function take() {
    if (this.size === 0) {
      this.chunks = [];
      return new Uint8Array(0);
    }
    const all = this.chunks.length === 1 ? this.chunks[0] : BufferConcat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    return all;
  };

  const utf8 = (bytes) => u.BufferPrototypeToString(
    Buffer.from(bytes.buffer, bytes.byteOffset, TypedArrayPrototypeGetLength(bytes)), 'utf8');

  // Newline-delimited JSON; a line is split at its newline byte (UTF-8 has no
  // 0x0A inside a character), so a character split across reads decodes whole.
  const json = {
    makeParser() {
      const pending = new Pending();
      return {
        get buffering() { return pending.size !== 0; },
        discard() { pending.take(); },
        parse(bytes, out) {
          let start = 0;
          const length = TypedArrayPrototypeGetLength(bytes);
          while (start < length) {
            const newline = TypedArrayPrototypeIndexOf(bytes, 10, start);
            if (newline === -1) {
              const rest = TypedArrayPrototypeSubarray(bytes, start);
              if (pending.size + TypedArrayPrototypeGetLength(rest) > kMaxMessageBytes) {
                throw badMessage(`a message is longer than ${kMaxMessageBytes} bytes`);
              }
              pending.add(rest);
              return;
            }
            let line = TypedArrayPrototypeSubarray(bytes, start, newline);
            if (pending.size !== 0) {
              pending.add(line);
              line = pending.take();
            }
            start = newline + 1;
            let message;
            try {
              message = JSONParse(utf8(line));
            } catch (error) {
              throw badMessage(error.message);
            }
            ArrayPrototypePush(out, message);
          }
        },
      };
    },
    write(channel, message, callback) {
      return channel.write(`${JSONStringify(message)}\n`, 'utf8', callback);
    },
  };

  // A big-endian uint32 length, then V8's serialization of the value.
  const advanced = {
    makeParser() {
      const pending = new Pending();
      let expected = -1;  // the next message's size with its length, once known
      return {
        get buffering() { return pending.size !== 0; },
        discard() {
          pending.take();
          expected = -1;
        },
        parse(bytes, out) {
          if (TypedArrayPrototypeGetLength(bytes) === 0) return;
          pending.add(bytes);
          for (;;) {
            if (expected === -1) {
              if (pending.size < 4) return;
              if (TypedArrayPrototypeGetLength(pending.chunks[0]) < 4) pending.add(pending.take());
              const head = pending.chunks[0];
              const size = (head[0] * 0x1000000) + ((head[1] << 16) | (head[2] << 8) | head[3]);
              if (size > kMaxMessageBytes) {
                throw badMessage(`a message is longer than ${kMaxMessageBytes} bytes`);
              }
              expected = size + 4;
            }
            if (pending.size < expected) return;
            const all = pending.take();
            const body = TypedArrayPrototypeSubarray(all, 4, expected);
            const rest = TypedArrayPrototypeSubarray(all, expected);
            expected = -1;
            if (TypedArrayPrototypeGetLength(rest) !== 0) pending.add(rest);
            let message;
            try {
              message = natives.ipcDeserialize(body, BufferPrototype);
            } catch (error) {
              throw badMessage(error.message);
            }
            ArrayPrototypePush(out, message);
          }
        },
      };
    },
    write(channel, message, callback) {
      return channel.write(natives.ipcSerialize(message, BufferPrototype), undefined, callback);
    },
  };

  const serializations = { __proto__: null, json, advanced };

  // ---- the channel ------------------------------------------------------------

  // What process.channel / child.channel is: the handle's ref state, counted
  // for listeners and writes in flight until the program sets it itself.
  class Control extends EventEmitter {
    #channel;
    #refs = 0;
    #refExplicitlySet = false;

    constructor(channel) {
      super();
      this.#channel = channel;
      this[kPendingMessages] = [];
    }

    refCounted() {
      if (++this.#refs === 1 && !this.#refExplicitlySet) this.#channel.ref();
    }

    unrefCounted() {
      if (--this.#refs === 0 && !this.#refExplicitlySet) {
        this.#channel.unref();
        this.emit('unref');
      }
    }

    ref() {
      this.#refExplicitlySet = true;
      this.#channel.ref();
    }

    unref() {
      this.#refExplicitlySet = true;
      this.#channel.unref();
    }

    get fd() { return this.#channel ? this.#channel.fd : undefined; }
  }

  let warnedChannel = false;
  function warnChannelDeprecated() {
    if (warnedChannel) return;
    warnedChannel = true;
    globalThis.process.emitWarning('_channel is deprecated. Use ChildProcess.channel instead.',
                                   'DeprecationWarning', 'DEP0129');
  }

  const kInternalPrefix = 'NODE_';
  function isInternal(message) {
    return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
      message.cmd.length > kInternalPrefix.length &&
      StringPrototypeSlice(message.cmd, 0, kInternalPrefix.length) === kInternalPrefix;
  }

  // Makes `target` (a ChildProcess, or process in a child) talk over
  // `channel`, a Pipe handle opened for IPC. `onClosed(target)` runs once the
  // channel has closed (a ChildProcess's 'close' counts it).
  function setupChannel(target, channel, mode, onClosed = nop) {
    const control = new Control(channel);
    const serialization = serializations[mode] ?? json;
    const parser = serialization.makeParser();
    target.channel = control;
    target[kChannelHandle] = channel;
    ObjectDefineProperty(target, '_channel', {
      __proto__: null,
      get() {
        warnChannelDeprecated();
        return target.channel;
      },
      set(value) {
        warnChannelDeprecated();
        target.channel = value;
      },
      configurable: true,
      enumerable: false,
    });
    target._handleQueue = null;
    target._pendingMessage = null;

    function closeFromPeer() {
      // What is half read will never be whole: disconnect at once, as Node.
      parser.discard();
      channel.readStop();
      target.disconnect();
      channel.close();
      target.channel = null;
      onClosed(target);
    }

    function onread(chunk) {
      if (typeof chunk === 'number') {
        if (chunk !== UV_EOF && target.listenerCount('error') > 0) {
          target.emit('error', errnoException(chunk, 'read'));
        }
        if (target.channel !== null) closeFromPeer();
        return;
      }
      const messages = [];
      let failure;
      try {
        parser.parse(chunk, messages);
      } catch (error) {
        failure = error;
      }
      for (let i = 0; i < messages.length; i++) {
        const message = messages[i];
        handleMessage(message, isInternal(message));
      }
      if (failure !== undefined) {
        // A peer that sent what no Node peer would: stop listening to it.
        if (target.listenerCount('error') > 0) nextTick(() => target.emit('error', failure));
        else globalThis.process.emitWarning(failure.message, 'Warning', failure.code);
        if (target.channel !== null) closeFromPeer();
      }
    }

    target.on('internalMessage', function onInternal(message) {
      if (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK') {
        // This side never sends handles: nothing is waiting for these.
        return;
      }
      // A handle this side cannot take: the peer retries, then gives up
      // with a warning, as Node does when a handle goes missing.
      if (message.cmd === 'NODE_HANDLE') target._send({ cmd: 'NODE_HANDLE_NACK' }, null, true);
    });

    target.on('newListener', function onNewListener() {
      nextTick(() => {
        if (!target.channel || !target.listenerCount('message')) return;
        const messages = target.channel[kPendingMessages];
        const { length } = messages;
        if (!length) return;
        for (let i = 0; i < length; i++) ReflectApply(target.emit, target, messages[i]);
        target.channel[kPendingMessages] = [];
      });
    });

    target.send = function send(message, handle, options, callback) {
      if (typeof handle === 'function') {
        callback = handle;
        handle = undefined;
        options = undefined;
      } else if (typeof options === 'function') {
        callback = options;
        options = undefined;
      } else if (options !== undefined) {
        u.validateObject(options, 'options');
      }
      options = { swallowErrors: false, ...options };
      if (this.connected) return this._send(message, handle, options, callback);
      const error = ipcError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
      if (typeof callback === 'function') nextTick(callback, error);
      else nextTick(() => this.emit('error', error));
      return false;
    };

    target._send = function _send(message, handle, options, callback) {
      if (message === undefined) {
        throw ipcError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
      }
      if (typeof message !== 'string' && typeof message !== 'object' &&
          typeof message !== 'number' && typeof message !== 'boolean') {
        throw u.invalidArgType('message', ['string', 'object', 'number', 'boolean'], message);
      }
      if (typeof options === 'boolean') options = { swallowErrors: options };
      if (handle) checkHandle(handle);
      // Node's callback gets null however the queued write ended.
      const written = serialization.write(channel, message, () => {
        control.unrefCounted();
        if (typeof callback === 'function') callback(null);
      });
      if (written === 1) {
        control.refCounted();
      } else if (written === 0) {
        if (typeof callback === 'function') nextTick(callback, null);
      } else if (!options?.swallowErrors) {
        const error = errnoException(written, 'write');
        if (typeof callback === 'function') nextTick(callback, error);
        else nextTick(() => this.emit('error', error));
      }
      // As Node: false once the peer is more than two reads behind.
      return channel.writeQueueSize < 65536 * 2;
    };

    target.connected = true;

    target.disconnect = function disconnect() {
      if (!this.connected) {
        this.emit('error', ipcError(Error, 'ERR_IPC_DISCONNECTED',
                                    'IPC channel is already disconnected'));
        return;
      }
      this.connected = false;
      if (!this._handleQueue) this._disconnect();
    };

    target._disconnect = function _disconnect() {
      this.channel = null;
      this[kChannelHandle] = null;
      let fired = false;
      function finish() {
        if (fired) return;
        fired = true;
        channel.close();
        target.emit('disconnect');
      }
      // A message half read is delivered first.
      if (parser.buffering) {
        this.once('message', finish);
        this.once('internalMessage', finish);
        return;
      }
      nextTick(finish);
    };

    function emit(event, message) {
      if (event === 'internalMessage' || target.listenerCount('message')) {
        target.emit(event, message);
        return;
      }
      ArrayPrototypePush(target.channel[kPendingMessages], [event, message]);
    }

    function handleMessage(message, internal) {
      if (!target.channel) return;
      nextTick(emit, internal ? 'internalMessage' : 'message', message);
    }

    channel.readStart(onread);
    return control;
  }

  // Sockets and servers cannot cross yet; anything else was never a handle.
  function checkHandle(handle) {
    const net = internals.isBuiltin('net') ? internals.requireBuiltin('net') : null;
    const { Pipe, TCP } = internals.handleClasses();
    if ((net && (handle instanceof net.Socket || handle instanceof net.Server)) ||
        handle instanceof Pipe || handle instanceof TCP) {
      throw ipcError(Error, 'ERR_TOYSNAP_UNSUPPORTED',
        "toysnap does not support sending handles over IPC of the Node builtin 'child_process' yet");
    }
    throw ipcError(TypeError, 'ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent');
  }

  // In a child started with NODE_CHANNEL_FD (Node's _forkChild): process
  // talks to the parent; the channel keeps the process alive only while
  // 'message' or 'disconnect' listeners (or writes) want it.
  function startChildChannel(fd, mode) {
    const process = globalThis.process;
    // libuv reads only sockets and pipes as streams (a file would abort it).
    const type = natives.guessHandleType(fd);
    if (type !== 'PIPE' && type !== 'TCP') {
      process.emitWarning(`NODE_CHANNEL_FD=${fd} is no IPC channel (a ${type} descriptor)`);
      return;
    }
    const { Pipe } = internals.handleClasses();
    const pipe = new Pipe(true, 'IPC channel to the parent process');
    const err = pipe.open(fd);
    if (err !== 0) {
      pipe.close();
      process.emitWarning(`NODE_CHANNEL_FD=${fd} is no IPC channel (${natives.uvErrorName(err)[0]})`);
      return;
    }
    pipe.unref();
    const control = setupChannel(process, pipe, mode);
    internals.processChannelHandle = () => process[kChannelHandle];  // stdio.js
    const counted = (name) => name === 'message' || name === 'disconnect';
    // Listeners a snapshot's top level added count as if added now.
    const already = process.listenerCount('message') + process.listenerCount('disconnect');
    for (let i = 0; i < already; i++) control.refCounted();
    process.on('newListener', (name) => { if (counted(name)) control.refCounted(); });
    process.on('removeListener', (name) => { if (counted(name)) control.unrefCounted(); });
  }

  // A child started with an IPC channel (fork, or 'ipc' in spawn's stdio)
  // opens it before the program runs.
  function startFromEnv(env) {
    const fd = env.NODE_CHANNEL_FD;
    const mode = env.NODE_CHANNEL_SERIALIZATION_MODE;
    // As Node: the program's children do not inherit the channel.
    delete env.NODE_CHANNEL_FD;
    delete env.NODE_CHANNEL_SERIALIZATION_MODE;
    const number = +fd;
    if (!(number >= 0 && number === (number | 0))) return;
    startChildChannel(number, mode === 'advanced' ? 'advanced' : 'json');
  }

  return { setupChannel, startChildChannel, startFromEnv };
})
