// Issue #13: the rest of process (ids, cwd/chdir, hrtime, memory, umask, kill,
// stdout writes, EventEmitter, beforeExit/exit), compared with Node.
import os from 'node:os';
import util from 'node:util';
export function main(args) {
  const out = [];
  out.push(typeof process.pid, process.pid === process.pid, process.pid > 0, typeof process.ppid);
  out.push(process.version, process.versions.node, process.release.name, process.arch, process.platform);
  out.push(process.cwd() === process.env.PWD || process.cwd().length > 0);
  out.push(process.argv[0] === process.execPath, typeof process.argv0);
  out.push(util.getSystemErrorName(-2), util.getSystemErrorName(-98), util.getSystemErrorName(-99999));
  for (const bad of [2, 'x', -1.5]) {
    try { util.getSystemErrorName(bad); } catch (e) { out.push(e.code, e.message); }
  }
  const before = process.cwd();
  process.chdir('/'); out.push(process.cwd()); process.chdir(before);
  try { process.chdir('/no/such/dir'); } catch (e) { out.push(e.code, e.syscall, e.message.replace(before, 'CWD')); }
  const t = process.hrtime(); out.push(Array.isArray(t), t.length, typeof process.hrtime.bigint());
  const d = process.hrtime(t); out.push(d[0] >= 0, d[1] >= 0);
  const m = process.memoryUsage(); out.push(Object.keys(m).join(), m.rss > 0, m.heapUsed > 0, process.memoryUsage.rss() > 0);
  out.push(typeof process.uptime(), process.uptime() >= 0, process.uptime() < 600);
  out.push(process.umask() === process.umask(), typeof process.umask());
  out.push(process.kill(process.pid, 0));
  try { process.kill(process.pid, 'SIGNOPE'); } catch (e) { out.push(e.code, e.message); }
  out.push(typeof process.on, typeof process.emit, process instanceof (globalThis.EventEmitter ?? Object));
  out.push(process.stdout.write('direct write\n'), typeof process.stdout.isTTY, process.stderr.fd);
  process.stdout.write(new Uint8Array([104, 105, 10]));
  process.on('beforeExit', (code) => {
    if (!globalThis.again) { globalThis.again = true; setTimeout(() => console.log('work added by beforeExit'), 1); }
    console.log('beforeExit', code);
  });
  process.on('exit', (code) => { console.log('exit', code, process.exitCode); });
  process.exitCode = 3;
  console.log(out.join(' '));
}
