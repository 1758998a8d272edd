// Prettier: a CLI that formats one JavaScript file (its path is the first
// argument) with prettier.format and prints the result. It uses prettier's
// standalone build with its babel and estree plugins: the main `prettier`
// entry also imports Node's `v8` module, which toysnap does not provide yet
// (README, "prettier"). The build calls warmup() once on another file
// (warmup.js), so the formatter's code is compiled in the snapshot; every
// start reads and formats its file in main().
import * as prettier from 'prettier/standalone';
import * as babel from 'prettier/plugins/babel';
import * as estree from 'prettier/plugins/estree';
import fs from 'node:fs';

const OPTIONS = { parser: 'babel', plugins: [babel, estree] };

export async function warmup() {
  await prettier.format(fs.readFileSync(new URL('./warmup.js', import.meta.url), 'utf8'), OPTIONS);
}

export async function main(args) {
  process.stdout.write(await prettier.format(fs.readFileSync(args[0], 'utf8'), OPTIONS));
}
