// A server on a unix socket (args[0] is its path), a client that sends lines
// and reads the reply, and the socket file gone after the server closes.
import fs from 'node:fs';
import net from 'node:net';

export function main(args) {
  const path = args[0];
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let text = '';
    socket.on('data', (data) => { text += data; });
    socket.on('end', () => {
      socket.end(`${text.split('\n').filter(Boolean).length} lines, ${text.length} chars`);
    });
  });
  server.listen(path, () => {
    console.log('listening', server.address() === path, fs.existsSync(path),
                fs.statSync(path).isSocket());
    const client = net.connect(path, () => {
      console.log('connected', client.remoteAddress, client.address());
      client.end('one\ntwo\nthree\n');
    });
    let reply = '';
    client.on('data', (data) => { reply += data; });
    client.on('close', () => {
      console.log('reply', reply);
      server.close(() => console.log('closed', fs.existsSync(path)));
    });
  });
}
