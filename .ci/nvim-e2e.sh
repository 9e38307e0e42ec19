#!/usr/bin/env bash
# End to end: Debian's Neovim, headless, with the shipped Lua setup, opens a Go file with a
# discarded span and must show tracewire's span-not-ended diagnostic.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  fi
fi
tracewire="$repo/target/debug/tracewire"
[ -x "$tracewire" ] || (cd "$repo" && cargo build --quiet)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project/svc" "$work/rtp/lua"
cp "$repo/editors/neovim/tracewire.lua" "$work/rtp/lua/tracewire.lua"
touch "$work/project/tracewire.toml"
cat > "$work/project/svc/work.go" <<'GO'
package svc

import (
	"context"

	"go.opentelemetry.io/otel"
)

// Work starts a span and drops it.
func Work(ctx context.Context) {
	otel.Tracer("x").Start(ctx, "work")
}
GO
cat > "$work/init.lua" <<'LUA'
vim.opt.runtimepath:prepend(os.getenv('RTP'))
vim.cmd('filetype on')
require('tracewire').setup({ cmd = { os.getenv('TRACEWIRE'), 'lsp' } })
vim.cmd('edit ' .. os.getenv('FILE'))
if vim.bo.filetype ~= 'go' then vim.bo.filetype = 'go' end
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  table.insert(lines, string.format('%s:%d:%s', code, d.lnum + 1, d.source or ''))
end
vim.fn.writefile(lines, os.getenv('OUT'))
vim.cmd('qa!')
LUA
cd "$work/project"
RTP="$work/rtp" TRACEWIRE="$tracewire" FILE="$work/project/svc/work.go" OUT="$work/out.txt" \
  timeout 60 nvim --headless -u "$work/init.lua" || true
echo "neovim saw: $(cat "$work/out.txt" 2>/dev/null)"
grep -q '^span-not-ended:11:tracewire$' "$work/out.txt"
echo "neovim e2e: ok"
