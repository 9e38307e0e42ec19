#!/usr/bin/env bash
# The crate packages for crates.io: `cargo package` builds it from the packaged files alone, so
# a query, knowledge table or document the build embeds but `include` leaves out fails here.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo package --locked --allow-dirty --quiet
crate="$(ls -t "${CARGO_TARGET_DIR:-target}"/package/tracewire-*.crate | head -n 1)"
echo "crate: $(basename "$crate"), $(tar -tzf "$crate" | wc -l) files, $(du -h "$crate" | cut -f1)"
