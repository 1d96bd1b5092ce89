#!/usr/bin/env bash
# Crash-safe resume: kill -9 the indexer at random moments, run it again, and check that the
# result equals an uninterrupted run: same articles, same content, same person facets, no
# duplicates, and xapian-check passes after every kill.
#
# Usage: kill_resume.sh NEWSINDEX NEWSSEARCH CORPUS_DIR [KILLS] [SEED]
#   KILLS defaults to $KILL_LOOPS or 6 (the CI form); the long form is e.g. KILL_LOOPS=200.
#   SEED defaults to the current time; it is printed so a failing run can be replayed.
set -u
newsindex=$1 newssearch=$2 corpus=$3
kills=${4:-${KILL_LOOPS:-6}}
seed=${5:-$(date +%s)}
echo "kill_resume: $kills kills, seed $seed (replay: $0 ... $kills $seed)"
RANDOM=$seed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# An archive big enough that a run takes about a second: the sample corpus plus generated
# wire articles with recurring names.
mkdir -p "$work/archive"
cp -r "$corpus"/. "$work/archive/"
awk 'BEGIN {
  split("Rurik Stavnell|Annika Thorsvik|Aurelio Matamba|Mikael Austerby|Elin Vasquez-Harland", names, "|")
  for (i = 0; i < 6000; i++) {
    n = names[i % 5 + 1]; surname = n; sub(/.* /, "", surname)
    printf "{\"id\": \"gen-%05d\", \"date\": \"20%02d-%02d-%02d\", \"title\": \"Report %d on harbour works\", \"body\": \"%s said on Monday that the harbour works in district %d would continue. %s added that talks were planned.\"}\n", i, 10 + i % 14, 1 + i % 12, 1 + i % 28, i, n, i, surname
  }
}' >"$work/archive/generated.jsonl"

snapshot() {  # what must be identical: every article's id, date and title, and person facets
  set -o pipefail
  "$newssearch" --db "$1" --format json --sort oldest --limit 10000 '' | grep -E '"(id|date|title)"' &&
    "$newssearch" --db "$1" --format json --limit 0 --facet person --facet-size 10000 ''
}

# The reference is written by one writer; the killed runs bulk-load through two staging shards
# (the database is empty until a load completes), so the comparison covers both paths.
"$newsindex" index --quiet --writers 1 --db "$work/reference" "$work/archive" || { echo "reference run failed"; exit 1; }
snapshot "$work/reference" >"$work/reference.snapshot" || { echo "reference snapshot failed"; exit 1; }
expected=$(($(find "$corpus" -name '*.txt' | wc -l) + $(cat "$corpus"/wire/*.jsonl | wc -l) + 6000))
if [[ $(grep -c '"id"' "$work/reference.snapshot") != "$expected" ]]; then
  echo "reference run holds $(grep -c '"id"' "$work/reference.snapshot") articles, expected $expected"
  exit 1
fi

status=0
landed=0
for ((k = 1; k <= kills; k++)); do
  delay_ms=$((20 + RANDOM % 400))
  "$newsindex" index --quiet --writers 2 --commit-every 25 --db "$work/db" "$work/archive" &
  pid=$!
  sleep "$(printf '0.%03d' "$delay_ms")"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [[ $? == 137 ]] && landed=$((landed + 1))  # 128 + SIGKILL: it was still running
  for database in "$work/db" "$work/db.staging"/shard-*; do
    # A shard-K.creating-PID directory is one the killed run had not finished creating.
    [[ $database =~ \.creating-[0-9]+$ ]] && continue
    if [[ -d $database ]] && ! xapian-check "$database" >"$work/check.log" 2>&1; then
      echo "kill $k after ${delay_ms} ms: xapian-check $database failed"; cat "$work/check.log"
      status=1
    fi
  done
done
"$newsindex" index --quiet --writers 2 --db "$work/db" "$work/archive" || { echo "final run failed"; exit 1; }
snapshot "$work/db" >"$work/final.snapshot" || { echo "final snapshot failed"; exit 1; }
if ! diff -q "$work/reference.snapshot" "$work/final.snapshot" >/dev/null; then
  echo "after $kills kills the database differs from an uninterrupted run:"
  diff "$work/reference.snapshot" "$work/final.snapshot" | head -20
  status=1
fi
ref_count=$(grep -c '"id"' "$work/reference.snapshot")
# A kill that comes after a (resumed) run has finished tests nothing. Later runs have less left
# to do, so not every kill lands, but the test is void unless some do.
if ((landed == 0)); then
  echo "no kill hit a running indexer; the archive is too small for this machine"
  status=1
fi
echo "kill_resume: $ref_count articles, $landed of $kills kills mid-run; result equals the uninterrupted run: $([[ $status == 0 ]] && echo yes || echo NO)"
exit $status
