#!/usr/bin/env bash
# The main job: install dependencies, build, index corpus/ and run example searches.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
# The programs to /usr/local/bin, with their man pages and bash and zsh completions.
cmake --install build >/dev/null

# Echoes a command as a user would type it (single-quoting arguments that need it), then runs it.
run() {
  local shown="" arg
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_./:=-]+$ ]]; then shown+=" $arg"; else shown+=" '${arg//\'/\'\\\'\'}'"; fi
  done
  printf '\n$%s\n' "$shown"
  "$@" || true
}
run newsindex index corpus
run newssearch Esper
run newssearch --from 2020-02 troops
run newssearch '"no decision to leave Iraq"'
run newssearch --sort newest --limit 5 --from 2023 ''
run newssearch --format json --limit 1 withdrawing
run newssearch --person Soleimani --facet person --limit 1
run newssearch --facet year --limit 0 troops
run newsindex stats
