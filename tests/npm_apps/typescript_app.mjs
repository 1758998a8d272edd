// A big CommonJS library: the TypeScript compiler, warmed up at build time.
import ts from 'typescript';

const sample = `enum Color { Red, Green }
interface Point { x: number; y: number }
export const pick = (p: Point): Color => (p.x > p.y ? Color.Red : Color.Green);
export class Box<T> { constructor(private readonly value: T) {} get(): T { return this.value; } }
`;
const options = { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 } };
// The first transpile compiles most of the compiler; doing it here keeps that
// work out of every start.
ts.transpileModule(sample, options);

export function main(args) {
  const result = ts.transpileModule(args[0] ?? sample, options);
  console.log(result.outputText);
  console.log(typeof ts.createProgram, ts.version);
}
