#!/usr/bin/env bash
# Indexing throughput of newsindex beside the bare-Xapian baseline (scriptindex with
# ../shared/tools/news.script) on the same N articles of the scaled Reuters-21578 archive: seconds,
# articles/s, MB/s, peak RSS and database size for each, their ratio, and the time of a second
# newsindex run over the unchanged archive. Inputs are built once and kept in
# $NEWSARCHIVE_BENCH_DIR (default /tmp/newsarchive-bench-index); the databases are rebuilt from
# scratch on every run. One run of each, back to back: these machines drift, so compare ratios.
# Prints figures; not a test.
# Usage: bench/index_throughput.sh [BUILD_DIR] [N_ARTICLES]   (defaults: build, 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-200000}
shared=../shared
work=${NEWSARCHIVE_BENCH_DIR:-/tmp/newsarchive-bench-index}
newsindex=$build/indexer/newsindex

if [[ ! $n =~ ^[1-9][0-9]*$ ]]; then
  echo "index_throughput: N_ARTICLES must be a positive integer: '$n'" >&2
  exit 2
fi
if [[ ! -d $shared/corpora/reuters21578 || ! -d $shared/tools ]]; then
  echo "index_throughput: skipped: ../shared (corpora/reuters21578, tools) not found beside the checkout; nothing measured"
  exit 0
fi
if [[ ! -x $newsindex ]]; then
  echo "index_throughput: $newsindex not found; build first (cmake --build $build)" >&2
  exit 2
fi
if ! command -v scriptindex >/dev/null; then
  echo "index_throughput: scriptindex not found (Debian package xapian-omega); nothing measured" >&2
  exit 2
fi

mkdir -p "$work"
if [[ ! -s $work/reuters.jsonl ]]; then
  echo "converting Reuters-21578 to JSON Lines (once)..." >&2
  python3 "$shared/tools/reuters2jsonl.py" "$shared/corpora/reuters21578" -o "$work/reuters.jsonl.tmp" >&2
  mv "$work/reuters.jsonl.tmp" "$work/reuters.jsonl"
fi
if [[ ! -s $work/scaled.jsonl ]] || (($(wc -l <"$work/scaled.jsonl") != n)); then
  echo "scaling to $n articles..." >&2
  python3 "$shared/tools/scale_corpus.py" "$work/reuters.jsonl" --target "$n" >"$work/scaled.jsonl.tmp"
  mv "$work/scaled.jsonl.tmp" "$work/scaled.jsonl"
fi
if [[ ! -s $work/scaled.dump || $work/scaled.jsonl -nt $work/scaled.dump ]]; then
  echo "converting to the scriptindex dump format..." >&2
  python3 "$shared/tools/jsonl2scriptindex.py" "$work/scaled.jsonl" >"$work/scaled.dump.tmp"
  mv "$work/scaled.dump.tmp" "$work/scaled.dump"
fi

# timed OUT_FILE MAX_OK_STATUS COMMAND...: runs COMMAND under /usr/bin/time, leaving
# "<seconds> <peak KB>" in OUT_FILE; an exit status above MAX_OK_STATUS aborts the benchmark.
timed() {
  local out=$1 max_ok=$2 status=0
  shift 2
  /usr/bin/time -f '%e %M' -o "$out.raw" "$@" || status=$?
  if ((status > max_ok)); then
    echo "index_throughput: '$*' failed with status $status" >&2
    exit 1
  fi
  ((status == 0)) || echo "index_throughput: '$*' exited with status $status" >&2
  tail -n 1 "$out.raw" >"$out"  # time prepends "Command exited with non-zero status" lines
  rm -f "$out.raw"
}

rm -rf "$work/na.db" "$work/si.db" "$work/indexed.n"
echo "indexing $n articles with newsindex..." >&2
# Status 1 means some articles were skipped (reported on stderr); the run still completed.
timed "$work/time.na" 1 "$newsindex" index --quiet --db "$work/na.db" "$work/scaled.jsonl"
echo "re-indexing the unchanged archive with newsindex..." >&2
timed "$work/time.na-rerun" 1 "$newsindex" index --quiet --db "$work/na.db" "$work/scaled.jsonl"
echo "indexing $n articles with scriptindex..." >&2
timed "$work/time.si" 0 scriptindex --overwrite -s english "$work/si.db" \
  "$shared/tools/news.script" "$work/scaled.dump" >"$work/scriptindex.log"
echo "$n" >"$work/indexed.n"  # query_latency.sh uses these databases

row() {  # ENGINE INPUT_FILE TIME_FILE DB
  local bytes db_mib
  bytes=$(stat -c %s "$2")
  db_mib=$(du -sm "$4" | cut -f1)
  read -r seconds peak_kb <"$3"
  awk -v e="$1" -v n="$n" -v b="$bytes" -v s="$seconds" -v k="$peak_kb" -v d="$db_mib" 'BEGIN {
    printf "%-26s %9d %9.1f %8.2f %11.0f %6.2f %13.0f %7d\n", e, n, b / 1e6, s, n / s,
      b / 1e6 / s, k / 1024, d }'
}

echo
echo "index throughput: $n articles of the scaled Reuters-21578 archive, $(nproc) cores, one run each"
printf "%-26s %9s %9s %8s %11s %6s %13s %7s\n" engine articles "input MB" seconds articles/s MB/s \
  "peak RSS MiB" "DB MiB"
row "newsindex (JSON Lines)" "$work/scaled.jsonl" "$work/time.na" "$work/na.db"
row "scriptindex + news.script" "$work/scaled.dump" "$work/time.si" "$work/si.db"
read -r na_s _ <"$work/time.na"
read -r si_s _ <"$work/time.si"
read -r rerun_s _ <"$work/time.na-rerun"
awk -v a="$na_s" -v b="$si_s" 'BEGIN {
  printf "newsindex/scriptindex articles/s: %.2f\n", b / a }'
awk -v r="$rerun_s" -v a="$na_s" 'BEGIN {
  printf "no-change rerun: %.2f s = %.1f%% of the full run\n", r, 100 * r / a }'
echo "(input MB: the file each program reads, 10^6 bytes; DB MiB: du -sm; work dir $work)"
