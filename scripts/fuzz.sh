#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz and runs each for SECONDS.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS per target: 30 by default (the CI form); the long form is e.g. scripts/fuzz.sh 600.
#   TARGETs default to all of fuzz_text_article fuzz_jsonl_reader fuzz_date fuzz_query
#   fuzz_input_reader fuzz_api_request.
#   FUZZ_JOBS targets run at once (default: the number of cores).
#
# Each target starts from its committed seeds (fuzz/corpus/<target>) and saved crash inputs
# (fuzz/regressions/<target>); inputs it finds interesting collect in build-fuzz/corpus/<target>,
# outside git. An input that crashes, leaks, breaks a fuzz contract, runs over 2 s (-timeout=2)
# or exhausts memory is saved in fuzz/regressions/<target>/ as crash-<sha1> (leak-, timeout-,
# oom-), and the script exits 1. Commit that file with the fix: ctest's fuzz_replay.<name>
# replays it in every test build from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_text_article fuzz_jsonl_reader fuzz_date fuzz_query fuzz_input_reader fuzz_api_request)
max_jobs=${FUZZ_JOBS:-$(nproc)}

mkdir -p build-fuzz/logs
# The build's output is kept quiet, and shown only when it fails.
if ! { CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DNEWSARCHIVE_FUZZ=ON -DNEWSARCHIVE_BUILD_TESTS=OFF &&
  cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"; } >build-fuzz/logs/build.log 2>&1; then
  cat build-fuzz/logs/build.log
  echo "fuzz.sh: building the fuzzers failed"
  exit 1
fi

run_target() {
  local target=$1 dict=() leaks=()
  mkdir -p "build-fuzz/corpus/$target" "fuzz/regressions/$target"
  [[ -f fuzz/dict/$target.dict ]] && dict=(-dict="fuzz/dict/$target.dict")
  # Xapian 1.4.22's QueryParser leaks a few Query nodes on some syntax-error paths (e.g.
  # 'ESPER (AND date:ESPER *ANDd'), inside parse_query, not in our code; leak detection would
  # stop fuzz_query on that at once. Crashes, UB and timeouts still count.
  local asan_options=${ASAN_OPTIONS:-}
  if [[ $target == fuzz_query ]]; then
    leaks=(-detect_leaks=0)
    asan_options=${asan_options:+$asan_options:}detect_leaks=0  # LeakSanitizer's check at exit
  fi
  ASAN_OPTIONS=$asan_options "build-fuzz/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout=2 \
    -print_final_stats=1 "${dict[@]}" "${leaks[@]}" -artifact_prefix="fuzz/regressions/$target/" \
    "build-fuzz/corpus/$target" "fuzz/corpus/$target" "fuzz/regressions/$target" \
    >"build-fuzz/logs/$target.log" 2>&1
}

final_stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }  # libFuzzer's -print_final_stats

echo "fuzzing ${targets[*]} for $seconds s each, $max_jobs at a time (logs in build-fuzz/logs)"
declare -A pids
status=0
for target in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= max_jobs)); do wait -n || true; done
  run_target "$target" &
  pids[$target]=$!
done
for target in "${targets[@]}"; do
  result=0
  wait "${pids[$target]}" || result=$?
  log=build-fuzz/logs/$target.log
  echo "$target: $(final_stat number_of_executed_units) runs, $(final_stat average_exec_per_sec) runs/s," \
    "$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | tr -d :) edges, peak RSS $(final_stat peak_rss_mb) MB" \
    "$( ((result == 0)) && echo ok || echo "FAILED (exit $result)")"
  if ((result != 0)); then
    status=1
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz contract broken|.*runtime error)' "$log" | head -5 || true
    # A saved input identical to a committed seed or regression (a known failure, not yet fixed)
    # is removed again, so that only new inputs are left to commit.
    sed -n 's/.*Test unit written to //p' "$log" | while read -r saved; do
      known=$(find "fuzz/regressions/$target" "fuzz/corpus/$target" -type f ! -path "$saved" \
        -exec cmp -s "$saved" {} \; -print -quit)
      if [[ -n $known ]]; then
        rm -f "$saved"
        echo "  input: $known (already committed)"
      else
        echo "  saved $saved"
      fi
    done
    echo "  full report: $log"
  fi
done
exit $status
