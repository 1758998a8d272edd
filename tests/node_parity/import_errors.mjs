// import() failures as Node reports them: each error's class, code, message
// and own keys, twice per specifier (a failed load must leave nothing behind),
// at top level (build time for a snapshot) and again in main().
const specifiers = [
  './import_errors/absent.mjs',        // missing relative file
  'optional-pkg-that-is-not-there',    // missing bare package
  './import_errors/syntax.mjs',        // syntax error in the imported file
  './import_errors/syntax_dep.mjs',    // syntax error in a dependency
  './import_errors/missing_dep.mjs',   // missing dependency
  './import_errors/no_export.mjs',     // missing named export
  './import_errors/json_dep.mjs',      // JSON without its import attribute
  'node:no-such-builtin',
  './import_errors/throws.mjs',        // evaluation error: the same error each time
];

// Paths up to this directory as <dir>: a runfiles tree is symlinks, and how the
// entry module's own path is kept is not what this compares.
const show = (text) => String(text).replace(/(file:\/\/)?\/[^'"\s]*\/(?=import_errors[/.])/g, '<dir>/');

async function attemptAll(when) {
  for (const specifier of specifiers) {
    for (let i = 0; i < 2; i++) {
      try {
        const ns = await import(specifier);
        console.log(when, specifier, 'loaded', Object.keys(ns));
      } catch (e) {
        console.log(when, specifier, e.constructor.name, e.name, e.code, e instanceof SyntaxError,
                    e instanceof Error, show(e.message), Object.keys(e), show(e.url));
      }
    }
  }
}

await attemptAll('top level');
const thrownAtBuild = await import('./import_errors/throws.mjs').catch((e) => e);

export async function main() {
  await attemptAll('main');
  const again = await import('./import_errors/throws.mjs').catch((e) => e);
  console.log('same evaluation error object:', again === thrownAtBuild);
}
