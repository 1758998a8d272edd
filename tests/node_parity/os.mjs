// Issue #13: `os` with the machine's real values (libuv), shaped as Node's.
// Values that move between two runs (uptime, free memory, load, CPU times)
// are checked for type and range only.
import os from 'node:os';

export function main() {
  const show = (name, value) => console.log(name, JSON.stringify(value));
  for (const name of ['hostname', 'type', 'release', 'version', 'machine', 'arch', 'platform',
                      'endianness', 'homedir', 'tmpdir', 'totalmem', 'availableParallelism']) {
    show(name, os[name]());
  }
  show('EOL', os.EOL);
  show('devNull', os.devNull);
  show('userInfo', os.userInfo());
  show('userInfo buffer', Buffer.isBuffer(os.userInfo({ encoding: 'buffer' }).username));
  show('priority', os.getPriority());
  const cpus = os.cpus();
  show('cpus', cpus.map((cpu) => [cpu.model, cpu.speed, Object.keys(cpu.times)]));
  show('cpu times are numbers', cpus.every((cpu) => Object.values(cpu.times).every(Number.isFinite)));
  show('networkInterfaces', os.networkInterfaces());
  const uptime = os.uptime();
  show('uptime', typeof uptime === 'number' && uptime > 0);
  const free = os.freemem();
  show('freemem', free > 0 && free <= os.totalmem());
  show('loadavg', os.loadavg().length === 3 && os.loadavg().every((n) => n >= 0));
  show('signals', os.constants.signals);
  show('errno', os.constants.errno);
  show('priority constants', os.constants.priority);
  show('frozen', Object.isFrozen(os.constants.signals));
  show('dlopen', os.constants.dlopen);
  process.env.TMPDIR = '/some/where/';
  show('tmpdir from TMPDIR', os.tmpdir());
}
