#!/usr/bin/env bash
# The web server while indexing: an indexer commits every few articles into the database that
# `newssearch serve` is answering from, while a loop sends API searches with snippets and
# facets. Every request must answer 200 (a search that meets a discarded revision reopens and
# reruns, as the command line's does), and the server must see the commits: the count of the
# indexer's articles grows between the first and the last answer.
#
# Usage: serve_while_indexing.sh NEWSINDEX NEWSSEARCH CORPUS_DIR [REQUESTS]
set -u
newsindex=$1 newssearch=$2 corpus=$3
requests=${4:-300}
work=$(mktemp -d)
trap 'kill "$indexer" "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/more"
awk 'BEGIN {
  for (i = 0; i < 8000; i++)
    printf "{\"id\": \"more-%05d\", \"date\": \"20%02d-%02d-%02d\", \"title\": \"Harbour bulletin %d\", \"body\": \"Aurelio Matamba said the harbour at Port Halden handled %d ships. Matamba praised the crews.\"}\n", i, 10 + i % 14, 1 + i % 12, 1 + i % 28, i, i
}' >"$work/more/feed.jsonl"
"$newsindex" index --quiet --db "$work/db" "$corpus" || { echo "indexing the corpus failed"; exit 1; }
"$newssearch" serve --db "$work/db" --listen 127.0.0.1:0 --threads 4 2>"$work/server.err" &
server=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/server.err")
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n $port ]] || { echo "the server did not start: $(cat "$work/server.err")"; exit 1; }
base=http://127.0.0.1:$port/api/search
bulletins() { curl -s "$base?q=bulletin&limit=0" | sed -n 's/^  "total_articles": \([0-9]*\),$/\1/p'; }

"$newsindex" index --quiet --commit-every 10 --db "$work/db" "$work/more" &
indexer=$!
sleep 0.3
first=$(bulletins)
failures=0
for ((i = 1; i <= requests; i++)); do
  case $((i % 3)) in
    0) query='q=harbour&limit=10' ;;
    1) query='q=matamba+OR+troops&facet=person&limit=10' ;;
    2) query='q=%22Port+Halden%22&sort=newest&limit=10' ;;
  esac
  status=$(curl -s -o "$work/out" -w '%{http_code}' "$base?$query")
  if [[ $status != 200 ]]; then
    failures=$((failures + 1))
    echo "request $i ($query) answered $status: $(head -c 300 "$work/out")"
  fi
done
last=$(bulletins)
kill -TERM "$indexer" 2>/dev/null
wait "$indexer"
indexer_status=$?
kill -TERM "$server"
wait "$server"
server_status=$?
echo "serve_while_indexing: $requests requests, $failures failed; bulletins seen $first then $last;" \
  "indexer exit $indexer_status, server exit $server_status"
[[ -n $first && -n $last ]] && ((last > first)) || { echo "the server did not see the commits"; exit 1; }
[[ $failures == 0 && ($indexer_status == 0 || $indexer_status == 143) && $server_status == 0 ]]
