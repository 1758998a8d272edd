// Prettier for Node, Deno and Bun: the same CLI as app.mjs, at top level (no
// warm-up: a plain start has no build step to put it in). No top-level await:
// `bun build --compile --bytecode` wraps the module as CommonJS.
import * as prettier from 'prettier/standalone';
import * as babel from 'prettier/plugins/babel';
import * as estree from 'prettier/plugins/estree';
import fs from 'node:fs';

const text = fs.readFileSync(process.argv[2], 'utf8');
prettier.format(text, { parser: 'babel', plugins: [babel, estree] })
  .then((formatted) => process.stdout.write(formatted));
