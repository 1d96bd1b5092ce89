#!/usr/bin/env bash
# Entity tagger throughput on Reuters-21578, one thread, best of 3: prints MB/s and mentions/s.
# Usage: bash bench/entity_speed.sh [BUILD_DIR]   (default: build; the target is built first)
# SHARED=DIR replaces ../shared (where corpora/reuters21578 is).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shared=${SHARED:-$root/../shared}
if [[ ! -d $shared/corpora/reuters21578 ]]; then
  echo "entity_speed: skipped: $shared/corpora/reuters21578 not found (needs ../shared beside the checkout)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$shared/tools/reuters2jsonl.py" "$shared/corpora/reuters21578" -o "$tmp/reuters.jsonl" >/dev/null 2>&1
cmake --build "$build" --target bench_entity_speed >/dev/null
"$build/bench/bench_entity_speed" "$tmp/reuters.jsonl"
