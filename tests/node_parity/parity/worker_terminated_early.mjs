// A worker terminated before it started never comes online and exits with 0,
// as under Node (it came online and exited with 1); one terminated while it
// runs exits with 1, and one that ended by itself resolves terminate() with
// undefined.
import { Worker } from 'node:worker_threads';

const forever = 'setInterval(() => {}, 1000)';

function watch(worker, label) {
  worker.on('online', () => console.log(label, 'online'));
  worker.on('exit', (code) => console.log(label, 'exit event', code));
  worker.on('error', (error) => console.log(label, 'error', error));
}

export async function main() {
  const early = new Worker(forever, { eval: true });
  watch(early, 'early');
  console.log('early terminated', await early.terminate());

  const twice = new Worker(forever, { eval: true });
  watch(twice, 'twice');
  const first = twice.terminate();
  const second = twice.terminate();
  console.log('twice terminated', await first, await second);

  const running = new Worker(forever, { eval: true });
  await new Promise((resolve) => running.once('online', resolve));
  watch(running, 'running');
  console.log('running terminated', await running.terminate());

  const ended = new Worker('process.exit(3)', { eval: true });
  await new Promise((resolve) => ended.once('exit', resolve));
  console.log('ended terminated', await ended.terminate());
}
