#!/usr/bin/env bash
# Ranking quality of `newssearch --op or` next to plain Xapian 1.4 BM25 on the four classic IR
# collections in ../shared/corpora/ir (MED, CISI, CRAN, NPL): MAP and P@10 over the judged
# queries, one table.
# Usage: bash bench/ir_ranking.sh BUILD_DIR
#   BUILD_DIR  holds indexer/newsindex and searcher/newssearch (built there first)
# SHARED=DIR replaces ../shared. PYTHON_XAPIAN=PATH is a Python 3 with the xapian module
# (default /usr/bin/python3; Debian package python3-xapian), which the baseline needs.
#
# Per collection:
#   - bench/ir_collections.py writes the documents as JSON Lines: id = the document's number, no
#     date, title = the collection's title field where it has real ones (CISI and CRAN .T),
#     otherwise none, so newsindex derives a headline as it does for any article without one.
#   - every query is typed with each character that is neither a letter, a digit nor
#     whitespace replaced by a space (no punctuation can become query syntax), in the case the
#     collection gives it (NPL's queries are in capitals).
#   - newssearch: `newsindex index` into a fresh database, then each query through
#     `newssearch --op or --format json --limit 1000`. A query over newssearch's limit of 64
#     terms is cut to its first 64 words, as a user told "query too long" would cut it (CISI
#     has such queries; the count is printed under the table).
#   - plain Xapian (bench/ir_plain_xapian.py): TermGenerator and QueryParser with the english
#     stemmer, STEM_SOME, OR, no stopper, BM25 defaults, each query lower-cased (plain Xapian
#     leaves capitalised words unstemmed and reads capital AND/OR/NEAR as operators; lower
#     case is what reproduces the figures in ../shared/corpora/ir/README.md, and is the
#     stronger baseline).
#   - bench/ir_score.py scores each run: non-interpolated MAP and P@10 over the queries with at
#     least one relevant document.
# Prints: collection, queries scored, plain Xapian MAP and P@10, newssearch MAP and P@10, and
# newssearch's MAP minus plain Xapian's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: bench/ir_ranking.sh BUILD_DIR}" && pwd)
shared=${SHARED:-$root/../shared}
python_xapian=${PYTHON_XAPIAN:-/usr/bin/python3}
collections=$shared/corpora/ir
if [[ ! -d $collections/npl ]]; then
  echo "ir_ranking: skipped: $collections not found (needs ../shared beside the checkout)"
  exit 0
fi
if ! "$python_xapian" -c 'import xapian' 2>/dev/null; then
  echo "ir_ranking: $python_xapian has no xapian module (apt-get install python3-xapian)" >&2
  exit 2
fi
cmake --build "$build" --target newsindex newssearch >/dev/null
newsindex=$build/indexer/newsindex
newssearch=$build/searcher/newssearch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Reads "query_id<TAB>text" lines; prints "query_id<TAB>doc_id" for newssearch's top 1000.
run_newssearch() {
  local db=$1 query_id text
  while IFS=$'\t' read -r query_id text; do
    read -r -a words <<<"$text"
    if ((${#words[@]} > 64)); then
      words=("${words[@]:0:64}")
      echo cut >>"$work/cut"
    fi
    "$newssearch" --db "$db" --op or --format json --limit 1000 -- "${words[*]}" |
      python3 -c 'import json, sys
for hit in json.load(sys.stdin)["results"]: print(sys.argv[1] + "\t" + hit["id"])' "$query_id" ||
      true # exit 1: nothing matched
  done
}

printf '%-18s  %-17s  %-17s\n' "" "plain Xapian" "newssearch"
printf '%-10s %7s  %7s %9s  %7s %9s  %8s\n' collection queries MAP P@10 MAP P@10 "MAP diff"
for name in med cisi cran npl; do
  folder=$collections/$name
  python3 "$root/bench/ir_collections.py" jsonl "$name" "$folder" >"$work/$name.jsonl"
  python3 "$root/bench/ir_collections.py" queries "$name" "$folder" >"$work/$name.queries"
  tr '[:upper:]' '[:lower:]' <"$work/$name.queries" >"$work/$name.lower"
  "$python_xapian" "$root/bench/ir_plain_xapian.py" "$work/$name.jsonl" "$work/$name.lower" \
    "$work/$name.xapian" >"$work/$name.plain"
  "$newsindex" index -q --db "$work/$name.db" "$work/$name.jsonl" 2>/dev/null || true
  run_newssearch "$work/$name.db" <"$work/$name.queries" >"$work/$name.ours"
  read -r plain_map plain_p10 scored < <(python3 "$root/bench/ir_score.py" "$name" "$folder" "$work/$name.plain")
  read -r ours_map ours_p10 _ < <(python3 "$root/bench/ir_score.py" "$name" "$folder" "$work/$name.ours")
  printf '%-10s %7s  %7s %9s  %7s %9s  %+8.3f\n' "$name" "$scored" "$plain_map" "$plain_p10" \
    "$ours_map" "$ours_p10" "$(echo "$ours_map - $plain_map" | bc)"
done
echo "queries cut to 64 words for newssearch: $(cat "$work/cut" 2>/dev/null | wc -l) (all collections, judged or not)"
