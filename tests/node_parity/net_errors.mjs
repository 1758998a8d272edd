// net's errors as Node reports them: refused connections, ports in use,
// bad ports and arguments, missing unix sockets, unknown hosts, writes after
// end, and servers listened twice or closed when not running.
import net from 'node:net';

function show(tag, error) {
  console.log(tag, error.constructor.name, error.message, JSON.stringify(error));
}

function step(list) {
  const next = list.shift();
  if (next) next(() => step(list));
}

export function main() {
  for (const attempt of [
    () => net.connect(65536),
    () => net.connect(-1, '127.0.0.1'),
    () => net.connect({ port: 'http' }),
    () => net.connect({}),
    () => net.connect({ port: 80, host: 42 }),
    () => net.createServer().listen(70000),
    () => net.createServer().listen({ port: 1.5 }),
    () => net.createServer().listen({ nothing: true }),
    () => new net.Socket().setTimeout(-1),
    () => net.createServer(42),
  ]) {
    try {
      attempt();
      console.log('no error');
    } catch (error) {
      console.log(error.name, error.code, error.message);
    }
  }
  step([
    (done) => net.connect(1, '127.0.0.1').on('error', (e) => { show('refused', e); done(); })
      .on('close', (hadError) => console.log('refused close', hadError)),
    (done) => net.connect('/nonexistent/toysnap.sock').on('error', (e) => { show('no socket', e); done(); }),
    (done) => net.connect(80, 'nonexistent.invalid').on('error', (e) => {
      console.log('unknown host', e.code, e.syscall, e.hostname, e.message); done();
    }),
    (done) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        try { server.listen(0); } catch (e) { console.log(e.code, e.message); }
        net.createServer().listen(port, '127.0.0.1').on('error', (e) => {
          console.log('in use', e.code, e.errno, e.syscall, e.address, e.port === port,
                      e.message === `listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
          server.close(done);
        });
      });
    },
    (done) => net.createServer().close((e) => { console.log('not running', e.code, e.message); done(); }),
    (done) => {
      const server = net.createServer((socket) => socket.resume().on('end', () => socket.end()));
      server.listen(0, '127.0.0.1', () => {
        const client = net.connect(server.address().port, '127.0.0.1', () => {
          client.end();
          client.write('late', (e) => console.log('write after end callback', e.code));
        });
        client.on('error', (e) => console.log('write after end', e.code, e.message));
        client.resume();
        client.on('close', () => server.close(done));
      });
    },
    (done) => {
      const socket = new net.Socket();
      socket.on('error', (e) => console.log('destroyed with', e.message));
      socket.on('close', (hadError) => { console.log('close', hadError); done(); });
      socket.destroy(new Error('boom'));
    },
  ]);
}
