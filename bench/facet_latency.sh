#!/usr/bin/env bash
# Person-facet latency on the 200k-article scaled Reuters archive, for a query matching 100k+
# articles. Builds the archive and its index on first use (kept in $NEWSARCHIVE_BENCH_DIR,
# default /tmp/newsarchive-bench), then runs bench/facet_latency.
# Usage: bench/facet_latency.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=../shared
work=${NEWSARCHIVE_BENCH_DIR:-/tmp/newsarchive-bench}
if [[ ! -d $shared/corpora/reuters21578 ]]; then
  echo "facet_latency: ../shared/corpora/reuters21578 not found; nothing measured" >&2
  exit 0
fi
mkdir -p "$work"
if [[ ! -s $work/reuters-200k.jsonl ]]; then
  python3 "$shared/tools/reuters2jsonl.py" "$shared/corpora/reuters21578" -o "$work/reuters.jsonl" 2>/dev/null
  python3 "$shared/tools/scale_corpus.py" "$work/reuters.jsonl" --target 200000 >"$work/reuters-200k.jsonl"
fi
if [[ ! -f $work/db-200k/iamglass ]]; then
  echo "indexing 200k articles (once)..." >&2
  /usr/bin/time -f "indexing: %e s wall, %M KB peak RSS" \
    "$build/indexer/newsindex" index --quiet --db "$work/db-200k" "$work/reuters-200k.jsonl"
fi
for query in said pct; do
  "$build/bench/facet_latency" "$work/db-200k" "$query" 30
done
