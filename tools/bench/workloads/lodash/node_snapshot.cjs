// lodash-es as a `node --build-snapshot` entry: the harness bundles its 600
// modules into one CommonJS file with esbuild (bundle_entry.mjs), evaluated here
// at build time with the same build-time work as app.mjs.
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

const _ = loadCommonJs(path.join(process.env.BENCH_BUNDLES, 'lodash.cjs'));
const rows = _.range(0, 1000).map((i) => ({ id: i, group: i % 7, name: _.camelCase(`item number ${i}`) }));
const grouped = _.groupBy(rows, 'group');

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // A single executable's argv repeats the executable: [exe, exe, ...args].
  const args = process.argv.slice(sea.isSea() ? 2 : 1);
  console.log(JSON.stringify(_.chunk([1, 2, 3, 4, 5], 2)));
  console.log(JSON.stringify(_.sortBy(grouped[3].slice(0, 3), 'name').map((row) => row.name)));
  console.log(_.template('hello <%= user %>!')({ user: args[0] ?? 'world' }));
  console.log(_.sum(_.uniq(rows.map((row) => row.group))), _.isEqual({ a: [1] }, { a: [1] }));
});
