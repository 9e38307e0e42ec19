#!/usr/bin/env bash
# End to end: the real pre-commit (PyPI) installs this repository's hook, blocks a commit that
# breaks tracing, and allows it once fixed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tools="$repo/target/ci-tools"
if [ ! -x "$tools/venv/bin/pre-commit" ]; then
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet pre-commit
fi
export PRE_COMMIT_HOME="$tools/pre-commit-home"
# Both hooks (rust and python) are valid pre-commit hook definitions.
"$tools/venv/bin/pre-commit" validate-manifest "$repo/.pre-commit-hooks.yaml"
# pre-commit builds the hook with `cargo install` from a clone of this repository. Its build
# directory is kept apart from this checkout's, whose binaries it would otherwise replace.
export CARGO_TARGET_DIR="$repo/target/pre-commit"
rev="$(git -C "$repo" rev-parse HEAD)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q
git config user.name ci && git config user.email ci@example.com
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: tracewire
YAML
mkdir -p svc
echo "module svc" > svc/go.mod
cat > svc/work.go <<'GO'
package svc

import (
	"context"

	"go.opentelemetry.io/otel"
)

// Work starts a span and drops it.
func Work(ctx context.Context) {
	otel.Tracer("svc").Start(ctx, "work")
}
GO
"$tools/venv/bin/pre-commit" install >/dev/null
git add -A
if git commit -qm "broken" > "$work/blocked.log" 2>&1; then
  cat "$work/blocked.log"; echo "pre-commit e2e: the broken commit was not blocked"; exit 1
fi
grep -q "span-not-ended" "$work/blocked.log" || { cat "$work/blocked.log"; exit 1; }
echo "pre-commit e2e: the broken commit was blocked"
sed -i 's/\totel.Tracer("svc").Start(ctx, "work")/\t_, span := otel.Tracer("svc").Start(ctx, "work")\n\tdefer span.End()/' svc/work.go
git add -A
git commit -qm "fixed" > "$work/allowed.log" 2>&1 || { cat "$work/allowed.log"; echo "pre-commit e2e: the fixed commit was blocked"; exit 1; }
echo "pre-commit e2e: the fixed commit was allowed"
