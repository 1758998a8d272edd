// Hello as a `node --build-snapshot` entry: main runs after the blob is restored.
const v8 = require('node:v8');

v8.startupSnapshot.setDeserializeMainFunction(() => {
  const args = process.argv.slice(1);
  console.log(`hello, ${args[0] ?? 'world'}!`);
});
