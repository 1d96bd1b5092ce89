#!/usr/bin/env bash
# Runs one CLI golden case and compares stdout, stderr and the exit code with the case's files.
#
# A case directory holds:
#   cmd        a bash snippet run with $NEWSINDEX, $NEWSSEARCH, $CORPUS and $WORK (a fresh temp
#              dir) set; the corpus is already indexed into $DB when the case has a file "needs-db"
#   stdout, stderr, exit_code   the expected results
# Unstable text is sanitized before comparison: $WORK becomes <WORK>, timings become <N>.
# UPDATE_GOLDEN=1 rewrites the expected files from the actual run.
set -u
case_dir=$1
export NEWSINDEX=$2 NEWSSEARCH=$3 CORPUS=$4
WORK=$(mktemp -d)
export WORK DB=$WORK/db
trap 'rm -rf "$WORK"' EXIT

if [[ -f $case_dir/needs-db ]]; then
  "$NEWSINDEX" index --quiet --db "$DB" "$CORPUS" || { echo "indexing the corpus failed"; exit 1; }
fi

(cd "$WORK" && bash "$case_dir/cmd") >"$WORK/stdout.raw" 2>"$WORK/stderr.raw" </dev/null
echo $? >"$WORK/exit_code"

sanitize() {
  sed -e "s|$WORK|<WORK>|g" \
      -e 's/in [0-9.]* s ([0-9]* articles\/s)/in <N> s (<N> articles\/s)/g' "$1"
}
sanitize "$WORK/stdout.raw" >"$WORK/stdout"
sanitize "$WORK/stderr.raw" >"$WORK/stderr"

if [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
  cp "$WORK/stdout" "$WORK/stderr" "$WORK/exit_code" "$case_dir/"
  echo "updated $(basename "$case_dir")"
  exit 0
fi

status=0
for part in exit_code stdout stderr; do
  if ! diff -u "$case_dir/$part" "$WORK/$part" >"$WORK/diff"; then
    echo "--- $part differs (expected vs actual):"
    cat "$WORK/diff"
    status=1
  fi
done
exit $status
