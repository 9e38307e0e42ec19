#!/usr/bin/env python3
"""tracewire against ast-grep on real repositories, side by side in one run (not run in CI).

    benches/compare_real.py [--runs N] [--threads N] [--tw BIN] [DIR ...]

DIR defaults to every repository the ecosystem check laid out under target/ecosystem/repos
(`ecosystem/layout`, with TRACEWIRE_ECOSYSTEM_SNAPSHOTS set). For each repository the two tools
run alternately, N times each (default 7): tracewire's full analysis (`check --no-cache`, the
cold path), and `ast-grep scan` with one span-start rule per language
(benches/ast-grep-rules.tsv) in one process. Both use the same thread count (default: all
cores). Prints, per repository, the median wall time of each and the ratio tracewire /
ast-grep, then the median of the ratios and the repositories named by the speed issue.
ast-grep (PyPI `ast-grep-cli`) is installed into target/bench-venv on first use. Time only on
an otherwise idle machine.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "bench-venv"
OUT = ROOT / "target" / "bench-results"
NAMED = ["open-telemetry__opentelemetry-demo", "GoogleCloudPlatform__microservices-demo"]


def ast_grep() -> Path:
    binary = VENV / "bin" / "ast-grep"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", "ast-grep-cli"], check=True)
    return binary


def write_rules() -> Path:
    rules = OUT / "rules" / "sg"
    rules.mkdir(parents=True, exist_ok=True)
    for old in rules.glob("*.yml"):
        old.unlink()
    for line in (ROOT / "benches" / "ast-grep-rules.tsv").read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        rule_id, language, pattern = line.split("\t")
        (rules / f"{rule_id}.yml").write_text(
            f"id: {rule_id}\nlanguage: {language}\nseverity: info\n"
            f"message: span started\nrule:\n  pattern: {pattern}\n"
        )
    config = OUT / "sgconfig.yml"
    config.write_text("ruleDirs:\n  - rules/sg\n")
    return config


def wall(command: list) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--tw", default=str(ROOT / "target" / "release" / "tracewire"))
    parser.add_argument("dirs", nargs="*")
    args = parser.parse_args()
    dirs = [Path(d) for d in args.dirs] or sorted(
        p for p in (ROOT / "target" / "ecosystem" / "repos").iterdir() if p.is_dir()
    )
    if not dirs:
        print("no repositories: run ecosystem/layout first, or name directories", file=sys.stderr)
        return 2
    sg, config = ast_grep(), write_rules()
    threads = str(args.threads)
    tw = [args.tw, "check", "--no-cache", "--no-config", "--threads", threads,
          "--fail-on", "never", "--format", "json", "-o", os.devnull]
    sg_cmd = [str(sg), "scan", "-c", str(config), "-j", threads, "--json=stream"]
    ratios = {}
    print(f"{'repository':48} {'tracewire':>10} {'ast-grep':>10} {'ratio':>7}")
    for d in dirs:
        tw_times, sg_times = [], []
        for _ in range(args.runs):
            tw_times.append(wall(tw + [str(d)]))
            sg_times.append(wall(sg_cmd + [str(d)]))
        t, s = statistics.median(tw_times), statistics.median(sg_times)
        ratios[d.name] = t / s
        print(f"{d.name[:48]:48} {t * 1e3:8.0f} ms {s * 1e3:8.0f} ms {t / s:6.2f}x", flush=True)
    print(f"\nmedian ratio over {len(ratios)} repositories: {statistics.median(ratios.values()):.2f}x"
          f" (tracewire / ast-grep, median wall of {args.runs} runs each, {threads} threads)")
    for name in NAMED:
        if name in ratios:
            print(f"  {name}: {ratios[name]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
