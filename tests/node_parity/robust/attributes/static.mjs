// Static imports' attributes, each module loaded through import() so that
// its error is seen; from source and from a snapshot.
// Node checks attributes when it first loads a module for a type (and keeps
// the outcome), so the extra key is tried on a JSON file of its own.
const names = ['static_extra_key', 'static_with', 'static_missing', 'static_empty',
               'static_css', 'static_js_as_json', 'static_builtin', 'static_reexport'];

export async function main() {
  for (const name of names) {
    await import(`./${name}.mjs`).then(
      (m) => console.log(name, 'ok', JSON.stringify(m.default)?.slice(0, 20)),
      (e) => console.log(name, e.name, e.code, e.message.replace(/file:\/\/\S*\//, 'DIR/')));
  }
}
