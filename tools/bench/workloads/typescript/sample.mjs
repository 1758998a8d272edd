// The file every TypeScript contender transpiles, and the options it uses.
export const sample = `enum Color { Red, Green }
interface Point { x: number; y: number }
export const pick = (p: Point): Color => (p.x > p.y ? Color.Red : Color.Green);
export class Box<T> { constructor(private readonly value: T) {} get(): T { return this.value; } }
`;

export function options(ts) {
  return { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 } };
}
