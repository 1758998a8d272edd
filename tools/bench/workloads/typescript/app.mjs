// TypeScript: load the compiler (a 9 MB CommonJS file) and transpile one small
// file. The build calls warmup() once, so the compiler's code is compiled in the
// snapshot; every start then does one more transpile in main().
import ts from 'typescript';
import { sample, options } from './sample.mjs';

export function warmup() {
  ts.transpileModule(sample, options(ts));
}

export function main(args) {
  const result = ts.transpileModule(args[0] ?? sample, options(ts));
  console.log(result.outputText);
}
