// fork() and IPC argument errors against Node: codes, names and messages.
import cp from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./echo_child.cjs', import.meta.url));

function fail(label, fn) {
  try {
    const result = fn();
    console.log(label, 'did not throw', typeof result);
    result?.kill?.();
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

export async function main() {
  for (const bad of [0, true, undefined, null, [], {}, Symbol('s')]) {
    fail(`modulePath ${typeof bad}`, () => cp.fork(bad));
  }
  for (const bad of [0, true, () => {}]) fail(`args ${typeof bad}`, () => cp.fork(child, bad));
  for (const bad of [0, true, () => {}]) fail(`options ${typeof bad}`, () => cp.fork(child, [], bad));
  fail('no ipc', () => cp.fork(child, { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] }));
  fail('bad stdio', () => cp.fork(child, { stdio: '33' }));
  fail('two ipc', () => cp.spawn('true', { stdio: ['ipc', 'ipc', 'inherit'] }));
  fail('ipc sync', () => cp.spawnSync('true', { stdio: ['ipc', 'inherit', 'inherit'] }));
  for (const bad of [null, 42, 'xml']) {
    fail(`serialization ${bad}`, () => cp.spawn('true', { serialization: bad }));
  }
  fail('execArgv null byte', () => cp.fork(child, { execArgv: ['--x\u0000'] }));

  const sub = cp.fork(child, { stdio: 'pipe' });
  console.log('silent pipes', sub.stdin !== null, sub.stdout !== null, sub.stderr !== null, sub.stdio.length);
  fail('send()', () => sub.send());
  fail('send(undefined)', () => sub.send(undefined));
  fail('send(symbol)', () => sub.send(Symbol('x')));
  fail('send(fn)', () => sub.send(() => {}));
  fail('send(bigint)', () => sub.send(1n));
  fail('send options', () => sub.send('x', null, 'nope'));
  fail('send handle', () => sub.send('x', {}));
  fail('json bigint', () => sub.send({ big: 1n }));
  await new Promise((resolve) => sub.once('message', resolve));
  sub.disconnect();
  console.log('after disconnect', sub.connected, sub.channel);
  await new Promise((resolve) => sub.on('exit', (code, signal) => {
    console.log('exit', code, signal);
    resolve();
  }));
  const advanced = cp.fork(child, { serialization: 'advanced' });
  fail('advanced fn', () => advanced.send({ f() {} }));
  fail('advanced symbol', () => advanced.send({ s: Symbol('q') }));
  fail('advanced shared', () => advanced.send(new SharedArrayBuffer(4)));
  await new Promise((resolve) => advanced.once('message', resolve));
  // A parent that disconnects gets 'exit' but, as under Node, no 'close'.
  advanced.disconnect();
  await new Promise((resolve) => advanced.on('exit', (code) => { console.log('advanced exit', code); resolve(); }));
}
