#!/usr/bin/env bash
# Trains the entity tagger's model, models/ner-en.bin, from the shared corpora in ../shared (or
# $SHARED): converts Reuters-21578 to JSON Lines, then runs tools/train_ner, which learns the
# Brown clusters from the Reuters bodies and the CoNLL-2003 training text (about 2 minutes),
# takes the case profiles from the Reuters bodies, the name lists from corpora/names and the
# gazetteers from the Reuters lists and CIA World Factbook facts, and trains both passes on
# eng.train (about 1 minute), reporting on eng.testa (dev) as it goes.
# Deterministic: the same inputs give the same bytes. Rebuild afterwards: the model is compiled in.
# Usage: bash scripts/train-ner.sh [BUILD_DIR] [TRAIN_NER_OPTIONS...]   (default: build-ner)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
build=${1:-$root/build-ner}
shift || true
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target train_ner -j2 >/dev/null
python3 "$shared/tools/reuters2jsonl.py" "$shared/corpora/reuters21578" -o "$tmp/reuters.jsonl"
"$build/tools/train_ner/train_ner" --train "$shared/corpora/conll2003/eng.train" \
  --names-dir "$shared/corpora/names" --running-text "$tmp/reuters.jsonl" \
  --gazetteers "$shared/corpora/reuters21578" --clusters 256 --epochs 20 --out "$root/models/ner-en.bin" --dev "$shared/corpora/conll2003/eng.testa" "$@"
