#!/usr/bin/env bash
# tracewire against ast-grep and semgrep on the same tree (not run in CI).
#
#   benches/compare.sh [TREE] [SEMGREP_TREE]
#
# TREE defaults to the generated monorepo at scale 1; semgrep is far slower, so it runs on
# SEMGREP_TREE (default: the generated monorepo at scale 0.1), where tracewire and ast-grep are
# timed again for the ratio. ast-grep (PyPI ast-grep-cli) and semgrep (PyPI semgrep) are
# installed into a virtualenv under target/ on first use.
#
# The peers run one rule per language for the call that starts a span — the sites tracewire
# follows (benches/ast-grep-rules.tsv: `$T.Start($CTX, $$$REST)` in Go, where ast-grep's Go
# pattern `$T.Start($$$)` matches nothing, `$T.start_as_current_span($$$)` in Python,
# `$T.startActiveSpan($$$)` in JavaScript/TypeScript/TSX, `$T.spanBuilder($$$)` in Java,
# `$T.StartActivity($$$)` in C#, `$T.start($$$)` in Rust) in one process over the whole tree;
# tracewire runs its full analysis. RUNS repetitions (default
# 3; semgrep: SEMGREP_RUNS, default 1); min and median wall time are printed. NO_PREFILTER=1
# also times tracewire parsing every file.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SEMGREP_RUNS=${SEMGREP_RUNS:-1}
THREADS=${THREADS:-$(nproc)}
TREE=${1:-target/bench-monorepo-s1}
SMALL=${2:-target/bench-monorepo-s0.1}
OUT=target/bench-results
VENV=target/bench-venv
mkdir -p "$OUT"

[ -d "$TREE" ] || python3 benches/gen.py --scale 1 "$TREE"
[ -d "$SMALL" ] || python3 benches/gen.py --scale 0.1 "$SMALL"
if [ ! -x "$VENV/bin/ast-grep" ] || [ ! -x "$VENV/bin/semgrep" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet ast-grep-cli semgrep
fi
cargo build --release --quiet

rules=$OUT/rules
mkdir -p "$rules"
# ast-grep: one rule file per language (benches/ast-grep-rules.tsv), all run by one `ast-grep scan`.
rm -rf "$rules/sg" && mkdir -p "$rules/sg"
grep -v '^#' benches/ast-grep-rules.tsv | while IFS=$'\t' read -r id language pattern; do
  printf 'id: %s\nlanguage: %s\nseverity: info\nmessage: span started\nrule:\n  pattern: %s\n' \
    "$id" "$language" "$pattern" > "$rules/sg/$id.yml"
done
printf 'ruleDirs:\n  - rules/sg\n' > "$rules/../sgconfig.yml"
cat > "$rules/semgrep.yml" <<'YML'
rules:
  - {id: go-span, languages: [go], severity: INFO, message: span started, pattern: $T.Start(...)}
  - {id: py-span, languages: [python], severity: INFO, message: span started, pattern: $T.start_as_current_span(...)}
  - {id: js-span, languages: [javascript], severity: INFO, message: span started, pattern: $T.startActiveSpan(...)}
  - {id: ts-span, languages: [typescript], severity: INFO, message: span started, pattern: $T.startActiveSpan(...)}
  - {id: java-span, languages: [java], severity: INFO, message: span started, pattern: $T.spanBuilder(...)}
  - {id: cs-span, languages: [csharp], severity: INFO, message: span started, pattern: $T.StartActivity(...)}
  - {id: rs-span, languages: [rust], severity: INFO, message: span started, pattern: $T.start(...)}
YML

results=$OUT/compare-$(date +%H%M%S).tsv
: > "$results"
timeit() { # label tree runs command...
  local label=$1 tree=$2 runs=$3
  shift 3
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" > "$OUT/compare.out" 2> "$OUT/compare.err" || true
    end=$(date +%s.%N)
    printf '%s\t%s\t%s\t%s\n' "$tree" "$label" "$(echo "$end - $start" | bc)" \
      "$(wc -l < "$OUT/compare.out")" >> "$results"
  done
}
tw() { target/release/tracewire check "$1" --no-cache --no-config --threads "$THREADS" --fail-on never --format json -o /dev/null; }
tw_nofilter() { target/release/tracewire check "$1" --no-cache --no-config --threads "$THREADS" --fail-on never --format json -o /dev/null --no-prefilter; }
sg() { "$VENV/bin/ast-grep" scan -c "$OUT/sgconfig.yml" -j "$THREADS" --json=stream "$1"; }
semgrep() {
  "$VENV/bin/semgrep" scan --config "$rules/semgrep.yml" --metrics=off --disable-version-check \
    --max-target-bytes=0 --no-git-ignore -j "$THREADS" --json -q "$1"
}
for tree in "$TREE" "$SMALL"; do
  timeit tracewire "$tree" "$RUNS" tw "$tree"
  if [ -n "${NO_PREFILTER:-}" ]; then
    timeit tracewire-no-prefilter "$tree" "$RUNS" tw_nofilter "$tree"
  fi
  timeit ast-grep "$tree" "$RUNS" sg "$tree"
done
timeit semgrep "$SMALL" "$SEMGREP_RUNS" semgrep "$SMALL"

python3 - "$results" <<'PY'
import sys, statistics
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
by = {}
for tree, label, secs, _ in rows:
    by.setdefault(tree, {}).setdefault(label, []).append(float(secs))
for tree, tools in by.items():
    print(tree)
    base = min(tools["tracewire"])
    for label, times in tools.items():
        t = min(times)
        print(f"  {label:24} min {t:8.2f} s  median {statistics.median(times):8.2f} s  "
              f"(n={len(times)})  tracewire/this = {base / t:.3f}x")
PY
