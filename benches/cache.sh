#!/usr/bin/env bash
# The facts cache of `tracewire check` (not run in CI).
#
#   benches/cache.sh [TREE]      # default: the generated monorepo at scale 1
#   RUNS=5 THREADS=1 benches/cache.sh
#
# Copies TREE to a scratch directory under target/ (it edits a file there), then runs, RUNS
# times each (default 5), with THREADS worker threads (default: one per core):
#   uncached    `check --no-cache`: the reference
#   cold        `check` with an empty cache directory: parses every file and writes its entry
#   warm        `check` with the cache the cold runs filled, nothing changed
#   one-change  `check` after one traced source file is edited (a new comment each run): one
#               file parsed again, every other one read from the cache
# and prints min and median wall time and min CPU (user+sys) of each, with the ratios of the
# minima to the uncached run's (the targets: warm at most 0.15x, one-change at most 0.25x). Every run's JSON report is compared
# with the uncached one of the same tree; a difference fails the benchmark.
# Timings on a shared machine are noisy: read the minimum, and the median as a sanity check.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
THREADS=${THREADS:-$(nproc)}
TREE=${1:-target/bench-monorepo-s1}
OUT=target/bench-results
SCRATCH=target/bench-cache
mkdir -p "$OUT"

if ! /usr/bin/time -f '%e' true >/dev/null 2>&1; then
  echo "benches/cache.sh needs GNU time: apt-get install -y time" >&2
  exit 2
fi
[ -d "$TREE" ] || python3 benches/gen.py --scale 1 "$TREE"
cargo build --release --quiet
BIN=$PWD/target/release/tracewire

rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
cp -r "$TREE" "$SCRATCH/tree"
tree=$SCRATCH/tree
cache=$SCRATCH/cache
# The edited file: the first Go, Python or TypeScript file (in path order) that imports
# OpenTelemetry, so the analysis parses it.
edited=$(grep -rlE --include='*.go' --include='*.py' --include='*.ts' \
  'go.opentelemetry.io/otel|^from opentelemetry|@opentelemetry/' "$tree" | sort | head -n 1)
[ -n "$edited" ] || { echo "no traced source file in $TREE" >&2; exit 2; }
case $edited in
  *.py) comment='#' ;;
  *) comment='//' ;;
esac

results=$OUT/cache-$(date +%H%M%S).tsv
: > "$results"
run() { # report, cache arguments...
  local report=$1
  shift
  "$BIN" check "$tree" --no-config --threads "$THREADS" --fail-on never --format json \
    -o "$report" --stats "$@" 2> "${report%.json}.err"
}
tw() { # label, cache arguments...: timed, and compared with the uncached report
  local label=$1
  shift
  /usr/bin/time -f '%e %U %S' -o "$OUT/cache-time" \
    "$BIN" check "$tree" --no-config --threads "$THREADS" --fail-on never --format json \
    -o "$OUT/cache-$label.json" --stats "$@" 2> "$OUT/cache-$label.err"
  read -r wall user sys < "$OUT/cache-time"
  printf '%s\t%s\t%s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" >> "$results"
  if ! cmp -s "$OUT/cache-reference.json" "$OUT/cache-$label.json"; then
    echo "the $label report differs from the uncached one: $OUT/cache-$label.json" >&2
    exit 1
  fi
}

run "$OUT/cache-reference.json" --no-cache # also warms the page cache
for i in $(seq "$RUNS"); do
  tw uncached --no-cache
done
for i in $(seq "$RUNS"); do
  rm -rf "$cache"
  tw cold --cache-dir "$cache"
done
for i in $(seq "$RUNS"); do
  tw warm --cache-dir "$cache"
done
grep '^cache:' "$OUT/cache-warm.err"
for i in $(seq "$RUNS"); do
  printf '\n%s tracewire benchmark edit %s\n' "$comment" "$i" >> "$edited"
  run "$OUT/cache-reference.json" --no-cache
  tw one-change --cache-dir "$cache"
done
grep '^cache:' "$OUT/cache-one-change.err"
echo "edited: ${edited#"$tree"/}"

python3 - "$results" "$THREADS" <<'PY'
import sys, statistics
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
by = {}
for label, wall, cpu in rows:
    by.setdefault(label, []).append((float(wall), float(cpu)))
base_wall = min(w for w, _ in by["uncached"])
base_cpu = min(c for _, c in by["uncached"])
targets = {"warm": 0.15, "one-change": 0.25}
print(f"threads: {sys.argv[2]}")
print(f"{'run':12} {'min s':>7} {'median s':>9} {'cpu s':>7} {'n':>3}  min / uncached min (wall, cpu)")
for label, runs in by.items():
    walls = [w for w, _ in runs]
    cpu = min(c for _, c in runs)
    target = f" (target <= {targets[label]:.2f}x)" if label in targets else ""
    print(f"{label:12} {min(walls):7.3f} {statistics.median(walls):9.3f} {cpu:7.2f} {len(runs):3}  "
          f"{min(walls) / base_wall:.3f}x, {cpu / base_cpu:.3f}x{target}")
PY
