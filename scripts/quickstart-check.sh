#!/usr/bin/env bash
# A new user's first hour, as CI: clone the committed HEAD into an empty temporary folder (so
# nothing, ../shared included, lies beside it) and run the README's quick-start commands there
# exactly as the README writes them (the first ```sh block under "## Quick start"). Fails when
# any of them fails.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "quickstart-check: FAILED: $*" >&2; exit 1; }

commands=$(awk '/^## Quick start/{q=1} q && /^```sh/{b=1; next} b && /^```/{exit} b' "$repo/README.md")
[ -n "$commands" ] || fail "no \`\`\`sh block under '## Quick start' in README.md"

work=$(mktemp -d "${TMPDIR:-/tmp}/market-reaction-newuser-XXXXXX")
trap 'rm -rf "$work"' EXIT
git clone --quiet --no-local "$repo" "$work/market-reaction" || fail "git clone"
git -C "$work/market-reaction" checkout --quiet "$(git -C "$repo" rev-parse HEAD)" || fail "git checkout HEAD"
[ ! -e "$work/shared" ] || fail "$work/shared exists"
cd "$work/market-reaction" || fail "cannot enter the clone"

status=0
while IFS= read -r line; do
  [ -n "${line// /}" ] || continue
  echo "\$ $line"
  start=$(date +%s)
  # each line exactly as written in the README (its trailing # comment included)
  bash -c "$line"
  rc=$?
  echo "(exit $rc, $(( $(date +%s) - start )) s)"
  [ "$rc" -eq 0 ] || { echo "quickstart-check: '$line' failed (exit $rc)" >&2; status=1; }
done <<<"$commands"
[ "$status" -eq 0 ] && echo "quickstart-check: ok" || echo "quickstart-check: FAILED" >&2
exit "$status"
