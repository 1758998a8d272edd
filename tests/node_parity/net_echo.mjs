// A TCP echo server and its client in one process, on a port the system
// picks: connection, data with and without an encoding, half-open ends,
// byte counts, addresses, socket states, and the events' order to 'close'.
import net from 'node:net';

export function main() {
  const log = (...parts) => console.log(...parts);
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    log('server connection', socket.remoteAddress, socket.remoteFamily, socket.localPort === port,
        socket.readyState, server.listening);
    server.getConnections((error, count) => log('connections', error, count));
    socket.on('data', (data) => {
      log('server data', Buffer.isBuffer(data), JSON.stringify(data.toString()));
      socket.write(data.toString().toUpperCase());
    });
    socket.on('end', () => {
      log('server end', socket.readyState, socket.bytesRead);
      socket.end('bye', () => log('server end callback'));
    });
    socket.on('finish', () => log('server finish'));
    socket.on('close', (hadError) => {
      log('server socket close', hadError, socket.bytesWritten, socket.destroyed);
      server.close(() => log('server closed', server.listening, server.address()));
    });
  });
  let port;
  server.on('listening', () => log('listening event'));
  server.listen({ port: 0, host: '127.0.0.1', backlog: 8 }, () => {
    ({ port } = server.address());
    log('address', server.address().address, server.address().family, port > 0);
    const client = net.createConnection({ port, host: '127.0.0.1' });
    log('client', client.connecting, client.pending, client.readyState);
    client.setEncoding('utf8');
    client.setNoDelay(true);
    client.setKeepAlive(true, 1000);
    const seen = [];
    client.on('lookup', () => log('lookup (not for an IP)'));
    client.on('connect', () => {
      log('client connect', client.connecting, client.readyState, client.remotePort === port,
          client.localAddress, client.address().family);
      client.write('hello ', () => log('client write callback'));
      log('write returns', client.write(Buffer.from('world')));
    });
    client.on('ready', () => log('client ready'));
    client.on('data', (data) => {
      seen.push(data);
      if (seen.join('') === 'HELLO WORLD') client.end();
    });
    client.on('end', () => log('client end', JSON.stringify(seen.join('')), client.readyState));
    client.on('close', (hadError) => log('client close', hadError, client.bytesRead,
                                        client.bytesWritten, client.readyState));
  });
}
