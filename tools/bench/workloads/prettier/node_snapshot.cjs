// Prettier as a `node --build-snapshot` entry: the harness bundles prettier's
// standalone build and its babel and estree plugins into one CommonJS file
// with esbuild (bundle_entry.mjs), evaluated here at build time with the same
// warm-up as app.mjs (formatting warmup.js); the restored process reads and
// formats its file.
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const sea = require('node:sea');

function loadCommonJs(file) {
  const module = { exports: {} };
  const wrapper = new Function('exports', 'require', 'module', '__filename', '__dirname',
    fs.readFileSync(file, 'utf8'));
  wrapper(module.exports, require, module, file, path.dirname(file));
  return module.exports;
}

const { prettier, babel, estree } = loadCommonJs(path.join(process.env.BENCH_BUNDLES, 'prettier.cjs'));
const OPTIONS = { parser: 'babel', plugins: [babel, estree] };
prettier.format(fs.readFileSync(path.join(process.env.BENCH_APPS, 'prettier', 'warmup.js'), 'utf8'), OPTIONS);

v8.startupSnapshot.setDeserializeMainFunction(async () => {
  // A single executable's argv repeats the executable: [exe, exe, file].
  const file = process.argv[sea.isSea() ? 2 : 1];
  process.stdout.write(await prettier.format(fs.readFileSync(file, 'utf8'), OPTIONS));
});
