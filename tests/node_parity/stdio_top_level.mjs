// process.stdout and stderr touched at the top level, so at build time for a
// snapshot (as libraries that check isTTY at import do): the streams kept
// from then still write, in order, after the restore; net and tty loaded at
// the top level work in main().
import net from 'node:net';
import tty from 'node:tty';

const out = process.stdout;
const err = process.stderr;
const wasTTY = out.isTTY;
const server = net.createServer((socket) => socket.end('served\n'));

export function main() {
  out.write(`kept stdout isTTY ${wasTTY} ${out.isTTY} ${tty.isatty(1)}\n`);
  console.log('console in between');
  process.stdout.write('process.stdout now\n');
  out.write(Buffer.from('bytes through the kept stream\n'));
  err.write('kept stderr\n');
  server.listen(0, '127.0.0.1', () => {
    net.connect(server.address().port, '127.0.0.1').on('data', (data) => {
      out.write(data);
      server.close();
    });
  });
}
