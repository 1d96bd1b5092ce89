#!/usr/bin/env bash
# clang-tidy with the checks of .clang-tidy over the library and the programs; exits non-zero on
# any finding. Usage: scripts/tidy.sh [BUILD_DIR]  (default build-tidy; configured here with a
# compilation database, nothing is compiled).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-tidy}
cmake -S . -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DNEWSARCHIVE_BUILD_TESTS=OFF >/dev/null
mapfile -t sources < <(git ls-files 'common/*.cc' 'indexer/*.cc' 'searcher/*.cc')
run-clang-tidy-14 -p "$build" -quiet -j "$(nproc)" "${sources[@]/#/$PWD/}" >"$build/tidy.log" 2>&1 ||
  status=$?
# run-clang-tidy colours its output whatever the terminal; the log is read without the escapes.
sed -i 's/\x1b\[[0-9;]*m//g' "$build/tidy.log"
if grep -E 'warning:|error:' "$build/tidy.log"; then
  echo "tidy: findings above (full log: $build/tidy.log)" >&2
  exit 1
fi
if ((${status:-0} != 0)); then
  tail -20 "$build/tidy.log" >&2
  exit 1
fi
echo "tidy: ${#sources[@]} files, no findings"
