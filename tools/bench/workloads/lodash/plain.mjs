// The 600-module graph for Node, Deno and Bun: the same work as app.mjs, at top level.
import { main } from './app.mjs';

main(process.argv.slice(2));
