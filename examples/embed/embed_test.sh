#!/usr/bin/env bash
# The example host runs every step and reports each; its exit code says
# whether all went as expected.
set -euo pipefail
"$TEST_SRCDIR/$TEST_WORKSPACE/examples/embed/embed"
