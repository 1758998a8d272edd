// console state made at the top level (at build time for a snapshot) and
// used by main() after the restore: counts, timers, an open group, a Console
// over process.stdout, the lazily loaded methods.
import { Console } from 'node:console';

const logger = new Console({ stdout: process.stdout, stderr: process.stderr, groupIndentation: 3 });
console.count('top');
console.time('top timer');
console.group('opened at the top level');
console.table([{ top: 1 }]);
logger.group('logger group');

export function main() {
  console.count('top');
  console.log('still indented');
  console.groupEnd();
  console.log('not indented');
  logger.log('logger still works');
  logger.groupEnd();
  logger.error('logger to stderr');
  console.log(console._times.has('top timer'), Array.isArray(console._times.get('top timer')));
  const log = console.log;
  console.log = (format, label, duration) => log(format, label, duration.replace(/[\d.]+/, 'N'));
  console.timeEnd('top timer');
  console.log = log;
}
