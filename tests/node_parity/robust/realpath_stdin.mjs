// fs.realpath where realpath(3) fails: stdin on a pipe (Node stops at the
// pipe: /proc/PID/fd/pipe:[N]), links into it, dangling links, loops, and
// missing parts, in every form. Run with stdin a pipe.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tidy = (text) => text.replace(/\/proc\/\d+\//g, '/proc/PID/').replace(/pipe:\[\d+\]/g, 'pipe:[N]');

export async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-realpath-'));
  const show = (text) => tidy(String(text)).split(dir).join('DIR');
  fs.symlinkSync('/dev/stdin', path.join(dir, 'to-stdin'));
  fs.symlinkSync(path.join(dir, 'to-stdin'), path.join(dir, 'to-to-stdin'));
  fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
  fs.symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
  fs.symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
  fs.writeFileSync(path.join(dir, 'file'), 'x');
  const paths = ['/dev/stdin', '/proc/self/fd/0', '/dev/fd/0', 'to-stdin', 'to-to-stdin', 'dangling',
                 'loop-a', 'file/below', 'missing/below', 'file'];
  for (const name of paths) {
    const p = path.isAbsolute(name) ? name : path.join(dir, name);
    const report = (how, run) => {
      try {
        console.log(how, name, show(run()));
      } catch (error) {
        console.log(how, name, error.code, error.syscall, show(error.message));
      }
    };
    report('sync', () => fs.realpathSync(p));
    report('native', () => fs.realpathSync.native(p));
    report('buffer', () => fs.realpathSync(p, 'buffer').toString());
    report('hex', () => Buffer.from(fs.realpathSync(p, { encoding: 'hex' }), 'hex').toString());
    await new Promise((resolve) => fs.realpath(p, (error, result) => {
      console.log('callback', name, error ? `${error.code} ${error.syscall} ${show(error.message)}` : show(result));
      resolve();
    }));
    await fs.promises.realpath(p).then((result) => console.log('promise', name, show(result)),
                                       (error) => console.log('promise', name, error.code, show(error.message)));
  }
  fs.rmSync(dir, { recursive: true });
  console.log('stdin still reads:', JSON.stringify(fs.readFileSync(0, 'utf8')));
}
