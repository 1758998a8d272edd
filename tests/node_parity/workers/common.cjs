// A CommonJS worker for workers.mjs: require() and module work as in a script.
const { parentPort, workerData } = require('worker_threads');
parentPort.postMessage({ kind: typeof module, file: __filename.endsWith('common.cjs'), workerData });
