#!/usr/bin/env bash
# Runs the recipes in examples/: a Node suite (node's test runner and fetch) and a Python suite
# (pytest and urllib), each starting its own `quire serve --ephemeral --seed examples/seed`.
#
#   scripts/examples/run.sh [path/to/quire]
#
# The binary is the argument, or $QUIRE_BIN; without either, target/debug/quire, built first.
# The Node suite needs nothing installed; pytest (pinned in examples/python/requirements.txt) is
# installed once into a virtual environment under target/ and reused.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/../lib/serve.sh"
quire_bin "${1:-}"
export QUIRE_BIN="$bin"

echo "examples/node"
(cd "$root/examples/node" && node --test test/)

echo "examples/python"
venv="$root/target/examples-venv"
requirements="$root/examples/python/requirements.txt"
if ! cmp -s "$requirements" "$venv/requirements.txt" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/requirements.txt"
fi
(cd "$root/examples/python" && PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -m pytest -q -p no:cacheprovider)
