#!/usr/bin/env bash
# Indexing and query speed of two builds in one run, to tell a change's effect from the
# machine's drift: loads the same N scaled Reuters-21578 articles with each build's newsindex,
# alternating A, B, A, B... for PAIRS pairs (each into a fresh database), times a no-change
# rerun of each, then runs each build's bench/query_latency on the database that build made.
# Prints every run and the medians. Prints figures; not a test.
# Usage: bench/compare_builds.sh BUILD_A BUILD_B [N_ARTICLES] [PAIRS] [jsonl|text]
#   (defaults 40000, 3, jsonl). text writes the articles as one dateline-first .txt file each
#   (date, blank line, body, "Originally published as <title>") and indexes that directory.
# Inputs are kept in $NEWSARCHIVE_BENCH_DIR (default /tmp/newsarchive-bench-compare).
set -euo pipefail
cd "$(dirname "$0")/.."
if (($# < 2)); then
  echo "usage: bench/compare_builds.sh BUILD_A BUILD_B [N_ARTICLES] [PAIRS] [jsonl|text]" >&2
  exit 2
fi
builds=("$1" "$2")
n=${3:-40000}
pairs=${4:-3}
format=${5:-jsonl}
shared=../shared
work=${NEWSARCHIVE_BENCH_DIR:-/tmp/newsarchive-bench-compare}
runs=${NEWSARCHIVE_BENCH_RUNS:-50}
if [[ ! -d $shared/corpora/reuters21578 || ! -d $shared/tools ]]; then
  echo "compare_builds: skipped: ../shared (corpora/reuters21578, tools) not found beside the checkout; nothing measured"
  exit 0
fi
for build in "${builds[@]}"; do
  for program in indexer/newsindex bench/query_latency; do
    if [[ ! -x $build/$program ]]; then
      echo "compare_builds: $build/$program not found; build first" >&2
      exit 2
    fi
  done
done

mkdir -p "$work"
if [[ ! -s $work/reuters.jsonl ]]; then
  python3 "$shared/tools/reuters2jsonl.py" "$shared/corpora/reuters21578" -o "$work/reuters.jsonl" >&2
fi
if [[ ! -s $work/scaled.jsonl ]] || (($(wc -l <"$work/scaled.jsonl") != n)); then
  python3 "$shared/tools/scale_corpus.py" "$work/reuters.jsonl" --target "$n" >"$work/scaled.jsonl"
fi

input=$work/scaled.jsonl
if [[ $format == text ]]; then
  input=$work/text-$n
  if [[ ! -d $input ]] || (($(find "$input" -name '*.txt' | wc -l) != n)); then
    rm -rf "$input"
    python3 - "$work/scaled.jsonl" "$input" <<'PY'
import json, os, sys
source, out = sys.argv[1], sys.argv[2]
for number, line in enumerate(open(source, encoding="utf-8")):
    article = json.loads(line)
    folder = os.path.join(out, f"{number // 1000:04d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{number:07d}.txt"), "w", encoding="utf-8") as f:
        f.write(f"date {article.get('date') or ''}\n\n{article.get('body', '')}\n\n"
                f"Originally published as {article.get('title', '')}\n")
PY
  fi
fi

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "compare_builds: $n articles ($format), $pairs alternating pairs, $(nproc) cores"
echo "A = ${builds[0]}"
echo "B = ${builds[1]}"
for ((pair = 1; pair <= pairs; pair++)); do
  for k in 0 1; do
    db=$work/db-$k
    rm -rf "$db"
    /usr/bin/time -f '%e %M' -o "$work/time" "${builds[k]}/indexer/newsindex" index --quiet \
      --db "$db" "$input" || (($? == 1))
    read -r seconds peak_kb <"$work/time"
    echo "$seconds" >>"$work/index-$k.$$"
    echo "$((peak_kb / 1024))" >>"$work/rss-$k.$$"
    printf 'pair %d %s: index %6.2f s, peak RSS %d MiB\n' "$pair" "$([[ $k == 0 ]] && echo A || echo B)" \
      "$seconds" "$((peak_kb / 1024))"
  done
done
for k in 0 1; do
  /usr/bin/time -f '%e' -o "$work/time" "${builds[k]}/indexer/newsindex" index --quiet \
    --db "$work/db-$k" "$input" || (($? == 1))
  echo "$(cat "$work/time")" >"$work/rerun-$k.$$"
done
echo
printf '%-3s %14s %14s %12s %14s %14s\n' build "index median s" "articles/s" "rerun s" "query p50 ms" "query p95 ms"
for k in 0 1; do
  "${builds[k]}/bench/query_latency" "$work/db-$k" "$runs" >"$work/query-$k.out"
  read -r p50 p95 < <(awk '/^ALL/ { split($4, a, "="); split($5, b, "="); print a[2], b[2] }' "$work/query-$k.out")
  index_median=$(median <"$work/index-$k.$$")
  printf '%-3s %14.2f %14.0f %12.2f %14s %14s\n' "$([[ $k == 0 ]] && echo A || echo B)" \
    "$index_median" "$(awk -v n="$n" -v s="$index_median" 'BEGIN { print n / s }')" \
    "$(cat "$work/rerun-$k.$$")" "$p50" "$p95"
done
rm -f "$work"/*.$$
echo "(query figures: bench/query_latency, $runs runs per query, warm cache; per-query lines in $work/query-[01].out)"
