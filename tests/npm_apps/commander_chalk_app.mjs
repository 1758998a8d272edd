// A commander + chalk CLI as npm users write them: a subcommand with options
// parsed from process.argv, files written and read back, chalk's colours
// (none on a pipe, by its own detection; forced on an instance of level 1),
// and commander's help, version and error output.
import chalk, { Chalk } from 'chalk';
import { Command } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function makeProgram(dir, forced) {
  const program = new Command();
  program
    .name('notes')
    .description('keeps notes in files')
    .version('1.2.3')
    .exitOverride()  // errors throw instead of exiting, so every case prints
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stdout.write(`[err] ${text}`),
    });
  program
    .command('add')
    .description('adds a note')
    .argument('<title>', 'the note file')
    .argument('[words...]', 'what it says')
    .option('-t, --tag <tag>', 'a tag', 'misc')
    .option('--loud', 'shout it')
    .action((title, words, options) => {
      const file = path.join(dir, `${title}.txt`);
      fs.writeFileSync(file, `${options.tag}: ${words.join(' ')}\n`);
      const text = fs.readFileSync(file, 'utf8').trim();
      console.log(options.loud ? forced.bold.red(text) : forced.green(text));
      console.log('plain by detection:', chalk.green(text) === text, chalk.level);
    });
  program
    .command('list')
    .description('lists the notes')
    .action(() => {
      for (const name of fs.readdirSync(dir).sort()) {
        console.log(forced.underline(name), JSON.stringify(fs.readFileSync(path.join(dir, name), 'utf8')));
      }
    });
  return program;
}

export async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commander-chalk-'));
  const forced = new Chalk({ level: 1 });
  try {
    // The program's own arguments, as Node gives them in process.argv.
    await makeProgram(dir, forced).parseAsync(process.argv);
    const runs = [
      ['add', '-t', 'work', '--loud', 'second', 'more', 'words'],
      ['list'],
      ['--version'],
      ['--help'],
      ['add', '--help'],
      ['add'],
      ['nope'],
      ['add', 'x', '--colour'],
    ];
    for (const args of runs) {
      console.log(`$ notes ${args.join(' ')}`);
      try {
        await makeProgram(dir, forced).parseAsync(args, { from: 'user' });
      } catch (error) {
        console.log('exit', error.exitCode, error.code);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
