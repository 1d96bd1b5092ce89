#!/usr/bin/env bash
# Disk full: index into a small tmpfs, once as a bulk load into an empty database and once as
# an incremental run into a full one. Each time: one clear error line and exit code 4, every
# database (and staging shard) still passes xapian-check, and after the filesystem is enlarged
# the same command finishes with the same articles as a run that never ran out of space.
# Needs root (mount); skips with a message otherwise.
#
# Usage: disk_full.sh NEWSINDEX NEWSSEARCH
set -u
newsindex=$1 newssearch=$2
work=$(mktemp -d)
small=$work/small
mkdir -p "$small"
if ! mount -t tmpfs -o size=2m tmpfs "$small" 2>/dev/null; then
  rm -rf "$work"
  echo "disk_full: skipped: cannot mount a tmpfs here (needs root)"
  exit 0
fi
trap 'umount "$small" 2>/dev/null; rm -rf "$work"' EXIT

generate() {  # FIRST COUNT: JSON Lines articles gen-FIRST.. with recurring names
  awk -v first="$1" -v count="$2" 'BEGIN {
    for (i = first; i < first + count; i++)
      printf "{\"id\": \"gen-%05d\", \"date\": \"20%02d-%02d-%02d\", \"title\": \"Report %d on harbour works\", \"body\": \"Rurik Stavnell said on Monday that the harbour works in district %d would continue. Stavnell added that talks were planned with Annika Thorsvik.\"}\n", i, 10 + i % 14, 1 + i % 12, 1 + i % 28, i, i
  }'
}
mkdir -p "$work/first" "$work/second"
generate 0 4500 >"$work/first/a.jsonl"
generate 4500 4500 >"$work/second/b.jsonl"

snapshot() {  # every article's id, date and title in a fixed order
  "$newssearch" --db "$1" --format json --sort oldest --limit 10000 '' | grep -E '"(id|date|title)"'
}
check_all() {  # LABEL: xapian-check the database and any staging shard
  local database ok=0
  for database in "$small/db" "$small/db.staging"/shard-*; do
    [[ -d $database ]] || continue
    if ! xapian-check "$database" >"$work/check.log" 2>&1; then
      echo "$1: xapian-check $database failed"; cat "$work/check.log"; ok=1
    fi
  done
  return $ok
}
status=0
expect_disk_full() {  # LABEL COMMAND...: the command must fail with exit 4 and one error line
  local label=$1 code
  shift
  "$@" 2>"$work/err"
  code=$?
  if [[ $code != 4 ]]; then
    echo "$label: exit $code, expected 4 (disk full)"; cat "$work/err"; status=1
  elif [[ $(grep -c 'disk full while writing database' "$work/err") != 1 ]]; then
    echo "$label: no single disk-full line:"; cat "$work/err"; status=1
  fi
  echo "$label: exit $code: $(grep 'error' "$work/err" | sed "s|$work|<WORK>|g")"
}

# 1. A bulk load into an empty database runs out of space.
expect_disk_full "bulk load" "$newsindex" index --quiet --writers 2 --commit-every 200 --db "$small/db" "$work/first"
check_all "after the failed bulk load" || status=1
mount -o remount,size=200m "$small"
"$newsindex" index --quiet --writers 2 --db "$small/db" "$work/first" || { echo "bulk load resume failed"; status=1; }
"$newsindex" index --quiet --writers 1 --db "$work/reference" "$work/first"
if ! diff <(snapshot "$work/reference") <(snapshot "$small/db") >/dev/null; then
  echo "after the bulk load resumed, the database differs from a clean run"; status=1
fi

# 2. An incremental run into the full database runs out of space: fill the disk to a little
# above what the database uses now.
used_kb=$(du -sk "$small" | cut -f1)
mount -o remount,size=$((used_kb + 1024))k "$small"
expect_disk_full "incremental run" "$newsindex" index --quiet --commit-every 200 --db "$small/db" "$work/first" "$work/second"
check_all "after the failed incremental run" || status=1
committed=$(snapshot "$small/db" | grep -c '"id"')
echo "incremental run: $committed articles searchable after the failure (4500 before it)"
mount -o remount,size=400m "$small"
"$newsindex" index --quiet --db "$small/db" "$work/first" "$work/second" || { echo "incremental resume failed"; status=1; }
"$newsindex" index --quiet --db "$work/reference" "$work/second"
if ! diff <(snapshot "$work/reference") <(snapshot "$small/db") >/dev/null; then
  echo "after the incremental run resumed, the database differs from a clean run"; status=1
fi
echo "disk_full: $(snapshot "$small/db" | grep -c '"id"') articles; result equals a clean run: $([[ $status == 0 ]] && echo yes || echo NO)"
exit $status
