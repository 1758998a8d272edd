// TypeScript: load the compiler (a 9 MB CommonJS file) and transpile one small
// file. The build runs one warm-up transpile so the compiler's code is compiled
// in the snapshot; every start then does one more.
import ts from 'typescript';
import { sample, options } from './sample.mjs';

ts.transpileModule(sample, options(ts));

export function main(args) {
  const result = ts.transpileModule(args[0] ?? sample, options(ts));
  console.log(result.outputText);
}
