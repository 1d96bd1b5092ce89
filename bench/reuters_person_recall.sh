#!/usr/bin/env bash
# Person recall on Reuters-21578 against its gold PEOPLE tags (by surname).
# Usage: bench/reuters_person_recall.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=../shared
if [[ ! -d $shared/corpora/reuters21578 ]]; then
  echo "reuters_person_recall: ../shared/corpora/reuters21578 not found; nothing measured" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$shared/tools/reuters2jsonl.py" "$shared/corpora/reuters21578" -o "$work/reuters.jsonl" 2>/dev/null
"$build/bench/reuters_person_recall" "$work/reuters.jsonl"
