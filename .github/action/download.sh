#!/usr/bin/env bash
# The action's install step: downloads the release binary for this runner into
# $RUNNER_TEMP/tracewire/bin and checks its SHA-256. Writes to $GITHUB_OUTPUT
#   downloaded=true|false   whether a release binary is in place
#   source-hash=HASH        a hash of the action's sources (the cache key of a build from them)
# It never fails the step: without a release (or on an unknown runner) the action builds
# tracewire from its own source instead.
set -uo pipefail
action="${GITHUB_ACTION_PATH:?}"
out="${GITHUB_OUTPUT:?}"
bin="${RUNNER_TEMP:?}/tracewire/bin"

hash_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

# The cache key of a build from source: every file cargo reads.
source_hash="$(cd "$action" && find Cargo.toml Cargo.lock src queries docs -type f 2>/dev/null |
  LC_ALL=C sort | while read -r f; do hash_of "$f"; done | hash_of | cut -c1-16)"
echo "source-hash=$source_hash" >> "$out"

version="${TRACEWIRE_VERSION:-}"
if [ -z "$version" ]; then
  version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$action/Cargo.toml" | head -n 1)"
fi
version="${version#v}"
# The repository the action comes from; actions are checked out in _actions/OWNER/REPO/REF.
repository="${ACTION_REPOSITORY:-}"
if [ -z "$repository" ]; then
  case "$action" in
    */_actions/*/*/*)
      rest="${action#*/_actions/}"
      repository="$(echo "$rest" | cut -d/ -f1-2)"
      ;;
  esac
fi
case "${RUNNER_OS:-}-${RUNNER_ARCH:-}" in
  Linux-X64) target=x86_64-unknown-linux-musl ;;
  Linux-ARM64) target=aarch64-unknown-linux-musl ;;
  macOS-ARM64) target=aarch64-apple-darwin ;;
  macOS-X64) target=x86_64-apple-darwin ;;
  Windows-X64) target=x86_64-pc-windows-msvc ;;
  *) target="" ;;
esac

downloaded=false
if [ -n "$repository" ] && [ -n "$target" ] && [ -n "$version" ]; then
  if [ "${RUNNER_OS}" = Windows ]; then ext=zip; else ext=tar.gz; fi
  archive="tracewire-$target.$ext"
  url="${GITHUB_SERVER_URL:-https://github.com}/$repository/releases/download/v$version"
  work="$(mktemp -d)"
  if curl -fsSL --retry 3 -o "$work/$archive" "$url/$archive" &&
    curl -fsSL --retry 3 -o "$work/$archive.sha256" "$url/$archive.sha256" &&
    (cd "$work" && hash_of -c "$archive.sha256"); then
    mkdir -p "$bin"
    if [ "$ext" = zip ]; then
      unzip -o -q "$work/$archive" -d "$bin"
    else
      tar -xzf "$work/$archive" -C "$bin"
    fi && "$bin/tracewire" --version && downloaded=true
  else
    echo "no release binary $archive for v$version in $repository: building from source"
  fi
  rm -rf "$work"
else
  echo "no release to download (repository '${repository}', runner ${RUNNER_OS:-}-${RUNNER_ARCH:-}): building from source"
fi
echo "downloaded=$downloaded" >> "$out"
