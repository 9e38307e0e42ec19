#!/usr/bin/env bash
# Speed benchmark of `tracewire check` (not run in CI).
#
#   benches/run.sh [PATH...]            # default: the generated monorepo at scales 1, 2 and 4
#   RUNS=5 THREADS="1 2" MODES="check parse-only" benches/run.sh
#                                       # repetitions, thread counts, which modes
#
# For each tree and thread count it runs, RUNS times each:
#   check        the full analysis (`tracewire check`, pre-filter on; every mode runs with
#                --no-cache: benches/cache.sh measures the facts cache)
#   no-prefilter the full analysis parsing every file (`--no-prefilter`)
#   parse-only   walk + read + parse of every file with the same thread pool, no extraction
#                (`--parse-only --no-prefilter`): the floor of parsing the whole tree
#   parse-filtered  walk + read + pre-filter + parse of the files `check` parses, no
#                extraction (`--parse-only`): the floor of the files the analysis parses
# and prints min and median wall time (process, from /usr/bin/time), peak RSS, files/s, MB/s,
# the ratios check / parse-only, check / parse-filtered and no-prefilter / parse-only, and the
# per-phase times of the fastest `--stats` run.
# Timings on a shared machine are noisy: read the minimum, and the median as a sanity check.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
NPROC=$(nproc)
THREADS=${THREADS:-$(printf '%s\n' 1 2 "$NPROC" | sort -un | tr '\n' ' ')}
MODES=${MODES:-check no-prefilter parse-only parse-filtered}
OUT=target/bench-results
mkdir -p "$OUT"

if ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "benches/run.sh needs GNU time for peak RSS: apt-get install -y time" >&2
  exit 2
fi
cargo build --release --quiet
BIN=target/release/tracewire

if [ $# -eq 0 ]; then
  set --
  for scale in 1 2 4; do
    dir=target/bench-monorepo-s$scale
    [ -d "$dir" ] || python3 benches/gen.py --scale "$scale" "$dir"
    set -- "$@" "$dir"
  done
fi

rows=$OUT/rows-$(date +%H%M%S).tsv
: > "$rows"
for tree in "$@"; do
  for t in $THREADS; do
    for mode in $MODES; do
      case $mode in
        check) flags=() ;;
        no-prefilter) flags=(--no-prefilter) ;;
        parse-only) flags=(--parse-only --no-prefilter) ;;
        parse-filtered) flags=(--parse-only) ;;
      esac
      for i in $(seq "$RUNS"); do
        log=$OUT/last.log
        /usr/bin/time -v "$BIN" check "$tree" --no-cache --no-config --threads "$t" --stats --fail-on never \
          --format json -o /dev/null "${flags[@]}" 2> "$log"
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
        cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$log")
        stats=$(grep -E '^(files|walk|extract|model|rules|report|total)' "$log" | tr '\n' '|')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tree" "$t" "$mode" "$wall" "$rss" "$cpu" "$stats" >> "$rows"
      done
    done
  done
done

python3 - "$rows" <<'PY'
import sys, statistics, re
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
def secs(w):
    parts = [float(p) for p in w.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
groups = {}
for tree, t, mode, wall, rss, cpu, stats in rows:
    groups.setdefault((tree, int(t), mode), []).append((secs(wall), int(rss) / 1024, stats, float(cpu)))
print("wall: process wall time; cpu: user+sys of the process (steadier on a loaded machine)")
print(f"{'tree':34} {'thr':>3} {'mode':14} {'min s':>7} {'med s':>7} {'cpu s':>7} {'RSS MB':>7} {'files/s':>8} {'MB/s':>6}  ratio (wall, cpu)")
for (tree, t, mode), runs in groups.items():
    walls = sorted(r[0] for r in runs)
    best = min(runs, key=lambda r: r[0])
    m = re.search(r"files: (\d+) found, (\d+) parsed, (\d+) not parsed[^;]*; ([\d.]+) MB", best[2])
    files, mb = (int(m.group(1)), float(m.group(4))) if m else (0, 0.0)
    cpu = min(r[3] for r in runs)
    def against(floor_mode):
        floor = groups.get((tree, t, floor_mode))
        if not floor:
            return ""
        return (f"{walls[0] / min(r[0] for r in floor):.2f}x, "
                f"{cpu / min(r[3] for r in floor):.2f}x {floor_mode}")
    floors = {"check": ["parse-only", "parse-filtered"], "no-prefilter": ["parse-only"]}
    ratio = "; ".join(r for r in map(against, floors.get(mode, [])) if r)
    print(f"{tree[-34:]:34} {t:>3} {mode:14} {walls[0]:7.2f} {statistics.median(walls):7.2f} {cpu:7.2f} "
          f"{max(r[1] for r in runs):7.0f} {files / walls[0]:8.0f} {mb / walls[0]:6.1f}  {ratio}")
    if mode == "check":
        print("    " + best[2].replace("|", "\n    ").rstrip())
# Linearity and thread scaling from the minima.
def best(tree, t, mode="check"):
    g = groups.get((tree, t, mode))
    return min(r[0] for r in g) if g else None
trees = list(dict.fromkeys(r[0] for r in rows))
ts = sorted({int(r[1]) for r in rows})
for t in ts:
    base = best(trees[0], t)
    for tree in trees[1:]:
        b = best(tree, t)
        if base and b:
            print(f"size: {tree} / {trees[0]} at {t} threads: {b / base:.2f}x time")
if 1 in ts:
    for tree in trees:
        for t in ts[1:]:
            a, b = best(tree, 1), best(tree, t)
            if a and b:
                print(f"threads: {tree} {t} vs 1: {a / b:.2f}x faster (check); "
                      f"parse-only {best(tree, 1, 'parse-only') / best(tree, t, 'parse-only'):.2f}x")
PY
