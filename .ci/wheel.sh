#!/usr/bin/env bash
# The Python wheel, end to end: maturin (from PyPI, in a fresh virtual environment) builds the
# wheel from this checkout; a second fresh virtual environment installs it; the installed
# `tracewire` analyses the bundled example (exit 1: it has findings) and answers a language
# server initialize/shutdown round trip.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/build"
"$work/build/bin/pip" install --quiet "maturin>=1.7,<2"
# The release build shares CARGO_TARGET_DIR (or target/) with `cargo run --release`.
"$work/build/bin/maturin" build --release --quiet --manifest-path "$repo/Cargo.toml" --out "$work/wheels"
wheel="$(ls "$work"/wheels/tracewire-*.whl)"
echo "wheel: $(basename "$wheel") ($(du -h "$wheel" | cut -f1))"

python3 -m venv "$work/env"
"$work/env/bin/pip" install --quiet --no-index "$wheel"
tracewire="$work/env/bin/tracewire"
[ -x "$tracewire" ] || { echo "the wheel installed no tracewire command"; exit 1; }
"$tracewire" --version

set +e
"$tracewire" check "$repo/testdata/repos/shop" > "$work/check.txt"
code=$?
set -e
tail -n 1 "$work/check.txt"
if [ "$code" -ne 1 ]; then
  echo "expected exit 1 (findings) from the installed tracewire, got $code"
  exit 1
fi

# The language server over stdio: initialize, initialized, shutdown, exit.
"$work/env/bin/python" - "$tracewire" "$repo/testdata/repos/shop" <<'PY'
import json, pathlib, subprocess, sys

tracewire, root = sys.argv[1], pathlib.Path(sys.argv[2])
server = subprocess.Popen([tracewire, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    server.stdin.flush()

def receive(id):
    while True:
        length = None
        while True:
            line = server.stdout.readline()
            if not line:
                sys.exit("the language server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        message = json.loads(server.stdout.read(length))
        if message.get("id") == id:
            return message

send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}})
init = receive(1)
assert "capabilities" in init.get("result", {}), init
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
done = receive(2)
assert "error" not in done and done.get("result") is None, done
send({"jsonrpc": "2.0", "method": "exit"})
code = server.wait(timeout=30)
assert code == 0, f"the language server exited with {code}"
name = init["result"].get("serverInfo", {}).get("name", "?")
print(f"language server: initialize and shutdown answered by {name}, exit 0")
PY
echo "wheel e2e: ok"
