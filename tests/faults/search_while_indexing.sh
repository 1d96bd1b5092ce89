#!/usr/bin/env bash
# Searching while indexing: an indexer commits every few articles into a database that already
# holds the corpus while a loop runs searches with snippets and facets against it. Every
# search must succeed (exit 0 with results: the corpus articles always match); the searcher
# reopens and reruns when a commit discards the revision it was reading.
#
# Usage: search_while_indexing.sh NEWSINDEX NEWSSEARCH CORPUS_DIR [SEARCHES]
set -u
newsindex=$1 newssearch=$2 corpus=$3
searches=${4:-300}
work=$(mktemp -d)
trap 'kill "$indexer" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/more"
awk 'BEGIN {
  for (i = 0; i < 8000; i++)
    printf "{\"id\": \"more-%05d\", \"date\": \"20%02d-%02d-%02d\", \"title\": \"Harbour bulletin %d\", \"body\": \"Aurelio Matamba said the harbour at Port Halden handled %d ships. Matamba praised the crews.\"}\n", i, 10 + i % 14, 1 + i % 12, 1 + i % 28, i, i
}' >"$work/more/feed.jsonl"
"$newsindex" index --quiet --db "$work/db" "$corpus" || { echo "indexing the corpus failed"; exit 1; }
# The database is not empty, so this run writes directly and every commit is visible.
revision() { xapian-delve "$work/db" | sed -n 's/^revision = //p'; }
first_revision=$(revision)
"$newsindex" index --quiet --commit-every 10 --db "$work/db" "$work/more" &
indexer=$!
failures=0
for ((i = 1; i <= searches; i++)); do
  case $((i % 3)) in
    0) args=(harbour --limit 10) ;;
    1) args=(--facet person --limit 10 'matamba OR troops') ;;
    2) args=(--sort newest --limit 10 '"Port Halden"') ;;
  esac
  if ! "$newssearch" --db "$work/db" "${args[@]}" >"$work/out" 2>"$work/err"; then
    failures=$((failures + 1))
    echo "search $i (${args[*]}) failed: $(cat "$work/err")"
  fi
done
commits=$(($(revision) - first_revision))
# Stop the indexer if it is still going: SIGTERM commits and exits 143.
kill -TERM "$indexer" 2>/dev/null
wait "$indexer"
indexer_status=$?
echo "search_while_indexing: $searches searches during $commits commits, $failures failed; indexer exit $indexer_status"
if ((commits < 10)); then
  echo "too few commits happened during the searches for this test to mean anything"
  exit 1
fi
[[ $failures == 0 && ($indexer_status == 0 || $indexer_status == 143) ]]
