#!/usr/bin/env bash
# Load bench of `newssearch serve` on loopback with hey (Debian package hey): requests per second
# and p50/p95 latency for two requests, each at concurrency 1, 8 and 32:
#   typical  /api/search?q=oil+prices&limit=10                      (10 hits with snippets)
#   faceted  /api/search?q=trade&facet=person&facet=year&limit=10   (hits plus two facets)
# The server runs with --threads $NEWSARCHIVE_BENCH_THREADS (default 32, the server's own) on a
# free port (--listen 127.0.0.1:0; the port is read from its "listening on" line). Each URL is
# first fetched once with curl (must be 200 and JSON) and then warmed up with 200 requests at
# concurrency 8; the figures come from hey's summary (Requests/sec, the 50% and 95% lines). A
# request is failed when its status is not 200 or hey reports an error for it (connection refused
# or reset, timeout), or when hey made fewer requests than asked. hey and the server share this
# machine's cores, so req/s at concurrency 32 is bounded by both.
# Prints one table: url, concurrency, requests, failed, req/s, p50 ms, p95 ms; hey's raw output
# is kept in the work dir. Exits 1 if any request failed, 2 on a setup error (0 with a message
# when no DB is given and ../shared is absent). The server is stopped with SIGTERM at the end and
# must exit 0 within 10 s.
# Without DB, builds the 200k-article scaled Reuters-21578 archive from ../shared once into
# $NEWSARCHIVE_BENCH_DIR (default /tmp/newsarchive-bench: the archive and index of
# bench/facet_latency.sh, reused by both while present).
# Usage: bench/serve_load.sh BUILD_DIR [DB]   (requests per run: $NEWSARCHIVE_BENCH_REQUESTS,
#        default 2000, and $NEWSARCHIVE_BENCH_REQUESTS_C1, default 1000, at concurrency 1)
set -euo pipefail
cd "$(dirname "$0")/.."
if (($# < 1 || $# > 2)); then
  echo "usage: bench/serve_load.sh BUILD_DIR [DB]" >&2
  exit 2
fi
build=$1
db=${2:-}
shared=../shared
work=${NEWSARCHIVE_BENCH_DIR:-/tmp/newsarchive-bench}
cores=$(nproc)
threads=${NEWSARCHIVE_BENCH_THREADS:-32}
requests=${NEWSARCHIVE_BENCH_REQUESTS:-2000}
requests_c1=${NEWSARCHIVE_BENCH_REQUESTS_C1:-1000}
newssearch=$build/searcher/newssearch
newsindex=$build/indexer/newsindex

for n in "$threads" "$requests" "$requests_c1"; do
  if [[ ! $n =~ ^[1-9][0-9]*$ ]]; then
    echo "serve_load: thread and request counts must be positive integers: '$n'" >&2
    exit 2
  fi
done
for tool in hey curl python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "serve_load: $tool not found (scripts/install-deps.sh installs it); nothing measured" >&2
    exit 2
  fi
done
if [[ ! -x $newssearch ]]; then
  echo "serve_load: $newssearch not found; build first (cmake --build $build)" >&2
  exit 2
fi
mkdir -p "$work"

if [[ -z $db ]]; then
  if [[ ! -d $shared/corpora/reuters21578 || ! -d $shared/tools ]]; then
    echo "serve_load: skipped: no DB given and ../shared (corpora/reuters21578, tools) not found beside the checkout; nothing measured"
    exit 0
  fi
  if [[ ! -x $newsindex ]]; then
    echo "serve_load: $newsindex not found; build first (cmake --build $build)" >&2
    exit 2
  fi
  if [[ ! -s $work/reuters-200k.jsonl ]]; then
    echo "serve_load: scaling Reuters-21578 to 200000 articles (once)..." >&2
    python3 "$shared/tools/reuters2jsonl.py" "$shared/corpora/reuters21578" \
      -o "$work/reuters.jsonl.tmp" >&2
    python3 "$shared/tools/scale_corpus.py" "$work/reuters.jsonl.tmp" --target 200000 \
      >"$work/reuters-200k.jsonl.tmp"
    mv "$work/reuters.jsonl.tmp" "$work/reuters.jsonl"
    mv "$work/reuters-200k.jsonl.tmp" "$work/reuters-200k.jsonl"
  fi
  db=$work/db-200k
  if [[ ! -f $db/iamglass ]]; then
    echo "serve_load: indexing 200000 articles into $db (once; minutes)..." >&2
    rm -rf "$db"
    # Status 1 means some articles were skipped (reported on stderr); the index is complete.
    status=0
    /usr/bin/time -f "serve_load: indexing: %e s wall, %M KB peak RSS" \
      "$newsindex" index --quiet --db "$db" "$work/reuters-200k.jsonl" || status=$?
    if ((status > 1)); then
      echo "serve_load: indexing failed with status $status" >&2
      rm -rf "$db"
      exit 2
    fi
  fi
fi
if [[ ! -d $db ]]; then
  echo "serve_load: database not found: $db" >&2
  exit 2
fi

# --- the server -----------------------------------------------------------------------------
log=$work/serve.log
server=
stop_server() {  # prints nothing; leaves the server's exit status in server_status
  server_status=0
  [[ -n $server ]] || return 0
  kill -TERM "$server" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$server" 2>/dev/null; then
    echo "serve_load: the server did not stop within 10 s of SIGTERM; killing it" >&2
    kill -KILL "$server" 2>/dev/null || true
    server_status=137
  fi
  wait "$server" 2>/dev/null || server_status=$?
  server=
}
trap stop_server EXIT

"$newssearch" serve --db "$db" --listen 127.0.0.1:0 --threads "$threads" 2>"$log" >/dev/null &
server=$!
port=
for _ in $(seq 300); do  # up to 30 s
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$log" | head -n 1)
  [[ -n $port ]] && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "serve_load: the server exited before listening; its stderr:" >&2
    cat "$log" >&2
    server=
    exit 2
  fi
  sleep 0.1
done
if [[ -z $port ]]; then
  echo "serve_load: no 'listening on http://127.0.0.1:PORT' line within 30 s; its stderr:" >&2
  cat "$log" >&2
  exit 2
fi
base=http://127.0.0.1:$port

names=(typical faceted)
declare -A paths=(
  [typical]='/api/search?q=oil+prices&limit=10'
  [faceted]='/api/search?q=trade&facet=person&facet=year&limit=10'
)

# One fetch per URL: it must answer 200 with JSON, else the load figures would measure an error.
for name in "${names[@]}"; do
  body=$work/serve-$name.json
  code=$(curl -s -o "$body" -w '%{http_code}' "$base${paths[$name]}") || code=000
  if [[ $code != 200 ]] || ! python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$body" 2>/dev/null; then
    echo "serve_load: $name (${paths[$name]}) answered status $code, not JSON 200; body:" >&2
    head -c 500 "$body" >&2 || true
    echo >&2
    exit 2
  fi
done
articles=$(curl -s "$base/api/stats" |
  python3 -c 'import json, sys; print(json.load(sys.stdin).get("articles", "?"))' 2>/dev/null) ||
  articles="?"

# parse OUT_FILE ASKED: prints "requests failed req/s p50_ms p95_ms" from hey's summary. Failed:
# responses with a status other than 200, errors, and requests hey asked for but never counted.
parse() {
  awk -v asked="$2" '
    /^ *Requests\/sec:/ { rps = $2 }
    /^ *50% in / { p50 = $3 * 1000 }
    /^ *95% in / { p95 = $3 * 1000 }
    /^Status code distribution:/ { section = "status"; next }
    /^Error distribution:/ { section = "error"; next }
    section != "" && /^ *\[[0-9]+\]/ {
      match($0, /\[[0-9]+\]/)
      key = substr($0, RSTART + 1, RLENGTH - 2)
      if (section == "status") {
        n = $2; done += n
        if (key != "200") bad += n
      } else {
        n = key; done += n; bad += n
      }
    }
    END {
      if (done < asked) bad += asked - done
      printf "%d %d %.1f %.2f %.2f\n", (done > asked ? done : asked), bad, rps, p50, p95
    }' "$1"
}

echo "serve load: newssearch serve --threads $threads on $db ($articles articles), $cores cores" \
  "shared with hey, loopback, keep-alive" >&2
for name in "${names[@]}"; do
  hey -n 200 -c 8 "$base${paths[$name]}" >"$work/hey-$name-warmup.out"
done

rows=()
failed_total=0
for name in "${names[@]}"; do
  for c in 1 8 32; do
    n=$requests
    ((c == 1)) && n=$requests_c1
    n=$(((n + c - 1) / c * c))  # hey sends n/c requests per worker
    out=$work/hey-$name-c$c.out
    echo "serve_load: $name c=$c: $n requests..." >&2
    hey -n "$n" -c "$c" "$base${paths[$name]}" >"$out"
    read -r made bad rps p50 p95 < <(parse "$out" "$n")
    failed_total=$((failed_total + bad))
    rows+=("$(printf "%-8s %11d %9d %7d %9.1f %8.2f %8.2f" "$name" "$c" "$made" "$bad" "$rps" "$p50" "$p95")")
  done
done

stop_server
trap - EXIT

echo
echo "serve load: $articles articles, newssearch serve --threads $threads, $cores cores (hey on the same cores)"
printf "%-8s %11s %9s %7s %9s %8s %8s\n" url concurrency requests failed req/s "p50 ms" "p95 ms"
printf "%s\n" "${rows[@]}"
for name in "${names[@]}"; do
  echo "$name: ${paths[$name]}"
done
echo "(hey output in $work/hey-*.out, server stderr in $log)"
if ((server_status != 0)); then
  echo "serve_load: the server exited with status $server_status after SIGTERM" >&2
  exit 1
fi
if ((failed_total > 0)); then
  echo "serve_load: $failed_total requests failed" >&2
  exit 1
fi
