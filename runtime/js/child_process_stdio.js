// child_process's stdio entries (Node 20's getValidStdio and
// stdioStringToArray in lib/internal/child_process.js): what each of a
// child's descriptors is, with a Pipe handle for each 'pipe' of an async
// spawn and an IPC Pipe for its one 'ipc'. Loaded by child_process_impl.js;
// evaluates to function(natives, internals) ->
// {stdioStringToArray, getValidStdio, closePipes, childPipes}.
(function (natives, internals) {
  'use strict';
  const {
    ArrayBufferIsView, ArrayIsArray, ArrayPrototypePush, ArrayPrototypeSlice, Error, TypeError,
  } = internals.primordials;
  const u = internals.loadFsUtils();

  function stdioStringToArray(stdio, channel) {
    const options = [];
    switch (stdio) {
      case 'ignore':
      case 'overlapped':
      case 'pipe': ArrayPrototypePush(options, stdio, stdio, stdio); break;
      case 'inherit': ArrayPrototypePush(options, 0, 1, 2); break;
      default: throw u.invalidArgValue('stdio', stdio);
    }
    if (channel) ArrayPrototypePush(options, channel);
    return options;
  }

  // Node's getValidStdio: one {type, ...} per descriptor; the async form gets
  // a Pipe handle for each 'pipe' and an IPC Pipe for the one 'ipc'.
  // -> {stdio, ipc, ipcFd}.
  function getValidStdio(stdio, sync) {
    let ipc;
    let ipcFd;
    if (typeof stdio === 'string') stdio = stdioStringToArray(stdio);
    else if (!ArrayIsArray(stdio)) throw u.invalidArgValue('stdio', stdio);
    else stdio = ArrayPrototypeSlice(stdio);
    while (stdio.length < 3) ArrayPrototypePush(stdio, undefined);
    const result = [];
    for (let i = 0; i < stdio.length; i++) {
      let one = stdio[i];
      if (one == null) one = i < 3 ? 'pipe' : 'ignore';
      if (one === 'ignore') {
        ArrayPrototypePush(result, { type: 'ignore' });
      } else if (one === 'pipe' || one === 'overlapped' || (typeof one === 'number' && one < 0)) {
        const entry = { type: one === 'overlapped' ? 'overlapped' : 'pipe',
                        readable: i === 0, writable: i !== 0 };
        if (!sync) {
          // The net extension's Socket is what a ChildProcess exposes.
          if (!internals.isBuiltin('net')) {
            closePipes(result);
            throw unsupported("stdio 'pipe' for spawn() without net.Socket");
          }
          entry.handle = childPipes.newPipe();
        }
        ArrayPrototypePush(result, entry);
      } else if (one === 'ipc') {
        if (sync || ipc !== undefined) {
          closePipes(result);
          if (!sync) throw u.nodeError(Error, 'ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe');
          throw u.nodeError(Error, 'ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks');
        }
        ipc = new (internals.handleClasses().Pipe)(true, 'child process IPC channel');
        ipcFd = i;
        ArrayPrototypePush(result, { type: 'pipe', handle: ipc, ipc: true, readable: true, writable: true });
      } else if (one === 'inherit') {
        ArrayPrototypePush(result, { type: 'inherit', fd: i });
      } else if (typeof one === 'number' || typeof one?.fd === 'number') {
        ArrayPrototypePush(result, { type: 'fd', fd: typeof one === 'number' ? one : one.fd });
      } else if (!sync && wrappedHandle(one) !== undefined) {
        // A stream of ours (a net.Socket, another child's stdio): the child
        // inherits its descriptor.
        ArrayPrototypePush(result, { type: 'wrap', handle: wrappedHandle(one), _stdio: one });
      } else if (ArrayBufferIsView(one) || typeof one === 'string') {
        if (!sync) {
          closePipes(result);
          throw u.nodeError(TypeError, 'ERR_INVALID_SYNC_FORK_INPUT',
            `Asynchronous forks do not support Buffer, TypedArray, DataView or string input: ${internals.inspect(one)}`);
        }
      } else {
        closePipes(result);
        throw u.invalidArgValue('stdio', one);
      }
    }
    return { stdio: result, ipc, ipcFd };
  }

  // Node's getHandleWrapType: the handle itself, or a stream's handle.
  function wrappedHandle(stdio) {
    if (stdio === null || typeof stdio !== 'object' || !internals.isBuiltin('net')) return undefined;
    const { StreamHandle } = internals.handleClasses();
    if (stdio instanceof StreamHandle) return stdio;
    if (stdio.handle instanceof StreamHandle) return stdio.handle;
    if (stdio._handle instanceof StreamHandle) return stdio._handle;
    return undefined;
  }

  function closePipes(stdio) {
    // A 'wrap' entry's handle is the program's own stream: left open.
    for (let i = 0; i < stdio.length; i++) if (stdio[i].type !== 'wrap') stdio[i].handle?.close();
  }

  function unsupported(what) {
    return u.nodeError(Error, 'ERR_TOYSNAP_UNSUPPORTED',
      `toysnap does not support ${what} of the Node builtin 'child_process' yet`);
  }

  // A 'pipe' descriptor: a Pipe handle (the net extension's) that uv_spawn
  // connects to the child, and the net.Socket over it the ChildProcess
  // exposes (readable for the child's output, writable for its stdin).
  const childPipes = {
    newPipe() { return new (internals.handleClasses().Pipe)(false, 'child process stdio pipe'); },
    socketFor(handle, readable) {
      const { Socket } = internals.requireBuiltin('net');
      return new Socket({ handle: handle ?? undefined, readable });
    },
  };

  return { stdioStringToArray, getValidStdio, closePipes, childPipes };
})
