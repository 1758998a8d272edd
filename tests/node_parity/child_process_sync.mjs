// child_process's synchronous forms, compared with Node: results, statuses
// and signals, input, cwd, env, shell, timeouts, maxBuffer, encodings, the
// errors of execSync/execFileSync (with the child's stderr passed on to ours)
// and of bad arguments. No pids or stacks are printed.
import cp from 'node:child_process';
import os from 'node:os';

const shape = (r) => ({ ...r, pid: typeof r.pid, error: r.error && describe(r.error) });
function describe(e) {
  return { message: e.message, keys: Object.keys(e), code: e.code, errno: e.errno,
           syscall: e.syscall, path: e.path, spawnargs: e.spawnargs, status: e.status,
           signal: e.signal, stdout: e.stdout, stderr: e.stderr };
}
function fail(label, fn) {
  try {
    console.log(label, 'returned', fn());
  } catch (e) {
    console.log(label, e.name, describe(e));
  }
}

export function main() {
  console.log('echo', shape(cp.spawnSync('/bin/echo', ['hello', 'world'])));
  console.log('keys', Object.keys(cp.spawnSync('true')));
  console.log('utf8', shape(cp.spawnSync('sh', ['-c', 'printf "h\\303\\251"; printf e >&2'], { encoding: 'utf8' })));
  for (const code of [0, 1, 7, 255]) {
    console.log('exit', code, cp.spawnSync('sh', ['-c', `exit ${code}`]).status);
  }
  for (const signal of ['TERM', 'KILL', 'INT']) {
    const r = cp.spawnSync('sh', ['-c', `kill -${signal} $$`]);
    console.log('signal', signal, r.status, r.signal);
  }
  console.log('ENOENT', shape(cp.spawnSync('no-such-program-here', ['a', 'b'])));
  console.log('input', shape(cp.spawnSync('cat', { input: 'fed to cat\n' })));
  console.log('input buffer', cp.spawnSync('wc', ['-c'], { input: Buffer.alloc(100000, 120), encoding: 'utf8' }).stdout.trim());
  console.log('cwd', cp.spawnSync('pwd', { cwd: os.tmpdir(), encoding: 'utf8' }).stdout === `${os.tmpdir()}\n`);
  console.log('bad cwd', shape(cp.spawnSync('pwd', { cwd: '/no/such/dir' })));
  console.log('env', cp.spawnSync('sh', ['-c', 'echo "$FOO|$HOME"'], { env: { FOO: 'bar' }, encoding: 'utf8' }).stdout);
  console.log('shell', cp.spawnSync('echo $((6 * 7))', { shell: true, encoding: 'utf8' }).stdout);
  console.log('shell path', cp.spawnSync('echo', ['$0'], { shell: '/bin/sh', encoding: 'utf8' }).stdout);
  console.log('argv0', cp.spawnSync('sh', ['-c', 'echo $0'], { argv0: 'custom', encoding: 'latin1' }).stdout);
  console.log('args as strings', cp.spawnSync('echo', [1, true, {}], { encoding: 'utf8' }).stdout);
  console.log('env as strings', cp.spawnSync('sh', ['-c', 'echo $N'], { env: { N: 5 }, encoding: 'utf8' }).stdout);
  console.log('bad fd', shape(cp.spawnSync('echo', { stdio: [0, 12345, 2] })));
  console.log('ignore', shape(cp.spawnSync('sh', ['-c', 'echo hidden; exit 4'], { stdio: 'ignore' })));
  console.log('mixed', cp.spawnSync('sh', ['-c', 'echo a; echo b >&2'], { stdio: ['pipe', 'pipe', 'ignore'], encoding: 'utf8' }).output);
  console.log('timeout', shape(cp.spawnSync('sleep', ['5'], { timeout: 100 })));
  console.log('timeout SIGKILL', cp.spawnSync('sleep', ['5'], { timeout: 100, killSignal: 'SIGKILL' }).signal);
  console.log('maxBuffer', shape(cp.spawnSync('sh', ['-c', 'echo 0123456789; sleep 5'], { maxBuffer: 4, encoding: 'utf8' })));
  console.log('maxBuffer 0', cp.spawnSync('echo', ['fine'], { maxBuffer: 0, encoding: 'utf8' }).stdout);
  console.log('EPIPE', cp.spawnSync('true', { input: 'x'.repeat(1 << 20) }).error?.code);

  console.log('execSync', JSON.stringify(cp.execSync('echo out; echo err >&2')));
  console.log('execSync utf8', cp.execSync('echo text', { encoding: 'utf8' }));
  console.log('execFileSync', cp.execFileSync('echo', ['a', 'b']), cp.execFileSync('/bin/echo', { encoding: 'utf8' }));
  fail('execSync exit 3', () => cp.execSync('echo partial; echo bad >&2; exit 3'));
  fail('execSync killed', () => cp.execSync('kill -9 $$'));
  fail('execSync piped', () => cp.execSync('echo quiet >&2; exit 1', { stdio: 'pipe', encoding: 'utf8' }));
  fail('execFileSync exit', () => cp.execFileSync('sh', ['-c', 'exit 2']));
  fail('execFileSync ENOENT', () => cp.execFileSync('no-such-program-here', ['z']));
  fail('execSync timeout', () => cp.execSync('sleep 5', { timeout: 50 }));

  fail('file type', () => cp.spawnSync(1));
  fail('file empty', () => cp.spawnSync(''));
  fail('file nul', () => cp.spawnSync('a\u0000b'));
  fail('args type', () => cp.spawnSync('true', 'x'));
  fail('options type', () => cp.spawnSync('true', [], 'x'));
  fail('stdio', () => cp.spawnSync('true', { stdio: 'bogus' }));
  fail('stdio entry', () => cp.spawnSync('true', { stdio: [{}, 'pipe', 'pipe'] }));
  fail('timeout', () => cp.spawnSync('true', { timeout: -1 }));
  fail('maxBuffer', () => cp.spawnSync('true', { maxBuffer: 'x' }));
  fail('killSignal', () => cp.spawnSync('true', { killSignal: 'SIGNOPE' }));
  fail('killSignal type', () => cp.spawnSync('true', { killSignal: {} }));
  fail('cwd type', () => cp.spawnSync('true', { cwd: 5 }));
  fail('shell type', () => cp.spawnSync('true', { shell: 5 }));
  fail('uid', () => cp.spawnSync('true', { uid: 1.5 }));
  fail('env nul', () => cp.spawnSync('true', { env: { A: 'x\u0000' } }));
  fail('input type', () => cp.spawnSync('cat', { input: 5 }));
  fail('command type', () => cp.execSync(5));
}
