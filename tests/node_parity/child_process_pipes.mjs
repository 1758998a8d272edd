// child_process with 'pipe' stdio, compared with Node: the child's
// stdin/stdout/stderr as net.Sockets, input written to cat, 'close' only
// after 'exit' and both output streams closed, exec/execFile with callbacks
// and through util.promisify, their errors, maxBuffer, timeout, and ENOENT.
// Only orders Node guarantees are checked ('exit' and a stream's end race).
import cp from 'node:child_process';
import util from 'node:util';

function run(child) {
  const events = [];
  const out = { stdout: '', stderr: '' };
  for (const name of ['stdout', 'stderr']) {
    child[name].setEncoding('utf8');
    child[name].on('data', (chunk) => { out[name] += chunk; });
    child[name].on('end', () => events.push(`${name} end`));
    child[name].on('close', () => events.push(`${name} close`));
  }
  child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
  // 'close' comes after 'exit' and after both output streams ended.
  return new Promise((resolve) => child.on('close', (code, signal) => {
    const seen = (name) => events.includes(name);
    resolve({ code, signal, out,
              afterExitAndEnds: seen(`exit ${code} ${signal}`) && seen('stdout end') && seen('stderr end') });
  }));
}

export async function main() {
  const cat = cp.spawn('cat');
  console.log('streams', cat.stdin.constructor.name, cat.stdout.constructor.name,
              cat.stdio.length, cat.stdio[0] === cat.stdin, cat.stdio[1] === cat.stdout,
              cat.stdin.writable, cat.stdout.readable, cat.stderr.readable);
  const catDone = run(cat);
  cat.stdin.write('line one\n');
  cat.stdin.end(Buffer.from('line two\n'));
  console.log('cat', await catDone);

  console.log('sh', await run(cp.spawn('sh', ['-c', 'echo out; echo err >&2; exit 4'])));
  const big = await run(cp.spawn('sh', ['-c', 'head -c 300000 /dev/zero | tr "\\0" x']));
  console.log('big', big.code, big.out.stdout.length, big.afterExitAndEnds);
  const sleeper = cp.spawn('sleep', ['10']);
  const killed = run(sleeper);
  sleeper.kill();
  const k = await killed;
  console.log('killed', k.code, k.signal, k.afterExitAndEnds);
  const mixed = cp.spawn('sh', ['-c', 'echo only-stdout; echo lost >&2'], { stdio: ['ignore', 'pipe', 'ignore'] });
  console.log('mixed', mixed.stdin, mixed.stderr, mixed.stdio.map((s) => s && s.constructor.name));
  let mixedOut = '';
  mixed.stdout.on('data', (d) => { mixedOut += d; });
  await new Promise((resolve) => mixed.on('close', resolve));
  console.log('mixed out', JSON.stringify(mixedOut));

  const missing = cp.spawn('no-such-program-here');
  const missingEvents = [];
  missing.on('error', (e) => missingEvents.push(`error ${e.code}`));
  missing.stdout.on('end', () => missingEvents.push('stdout end'));
  await new Promise((resolve) => missing.on('close', (code) => { missingEvents.push(`close ${code}`); resolve(); }));
  console.log('missing', missingEvents);

  await new Promise((resolve) => cp.exec('echo hello; echo warn >&2', (error, stdout, stderr) => {
    console.log('exec', error, JSON.stringify(stdout), JSON.stringify(stderr));
    resolve();
  }));
  await new Promise((resolve) => cp.exec('echo part; echo why >&2; exit 3', (error, stdout, stderr) => {
    console.log('exec failed', error.message, error.code, error.killed, error.signal, error.cmd,
                JSON.stringify(stdout), JSON.stringify(stderr));
    resolve();
  }));
  await new Promise((resolve) => cp.execFile('echo', ['a', 'b'], { encoding: 'buffer' }, (error, stdout) => {
    console.log('execFile buffer', error, stdout);
    resolve();
  }));
  await new Promise((resolve) => cp.execFile('no-such-program-here', ['x'], (error, stdout, stderr) => {
    console.log('execFile missing', error.message, error.code, error.errno, error.syscall, error.path,
                error.spawnargs, error.cmd, JSON.stringify(stdout), JSON.stringify(stderr));
    resolve();
  }));
  await new Promise((resolve) => cp.execFile('sh', ['-c', 'yes | head -c 100000'], { maxBuffer: 1000 }, (error, stdout) => {
    console.log('maxBuffer', error.name, error.code, error.message, stdout.length);
    resolve();
  }));
  await new Promise((resolve) => cp.exec('sleep 5', { timeout: 50 }, (error) => {
    console.log('timeout', error.message, error.killed, error.signal, error.code);
    resolve();
  }));
  console.log('promisified', await util.promisify(cp.execFile)('echo', ['promised']));
  const pending = util.promisify(cp.exec)('echo out; echo err >&2; exit 5');
  console.log('promise child', pending.child instanceof cp.ChildProcess);
  try { await pending; } catch (e) {
    console.log('rejected', e.message, e.code, JSON.stringify(e.stdout), JSON.stringify(e.stderr));
  }
}
