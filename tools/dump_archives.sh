#!/usr/bin/env bash
# Indexes corpus/ and Reuters-21578 with BUILD_DIR's newsindex into fresh databases and writes
# their canonical dumps (tools/dump_db) to OUT_DIR: corpus.dump, reuters.dump (--writers 1,
# direct writes) and reuters-w2.dump (--writers 2, the bulk load through staging shards). Run it
# with the build before a change and the build after, then diff the two OUT_DIRs: what differs is
# what the change did to the index.
# Usage: tools/dump_archives.sh BUILD_DIR OUT_DIR
# The dumper is built once from tools/dump_db/dump_db.cc into OUT_DIR's parent, so dumps taken
# with different builds are made by the same dumper.
set -euo pipefail
if (($# != 2)); then
  echo "usage: tools/dump_archives.sh BUILD_DIR OUT_DIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
shared=$root/../shared
newsindex=$build/indexer/newsindex
if [[ ! -x $newsindex ]]; then
  echo "dump_archives: $newsindex not found; build first" >&2
  exit 2
fi
dump_db=$(dirname "$out")/dump_db
if [[ ! -x $dump_db || $root/tools/dump_db/dump_db.cc -nt $dump_db ]]; then
  # shellcheck disable=SC2046  # pkg-config prints several words on purpose
  g++ -std=c++20 -O2 -o "$dump_db" "$root/tools/dump_db/dump_db.cc" $(pkg-config --cflags --libs xapian-core)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# index NAME INPUT OPTION...: a fresh database $work/NAME, dumped to $out/NAME.dump.
index() {
  local name=$1 input=$2
  shift 2
  "$newsindex" index --db "$work/$name" -q "$@" "$input" 2>"$out/$name.log" || (($? == 1))
  "$dump_db" "$work/$name" >"$out/$name.dump"
}

index corpus "$root/corpus/" --writers 1
if [[ ! -d $shared/corpora/reuters21578 ]]; then
  echo "dump_archives: ../shared/corpora/reuters21578 not found beside the checkout; dumped corpus/ only"
  exit 0
fi
python3 "$shared/tools/reuters2jsonl.py" "$shared/corpora/reuters21578" -o "$work/reuters.jsonl" \
  2>"$out/reuters2jsonl.log"
index reuters "$work/reuters.jsonl" --writers 1
index reuters-w2 "$work/reuters.jsonl" --writers 2
cd "$out"
wc -c -l corpus.dump reuters.dump reuters-w2.dump
if cmp -s reuters.dump reuters-w2.dump; then
  echo "reuters.dump and reuters-w2.dump are identical"
else
  echo "reuters.dump and reuters-w2.dump differ"
fi
