#!/usr/bin/env bash
# Fuzzes tracewire's extraction and rules, one target per language, each for a fixed number of
# executions. Not part of CI (too slow); run by hand:
#
#   fuzz/run.sh                      # every target, 1,000,000 executions each
#   RUNS=100000 fuzz/run.sh go java  # some targets, fewer executions
#   MAX_TIME=120 fuzz/run.sh         # also stop each target after 120 seconds
#
# Needs cargo-fuzz (installed if missing). The machine may have only a stable toolchain:
# RUSTC_BOOTSTRAP=1 lets cargo-fuzz use the nightly-only flags it needs. The address sanitizer is
# used when SANITIZER=address; the default is none, which builds and runs on any toolchain.
# Corpora are seeded at run time from the fixtures (testdata/<lang>/) and are not committed;
# crashes land in fuzz/artifacts/<target>/ and are reported at the end.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
runs="${RUNS:-1000000}"
max_len="${MAX_LEN:-8192}"
timeout="${TIMEOUT:-10}"
max_time="${MAX_TIME:-0}"
sanitizer="${SANITIZER:-none}"
all=(go python javascript typescript tsx java csharp rust)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

# Source extensions per language, for seeding.
exts() {
    case "$1" in
        go) echo "go" ;;
        python) echo "py pyi" ;;
        javascript) echo "js mjs cjs jsx" ;;
        typescript) echo "ts mts cts" ;;
        tsx) echo "tsx" ;;
        java) echo "java" ;;
        csharp) echo "cs" ;;
        rust) echo "rs" ;;
    esac
}

seed() {
    local lang="$1" corpus="$here/corpus/extract_$1"
    mkdir -p "$corpus"
    local dirs=("$repo/testdata")
    # No Rust fixtures yet: tracewire's own sources stand in.
    [ "$lang" = rust ] && dirs+=("$repo/src")
    for ext in $(exts "$lang"); do
        find "${dirs[@]}" -type f -name "*.$ext" -size -"${max_len}"c -print0 |
            while IFS= read -r -d '' f; do
                cp "$f" "$corpus/seed-$(sha1sum "$f" | cut -c1-16)"
            done
    done
    echo "extract_$lang: $(find "$corpus" -type f | wc -l) corpus files"
}

cd "$here"
mkdir -p logs
cargo fuzz build --release --sanitizer "$sanitizer"
status=0
for lang in "${targets[@]}"; do
    seed "$lang"
    target="extract_$lang"
    mkdir -p "artifacts/$target"
    start=$(date +%s)
    set +e
    cargo fuzz run --release --sanitizer "$sanitizer" "$target" "corpus/$target" -- \
        -runs="$runs" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb=2048 -max_total_time="$max_time" \
        -print_final_stats=1 >"logs/$target.log" 2>&1
    code=$?
    set -e
    secs=$(( $(date +%s) - start ))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$target.log" | grep -o '[0-9]*$' | tail -1 || true)
    echo "$target: exit $code, ${execs:-?} executions in ${secs}s"
    if [ "$code" -ne 0 ]; then
        status=1
        echo "  crash: see fuzz/logs/$target.log and fuzz/artifacts/$target/"
    fi
done
exit $status
