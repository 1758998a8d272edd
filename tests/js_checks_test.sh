#!/usr/bin/env bash
# Runs the Node-driven checkers that compare runtime/js/*.js with Node itself.
set -euo pipefail
node="$(command -v node || true)"
if [[ -z "$node" ]]; then
  echo "node is not installed; tools/setup installs it" >&2
  exit 1
fi
cd "${TEST_SRCDIR}/${TEST_WORKSPACE}"
status=0
for checker in "$@"; do
  echo "== $checker"
  "$node" "$checker" || status=1
done
exit $status
