// process.stdout, stderr and stdin as Node makes them
// (lib/internal/bootstrap/switches/is_main_thread.js): on a terminal a
// tty.WriteStream / ReadStream, on a pipe or socket a net.Socket, on a file a
// synchronous Writable (Node's SyncWriteStream) or a Readable over fs.read.
// Output is written at once in every case (Node's rule on Linux, and for
// pipes toysnap's too: nothing waits in a queue that process.exit() would
// drop). Compiled on the first access to one of them; returns get(fd).
(function (natives, internals) {
  'use strict';
  const { Readable, Writable } = internals.requireBuiltin('stream');
  const fs = internals.requireBuiltin('fs');
  const { Buffer } = internals.requireBuiltin('buffer');
  const kReadSize = 64 * 1024;

  // Node's internal/fs/sync_write_stream: each write is one fs.writeSync.
  class SyncWriteStream extends Writable {
    constructor(fd, options) {
      // Strings go to writeSync as they are: no Buffer made per write.
      super({ autoDestroy: true, decodeStrings: false });
      this.fd = fd;
      this.readable = false;
      this.autoClose = options?.autoClose === undefined ? true : options.autoClose;
    }
    _write(chunk, encoding, cb) {
      try {
        if (typeof chunk === 'string') fs.writeSync(this.fd, chunk, null, encoding);
        else fs.writeSync(this.fd, chunk);
      } catch (error) {
        cb(error);
        return;
      }
      cb();
    }
    _destroy(error, cb) {
      if (this.fd === null) return cb(error);
      if (this.autoClose) fs.closeSync(this.fd);
      this.fd = null;
      cb(error);
    }
  }
  SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

  // stdin from a file: reads of 64 KiB through the thread pool, as
  // fs.ReadStream({fd: 0, autoClose: false}) would.
  class FileStdin extends Readable {
    constructor(fd) {
      // autoClose: false, so no destroy (and no 'close') at the end.
      super({ highWaterMark: kReadSize, autoDestroy: false });
      this.fd = fd;
      this.bytesRead = 0;
    }
    _read(size) {
      const buffer = Buffer.allocUnsafe(size > 0 ? size : kReadSize);
      fs.read(this.fd, buffer, 0, buffer.length, null, (error, bytes) => {
        if (error) {
          this.destroy(error);
        } else if (bytes === 0) {
          this.push(null);
        } else {
          this.bytesRead += bytes;
          this.push(bytes === buffer.length ? buffer : buffer.subarray(0, bytes));
        }
      });
    }
  }

  // While a snapshot is built, the streams hold no handle (a snapshot cannot
  // keep one, and a build that left one open would fail): output goes
  // through natives.print / writeBytes, which write to whatever fd 1 and 2
  // are when it runs, stdin is read through the thread pool, and what a
  // stream is (isTTY, columns) is asked of the descriptor each time. After a
  // restore process.stdout and the others are made anew (net.js); objects
  // the program kept from the build go on working.
  class BuildTimeWriter extends Writable {
    constructor(fd) {
      super({ decodeStrings: false });
      this.fd = fd;
      this._type = 'build';
    }
    _write(chunk, encoding, cb) {
      if (typeof chunk === 'string' && (encoding === 'utf8' || encoding === 'utf-8')) {
        print(this.fd, chunk);
      } else {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
        natives.writeBytes(this.fd, bytes);
      }
      cb();
    }
    get isTTY() { return natives.isatty(this.fd) ? true : undefined; }
    get columns() { return natives.windowSize(this.fd)?.[0]; }
    get rows() { return natives.windowSize(this.fd)?.[1]; }
    getWindowSize() { return natives.windowSize(this.fd) ?? [80, 24]; }
    getColorDepth(env) {
      return internals.requireBuiltin('tty').WriteStream.prototype.getColorDepth(env);
    }
    hasColors(count, env) {
      return internals.requireBuiltin('tty').WriteStream.prototype.hasColors(count, env);
    }
  }

  function createWritableStdioStream(fd) {
    let stream;
    switch (natives.stdioEnabled() ? natives.guessHandleType(fd) : 'NONE') {
      case 'TTY': {
        stream = new (internals.requireBuiltin('tty').WriteStream)(fd);
        stream._type = 'tty';
        break;
      }
      case 'FILE':
        stream = new SyncWriteStream(fd, { autoClose: false });
        stream._type = 'fs';
        break;
      case 'PIPE':
      case 'TCP': {
        const { Socket } = internals.netSocket();
        stream = new Socket({ fd, readable: false, writable: true });
        stream._handle.setBlocking(true);
        stream._type = 'pipe';
        break;
      }
      default:
        // A closed descriptor (or an embedder's that is not the program's):
        // output goes nowhere, as in Node.
        stream = new Writable({ write(buffer, encoding, cb) { cb(); } });
    }
    stream.fd = fd;
    stream._isStdio = true;
    return stream;
  }

  // A terminal's new size (SIGWINCH, 28 on Linux) reaches its streams as
  // 'resize', as Node's getStdout sets up; the watcher never keeps the
  // process alive.
  const resizable = [];
  let resizeWatch;
  function watchResize(stream) {
    resizable.push(stream);
    resizeWatch ??= new (internals.handleClasses().SignalWatch)(28, () => {
      for (let i = 0; i < resizable.length; i++) resizable[i]._refreshSize();
    });
  }

  // The descriptor itself is never closed; 'close' is still observable.
  function dummyDestroy(error, cb) {
    cb(error);
    if (!this._writableState.emitClose) process.nextTick(() => this.emit('close'));
  }

  function emptyStdin() {
    const stdin = new Readable({ read() {} });
    stdin.push(null);
    return stdin;
  }

  function createStdin() {
    let stdin;
    switch (natives.stdioEnabled() ? natives.guessHandleType(0) : 'NONE') {
      case 'TTY':
        stdin = new (internals.requireBuiltin('tty').ReadStream)(0, {
          highWaterMark: 0, readable: true, writable: false,
        });
        break;
      case 'FILE':
        stdin = new FileStdin(0);
        break;
      case 'PIPE':
      case 'TCP': {
        const { Socket } = internals.netSocket();
        // An IPC channel on fd 0 (spawn's stdio ['ipc', ...]) already has the
        // descriptor's handle: stdin shares it, as under Node.
        const channel = process.channel?.fd === 0 ? internals.processChannelHandle?.() : null;
        stdin = channel
          ? new Socket({ handle: channel, readable: true, writable: false, manualStart: true })
          : new Socket({ fd: 0, readable: true, writable: false, manualStart: true });
        // stdin cannot be end()ed.
        stdin._writableState.ended = true;
        break;
      }
      default:
        stdin = emptyStdin();
    }
    stdin.fd = 0;
    // Paused until someone reads; reading keeps the loop alive, pausing
    // lets the process end.
    if (stdin._handle && stdin._handle.readStop) {
      stdin._handle.reading = false;
      stdin._readableState.reading = false;
      stdin._handle.readStop();
    }
    stdin.on('pause', () => process.nextTick(onpause));
    function onpause() {
      if (!stdin._handle) return;
      if (stdin._handle.reading && !stdin.readableFlowing) {
        stdin._readableState.reading = false;
        stdin._handle.reading = false;
        stdin._handle.readStop();
      }
    }
    return stdin;
  }

  const streams = [];

  // console.log (and a process warning) writes with natives.print, past the
  // stream: the same bytes in the same order while nothing about the stream
  // would make Node's write through it differ. Otherwise it goes through the
  // stream as Node's console does, ignoring the stream's errors: while the
  // program has corked it or it buffers, after end(), and when the program
  // replaced its write or _write (test frameworks and spinners do).
  const print = natives.print;
  const writes = [];
  function printInOrder(fd, text) {
    const index = fd === 2 ? 2 : 1;
    const stream = streams[index];
    // The writable state's fields, not its getters: this runs per console.log.
    const state = stream?._writableState;
    if (state === undefined || state.destroyed ||
        (state.length === 0 && state.corked === 0 && !state.ending &&
         stream.write === writes[index] && stream._write === writes[index + 2])) {
      print(fd, text);
      return;
    }
    const impl = internals.consoleImpl();
    impl.writeIgnoringErrors(stream, text, (error) => impl.swallowLateError(stream, error));
  }

  // After a restore, the streams of the build are not the program's stdio.
  internals.resetStdio = () => { streams.length = 0; };

  // A build whose program names process.stdout or stderr: one empty write
  // through each compiles the stream code a restored program's first write
  // would (~60 M instructions, a third of which is net.Socket's), and the
  // streams made for it are dropped, so the snapshot keeps only the code.
  internals.warmUpStdio = function () {
    internals.netSocket();
    for (const fd of [1, 2]) {
      if (streams[fd] !== undefined) continue;
      get(fd).write('');
      streams[fd] = undefined;
    }
  };

  function get(fd) {
    let stream = streams[fd];
    if (stream !== undefined) return stream;
    if (internals.isBuildingSnapshot()) {
      stream = fd !== 0 ? new BuildTimeWriter(fd) : natives.stdioEnabled() ? new FileStdin(0)
        : emptyStdin();
      if (fd === 0) stream.fd = 0;
    } else if (fd === 0) {
      stream = createStdin();
    } else {
      stream = createWritableStdioStream(fd);
      stream.destroySoon = stream.destroy;
      stream._destroy = dummyDestroy;
      writes[fd] = stream.write;
      writes[fd + 2] = stream._write;
      natives.print = printInOrder;
      if (stream.isTTY) watchResize(stream);
    }
    streams[fd] = stream;
    return stream;
  }
  return get;
})
