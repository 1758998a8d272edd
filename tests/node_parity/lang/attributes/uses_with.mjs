// Import attributes as Node 20 writes them, the way V8 10.2 cannot parse: the
// static form with line breaks and comments around it, a re-export, and code
// after the clause on the same line whose error must keep its column.
import data from './data.json' with { type: 'json' };
import again from "./data.json"
  with /* attributes */ { "type": "json" };
export { default as reexported } from './data.json' with { type: 'json' };
import { where } from './nested/meta.mjs';

export function main() {
  console.log(data, again === data);
  console.log(import.meta.filename.endsWith('/attributes/uses_with.mjs'),
              import.meta.dirname.endsWith('/lang/attributes'),
              Object.keys(import.meta).filter((k) => k !== 'resolve'));
  console.log(where());
  const withs = 'with { type: "json" }';  // untouched: not a clause
  console.log(withs);
  try { null.x; } catch (e) { console.log(e.stack.split('\n')[1].replace(/.*\//, '')); }
}
