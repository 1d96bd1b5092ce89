#!/usr/bin/env bash
# Article-body extraction on saved news pages: precision, recall and F1 of `newsindex parse`
# against the hand-marked bodies in ../shared/corpora/html-articles (the shared scorer compares
# 4-word shingles), then its speed in pages per second over the same pages in one process.
# Usage: bash bench/html_extraction.sh [BUILD_DIR]   (default: build; newsindex must be built)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${1:-build}
corpus=../shared/corpora/html-articles
scorer=../shared/tools/article_body_f1.py
if [[ ! -f $scorer || ! -f $corpus/ground-truth.json ]]; then
  echo "html_extraction: skipped: $corpus or $scorer not found (needs ../shared beside the checkout)"
  exit 0
fi
newsindex=$build/indexer/newsindex
if [[ ! -x $newsindex ]]; then
  echo "html_extraction: $newsindex not found; build it first (cmake --build $build --target newsindex)" >&2
  exit 1
fi
python3 "$scorer" "$corpus" -- "$newsindex" parse | tail -n 1

pages=("$corpus"/html/*.html.gz)
start=$(date +%s.%N)
"$newsindex" parse "${pages[@]}" >/dev/null
end=$(date +%s.%N)
awk -v n="${#pages[@]}" -v s="$start" -v e="$end" \
  'BEGIN { t = e - s; printf "speed: %d pages in %.3f s = %.0f pages/s\n", n, t, (t > 0 ? n / t : 0) }'
