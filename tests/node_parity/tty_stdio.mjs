// The process streams on a terminal (run under a pseudo-terminal): isTTY,
// the window size, colour support, tty.isatty, raw mode on stdin, and the
// tty classes, printed as JSON (Node's console colours other values).
import tty from 'node:tty';

export function main() {
  const out = process.stdout;
  const input = process.stdin;
  const report = {
    isTTY: [out.isTTY, process.stderr.isTTY, input.isTTY],
    size: [out.columns, out.rows, out.getWindowSize()],
    type: out._type,
    colors: [out.hasColors(), out.hasColors(256), out.hasColors(2 ** 24), out.getColorDepth(),
             out.getColorDepth({ TERM: 'xterm-256color' }), out.hasColors({ NO_COLOR: '1' })],
    isatty: [tty.isatty(0), tty.isatty(1), tty.isatty(2), tty.isatty(99), tty.isatty(-1),
             tty.isatty(1.5)],
    classes: [out instanceof tty.WriteStream, input instanceof tty.ReadStream],
    raw: [input.isRaw, input.setRawMode(true) === input, input.isRaw,
          input.setRawMode(false).isRaw],
  };
  out.write(`${JSON.stringify(report)}\n`);
  out.write('written\n', () => console.log('callback'));
  console.log('plain text line');
  try { new tty.WriteStream(-1); } catch (error) { console.log(error.code, error.message); }
}
