#!/usr/bin/env bash
# Runs the Node-driven checkers that compare runtime/js/*.js with Node itself:
# the pinned Node (@node_oracle) the test's TOYSNAP_NODE names, never the PATH's.
set -euo pipefail
cd "${TEST_SRCDIR}/${TEST_WORKSPACE}"
node="${TOYSNAP_NODE:-}"
if [[ -z "$node" || ! -x "$node" ]]; then
  echo "TOYSNAP_NODE does not name the pinned Node (got '${node}')" >&2
  exit 1
fi
status=0
for checker in "$@"; do
  echo "== $checker"
  "$node" "$checker" || status=1
done
exit $status
