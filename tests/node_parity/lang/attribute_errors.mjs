// Import attributes that are missing, unsupported or wrong, and a syntax
// error after a clause: Node 20's errors, reached through import().
// (The fixtures' folder may be reached through a symbolic link: only the part
// from attributes/ on is printed.)
const dir = /file:\/\/\S*\/attributes\//g;

export async function main() {
  for (const name of ['missing_type', 'unsupported_type', 'wrong_type', 'syntax_error']) {
    try {
      await import(`./attributes/${name}.mjs`);
      console.log(name, 'loaded');
    } catch (e) {
      console.log(name, e.name, e.code, e.message.replace(dir, '<dir>/'));
    }
  }
}
