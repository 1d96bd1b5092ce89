#!/usr/bin/env bash
# Install dependencies, build with warnings as errors, run every test.
#
# With CI=true (.ci/run sets it) more stages follow, each timed:
#   - the Debian package: cpack -G DEB from build-test, installed with apt-get (so its Depends
#     resolve), its programs and man page checked, then removed;
#   - the same build with NEWSARCHIVE_SANITIZE=ON (ASan + UBSan) in build-asan, and every test
#     run there, the CLI goldens and fault tests included: any sanitizer report fails a test;
#   - scripts/fuzz.sh with FUZZ_SECONDS (default 30) per fuzz target;
#   - scripts/tidy.sh: clang-tidy with the checks of .clang-tidy, any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSARCHIVE_WERROR=ON >/dev/null
cmake --build build-test -j"$(nproc)"
(cd build-test && ctest --output-on-failure -j"$(nproc)")

[[ ${CI:-} == true ]] || exit 0

stage_start=$SECONDS
bash scripts/check-deb.sh build-test
echo "Debian package: $((SECONDS - stage_start)) s"

stage_start=$SECONDS
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSARCHIVE_WERROR=ON \
  -DNEWSARCHIVE_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
# Stack traces for UBSan findings too; ASan prints them already.
# Three timing tests are left to the normal build: under ASan a search is slow enough that an
# indexer committing every few articles outruns its ten tries (searching directly and through
# newssearch serve), and the SIGTERM golden's run takes long enough to print a progress line its
# expected output does not have.
(cd build-asan && UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$(nproc)" \
  -E 'faults.search_while_indexing|faults.serve_while_indexing|cli.index_sigterm_commits')
echo "sanitizer build and tests: $((SECONDS - stage_start)) s"

stage_start=$SECONDS
bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
echo "fuzzing: $((SECONDS - stage_start)) s"

stage_start=$SECONDS
bash scripts/tidy.sh
echo "clang-tidy: $((SECONDS - stage_start)) s"
