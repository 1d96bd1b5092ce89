#!/usr/bin/env bash
# Person-span precision, recall and F1 of `newsindex entities` on CoNLL-2003, with the shared
# scorer (each document piped to the extractor as text; byte spans compared with the gold PER).
# Usage: bash bench/person_f1.sh [BUILD_DIR] [CONLL_FILE] [-v]
#   BUILD_DIR   default: build (newsindex is built there first)
#   CONLL_FILE  default: ../shared/corpora/conll2003/eng.testa (the dev split)
#   -v          list every missed and spurious span
# SHARED=DIR replaces ../shared (the corpora and the scorer).
# NER_COMMAND="..." replaces the extractor, e.g. build-ner/tools/train_ner/ner_spans --model F.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
verbose=()
args=()
for a in "$@"; do
  if [[ $a == -v ]]; then verbose=(-v); else args+=("$a"); fi
done
build=${args[0]:-$root/build}
shared=${SHARED:-$root/../shared}
conll=${args[1]:-$shared/corpora/conll2003/eng.testa}
if [[ ! -f $shared/tools/conll_person_f1.py || ! -f $conll ]]; then
  echo "person_f1: skipped: $conll or the scorer in $shared/tools not found (needs ../shared beside the checkout)"
  exit 0
fi
if [[ -n ${NER_COMMAND:-} ]]; then
  read -r -a command <<<"$NER_COMMAND"
else
  cmake --build "$build" --target newsindex >/dev/null
  command=("$build/indexer/newsindex" entities --text)
fi
python3 "$shared/tools/conll_person_f1.py" "$conll" "${verbose[@]}" -- "${command[@]}"
