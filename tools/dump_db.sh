#!/usr/bin/env bash
# Prints a database as canonical text (tools/dump_db/dump_db.cc), building the dumper first if
# it is out of date. Diff two dumps to see what a change did to the index.
# Usage: tools/dump_db.sh BUILD_DIR DB_DIR > OUT
#   BUILD_DIR   a configured build directory of this project (e.g. build)
#   DB_DIR      the database to dump
set -euo pipefail
if (($# != 2)); then
  echo "usage: tools/dump_db.sh BUILD_DIR DB_DIR > OUT" >&2
  exit 2
fi
build=$1
db=$2
# Build output would corrupt the dump on stdout: keep it, and show it only if the build fails.
if ! log=$(cmake --build "$build" --target dump_db 2>&1); then
  printf '%s\n' "$log" >&2
  echo "dump_db.sh: building dump_db in $build failed" >&2
  exit 1
fi
exec "$build/tools/dump_db/dump_db" "$db"
