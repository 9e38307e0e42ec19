#!/usr/bin/env bash
# Builds the VS Code extension and packages it into a .vsix with @vscode/vsce.
set -euo pipefail
cd "$(dirname "$0")/../editors/vscode"
npm ci --no-audit --no-fund --loglevel=error
npx --no-install tsc -p .
npx --no-install vsce package --skip-license --out tracewire.vsix
test -s tracewire.vsix
echo "vsix: $(du -h tracewire.vsix | cut -f1)"
