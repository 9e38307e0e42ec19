#!/usr/bin/env bash
# Validates tracewire's SARIF on the bundled example with Microsoft's SARIF multitool,
# including its GitHub ingestion rules: no errors or warnings allowed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tools="$repo/target/ci-tools"
mt="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$mt" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool-linux@5.7.0
  chmod +x "$mt"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$repo/target/debug/tracewire" check "$repo/testdata/repos/shop" --format sarif -o "$work/shop.sarif" || true
"$mt" validate --rule-kind "Gh;Sarif" --level "Error;Warning" --output "$work/validation.sarif" "$work/shop.sarif" > "$work/log.txt" 2>&1 || {
  cat "$work/log.txt"; exit 1; }
python3 - "$work/validation.sarif" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0].get("results", [])
for r in results:
    print(r.get("level"), r["ruleId"], r["message"].get("arguments"))
if results:
    sys.exit(f"SARIF multitool: {len(results)} errors or warnings")
print("SARIF multitool (GitHub rules): no errors or warnings")
PY
