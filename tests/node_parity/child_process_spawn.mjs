// child_process.spawn without pipes, compared with Node: 'spawn', 'exit' and
// 'close' in order, exit codes and signals (kill() with SIGTERM gives code
// null and signal 'SIGTERM'), ENOENT as an 'error' then 'close', the timeout
// option, unref(), a child inheriting our stdout, and argument errors.
import cp from 'node:child_process';

const ended = (child) => new Promise((resolve) => child.on('close', (...a) => resolve(a)));

function watch(label, child) {
  const events = [];
  for (const name of ['spawn', 'exit', 'close', 'error']) {
    child.on(name, (...args) => events.push(name === 'error'
      ? `error ${args[0].message} ${args[0].code} ${args[0].errno} ${args[0].syscall} ${args[0].path} [${args[0].spawnargs}]`
      : `${name}${args.length ? ' ' + args.join(' ') : ''}`));
  }
  return ended(child).then(() => console.log(label, events.join(' | '), '| exitCode', child.exitCode,
                                             'signalCode', child.signalCode, 'killed', child.killed));
}

function fail(label, fn) {
  try {
    fn();
    console.log(label, 'did not throw');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

export async function main() {
  const child = cp.spawn('sh', ['-c', 'exit 3'], { stdio: 'ignore' });
  console.log('fresh', typeof child.pid, child.stdin, child.stdout, child.stderr, child.stdio,
              child.exitCode, child.signalCode, child.killed, child.spawnfile, child.spawnargs,
              child instanceof cp.ChildProcess);
  await watch('exit 3', child);

  const sleeper = cp.spawn('sleep', ['10'], { stdio: 'ignore' });
  const killed = watch('kill', sleeper);
  console.log('kill()', sleeper.kill(), sleeper.killed);
  await killed;
  console.log('kill after exit', sleeper.kill());

  for (const signal of ['SIGKILL', 'SIGINT', 9]) {
    const s = cp.spawn('sleep', ['10'], { stdio: 'ignore' });
    const done = watch(`kill ${signal}`, s);
    s.kill(signal);
    await done;
  }
  const named = cp.spawn('sleep', ['10'], { stdio: 'ignore' });
  fail('kill unknown', () => named.kill('SIGNOPE'));
  named.kill('sigterm');
  await watch('kill lower case', named);

  await watch('ENOENT', cp.spawn('no-such-program-here', ['a', 'b'], { stdio: 'ignore' }));
  await watch('bad cwd', cp.spawn('true', { cwd: '/no/such/dir', stdio: 'ignore' }));
  await watch('timeout', cp.spawn('sleep', ['10'], { stdio: 'ignore', timeout: 50 }));
  await watch('timeout SIGKILL', cp.spawn('sleep', ['10'], { stdio: 'ignore', timeout: 50, killSignal: 'SIGKILL' }));

  console.log('before inherit');
  await watch('inherit', cp.spawn('sh', ['-c', 'echo from the child; echo to stderr >&2; exit 0'], { stdio: 'inherit' }));
  await watch('fd numbers', cp.spawn('sh', ['-c', 'echo via fd 1'], { stdio: ['ignore', 1, 2] }));
  await watch('shell', cp.spawn('echo $((2 + 3))', { shell: true, stdio: 'inherit' }));
  await watch('env', cp.spawn('sh', ['-c', 'echo "[$ONLY]"'], { env: { ONLY: 'this' }, stdio: 'inherit' }));

  const disposed = cp.spawn('sleep', ['10'], { stdio: 'ignore' });
  const disposeDone = watch('dispose', disposed);
  disposed[Symbol.dispose]();
  await disposeDone;

  const controller = new AbortController();
  const aborted = cp.spawn('sleep', ['10'], { stdio: 'ignore', signal: controller.signal });
  const abortDone = watch('abort', aborted);
  controller.abort();
  await abortDone;

  // An unref()ed child does not keep the loop alive; this one is killed by
  // the timer the loop still has.
  const background = cp.spawn('sleep', ['10'], { stdio: 'ignore' });
  background.unref();
  background.ref();
  background.unref();
  setTimeout(() => { console.log('timer ran, killing', background.kill()); }, 50);

  fail('file type', () => cp.spawn(5));
  fail('file empty', () => cp.spawn(''));
  fail('args type', () => cp.spawn('true', 5));
  fail('stdio', () => cp.spawn('true', { stdio: 'bogus' }));
  fail('stdio buffer', () => cp.spawn('true', { stdio: [Buffer.from('x'), 'ignore', 'ignore'] }));
  fail('timeout', () => cp.spawn('true', { timeout: 1.5 }));
  fail('killSignal', () => cp.spawn('true', { killSignal: 'SIGNOPE' }));
  fail('signal', () => cp.spawn('true', { signal: 'x' }));
  fail('detached', () => cp.spawn('true', { detached: 1 }));
  fail('bad fd', () => cp.spawn('echo', { stdio: [0, 12345, 2] }));
}
