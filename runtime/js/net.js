// The net extension's bootstrap: registrations only, so a program that never
// touches the network or stdio streams pays nothing at start. `net`, `tty`
// and process.stdin/stdout/stderr are lazy scripts, compiled on first use:
// net_socket.js (net.Socket) with net_connect.js, net_server.js (net.Server,
// the module), tty.js (ReadStream, WriteStream) and stdio.js (the streams).
(function (natives, internals) {
  'use strict';
  // Saved before user code runs, as the primordials are.
  const { setTimeout, clearTimeout } = globalThis;
  internals.netTimers = { setTimeout, clearTimeout };

  function load(name) { return natives.loadScript(name)(natives, internals); }
  let socketParts, stdio, handleClasses;
  // Pipe, TCP and TTY (stream_handle.h), made on first use.
  internals.handleClasses = () => (handleClasses ??= natives.loadHandleClasses());
  internals.netSocket = () => (socketParts ??= load('net_socket.js'));
  internals.defineBuiltin('net', () => load('net_server.js'));
  internals.defineBuiltin('tty', () => load('tty.js'));
  // process.stdout/stderr/stdin, made on first access (process_node.js).
  internals.getStdio = (fd) => (stdio ??= load('stdio.js'))(fd);
  internals.warmUpStdio = () => {
    stdio ??= load('stdio.js');
    internals.warmUpStdio();  // stdio.js's own, which replaced this one
  };
  // Streams made while a snapshot was built are not the restored program's.
  globalThis.toysnap.onRestore(() => internals.resetStdio?.());
})
