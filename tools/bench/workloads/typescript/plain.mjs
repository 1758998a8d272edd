// TypeScript for Node, Deno and Bun: load the compiler, transpile once (no
// warm-up: a plain start has no build step to put it in).
import ts from 'typescript';
import { sample, options } from './sample.mjs';

const args = process.argv.slice(2);
const result = ts.transpileModule(args[0] ?? sample, options(ts));
console.log(result.outputText);
