#!/usr/bin/env bash
# Span precision, recall and F1 of `newsindex entities --text` for every entity type on
# CoNLL-2003 (person, place = LOC, organization = ORG, misc = MISC): each document is piped as
# text, one sentence a line, as bench/person_f1.sh does, and byte spans are compared exactly.
# Usage: bash bench/entity_types_f1.sh [BUILD_DIR] [CONLL_FILE]   (default: build, eng.testa)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shared=${SHARED:-$root/../shared}
conll=${2:-$shared/corpora/conll2003/eng.testa}
if [[ ! -f $conll ]]; then
  echo "entity_types_f1: skipped: $conll not found (needs ../shared beside the checkout)"
  exit 0
fi
cmake --build "$build" --target newsindex >/dev/null
python3 - "$conll" "$build/indexer/newsindex" <<'PY'
import json, subprocess, sys
conll, newsindex = sys.argv[1], sys.argv[2]
TYPES = {"PER": "person", "LOC": "place", "ORG": "organization", "MISC": "misc"}

def documents(path):
    doc, sent = [], []
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if sent: doc.append(sent); sent = []
            if doc: yield doc
            doc = []
        elif not line.strip():
            if sent: doc.append(sent); sent = []
        else:
            parts = line.split(); sent.append((parts[0], parts[-1]))
    if sent: doc.append(sent)
    if doc: yield doc

def text_and_gold(doc):
    out, gold, pos = [], set(), 0
    for s_i, sent in enumerate(doc):
        if s_i: out.append(b"\n"); pos += 1
        current = None  # (type, start, end)
        prev = "O"
        for t_i, (tok, tag) in enumerate(sent):
            b = tok.encode("utf-8")
            if t_i: out.append(b" "); pos += 1
            typ = tag[2:] if tag != "O" else None
            begins = typ and (tag.startswith("B-") or prev != typ)
            if current and (typ != current[0] or begins):
                gold.add(current); current = None
            if typ:
                current = (typ, current[1] if current else pos, pos + len(b))
            out.append(b); pos += len(b)
            prev = typ or "O"
        if current: gold.add(current)
    return b"".join(out), {(TYPES[t], s, e) for t, s, e in gold}

counts = {t: [0, 0, 0] for t in TYPES.values()}  # tp, fp, fn
for doc in documents(conll):
    text, gold = text_and_gold(doc)
    run = subprocess.run([newsindex, "entities", "--text"], input=text, capture_output=True,
                         check=True)
    found = {(m["type"], m["start"], m["end"])
             for m in map(json.loads, run.stdout.decode().splitlines())}
    for t in counts:
        g = {x for x in gold if x[0] == t}; f = {x for x in found if x[0] == t}
        counts[t][0] += len(g & f); counts[t][1] += len(f - g); counts[t][2] += len(g - f)
total = [sum(c[i] for c in counts.values()) for i in range(3)]
for name, (tp, fp, fn) in list(counts.items()) + [("all", total)]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name:13s} tp={tp:5d} fp={fp:4d} fn={fn:4d}  P={p:.4f} R={r:.4f} F1={f:.4f}")
PY
