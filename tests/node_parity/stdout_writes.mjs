// process.stdout and stderr as streams: what write() returns, when its
// callbacks run against ticks and promise jobs, bytes and encodings, the
// stream's type and state, and console.log between stream writes. Run with
// stdout on a pipe and on a file.
import net from 'node:net';
import { Writable } from 'node:stream';

export function main() {
  const out = process.stdout;
  const order = [];
  const results = [
    out.write('one\n'),
    out.write('two\n', () => order.push('cb two')),
    out.write('three\n', 'utf8', () => order.push('cb three')),
    out.write(Buffer.from('four\n')),
    out.write(new Uint8Array([0x66, 0x69, 0x76, 0x65, 0x0a])),
    out.write('7369780a', 'hex'),
    out.write('c3a9\n', 'latin1'),
    // Lone surrogates are written as U+FFFD, by the stream and by console.
    out.write('lone \ud800 high, \udc00 low, caf\u00e9\n'),
  ];
  console.log('lone \ud83d and \u00e9 through console');
  process.nextTick(() => order.push('tick'));
  Promise.resolve().then(() => order.push('promise'));
  setTimeout(() => {
    console.log('order', order.join(', '));
    console.log('results', results.join());
  }, 0);
  console.log('console between writes');
  out.write('', () => order.push('cb empty'));
  process.stderr.write('to stderr\n');
  console.error('console.error');
  const kind = out._type;
  console.log('type', kind, out.fd, out.isTTY, out.writable, out.writableLength,
              out.writableHighWaterMark, out.writableObjectMode, out.destroyed,
              out instanceof Writable, kind === 'pipe' ? out instanceof net.Socket : 'n/a',
              process.stderr._isStdio, process.stdout === out);
  try {
    out.write(42);
  } catch (error) {
    console.log(error.code);
  }
  // (readable-stream passes no argument where Node 20 passes null.)
  // Under 64 KiB: Node writes it at once too (a full pipe would queue it, later).
  out.write('x'.repeat(30000) + '\n', (error) => console.log('big written', error ?? null));
  out.cork();
  out.write('corked ');
  out.write('together\n');
  process.nextTick(() => out.uncork());
}
