// Socket timeouts (idle, reset by activity, cleared with 0), ref/unref of
// sockets and servers (an unref'd server alone lets the process end), the
// default listen address, and maxConnections = 0 (no limit, as in Node 20).
import net from 'node:net';

export function main() {
  const server = net.createServer((socket) => {
    socket.setTimeout(50, () => {
      console.log('server socket idle', socket.timeout);
      socket.setTimeout(0);
      socket.end('bye');
    });
  });
  server.listen(() => {
    const { address, family, port } = server.address();
    console.log('default listen', address, family, typeof port);
    const client = net.connect(port, 'localhost');
    client.setTimeout(1000);
    client.on('timeout', () => console.log('client timeout (unexpected)'));
    client.on('lookup', (error, ip, ipFamily, host) => console.log('lookup', error, ip, ipFamily, host));
    client.on('data', (data) => console.log('client data', String(data)));
    client.on('close', () => {
      console.log('client closed; timeout', client.timeout);
      server.maxConnections = 0;
      const refused = net.connect(port, '127.0.0.1');
      refused.on('close', () => {
        console.log('second connection served and closed');
        const idle = net.createServer().listen(0, '127.0.0.1', () => {
          idle.unref();
          console.log('unref server listening', idle.listening);
        });
        server.close();
      });
      refused.resume();
    });
  });
  process.on('exit', (code) => console.log('exit', code));
}
