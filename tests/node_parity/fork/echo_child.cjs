// A forked child: echoes every message back (with what it knows of itself),
// reports internal messages, and ends with the exit code the parent asks for.
'use strict';
let exitCode = 0;
process.on('message', (message) => {
  if (message && message.exitCode !== undefined) {
    exitCode = message.exitCode;
    process.send({ bye: true }, () => process.disconnect());
    return;
  }
  process.send({ echo: message, connected: process.connected, argv: process.argv.slice(2) });
});
process.on('internalMessage', (message) => process.send({ internal: message }));
process.on('disconnect', () => { process.exitCode = exitCode; });
process.send({
  ready: true,
  send: typeof process.send,
  channel: typeof process.channel,
  fd: process.channel.fd,
  env: process.env.NODE_CHANNEL_FD === undefined && process.env.NODE_CHANNEL_SERIALIZATION_MODE === undefined,
});
