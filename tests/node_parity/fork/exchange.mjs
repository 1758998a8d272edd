// fork() and its channel against Node: messages both ways in 'json' or
// 'advanced' serialization, 'NODE_' messages kept internal, disconnect from
// either side, exit codes, and the 'message'/'disconnect'/'exit'/'close'
// order. args: [mode, execPath?]: with execPath the child runs under that
// binary (a toysnap parent and a Node child, and the reverse).
import cp from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./echo_child.cjs', import.meta.url));

function show(value) {
  if (value instanceof Map) return `Map(${JSON.stringify([...value])})`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}[${Array.from(value)}]`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).map((k) => `${k}: ${show(value[k])}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

export async function main([mode, execPath]) {
  const options = { serialization: mode, args: undefined };
  if (execPath) options.execPath = execPath;
  const events = [];
  const sub = cp.fork(child, ['one', 'two'], options);
  console.log('forked', typeof sub.pid, sub.connected, typeof sub.send, sub.channel !== null,
              typeof sub.channel.ref, typeof sub.channel.unref, sub.stdin, sub.stdout, sub.stdio.length);
  const messages = [{ a: 1, nested: [true, null, 'x'] }, 'text', 42, false, [1, [2, [3]]],
                    'ünïcödé ✓ 😀 \u2028', { line: 'a\nb' }];
  if (mode === 'advanced') {
    messages.push(Buffer.from('buf'), new Uint8Array([1, 2, 3]), new Float64Array([0.5]),
                  new Map([[1, 'one']]), { big: 12345678901234567890n }, new RangeError('range'),
                  { date: new Date(0) }, { nan: NaN, inf: -Infinity, undef: undefined });
  } else {
    messages.push({ date: new Date(0), undef: undefined, fn() {} });
  }
  let received = 0;
  const done = new Promise((resolve) => {
    sub.on('message', (message) => {
      if (message.ready) {
        console.log('child ready', show(message));
        for (const m of messages) console.log('send returned', sub.send(m));
        sub.send({ cmd: 'NODE_TOYSNAP_TEST', value: 1 });
        return;
      }
      if (message.bye) { events.push('bye'); return; }
      if (message.internal) { console.log('child got internal', show(message.internal)); return; }
      console.log('echo', show(message.echo), message.connected, show(message.argv));
      if (++received === messages.length) sub.send({ exitCode: 7 });
    });
    sub.on('internalMessage', (message) => console.log('parent internalMessage', show(message)));
    sub.on('disconnect', () => events.push(`disconnect connected=${sub.connected}`));
    sub.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
    sub.on('close', (code, signal) => { events.push(`close ${code} ${signal}`); resolve(); });
  });
  await done;
  console.log(events.join(' | '), sub.connected, sub.channel);
  // A closed channel: send's callback and 'error' get ERR_IPC_CHANNEL_CLOSED.
  await new Promise((resolve) => sub.send('late', (error) => {
    console.log('late send', error.name, error.code, error.message);
    resolve();
  }));
  await new Promise((resolve) => {
    sub.once('error', (error) => { console.log('late send event', error.code, error.message); resolve(); });
    console.log('late send returned', sub.send('late'));
  });
  await new Promise((resolve) => {
    sub.once('error', (error) => { console.log('disconnect again', error.code, error.message); resolve(); });
    sub.disconnect();
  });
}
