#!/usr/bin/env bash
# embed_cjs: with --entry, only the entries and what they require (directly or
# not) are embedded; a relative require that names no given file fails.
set -euo pipefail
embed="$1"
root="${TEST_TMPDIR:-$(mktemp -d)}/embed_cjs_test/node_modules"
rm -rf "$root" && mkdir -p "$root/pkg/lib"
echo "'use strict'; module.exports = require('./lib/used') + require('./lib/dir');" > "$root/pkg/main.js"
echo "module.exports = require('../shared.js');" > "$root/pkg/lib/used.js"
mkdir -p "$root/pkg/lib/dir" && echo "module.exports = 1;" > "$root/pkg/lib/dir/index.js"
echo "module.exports = 2; require('fs');" > "$root/pkg/shared.js"
echo "module.exports = 3;" > "$root/pkg/lib/unused.js"
out="$root/../out.js"

"$embed" --entry=pkg/main.js "$out" "$root" "$root"/pkg/*.js "$root"/pkg/lib/*.js \
  "$root"/pkg/lib/dir/index.js
for id in pkg/main.js pkg/lib/used.js pkg/lib/dir/index.js pkg/shared.js; do
  grep -q "^\['$id'" "$out" || { echo "missing $id"; cat "$out"; exit 1; }
done
if grep -q "unused" "$out"; then echo "embedded a file no entry reaches"; exit 1; fi
grep -q "'fs': null" "$out" || { echo "bare require not left to the runtime"; exit 1; }
grep -q "(function (exports, require, module, __filename, __dirname) {" "$out" ||
  { echo "factories not parenthesized"; exit 1; }

# Without --entry every file is embedded.
"$embed" "$out" "$root" "$root"/pkg/*.js "$root"/pkg/lib/*.js "$root"/pkg/lib/dir/index.js
grep -q "^\['pkg/lib/unused.js'" "$out" || { echo "all-files mode lost a file"; exit 1; }

# A relative require of a file not given fails the build, naming both.
if "$embed" --entry=pkg/main.js "$out" "$root" "$root/pkg/main.js" 2> "$root/../err.txt"; then
  echo "a missing file did not fail"; exit 1
fi
grep -q "pkg/main.js requires './lib/used'" "$root/../err.txt" || { cat "$root/../err.txt"; exit 1; }
echo ok
