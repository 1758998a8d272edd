// readline and readline/promises over a PassThrough and over a file's bytes
// (fs.readFileSync fed through a PassThrough in small chunks), compared with
// Node: line splitting with \n, \r\n and \r (also split across chunks), a
// last line without a newline, question/prompt output, pause/resume/close
// events, async iteration, the cursor helpers' escape codes and their errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import readlinePromises from 'node:readline/promises';
import { PassThrough } from 'node:stream';

function collect(stream) {
  const out = [];
  stream.on('data', (chunk) => out.push(String(chunk)));
  return out;
}

async function events() {
  const input = new PassThrough();
  const output = new PassThrough();
  const written = collect(output);
  const rl = readline.createInterface({ input, output, terminal: false });
  console.log('terminal', rl.terminal, 'prompt', JSON.stringify(rl.getPrompt()), 'crlfDelay', rl.crlfDelay);
  const closed = new Promise((resolve) => rl.on('close', resolve));
  rl.on('line', (line) => console.log('line', JSON.stringify(line)));
  rl.on('pause', () => console.log('pause'));
  rl.on('resume', () => console.log('resume'));
  rl.setPrompt('$ ');
  rl.prompt();
  rl.question('name? ', (answer) => console.log('answer', JSON.stringify(answer)));
  input.write('bob\r\nx\ry\n');
  input.write('split\r');
  input.write('\nnext');
  input.write(' part\n\nlast without newline');
  rl.pause();
  rl.resume();
  input.end();
  await closed;
  console.log('written', JSON.stringify(written.join('')));
  try {
    rl.question('again?', () => {});
  } catch (e) {
    console.log('question after close', e.name, e.code, e.message);
  }
}

async function fromFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-readline-'));
  const file = path.join(dir, 'lines.txt');
  fs.writeFileSync(file, 'first line\nsecond, with ünïcödé\r\n\nfourth\nfifth');
  const bytes = fs.readFileSync(file);
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  // The loop must be waiting before lines come: a flowing PassThrough emits
  // them as they are written. Three-byte chunks split UTF-8 characters too.
  const lines = [];
  const reading = (async () => { for await (const line of rl) lines.push(line); })();
  for (let i = 0; i < bytes.length; i += 3) input.write(bytes.subarray(i, i + 3));
  input.end();
  await reading;
  console.log('file lines', JSON.stringify(lines));
  fs.rmSync(dir, { recursive: true });
}

async function iterationBreak() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  rl.on('close', () => console.log('closed by break'));
  const reading = (async () => {
    for await (const line of rl) {
      console.log('iterated', line);
      if (line === 'b') break;
    }
  })();
  input.write('a\nb\nc\n');
  await reading;
  console.log('after break');
}

async function promises() {
  const input = new PassThrough();
  const output = new PassThrough();
  const written = collect(output);
  const rl = readlinePromises.createInterface({ input, output, terminal: false });
  const answer = rl.question('colour? ');
  input.write('green\n');
  console.log('promise answer', await answer);
  const controller = new AbortController();
  const aborted = rl.question('never? ', { signal: controller.signal });
  controller.abort();
  try {
    await aborted;
  } catch (e) {
    console.log('aborted question', e.name, e.code, e.message);
  }
  try {
    await rl.question('pre-aborted? ', { signal: AbortSignal.abort('why') });
  } catch (e) {
    console.log('pre-aborted question', e.name, e.code, e.message, e.cause);
  }
  rl.close();
  console.log('promises written', JSON.stringify(written.join('')));
}

function cursor() {
  const output = new PassThrough();
  const written = collect(output);
  console.log(readline.cursorTo(output, 3), readline.cursorTo(output, 3, 4),
              readline.moveCursor(output, -1, 2), readline.moveCursor(output, 2, -3),
              readline.clearLine(output, -1), readline.clearLine(output, 0), readline.clearLine(output, 1),
              readline.clearScreenDown(output), readline.cursorTo(null, 1), readline.moveCursor(output, 0, 0));
  console.log('escapes', JSON.stringify(written.join('')));
  for (const args of [[NaN], [1, NaN]]) {
    try {
      readline.cursorTo(output, ...args);
    } catch (e) {
      console.log('cursorTo', e.name, e.code, e.message);
    }
  }
}

// terminal:true: line editing's output (refreshes, cursor moves), history,
// Ctrl shortcuts, display width of wide and combining characters, options.
async function terminal() {
  const output = new PassThrough();
  const written = collect(output);
  output.isTTY = true;
  output.columns = 80;
  const input = new PassThrough();
  const rl = readline.createInterface({ input, output, terminal: true, prompt: '> ' });
  rl.on('line', (line) => console.log('tty line', JSON.stringify(line)));
  rl.on('history', (history) => console.log('tty history', JSON.stringify(history)));
  rl.prompt();
  for (const chunk of ['ab', '\x1b[D', 'X', '\r', 'second\r', '\x1b[A', '\r', '丁a\u0301']) input.write(chunk);
  console.log('cursor', JSON.stringify(rl.getCursorPos()));
  for (const chunk of ['\x15', 'abc\x01\x0bz\x05\x7f\r']) input.write(chunk);
  rl.write('multi\nline\rthird');
  rl.write(null, { ctrl: true, name: 'u' });
  await new Promise((resolve) => setImmediate(resolve));
  console.log('tty written', JSON.stringify(written.join('')));
  console.log('escapeCodeTimeout', rl.escapeCodeTimeout, 'tabSize', rl.tabSize);
  rl.close();
  for (const options of [{ escapeCodeTimeout: '50' }, { tabSize: 0 }, { tabSize: 1.5 }]) {
    try {
      readline.createInterface({ input, ...options });
    } catch (e) {
      console.log('options', JSON.stringify(options), e.name, e.code, e.message);
    }
  }
}

function keypress() {
  const input = new PassThrough();
  readline.emitKeypressEvents(input);
  input.on('keypress', (s, key) => console.log('keypress', JSON.stringify(s), key.name, key.ctrl, key.shift));
  input.write('aB\r\x03\x1b[A');
}

export async function main() {
  await events();
  await fromFile();
  await iterationBreak();
  await promises();
  cursor();
  await terminal();
  keypress();
  await new Promise((resolve) => setImmediate(resolve));
  console.log(Object.keys(readline).sort().join(' '));
}
