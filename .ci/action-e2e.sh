#!/usr/bin/env bash
# End to end: the GitHub Action's shell steps, run as the runner would on Linux x86-64, against a
# release served from this machine. The download step must fetch and verify the release binary
# (and refuse one whose checksum is wrong); the analysis must run tracewire once, printing
# annotations and writing SARIF; the gate must fail on findings and pass with fail-on never.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tracewire="$repo/target/debug/tracewire"
[ -x "$tracewire" ] || (cd "$repo" && cargo build --quiet)
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)"
tools="$repo/target/ci-tools"
[ -x "$tools/venv/bin/python" ] || python3 -m venv "$tools/venv"
"$tools/venv/bin/python" -c "import yaml" 2>/dev/null || "$tools/venv/bin/pip" install --quiet pyyaml
python="$tools/venv/bin/python"

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A release as the release workflow lays it out, with a binary that counts its runs.
release="$work/srv/acme/tracewire/releases/download/v$version"
mkdir -p "$release" "$work/pkg"
cp "$tracewire" "$work/pkg/tracewire-real"
cat > "$work/pkg/tracewire" <<SH
#!/usr/bin/env bash
echo "\$*" >> "$work/runs.log"
exec "\$(dirname "\$0")/tracewire-real" "\$@"
SH
chmod +x "$work/pkg/tracewire"
archive="tracewire-x86_64-unknown-linux-musl.tar.gz"
tar -czf "$release/$archive" -C "$work/pkg" tracewire tracewire-real
(cd "$release" && sha256sum "$archive" > "$archive.sha256")

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/srv" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/" > /dev/null 2>&1 && break
  sleep 0.1
done

# Runs the action's steps that have a shell script, in order, skipping the build (a download is
# expected) and the steps that use other actions. Prints the outputs it collected.
run_action() {
  local fail_on="$1" runner_temp="$2"
  ACTION="$repo/action.yml" FAIL_ON="$fail_on" RUNNER_TEMP="$runner_temp" \
    GITHUB_ACTION_PATH="$repo" GITHUB_SERVER_URL="http://127.0.0.1:$port" \
    ACTION_REPOSITORY_VALUE="acme/tracewire" RUNNER_OS=Linux RUNNER_ARCH=X64 \
    "$python" - <<'PY'
import os, re, subprocess, sys, tempfile, yaml

action = yaml.safe_load(open(os.environ["ACTION"]))
inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
inputs["path"] = "testdata/repos/shop"
inputs["fail-on"] = os.environ["FAIL_ON"]
outputs = {}

def expand(text):
    def value(m):
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        if expr == "github.action_repository":
            return os.environ["ACTION_REPOSITORY_VALUE"]
        step = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
        if step:
            return outputs.get(step.group(1), {}).get(step.group(2), "")
        raise SystemExit(f"unexpected expression {expr}")
    return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))

code = 0
for step in action["runs"]["steps"]:
    if "run" not in step or step.get("name", "").startswith("Build"):
        continue
    out = tempfile.NamedTemporaryFile(delete=False)
    env = dict(os.environ, GITHUB_OUTPUT=out.name)
    env.update({k: expand(v) for k, v in step.get("env", {}).items()})
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step["run"])],
                          env=env, cwd=os.environ["GITHUB_ACTION_PATH"], stdout=subprocess.PIPE, text=True)
    sys.stderr.write(done.stdout)
    outputs[step.get("id", "")] = dict(
        line.split("=", 1) for line in open(out.name).read().splitlines() if "=" in line)
    if done.returncode != 0:
        code = done.returncode
        break
for step, values in outputs.items():
    for k, v in values.items():
        print(f"{step}.{k}={v}")
print(f"exit={code}")
PY
}

echo "-- fail-on warning: the findings fail the run"
temp="$work/runner1"
mkdir -p "$temp"
result="$(run_action warning "$temp" 2> "$work/log1.txt")"
echo "$result"
grep -qx "download.downloaded=true" <<< "$result"
grep -qx "check.exit-code=1" <<< "$result"
grep -qx "exit=1" <<< "$result"
grep -q '^::error file=testdata/repos/shop/' "$work/log1.txt"
python3 - "$temp/tracewire.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
assert uris and all(u.startswith("testdata/repos/shop/") for u in uris), uris
print(f"sarif: {len(uris)} results under testdata/repos/shop/")
PY
analyses="$(grep -c '^check ' "$work/runs.log")"
[ "$analyses" = 1 ] || { cat "$work/runs.log"; echo "the action analysed $analyses times"; exit 1; }

echo "-- fail-on never: the same run passes"
rm -f "$work/runs.log"
temp="$work/runner2"
mkdir -p "$temp"
result="$(run_action never "$temp" 2> "$work/log2.txt")"
grep -qx "check.exit-code=0" <<< "$result"
grep -qx "exit=0" <<< "$result"
[ "$(grep -c '^check ' "$work/runs.log")" = 1 ]

echo "-- a release whose checksum does not match is not used"
echo "0000000000000000000000000000000000000000000000000000000000000000  $archive" > "$release/$archive.sha256"
temp="$work/runner3"
mkdir -p "$temp"
out="$temp/github-output"
GITHUB_OUTPUT="$out" GITHUB_ACTION_PATH="$repo" RUNNER_TEMP="$temp" RUNNER_OS=Linux RUNNER_ARCH=X64 \
  GITHUB_SERVER_URL="http://127.0.0.1:$port" ACTION_REPOSITORY=acme/tracewire \
  bash "$repo/.github/action/download.sh" > "$work/log3.txt" 2>&1
grep -qx "downloaded=false" "$out" || { cat "$work/log3.txt" "$out"; exit 1; }
[ ! -e "$temp/tracewire/bin/tracewire" ]
echo "action e2e: ok"
