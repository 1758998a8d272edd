// A worker for workers.mjs: says who it is at the first message, then echoes
// messages doubled until it is told to stop.
import { parentPort, workerData, isMainThread, threadId, getEnvironmentData } from 'node:worker_threads';

let first = true;
parentPort.on('message', (message) => {
  if (first) {
    first = false;
    console.log('echo worker:', isMainThread, threadId, JSON.stringify(workerData),
      process.argv.slice(2).join(','), process.env.WORKER_FLAG, getEnvironmentData('shared'));
  }
  if (message === 'stop') {
    parentPort.close();
    return;
  }
  parentPort.postMessage(message * 2);
});
