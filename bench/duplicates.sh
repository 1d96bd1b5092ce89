#!/usr/bin/env bash
# Precision and recall of the near-duplicate detection (what newsindex groups into one story) on
# labelled pairs built from Reuters-21578 by bench/duplicates_pairs.py (see it for the kinds of
# pairs), and the indexing-time cost: newsindex over the Reuters JSON Lines with this build, and
# with BASE_NEWSINDEX (an earlier build's newsindex, if given) for comparison, each run
# TIMING_RUNS times (default 3) from an empty database, back to back. These machines are shared
# and noisy: compare the medians, and rerun before trusting a small difference.
# Prints figures; not a test.
# Usage: bench/duplicates.sh [BUILD_DIR] [SAMPLE]   (defaults: build, 200 sampled articles)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
sample=${2:-200}
shared=../shared
work=${NEWSARCHIVE_BENCH_DIR:-/tmp/newsarchive-bench-duplicates}
newsindex=$build/indexer/newsindex
dump_db=$build/tools/dump_db/dump_db
runs=${TIMING_RUNS:-3}

if [[ ! -d $shared/corpora/reuters21578 ]]; then
  echo "duplicates: skipped: ../shared/corpora/reuters21578 not found; nothing measured"
  exit 0
fi
for tool in "$newsindex" "$dump_db"; do
  if [[ ! -x $tool ]]; then
    echo "duplicates: $tool not found; build first (cmake --build $build)" >&2
    exit 2
  fi
done

mkdir -p "$work"
if [[ ! -s $work/reuters.jsonl ]]; then
  echo "converting Reuters-21578 to JSON Lines (once)..." >&2
  python3 "$shared/tools/reuters2jsonl.py" "$shared/corpora/reuters21578" -o "$work/reuters.jsonl.tmp" >&2
  mv "$work/reuters.jsonl.tmp" "$work/reuters.jsonl"
fi
python3 bench/duplicates_pairs.py make "$work/reuters.jsonl" "$work/archive.jsonl" "$work/pairs.tsv" "$sample"

rm -rf "$work/db"
"$newsindex" index --db "$work/db" "$work/archive.jsonl" >/dev/null 2>"$work/index.log" || {
  echo "duplicates: newsindex failed; see $work/index.log" >&2
  exit 1
}
# id <TAB> story key (empty for an article with no other version), from the canonical dump.
"$dump_db" "$work/db" | awk -F'\t' '
  $1 == "document" { if (id != "") print id "\t" key; id = substr($2, 2); key = "" }
  $1 == "value" && $2 == "5" { key = $3 }
  END { if (id != "") print id "\t" key }' >"$work/stories.tsv"

articles=$(wc -l <"$work/archive.jsonl")
grouped=$(awk -F'\t' '$2 != ""' "$work/stories.tsv" | wc -l)
stories=$(awk -F'\t' '$2 != "" { print $2 }' "$work/stories.tsv" | sort -u | wc -l)
echo "indexed $articles articles (Reuters-21578 and the edited copies); $grouped of them are versions of $stories stories with more than one version"
echo "pairs (bench/duplicates_pairs.py; threshold kSameStoryResemblance in common/store/story_signature.h):"
python3 bench/duplicates_pairs.py score "$work/pairs.tsv" "$work/stories.tsv" "${SHOW_ERRORS:-10}"

# timing NEWSINDEX LABEL: the median of $runs loads of the plain Reuters JSON Lines.
timing() {
  local binary=$1 label=$2 times=()
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/timing-db"
    local start end
    start=$(date +%s.%N)
    "$binary" index --db "$work/timing-db" "$work/reuters.jsonl" >/dev/null 2>&1
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  echo "$label: median $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p") s of $runs runs ($sorted), database $(du -sm "$work/timing-db" | cut -f1) MB"
}
echo "indexing the $(wc -l <"$work/reuters.jsonl") Reuters articles from an empty database (noisy: a shared machine):"
timing "$newsindex" "this build    "
if [[ -n ${BASE_NEWSINDEX:-} ]]; then timing "$BASE_NEWSINDEX" "BASE_NEWSINDEX"; fi
rm -rf "$work/timing-db"
