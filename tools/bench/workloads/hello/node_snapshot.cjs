// Hello as a `node --build-snapshot` entry (and a single executable's snapshot):
// main runs after the blob is restored.
const v8 = require('node:v8');
const sea = require('node:sea');

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // A single executable's argv repeats the executable: [exe, exe, ...args].
  const args = process.argv.slice(sea.isSea() ? 2 : 1);
  console.log(`hello, ${args[0] ?? 'world'}!`);
});
