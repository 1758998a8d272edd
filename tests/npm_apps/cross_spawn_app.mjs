// cross-spawn (CommonJS, on `which`, `path-key`, `shebang-command`) running
// programs through child_process: its sync form with captured output and a
// missing command, and its async form with inherited stdio, piped stdio and
// exit codes.
import spawn from 'cross-spawn';

const closed = (child) => new Promise((resolve) => child.on('close', (...args) => resolve(args)));

export async function main() {
  const echo = spawn.sync('echo', ['hello from', 'cross-spawn'], { encoding: 'utf8' });
  console.log('sync', echo.status, echo.signal, JSON.stringify(echo.stdout), JSON.stringify(echo.stderr));
  const shell = spawn.sync('sh', ['-c', 'printf "%s|" "$@"; exit 3', 'sh', 'a b', 'c'], { encoding: 'utf8' });
  console.log('sync args', shell.status, shell.stdout);
  const missing = spawn.sync('no-such-command-here', ['x']);
  console.log('sync missing', missing.error.code, missing.error.syscall, missing.error.path,
              missing.error.spawnargs, missing.status);

  console.log('async start');
  console.log('async close', await closed(spawn('sh', ['-c', 'echo async child; exit 2'], { stdio: 'inherit' })));
  const cat = spawn('cat', ['-n']);
  let numbered = '';
  cat.stdout.on('data', (chunk) => { numbered += chunk; });
  cat.stdin.end('one\ntwo\n');
  console.log('async piped', await closed(cat), JSON.stringify(numbered));
  const killed = spawn('sleep', ['10'], { stdio: 'ignore' });
  killed.kill();
  console.log('async killed', await closed(killed));
  const absent = spawn('no-such-command-here', [], { stdio: 'ignore' });
  absent.on('error', (e) => console.log('async error', e.code, e.syscall, e.path));
  console.log('async absent close', await closed(absent));
}
