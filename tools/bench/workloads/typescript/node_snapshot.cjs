// TypeScript as a `node --build-snapshot` entry. Such an entry can require only
// built-in modules, so typescript.js (a single CommonJS file) is read and
// evaluated here, at build time, as a one-file bundle would; the warm-up
// transpile also runs here, as in toysnap's build.
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

const ts = loadCommonJs(path.join(process.env.BENCH_NODE_MODULES, 'typescript/lib/typescript.js'));
const sample = `enum Color { Red, Green }
interface Point { x: number; y: number }
export const pick = (p: Point): Color => (p.x > p.y ? Color.Red : Color.Green);
export class Box<T> { constructor(private readonly value: T) {} get(): T { return this.value; } }
`;
const options = { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 } };
ts.transpileModule(sample, options);

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // A single executable's argv repeats the executable: [exe, exe, ...args].
  const args = process.argv.slice(sea.isSea() ? 2 : 1);
  console.log(ts.transpileModule(args[0] ?? sample, options).outputText);
});
