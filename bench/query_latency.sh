#!/usr/bin/env bash
# Query latency of newssearch's library beside the bare-Xapian baseline, on the databases that
# bench/index_throughput.sh built from the same scaled Reuters archive: bench/query_latency
# (newsarchive::Searcher, 10 hits with snippets) on its newsindex database, and
# ../shared/tools/qbench.cc (compiled here into the work dir; MODE 0, snippets) with
# ../shared/tools/queries.tsv on its scriptindex database. Our query set mirrors queries.tsv label
# for label, plus two --facet person queries qbench has no counterpart for in MODE 0. Prints p50/p95
# per query and over all runs, and the ratio of medians. Prints figures; not a test.
# When the databases are missing, builds them first with $NEWSARCHIVE_BENCH_QUERY_N articles
# (default 20000) through index_throughput.sh.
# Usage: bench/query_latency.sh [BUILD_DIR]   (default: build; runs per query:
#        $NEWSARCHIVE_BENCH_RUNS, default 50; work dir as index_throughput.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=../shared
work=${NEWSARCHIVE_BENCH_DIR:-/tmp/newsarchive-bench-index}
runs=${NEWSARCHIVE_BENCH_RUNS:-50}
program=$build/bench/query_latency

if [[ ! -d $shared/corpora/reuters21578 || ! -f $shared/tools/qbench.cc ]]; then
  echo "query_latency: skipped: ../shared (corpora/reuters21578, tools/qbench.cc) not found beside the checkout; nothing measured"
  exit 0
fi
if [[ ! -x $program ]]; then
  echo "query_latency: $program not found; build first (cmake --build $build)" >&2
  exit 2
fi
if [[ ! -s $work/indexed.n || ! -f $work/na.db/iamglass || ! -f $work/si.db/iamglass ]]; then
  small=${NEWSARCHIVE_BENCH_QUERY_N:-20000}
  echo "query_latency: no databases from index_throughput.sh in $work; building them with $small articles" >&2
  bench/index_throughput.sh "$build" "$small" >&2
fi
articles=$(cat "$work/indexed.n")

qbench=$work/qbench
if [[ ! -x $qbench || $shared/tools/qbench.cc -nt $qbench ]]; then
  # shellcheck disable=SC2046  # pkg-config prints several words on purpose
  g++ -O2 -o "$qbench" "$shared/tools/qbench.cc" $(pkg-config --cflags --libs xapian-core)
fi

echo "query latency: $articles articles of the scaled Reuters-21578 archive, $runs runs per query, warm cache"
echo
echo "== newsarchive::Searcher on the newsindex database (bench/query_latency)"
"$program" "$work/na.db" "$runs" | tee "$work/query_latency.out"
echo
echo "== bare Xapian on the scriptindex database (../shared/tools/qbench.cc, MODE 0: snippets)"
"$qbench" "$work/si.db" "$shared/tools/queries.tsv" "$runs" 0 | tee "$work/qbench.out"
echo

# Side by side, per label; qbench reports microseconds, query_latency milliseconds.
awk '
  FNR == 1 { file++ }
  file == 1 && FNR > 2 && !/^ALL/ { order[++n] = $1; kind[$1] = $2; ours50[$1] = $4; ours95[$1] = $5 }
  file == 1 && /^ALL/ { split($4, a, "="); split($5, b, "="); all50 = a[2]; all95 = b[2] }
  file == 2 && FNR > 2 && !/^ALL/ { q50[$1] = $3 / 1000; q95[$1] = $4 / 1000 }
  file == 2 && /^ALL/ { split($3, a, "="); split($4, b, "="); qall50 = a[2] / 1000; qall95 = b[2] / 1000 }
  END {
    printf "%-14s %-7s %21s %21s %10s\n", "label", "kind", "newsarchive p50/p95", "qbench p50/p95", "p50 ratio"
    for (i = 1; i <= n; i++) {
      l = order[i]
      if (l in q50)
        printf "%-14s %-7s %9.3f/%8.3f ms %9.3f/%8.3f ms %9.2fx\n", l, kind[l], ours50[l], ours95[l], q50[l], q95[l], (q50[l] > 0 ? ours50[l] / q50[l] : 0)
      else
        printf "%-14s %-7s %9.3f/%8.3f ms %21s %10s\n", l, kind[l], ours50[l], ours95[l], "(no counterpart)", "-"
    }
    printf "all mirrored queries: newsarchive p50 %.3f ms, p95 %.3f ms; qbench p50 %.3f ms, p95 %.3f ms\n", all50, all95, qall50, qall95
    printf "ratio of medians newsarchive/qbench: %.2f\n", all50 / qall50
  }' "$work/query_latency.out" "$work/qbench.out"
